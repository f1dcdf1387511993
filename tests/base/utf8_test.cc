// Tests for src/base/utf8.h: encoding, decoding and the replacement of non-scalar values.
#include "base/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace klartext::base {
namespace {

TEST(Utf8, EncodesEachLength) {
  std::string out;
  for (char32_t cp : {U'a', U'é', U'中', U'😀'}) append_utf8(out, cp);
  EXPECT_EQ(out, "aé中😀");
  char bytes[4];
  EXPECT_EQ(encode_utf8(0x7F, bytes), 1u);
  EXPECT_EQ(encode_utf8(0x80, bytes), 2u);
  EXPECT_EQ(encode_utf8(0x7FF, bytes), 2u);
  EXPECT_EQ(encode_utf8(0x800, bytes), 3u);
  EXPECT_EQ(encode_utf8(0xFFFF, bytes), 3u);
  EXPECT_EQ(encode_utf8(0x10000, bytes), 4u);
  EXPECT_EQ(encode_utf8(0x10FFFF, bytes), 4u);
  EXPECT_EQ(std::string(bytes, 4), "\xF4\x8F\xBF\xBF");
}

// The tokenizer relies on a lone surrogate keeping its three bytes (WTF-8).
TEST(Utf8, EncodesASurrogateAsThreeBytes) {
  char bytes[4];
  ASSERT_EQ(encode_utf8(0xD800, bytes), 3u);
  EXPECT_EQ(std::string(bytes, 3), "\xED\xA0\x80");
}

TEST(Utf8, ReplacesWhatIsNoScalarValue) {
  EXPECT_EQ(scalar_or_replacement(0), 0xFFFDu);
  EXPECT_EQ(scalar_or_replacement(0xD800), 0xFFFDu);
  EXPECT_EQ(scalar_or_replacement(0xDFFF), 0xFFFDu);
  EXPECT_EQ(scalar_or_replacement(0x110000), 0xFFFDu);
  EXPECT_EQ(scalar_or_replacement(0xE000), 0xE000u);
  EXPECT_EQ(scalar_or_replacement(U'a'), U'a');
}

TEST(Utf8, DecodesEachLength) {
  std::string s = "aé中😀";
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, &i), U'a');
  EXPECT_EQ(next_code_point(s, &i), U'é');
  EXPECT_EQ(next_code_point(s, &i), U'中');
  EXPECT_EQ(next_code_point(s, &i), U'😀');
  EXPECT_EQ(i, s.size());
}

// Each bad form yields U+FFFD and moves one byte on, never past the end.
TEST(Utf8, DecodesBadFormsAsReplacementOneByteAtATime) {
  for (std::string bad : {"\xC0\xAF",          // overlong
                          "\xED\xA0\x80",      // surrogate
                          "\xF4\x90\x80\x80",  // above U+10FFFF
                          "\x80",              // stray continuation
                          "\xE4\xB8",          // cut short
                          "\xE4"
                          "a"}) {  // lead without continuation
    size_t i = 0;
    EXPECT_EQ(next_code_point(bad, &i), 0xFFFDu) << bad.size();
    EXPECT_EQ(i, 1u);
  }
}

// Decoding what was encoded gives the code point back, for every scalar value.
TEST(Utf8, RoundTripsEveryScalarValue) {
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    char bytes[4];
    std::string_view s(bytes, encode_utf8(cp, bytes));
    size_t i = 0;
    ASSERT_EQ(next_code_point(s, &i), cp);
    ASSERT_EQ(i, s.size());
  }
}

}  // namespace
}  // namespace klartext::base
