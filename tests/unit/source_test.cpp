#include <gtest/gtest.h>

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

TEST(SourceFile, CrLfAndLoneCrBreakLines) {
  const SourceFile f("f", "", "a\r\nb\rc\n");
  EXPECT_EQ(f.position(3), (Pos{2, 1}));
  EXPECT_EQ(f.position(5), (Pos{3, 1}));
  EXPECT_EQ(f.line(1), "a");
  EXPECT_EQ(f.line(2), "b");
  EXPECT_EQ(f.line(3), "c");
  EXPECT_EQ(f.line(9), "");
}

}  // namespace
}  // namespace amlint
