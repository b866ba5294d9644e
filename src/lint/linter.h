// One lint run: find the files, read them, classify their documents, run
// every check, and return the findings in a stable order. The entry point
// of every command that lints: `check` and `baseline` on files, and the
// callers that hold texts in memory (an editor's buffers, a file being fixed).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "core/diagnostic.h"
#include "core/errors.h"
#include "manifest/loader.h"
#include "model/project.h"
#include "model/report.h"
#include "policy/baseline.h"
#include "policy/config.h"

namespace amlint {

// A file's text handed to the run instead of read from disk. It is linted as
// a named file at `path`: the config, the production and test paths and the
// v1 pairing of that place apply, and a file at `path` on disk is not read.
struct Buffer {
  // Where the text lives or would live, as diagnostics show it; "" for a
  // text from nowhere (shown as "<stdin>", with the current directory's
  // config and no siblings).
  std::string path;
  std::string text;
};

// The path in `LintOptions::paths` that stands for standard input.
inline constexpr std::string_view kStdinPath = "-";

struct LintOptions {
  std::vector<std::string> paths;  // files, directories, kStdinPath for standard input
  std::string stdin_filename;      // the path standard input is linted at (Buffer::path)
  // Texts to lint as they are, before `paths` (whose walks skip their paths).
  std::vector<Buffer> buffers;
  std::optional<std::string> model_path;
  const CapabilityTable* table = nullptr;  // nullptr: the built-in table
  // Rules not to run or report: ids ("AML601"), slugs, or id prefixes ("AML5").
  std::vector<std::string> ignore;
  Limits limits;
  std::string today;  // YYYY-MM-DD
  // The project configs (.amlint.yaml); nullptr: defaults for every file.
  ConfigResolver* configs = nullptr;
  Baseline* baseline = nullptr;  // findings to hide; nullptr: none
  unsigned jobs = 0;             // threads (--jobs); 0: one per core (util/pool.h)
  // AML003 for a named file that is not a manifest; off under pre-commit,
  // which names every staged YAML and JSON file.
  bool report_unrecognised = true;
  // A directory argument that holds no manifest is a usage error unless this
  // is set (--allow-empty): a gate that lints nothing must not pass.
  bool allow_empty = false;
  // Resolve references against the other manifests of the files' projects
  // too (lint/context.h), not only the files given (--no-project).
  bool project_context = true;
};

// Throws UsageError when a named path is missing or unreadable, or --model
// names nothing.
LintReport lint(const LintOptions& options);

// lint() on one text alone: `options.paths` and `options.buffers` are
// replaced by `buffer`.
LintReport lint_buffer(Buffer buffer, LintOptions options);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

}  // namespace amlint
