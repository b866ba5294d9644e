// `check --fix`, `--unsafe-fixes` and `--diff`: which files of a run have
// fixes, fixing each in memory (fix/fixer.h), then writing them back
// (atomically, each file whole or not at all), printing the diff, or
// writing standard input's text fixed to standard output.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "fix/fixer.h"
#include "lint/linter.h"

namespace amlint {

enum class FixMode { kWrite, kDiff };

struct FixRun {
  std::size_t files_changed = 0;
  std::size_t fixes_applied = 0;
  std::vector<std::string> errors;  // files that could not be written
};

// Fixes the files of `options` (a run as `check` would lint it). kWrite
// writes each changed file in place, or the fixed text of standard input to
// `out`; kDiff prints their unified diffs to `out` and changes nothing.
// Fixes not applied are said on `err`.
FixRun run_fixes(const LintOptions& options, const FixOptions& fix, FixMode mode, std::ostream& out,
                 std::ostream& err);

}  // namespace amlint
