// Tests for src/dedup/normalize.h (datatrove simplify_text behaviour).
#include "dedup/normalize.h"

#include <gtest/gtest.h>

namespace klartext::dedup {
namespace {

std::string norm(std::string_view s, NormalizeOptions o = {}) {
  std::string out;
  normalize_for_dedup(s, &out, o);
  return out;
}

TEST(Normalize, FollowsSimplifyText) {
  EXPECT_EQ(norm("  Hello,   WORLD!\n\tNew line. "), "hello world new line");
  EXPECT_EQ(norm("Price: 1,299.99 EUR on 2024-05-01"), "price 0 0 eur on 0 0 0");
  EXPECT_EQ(norm("3.14159 and 42"), "0 and 0");
  EXPECT_EQ(norm("Crème Brûlée à Zürich"), "creme brulee a zurich");
  EXPECT_EQ(norm("ÀÉÎÕÜ ñ ç"), "aeiou n c");
  EXPECT_EQ(norm("«Guillemets» — “quotes” 「括弧」"), "guillemets quotes 括弧");
  EXPECT_EQ(norm("٣٤٥ Arabic-Indic digits"), "0 arabic indic digits");
  EXPECT_EQ(norm(""), "");
  EXPECT_EQ(norm(" ... !!! "), "");
}

TEST(Normalize, ExpandingDecompositionsGrowTheBuffer) {
  // Each Hangul syllable (3 bytes) decomposes into 2 or 3 jamo of 3 bytes each.
  std::string hangul;
  for (int i = 0; i < 2000; ++i) hangul += "\uAC01";  // 각 = ᄀ + ᅡ + ᆨ
  std::string out = norm(hangul + " tail TEXT 42");
  EXPECT_EQ(out.size(), 2000u * 9 + std::string(" tail text 0").size());
  EXPECT_TRUE(out.ends_with(" tail text 0"));
  EXPECT_EQ(norm("\uAC01"), "\u1100\u1161\u11A8");
}

TEST(Normalize, StepsCanBeTurnedOff) {
  NormalizeOptions o;
  o.lowercase = false;
  o.numbers = false;
  o.diacritics = false;
  EXPECT_EQ(norm("Café 42!", o), "Café 42");
  o.punctuation = false;
  EXPECT_EQ(norm("Café  42!", o), "Café 42!");
}

TEST(Normalize, CombiningMarksAloneLeaveNoSpaceBehind) {
  EXPECT_EQ(norm("word \u0301"), "word");
  EXPECT_EQ(norm("e\u0301te\u0301"), "ete");
}

}  // namespace
}  // namespace klartext::dedup
