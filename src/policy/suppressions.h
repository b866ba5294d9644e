// Inline suppressions in YAML comments:
//
//   memoryInGB: 64  # amlint: ignore AML201 -- load test, deleted after the run
//   # amlint: ignore AML201, AML202 until=2027-01-31 -- waiting for the quota
//   # amlint: ignore-file AML402 -- migrating to CLI v2 in Q1
//
// `ignore` as a trailing comment covers its own line; on a line of its own it
// covers the next line that holds YAML. `ignore-file` covers the whole file
// and must come before any YAML. Rules are ids or slugs. Text after `--` is
// the reason; `until=` makes the suppression stop working after that day.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

struct Suppression {
  bool whole_file = false;
  int line = 0;     // the line it covers (not whole_file)
  ByteRange range;  // the directive, from '#' to the end of the line
  std::vector<const RuleInfo*> rules;
  std::vector<bool> used;  // per rule, set while applying
  std::string reason;      // "" when none was given
  std::string until;       // YYYY-MM-DD or ""
};

// A comment that starts like a directive but is not a valid one.
struct DirectiveError {
  ByteRange range;
  std::string message;
};

struct ScannedSuppressions {
  std::vector<Suppression> suppressions;
  std::vector<DirectiveError> errors;
};

// Finds every `# amlint:` directive of a YAML file.
ScannedSuppressions scan_suppressions(const SourceFile& file);

}  // namespace amlint
