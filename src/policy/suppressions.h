// Inline suppressions in YAML comments:
//
//   memoryInGB: 64  # amlint: ignore AML201 -- load test, deleted after the run
//   # amlint: ignore AML201, AML202 until=2027-01-31 -- waiting for the quota
//   # amlint: ignore-file AML402 -- migrating to CLI v2 in Q1
//
// `ignore` as a trailing comment covers its own line; on a line of its own it
// covers the node on the next line that holds YAML with all its children:
// the key or list item there and its whole block, through the last line
// indented deeper (for `key:` with a list at its own indentation, through
// the list's last item), but not the next sibling. `ignore-file` covers the
// whole file and must come before any YAML. Rules are ids or slugs. Text
// after `--` is the reason; `until=` makes the suppression stop working
// after that day.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

struct Suppression {
  bool whole_file = false;
  bool own_line = false;  // on a line of its own (not trailing, not whole_file)
  int line = 0;           // the first line it covers (not whole_file)
  int last_line = 0;      // the last line it covers: `line` for a trailing one
  ByteRange range;        // the directive, from '#' to the end of the line
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
