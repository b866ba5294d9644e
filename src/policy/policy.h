// Applies a team's policy to the findings of a run, in this order:
//   1. severities from the config of each file (a rule set to off drops out);
//   2. inline suppressions (`# amlint: ignore ...`) and the config's
//      `suppress:` entries;
//   3. the baseline.
// It reports what is wrong with the policy itself as findings: a suppression
// without a reason (AML005), an expired one (AML006), an invalid one or one
// of a non-suppressible rule (AML007), a stale baseline entry (AML008) and a
// suppression that suppresses nothing (AML009).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "policy/baseline.h"
#include "policy/config.h"
#include "policy/suppressions.h"

namespace amlint {

struct PolicyInputs {
  ConfigResolver* configs = nullptr;  // nullptr: every file has the defaults
  Baseline* baseline = nullptr;       // nullptr: none
  std::string today;                  // YYYY-MM-DD, for until=
  std::vector<std::string> ignored;   // --ignore patterns: rules that did not run
  // Takes a copy of a config or baseline file into the run (so that the
  // report owns every file its findings point into) and returns the copy.
  std::function<const SourceFile&(const SourceFile&)> adopt;
  // The `# amlint:` directives of a linted file, when the caller read them
  // already (a run that drops the text of its files reads them first);
  // unset: each file is scanned here.
  std::function<ScannedSuppressions(const SourceFile&)> suppressions;
};

// Rewrites `findings` in place. `linted` lists the files that were linted;
// returns the other files that findings now point into (the adopted copies
// of config and baseline files), in a stable order.
std::vector<const SourceFile*> apply_policy(Findings& findings,
                                            const std::vector<const SourceFile*>& linted,
                                            const PolicyInputs& inputs);

}  // namespace amlint
