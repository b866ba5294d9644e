// One lint run: find the files, read them, classify their documents, run
// every check, and return the findings in a stable order.
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

struct LintOptions {
  std::vector<std::string> paths;  // files, directories, "-" for standard input
  std::string stdin_filename;      // path shown for "-" (and used to pair it)
  std::optional<std::string> model_path;
  const CapabilityTable* table = nullptr;  // nullptr: the built-in table
  // Rules not to run or report: ids ("AML601"), slugs, or id prefixes ("AML5").
  std::vector<std::string> ignore;
  Limits limits;
  std::string today;  // YYYY-MM-DD
  // The project configs (.amlint.yaml); nullptr: defaults for every file.
  ConfigResolver* configs = nullptr;
  Baseline* baseline = nullptr;  // findings to hide; nullptr: none
  unsigned jobs = 0;             // threads (--jobs); 0: one per core (lint/pool.h)
};

// Throws UsageError when a named path is missing or unreadable, or --model
// names nothing.
LintReport lint(const LintOptions& options);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

}  // namespace amlint
