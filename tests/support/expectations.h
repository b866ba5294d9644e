// Expected findings carried by fixtures.
//
// YAML fixtures carry them in comments:  `memoryInGB: 64  # expect: 15 [AML201] "48 GB"`
// A trailing comment applies to its own line; an own-line comment applies to
// the next line that is neither blank nor a comment. The grammar is
// `COL? [ID]? "substring"?` (at least an id or a substring), several
// separated by `;`.
//
// JSON fixtures (and files that cannot hold comments) use a sibling
// `<file>.expect` with lines `LINE:COL [ID] "substring"` (COL optional).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace amlint::testing {

struct Expectation {
  int line = 0;
  std::optional<int> column;
  std::string rule;  // "" matches any rule
  std::string text;  // "" matches any message
};

// Parses expectations from YAML comments. Malformed expectations are
// reported in `errors` (a fixture with a typo must not pass silently).
std::vector<Expectation> parse_comment_expectations(std::string_view text,
                                                    std::vector<std::string>& errors);
std::vector<Expectation> parse_expect_file(std::string_view text, std::vector<std::string>& errors);

// The expectations of a fixture: its `<file>.expect` sibling when there is
// one, else (YAML) its `# expect:` comments.
std::vector<Expectation> expectations_for(const std::string& file,
                                          std::vector<std::string>& errors);

// A finding as a report shows it (what the built binary printed).
struct Reported {
  int line = 0;
  int column = 0;
  std::string rule;
  std::string message;
};

// Every finding must meet an expectation and every expectation a finding.
// Returns one line per mismatch; empty when they agree.
std::vector<std::string> compare(const std::vector<Expectation>& expected,
                                 const std::vector<Reported>& actual);
std::vector<std::string> compare(const std::vector<Expectation>& expected,
                                 const std::vector<const Finding*>& actual);

std::string describe(const Reported& finding);
std::string describe(const Finding& finding);

}  // namespace amlint::testing
