#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/source.h"

namespace amlint {
namespace {

TEST(SourceFile, PositionsAreOneBasedWithCodePointColumns) {
  const SourceFile f("f", "", "ab\nçd\n\nx");
  EXPECT_EQ(f.position(0), (Pos{1, 1}));
  EXPECT_EQ(f.position(2), (Pos{1, 3}));
  EXPECT_EQ(f.position(3), (Pos{2, 1}));
  EXPECT_EQ(f.position(5), (Pos{2, 2}));  // after the two-byte ç
  EXPECT_EQ(f.position(8), (Pos{4, 1}));
  EXPECT_EQ(f.position(99), (Pos{4, 2}));  // clamped to the end
  EXPECT_EQ(f.line_count(), 4);
}

TEST(SourceFile, AByteOrderMarkIsNoColumn) {
  const SourceFile f("f", "", "\xEF\xBB\xBF" "ab\nc");
  EXPECT_EQ(f.position(0), (Pos{1, 1}));
  EXPECT_EQ(f.position(3), (Pos{1, 1}));
  EXPECT_EQ(f.position(4), (Pos{1, 2}));
  EXPECT_EQ(f.position(6), (Pos{2, 1}));
}

TEST(SourceFile, CrLfAndLoneCrBreakLines) {
  const SourceFile f("f", "", "a\r\nb\rc\n");
  EXPECT_EQ(f.position(3), (Pos{2, 1}));
  EXPECT_EQ(f.position(5), (Pos{3, 1}));
  EXPECT_EQ(f.line(1), "a");
  EXPECT_EQ(f.line(2), "b");
  EXPECT_EQ(f.line(3), "c");
  EXPECT_EQ(f.line(9), "");
}

TEST(SourceFile, EveryOffsetOfAManyLineFileAgreesWithAPlainCount) {
  // The index keeps every 16th line start; the lines between are counted.
  std::string text;
  const char* breaks[] = {"\n", "\r\n", "\r", "\n\n"};
  for (int i = 0; i < 100; ++i) text += std::string(static_cast<std::size_t>(i % 7), 'x') + "é" + breaks[i % 4];
  text += "end";
  const SourceFile f("f", "", text);
  Pos expected;
  std::vector<std::string> lines(1);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    ASSERT_EQ(f.position(offset), expected) << "offset " << offset;
    if (offset == text.size()) break;
    const char c = text[offset];
    if (c == '\n' || (c == '\r' && (offset + 1 == text.size() || text[offset + 1] != '\n'))) {
      ++expected.line;
      expected.column = 1;
      lines.emplace_back();
    } else if (c != '\r') {
      if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++expected.column;
      lines.back().push_back(c);
    } else {
      ++expected.column;  // the \r of a \r\n
    }
  }
  ASSERT_EQ(f.line_count(), static_cast<int>(lines.size()));
  for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(f.line(static_cast<int>(i) + 1), lines[i]);
}

}  // namespace
}  // namespace amlint
