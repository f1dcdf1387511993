// Tests of the benchmark tokeniser (src/eval/tokenize.h) against Python 3 `re` \w semantics.
#include "eval/tokenize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace klartext::eval {
namespace {

std::vector<std::string> as_strings(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

TEST(Tokenize, AsciiRunsAndUnderscore) {
  EXPECT_EQ(as_strings(word_tokens("Hello, world_1 -- it's 42!")),
            (std::vector<std::string>{"Hello", "world_1", "it", "s", "42"}));
  EXPECT_TRUE(word_tokens("").empty());
  EXPECT_TRUE(word_tokens(" ,.;-- ").empty());
}

TEST(Tokenize, UnicodeLettersAndNumbersAreWordChars) {
  // é (Ll), ß (Ll), ² (No, numeric), Ⅻ (Nl), ٣ (Arabic-Indic digit, Nd) are \w in Python.
  EXPECT_EQ(as_strings(word_tokens("café straße x² Ⅻ ٣")),
            (std::vector<std::string>{"café", "straße", "x²", "Ⅻ", "٣"}));
  // A no-break space and an em dash separate words.
  EXPECT_EQ(as_strings(word_tokens("a\xC2\xA0"
                                   "b\xE2\x80\x94"
                                   "c")),
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Tokenize, CombiningMarksSplitWordsAsInPython) {
  // "é" written as e + U+0301 (Mn): Python's \w does not match the mark, so the run breaks.
  EXPECT_EQ(as_strings(word_tokens("cafe\xCC\x81s")), (std::vector<std::string>{"cafe", "s"}));
  // Devanagari vowel sign AA (U+093E, Mc) likewise: "नाम" -> "न", "म".
  EXPECT_EQ(as_strings(word_tokens("\xE0\xA4\xA8\xE0\xA4\xBE\xE0\xA4\xAE")),
            (std::vector<std::string>{"\xE0\xA4\xA8", "\xE0\xA4\xAE"}));
}

TEST(Tokenize, InvalidUtf8IsNotAWordChar) {
  EXPECT_EQ(as_strings(word_tokens("ab\xFF"
                                   "cd")),
            (std::vector<std::string>{"ab", "cd"}));
  EXPECT_EQ(as_strings(word_tokens("ab\xE4")), (std::vector<std::string>{"ab"}));
}

TEST(Tokenize, HanSplitting) {
  // A \w run mixing Latin, digits and Han: each Han character is a token, the rest stays whole.
  EXPECT_EQ(as_strings(word_tokens_han_split("abc中文def 2024年，好")),
            (std::vector<std::string>{"abc", "中", "文", "def", "2024", "年", "好"}));
  // Without splitting, the same text is three runs (the full-width comma separates).
  EXPECT_EQ(word_tokens("abc中文def 2024年，好").size(), 3u);
  // Kana and Hangul are not Han: they stay in runs.
  EXPECT_EQ(as_strings(word_tokens_han_split("ひらがな한국")),
            (std::vector<std::string>{"ひらがな한국"}));
  EXPECT_TRUE(is_han(U'中'));
  EXPECT_TRUE(is_han(0x20000));  // CJK Extension B
  EXPECT_FALSE(is_han(U'あ'));
}

TEST(Tokenize, LowerCaseMatchesPythonStrLower) {
  EXPECT_EQ(to_lower("Hello WORLD"), "hello world");
  EXPECT_EQ(to_lower("ÉCOLE Straße"), "école straße");
  // Python: 'İ'.lower() == 'i̇' (i + U+0307), two code points.
  EXPECT_EQ(to_lower("\xC4\xB0"), "i\xCC\x87");
  // Final sigma: 'ΟΔΟΣ'.lower() == 'οδος' with a final ς.
  EXPECT_EQ(to_lower("ΟΔΟΣ"), "οδος");
  EXPECT_EQ(to_lower(""), "");
}

}  // namespace
}  // namespace klartext::eval
