// The two text formats: `human` (gcc-style line, source snippet with a caret
// underline, notes for related locations) and `concise` (exactly one
// gcc-style line per finding, for pre-commit and editor problem matchers).
#pragma once

#include <ostream>

#include "lint/linter.h"

namespace amlint {

// `path:line:col: severity: message [AMLnnn]` (no colour, no newline).
std::string concise_line(const Finding& finding);

void write_concise(std::ostream& out, const LintReport& report);
void write_human(std::ostream& out, const LintReport& report, bool color);
// One line for standard error: counts by severity and files checked.
void write_summary(std::ostream& err, const LintReport& report, bool color);

}  // namespace amlint
