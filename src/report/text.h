// The two text formats: `human` (gcc-style line, source snippet with a caret
// underline and a line per fix, notes for related locations) and `concise`
// (exactly one gcc-style line per finding, for pre-commit and editor problem
// matchers: nothing is ever appended to it).
#pragma once

#include <ostream>

#include "lint/linter.h"

namespace amlint {

// `path:line:col: severity: message [AMLnnn]` (no colour, no newline).
std::string concise_line(const Finding& finding);

void write_concise(std::ostream& out, const LintReport& report);
void write_human(std::ostream& out, const LintReport& report, bool color);
// What the run has applied already: nothing, the safe fixes (--fix), or the
// unsafe ones too (--fix --unsafe-fixes).
enum class FixesApplied { kNone, kSafe, kAll };

// For standard error: counts by severity and files checked on one line,
// then, when some findings have fixes the run has not applied, how many
// `--fix` would correct (and how many more `--fix --unsafe-fixes`).
void write_summary(std::ostream& err, const LintReport& report, bool color,
                   FixesApplied applied = FixesApplied::kNone);

}  // namespace amlint
