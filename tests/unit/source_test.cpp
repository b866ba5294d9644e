#include "core/source.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
  const SourceFile f("f", "",
                     "\xEF\xBB\xBF"
                     "ab\nc");
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
  for (int i = 0; i < 100; ++i)
    text += std::string(static_cast<std::size_t>(i % 7), 'x') + "é" + breaks[i % 4];
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
  for (std::size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(f.line(static_cast<int>(i) + 1), lines[i]);
}

TEST(SourceFile, KeptLinesGoOnAnsweringOnceTheTextIsDropped) {
  SourceFile f("f", "",
               "ab\n\xC3\xA7"
               "d\n\nx");  // "ab", "çd", "", "x"
  f.keep_lines({{5, 5}});
  EXPECT_FALSE(f.has_text());
  EXPECT_EQ(f.text(), "");
  EXPECT_EQ(f.size(), 9U);
  EXPECT_EQ(f.line_count(), 4);
  EXPECT_EQ(f.position(5), (Pos{2, 2}));
  EXPECT_EQ(f.position(3), (Pos{2, 1}));
  EXPECT_EQ(f.line(2),
            "\xC3\xA7"
            "d");
  EXPECT_EQ(f.position(0), (Pos{1, 1}));  // the first line is always kept
  EXPECT_EQ(f.position(8), (Pos{0, 0}));  // line 4 was not
  EXPECT_EQ(f.line(4), "");

  EXPECT_FALSE(
      f.restore_text("ab\n\xC3\xA7"
                     "d\n\ny"));  // not the same file any more
  EXPECT_FALSE(f.has_text());
  ASSERT_TRUE(
      f.restore_text("ab\n\xC3\xA7"
                     "d\n\nx"));
  EXPECT_EQ(f.position(8), (Pos{4, 1}));
  f.keep_lines({{8, 8}});  // adds line 4 to those kept before
  EXPECT_EQ(f.line(2),
            "\xC3\xA7"
            "d");
  EXPECT_EQ(f.line(4), "x");
  EXPECT_EQ(f.position(99), (Pos{4, 2}));  // clamped to the end, on the kept last line
  EXPECT_EQ(f.slice({3, 5}), "\xC3\xA7");
  EXPECT_EQ(f.slice({3, 9}), "");  // line 3 was not kept
}

TEST(SourceFile, ASpanKeepsEveryLineItTouches) {
  SourceFile f("f", "", "a: 1\nb:\n  c: 2\n  d: 3\ne: 4\n");
  f.keep_lines({{5, 21}});  // from "b:" to "d: 3"
  EXPECT_EQ(f.slice({5, 21}), "b:\n  c: 2\n  d: 3");
  EXPECT_EQ(f.line(3), "  c: 2");
  EXPECT_EQ(f.line(5), "");
  EXPECT_EQ(f.position(21), (Pos{4, 7}));
}

}  // namespace
TEST(SourceFile, RedactMasksTheKeptLinesOnceTheTextIsDropped) {
  SourceFile f("f", "", "a: 1\nkey: s3cr3t-value\nb: 2\n");
  f.keep_lines({{10, 22}});
  f.redact({10, 22});
  EXPECT_EQ(f.line(2), "key: ************");
  EXPECT_EQ(f.slice({10, 22}), "************");
  EXPECT_EQ(f.position(22), (Pos{2, 18}));
}

TEST(SourceFile, AByteOrderMarkIsNoColumnWithOrWithoutTheText) {
  SourceFile f("f", "",
               "\xEF\xBB\xBF"
               "a: 1\nb: 2\n");
  EXPECT_EQ(f.position(3), (Pos{1, 1}));
  EXPECT_EQ(f.position(6), (Pos{1, 4}));
  f.keep_lines({{6, 6}});
  EXPECT_EQ(f.position(3), (Pos{1, 1}));
  EXPECT_EQ(f.position(6), (Pos{1, 4}));
}

}  // namespace amlint
