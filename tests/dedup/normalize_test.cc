// Tests for src/dedup/normalize.h (datatrove simplify_text behaviour).
#include "dedup/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/utf8.h"
#include "text/utf8.h"

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

// The per-character fast paths (a table for U+0080..U+07FF, Han copied as is) against the
// definition computed here with ICU directly: lower-case, NFD, drop Mn.
TEST(Normalize, FastPathsMatchTheDefinition) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto check = [&](char32_t c) {
    std::string in = "x";
    base::append_utf8(in, c);
    in += "y";
    std::string expected;
    // Digits follow the number rule, tested elsewhere.
    if (u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) return;
    if (text::is_space(c) || text::is_datatrove_punctuation(c)) {
      expected = "x y";
    } else {
      icu::UnicodeString u(static_cast<UChar32>(u_tolower(static_cast<UChar32>(c))));
      icu::UnicodeString d = nfd->normalize(u, status);
      std::string mid;
      for (int32_t i = 0; i < d.length();) {
        UChar32 x = d.char32At(i);
        i += U16_LENGTH(x);
        if (u_charType(x) != U_NON_SPACING_MARK) base::append_utf8(mid, static_cast<char32_t>(x));
      }
      expected = "x" + mid + "y";
    }
    EXPECT_EQ(norm(in), expected) << std::hex << static_cast<uint32_t>(c);
  };
  for (char32_t c = 0x80; c < 0x800; ++c) check(c);
  for (char32_t c = 0x4E00; c < 0x4E80; ++c) check(c);
  for (char32_t c = 0x3400; c < 0x3440; ++c) check(c);
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
