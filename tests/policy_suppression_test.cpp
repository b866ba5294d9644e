// Which lines an inline suppression covers: a trailing one its own line, an
// own-line one the node below it with all its children (the whole block of
// that key or list item). The fixtures under fixtures/rules/AML009/blocks/
// show the same through the binary.
#include <gtest/gtest.h>

#include "policy/suppressions.h"
#include "support/harness.h"

namespace amlint::testing {
namespace {

// The first and last line each suppression of `text` covers.
std::vector<std::pair<int, int>> covered(const std::string& text) {
  const SourceFile file("s.yml", "", text);
  const ScannedSuppressions scanned = scan_suppressions(file);
  EXPECT_TRUE(scanned.errors.empty()) << scanned.errors.front().message;
  std::vector<std::pair<int, int>> out;
  for (const Suppression& s : scanned.suppressions) out.emplace_back(s.line, s.last_line);
  return out;
}

using Lines = std::vector<std::pair<int, int>>;

TEST(SuppressionBlocks, AnOwnLineSuppressionCoversTheBlockOfTheKeyBelowIt) {
  EXPECT_EQ(covered("# amlint: ignore AML511 -- r\n"  // 1
                    "scale_settings:\n"               // 2
                    "  type: x\n"                     // 3
                    "  nested:\n"                     // 4
                    "    deeper: 1\n"                 // 5
                    "\n"                              // 6
                    "# a comment at the margin\n"     // 7
                    "    deepest: 2\n"                // 8
                    "next: 1\n"),                     // 9
            (Lines{{2, 8}}));
  // Inside a mapping, up to the next sibling; at the end of the file, to its last YAML line.
  EXPECT_EQ(covered("a:\n"
                    "  # amlint: ignore AML511 -- r\n"
                    "  b:\n"
                    "    c: 1\n"
                    "  d: 2\n"
                    "  # amlint: ignore AML511 -- r\n"
                    "  e:\n"
                    "    f: 1\n"
                    "\n"
                    "# the end\n"),
            (Lines{{3, 4}, {7, 8}}));
}

TEST(SuppressionBlocks, AScalarValueIsItsOwnLineOrItsContinuationLines) {
  EXPECT_EQ(covered("# amlint: ignore AML511 -- r\n"
                    "a: 1\n"
                    "b: 2\n"),
            (Lines{{2, 2}}));
  EXPECT_EQ(covered("# amlint: ignore AML511 -- r\n"
                    "script: |\n"
                    "  echo {\n"
                    "  # not a comment: part of the text\n"
                    "  - not an item\n"
                    "b: 2\n"),
            (Lines{{2, 5}}));
}

TEST(SuppressionBlocks, ListItemsAndListsBelowTheirKey) {
  // An item: through its last line, not the next item.
  EXPECT_EQ(covered("items:\n"
                    "  # amlint: ignore AML501 -- r\n"
                    "  - name: a\n"
                    "    x: 1\n"
                    "  - name: b\n"),
            (Lines{{3, 4}}));
  // A key whose list is not indented (items at the key's own indentation).
  EXPECT_EQ(covered("# amlint: ignore AML501 -- r\n"
                    "items:\n"
                    "- a\n"
                    "- name: b\n"
                    "  x: 1\n"
                    "next: 1\n"),
            (Lines{{2, 5}}));
  // An item of such a list stops at the next item.
  EXPECT_EQ(covered("items:\n"
                    "# amlint: ignore AML501 -- r\n"
                    "- name: a\n"
                    "  x: 1\n"
                    "- name: b\n"),
            (Lines{{3, 4}}));
}

TEST(SuppressionBlocks, FlowCollectionsOverSeveralLines) {
  EXPECT_EQ(covered("# amlint: ignore AML503 -- r\n"
                    "resources: {requests: {cpu: \"1\",\n"
                    "    gpu: x}}\n"
                    "next: [a,\n"
                    "  b]\n"),
            (Lines{{2, 3}}));
}

TEST(SuppressionBlocks, ATrailingSuppressionCoversItsLineOnly) {
  EXPECT_EQ(covered("scale_settings:  # amlint: ignore AML511 -- r\n"
                    "  type: x\n"),
            (Lines{{1, 1}}));
}

TEST(SuppressionBlocks, DocumentsEndBlocks) {
  EXPECT_EQ(covered("# amlint: ignore AML511 -- r\n"
                    "a:\n"
                    "  b: 1\n"
                    "---\n"
                    "a:\n"
                    "  b: 1\n"),
            (Lines{{2, 3}}));
  // CRLF line ends change nothing.
  EXPECT_EQ(covered("# amlint: ignore AML511 -- r\r\n"
                    "a:\r\n"
                    "  b: 1\r\n"
                    "c: 1\r\n"),
            (Lines{{2, 3}}));
}

}  // namespace
}  // namespace amlint::testing
