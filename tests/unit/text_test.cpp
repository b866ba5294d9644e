#include "util/text.h"

#include <gtest/gtest.h>

#include "util/regex.h"

namespace amlint {
namespace {

TEST(Text, EditDistanceCountsTranspositionsAndIgnoresCase) {
  EXPECT_EQ(edit_distance("aci", "aci"), 0U);
  EXPECT_EQ(edit_distance("ACI", "aci"), 0U);
  EXPECT_EQ(edit_distance("aic", "aci"), 1U);
  EXPECT_EQ(edit_distance("acs", "aci"), 1U);
  EXPECT_EQ(edit_distance("kubernetes", "aks"), 9U);
}

TEST(Text, ClosestMatchSuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> types = {"aci", "aks", "aksendpoint", "local"};
  EXPECT_EQ(closest_match("acs", types), "aci");
  EXPECT_EQ(closest_match("aks-endpoint", types), "aksendpoint");
  EXPECT_EQ(closest_match("locl", types), "local");
  EXPECT_FALSE(closest_match("kubernetes", types));
  EXPECT_FALSE(closest_match("aci", types));      // not a typo
  EXPECT_EQ(closest_match("ACI", types), "aci");  // a case slip is one
  EXPECT_EQ(closest_matches("acs", types), (std::vector<std::string>{"aci", "aks"}));
}

TEST(Text, FoldIdentifierUnifiesCasingAndSeparators) {
  EXPECT_EQ(fold_identifier("enable_cluster_autoscaler"), "enableclusterautoscaler");
  EXPECT_EQ(fold_identifier("Enable-Cluster.Autoscaler"), "enableclusterautoscaler");
  EXPECT_EQ(fold_identifier("West Europe"), "westeurope");
}

TEST(Text, NumbersAndSizesReadNaturally) {
  EXPECT_EQ(format_number(48), "48");
  EXPECT_EQ(format_number(0.5), "0.5");
  EXPECT_EQ(format_number(3.5), "3.5");
  EXPECT_EQ(format_number(50), "50");
  EXPECT_EQ(format_number(1e20), "1e+20");
  EXPECT_EQ(format_bytes(1536ULL << 20U), "1.5 GB");
  EXPECT_EQ(format_bytes(512), "512 bytes");
  EXPECT_EQ(join_or({"AKS"}), "AKS");
  EXPECT_EQ(join_or({"AKS", "Data Box Edge"}), "AKS or Data Box Edge");
  EXPECT_EQ(join_or({"a", "b", "c"}), "a, b or c");
}

TEST(Text, Utf8Validation) {
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ключ 😀"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xE9"), 2U);
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0U);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xE2\x82"), 0U);          // truncated
}

TEST(Text, QuoteEscapesControlCharactersAndShortens) {
  EXPECT_EQ(quote("a\nb"), "'a\\nb'");
  EXPECT_EQ(quote("abcdef", 3), "'abc...'");
}

TEST(Text, QuotesAndPrintableTextAreAlwaysValidUtf8) {
  // A surrogate, a lone continuation byte and 0xFF, as a file may hold them.
  const std::string bytes =
      "A\xED\xA0\x80"
      "O1\x80\xFF\tz";
  EXPECT_EQ(printable(bytes),
            "A\uFFFD\uFFFD\uFFFD"
            "O1\uFFFD\uFFFD\\tz");
  EXPECT_EQ(find_invalid_utf8(quote(bytes)), std::string_view::npos);
  EXPECT_EQ(quote("\xC3\xA7"
                  "a"),
            "'\xC3\xA7"
            "a'");  // valid text is left as it is
}

TEST(Regex, Re2Semantics) {
  const Regex re("(?i)^standard_pb[0-9]+s?$");
  ASSERT_TRUE(re.ok());
  EXPECT_TRUE(re.full_match("Standard_PB6s"));
  EXPECT_FALSE(re.full_match("Standard_NC6"));
  const Regex bad("(unclosed");
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(bad.error().empty());
  EXPECT_FALSE(bad.search("anything"));
}

}  // namespace
}  // namespace amlint
