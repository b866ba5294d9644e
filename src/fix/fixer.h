// --fix: applying the fixes that findings carry to one file's text, until
// none is left (bounded), keeping only the fixes that leave the file
// parsing and give no rule more findings than it had. Works on a text in
// memory, linted as the file at its path (lint_buffer), so the CLI, the
// language server and the tests share it.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "lint/linter.h"

namespace amlint {

struct FixOptions {
  bool unsafe = false;  // apply unsafe fixes too (--unsafe-fixes)
  int max_rounds = 8;   // a fix may uncover another; this many passes at most
};

// A fix that was not applied: it would have broken the file, or added a
// finding.
struct DroppedFix {
  std::string rule;   // the id of the finding it would fix
  std::string title;  // the fix's title
  std::string why;    // "it would add AML502: ..."
  Pos pos;            // where the finding was (in the text it was found in)
};

struct FixOutcome {
  std::string text;         // the fixed text; the original when nothing applied
  std::size_t applied = 0;  // fixes applied, over all rounds
  std::vector<DroppedFix> dropped;
};

// Whether `fix` is applied under `options`.
bool wanted(const Fix& fix, const FixOptions& options);

FixOutcome fix_buffer(const Buffer& buffer, const LintOptions& lint_options,
                      const FixOptions& options);

}  // namespace amlint
