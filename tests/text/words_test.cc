// Tests for src/text/words.h and src/text/utf8.h: token rules, CJK/Thai segmentation, the
// datatrove punctuation table.
#include "text/words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

namespace klartext::text {
namespace {

std::vector<std::string> tokens(std::string_view s) {
  WordSegmenter seg;
  std::vector<std::string_view> w;
  seg.words(s, &w);
  return {w.begin(), w.end()};
}

TEST(Words, SplitsOnWhitespaceAndEdgePunctuation) {
  EXPECT_EQ(tokens("Hello, world."), (std::vector<std::string>{"Hello", ",", "world", "."}));
  EXPECT_EQ(tokens("  (quoted)  text\n"), (std::vector<std::string>{"(", "quoted", ")", "text"}));
  EXPECT_EQ(tokens("wait..."), (std::vector<std::string>{"wait", "..."}));
  EXPECT_EQ(tokens("don't 3.5 e.g"), (std::vector<std::string>{"don't", "3.5", "e.g"}));
  EXPECT_EQ(tokens("-- ***"), (std::vector<std::string>{"--", "***"}));
  EXPECT_EQ(tokens("«Grüße»"), (std::vector<std::string>{"«", "Grüße", "»"}));
  EXPECT_TRUE(tokens("").empty());
  EXPECT_TRUE(tokens(" \t\n\u3000").empty());
}

TEST(Words, AsciiFastPathAgreesWithGeneralPath) {
  // "wörd" takes the general (decoding) path, "word" the ASCII one: same splits.
  for (std::string suffix :
       std::vector<std::string>{"", ".", "...", "....", "!?", ").\"", std::string(20, '.'),
                                std::string(40, '!'), "-x-", "'s", "(a)"}) {
    for (std::string prefix : std::vector<std::string>{"", "(", "\"(", std::string(20, '[')}) {
      std::vector<std::string> a = tokens(prefix + "wörd" + suffix);
      std::vector<std::string> b = tokens(prefix + "word" + suffix);
      ASSERT_EQ(a.size(), b.size()) << prefix << "|" << suffix;
      for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].find("wörd") == std::string::npos) {
          EXPECT_EQ(a[i], b[i]) << prefix << suffix;
        }
      }
    }
  }
  EXPECT_EQ(tokens("end...."), (std::vector<std::string>{"end", ".", "..."}));
}

TEST(Words, ChineseSentenceGivesSeveralWords) {
  // "We went to the library today to read books." A space-splitter sees one token.
  std::vector<std::string> w = tokens("我们今天去图书馆看书。");
  EXPECT_GE(w.size(), 5u);
  EXPECT_EQ(w.back(), "。");
  std::string joined;
  for (const auto& t : w) joined += t;
  EXPECT_EQ(joined, "我们今天去图书馆看书。");
  WordSegmenter seg;
  EXPECT_GE(seg.non_symbol_word_count("我们今天去图书馆看书。"), 4u);
}

TEST(Words, JapaneseAndThaiAreSegmented) {
  EXPECT_GE(tokens("私は東京の大学で日本語を勉強しています。").size(), 6u);
  // "I like to eat Thai food" in Thai, written without spaces.
  EXPECT_GE(tokens("ฉันชอบกินอาหารไทย").size(), 3u);
}

TEST(Words, KoreanStaysSpaceSeparated) {
  EXPECT_EQ(tokens("나는 학교에 갑니다.").size(), 4u);  // 3 eojeol + "."
}

TEST(Words, MixedScriptsKeepLatinRules) {
  std::vector<std::string> w = tokens("Apple发布了新产品, price $999.");
  EXPECT_EQ(w.front(), "Apple");
  EXPECT_EQ(w.back(), ".");
  EXPECT_NE(std::find(w.begin(), w.end(), "price"), w.end());
}

TEST(Words, TokenCapIsEnforced) {
  SegmenterOptions o;
  o.max_words = 10;
  WordSegmenter seg(o);
  std::string text;
  for (int i = 0; i < 100; ++i) text += "word ";
  std::vector<std::string_view> w;
  EXPECT_FALSE(seg.words(text, &w));
  EXPECT_EQ(w.size(), 10u);
}

TEST(Words, InvalidUtf8DoesNotCrash) {
  std::string bad = "abc \xff\xfe def \xe4\xb8";
  std::vector<std::string> w = tokens(bad);
  EXPECT_FALSE(w.empty());
}

TEST(PunctuationTable, MatchesDatatroveMembership) {
  // ASCII punctuation is in, letters/digits/space/tab/newline are not.
  for (char32_t c : std::u32string(U"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")) {
    EXPECT_TRUE(is_datatrove_punctuation(c)) << static_cast<int>(c);
  }
  for (char32_t c : std::u32string(U"aZ09 \t\n")) EXPECT_FALSE(is_datatrove_punctuation(c));
  // Controls other than \t and \n are in.
  EXPECT_TRUE(is_datatrove_punctuation(0x00));
  EXPECT_TRUE(is_datatrove_punctuation(0x0D));
  EXPECT_TRUE(is_datatrove_punctuation(0x85));
  // The CJK/typographic list, including the fullwidth-one quirk; other marks are not in.
  for (char32_t c : std::u32string(U"—”“„’…«»、。，！？：；（）【】「」《》〈〉％１．～━►∶´–")) {
    EXPECT_TRUE(is_datatrove_punctuation(c)) << static_cast<int>(c);
  }
  EXPECT_FALSE(is_datatrove_punctuation(U'‘'));
  EXPECT_FALSE(is_datatrove_punctuation(U'©'));
  EXPECT_FALSE(is_datatrove_punctuation(U'２'));
}

TEST(Words, SymbolAndAlphaWords) {
  EXPECT_TRUE(is_symbol_word("..."));
  EXPECT_TRUE(is_symbol_word("。"));
  EXPECT_FALSE(is_symbol_word("©"));
  EXPECT_FALSE(is_symbol_word("a."));
  EXPECT_TRUE(has_alpha("图书馆"));
  EXPECT_TRUE(has_alpha("x1"));
  EXPECT_FALSE(has_alpha("1999"));
}

TEST(Utf8, DictionaryScriptDetection) {
  EXPECT_FALSE(has_dictionary_script("plain ascii text"));
  EXPECT_FALSE(has_dictionary_script("Grüße, Привет, 안녕하세요"));
  EXPECT_TRUE(has_dictionary_script("mixed 中文"));
  EXPECT_TRUE(has_dictionary_script("カタカナ"));
  EXPECT_TRUE(has_dictionary_script("ภาษาไทย"));
  // At every offset of a long text, after other three-byte characters (curly quotes, the euro
  // sign) that are no dictionary script, and not at all.
  for (size_t before = 0; before < 40; ++before) {
    std::string text = std::string(before, 'a') + "\u2019 \u20ac ";
    EXPECT_FALSE(has_dictionary_script(text + std::string(20, 'b'))) << before;
    EXPECT_TRUE(has_dictionary_script(text + "\u4e2d" + std::string(20, 'b'))) << before;
    EXPECT_TRUE(has_dictionary_script(text + std::string(before, 'c') + "\u0e01")) << before;
  }
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(code_point_count("aé中😀"), 4u);
  EXPECT_EQ(code_point_count("\xc0\xaf"), 1u);  // a lead byte counts, a continuation byte not
}

// code_point_count takes eight bytes, then four, two and one at a time: every length from 0 to
// 24 and every offset of the multi-byte characters must agree with a byte-by-byte count.
TEST(Utf8, CountsCodePointsAtEveryLengthAndOffset) {
  const std::string pieces[] = {"a", "é", "中", "😀", " ", "\x80", "\xff"};
  for (size_t seed = 0; seed < 200; ++seed) {
    std::string s;
    for (uint32_t r = static_cast<uint32_t>(seed); s.size() < 24;) {
      r = r * 1103515245U + 12345U;  // a small LCG: varied mixes of the pieces
      s += pieces[(r >> 16) % 7];
    }
    for (size_t len = 0; len <= s.size(); ++len) {
      std::string_view v(s.data(), len);
      size_t expected = 0;
      for (char c : v) expected += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      ASSERT_EQ(code_point_count(v), expected) << "seed " << seed << " length " << len;
    }
  }
}

}  // namespace
}  // namespace klartext::text
