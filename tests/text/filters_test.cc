// Tests for src/text/filters.h: each rule on both sides of its threshold (asserting the
// datatrove reason string), C4 line removal, presets. All texts are generated here.
#include "text/filters.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "text/flat_map.h"

namespace klartext::text {
namespace {

// U64Map::find_or_insert_each counts as find_or_insert does, one key at a time: on a table
// reset() sized for the keys (the register path) and on one sized for fewer (the fallback that
// grows), with repeated keys, key 0 (stored as 1, so 0 and 1 share a slot) and clustered keys
// that probe past their home slot.
TEST(U64Map, FindOrInsertEachMatchesFindOrInsert) {
  std::mt19937_64 rng(3);
  for (size_t sized : {size_t(0), size_t(1), size_t(500)}) {
    std::vector<uint64_t> keys;
    for (int i = 0; i < 400; ++i) {
      uint64_t k =
          rng() % 7 == 0 ? uint64_t(i % 5) : (rng() % 3 == 0 ? (rng() & 0xF) << 32 : rng());
      keys.push_back(k);
    }
    U64Map<uint32_t> one, each;
    one.reset(sized);
    each.reset(sized);
    std::vector<std::pair<uint32_t, bool>> want, got;
    for (uint64_t k : keys) {
      bool inserted = false;
      uint32_t& v = one.find_or_insert(k, &inserted);
      want.emplace_back(++v, inserted);
    }
    each.find_or_insert_each(keys.data(), keys.size(), 8, [&](size_t k, uint32_t& v, bool ins) {
      EXPECT_EQ(k, got.size());
      got.emplace_back(++v, ins);
    });
    EXPECT_EQ(want, got) << "sized for " << sized;
    EXPECT_EQ(one.size(), each.size());
  }
}

// A distinct pronounceable word for every i (base-20 syllables), 4 to 8 letters.
std::string uword(int i) {
  static const char* kSyl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "du",
                               "fa", "go", "hi", "ja", "ke", "li", "mo", "nu", "pe", "ro"};
  std::string w;
  int x = i;
  do {
    w += kSyl[x % 20];
    x /= 20;
  } while (x > 0);
  if (w.size() < 4) w += "ta";
  return w;
}

// One line of prose-like text: 10 words, stop words included, ends with a full stop, > 30 chars,
// unique across lines thanks to uword.
std::string line(int i) {
  int b = i * 7 + 1000;
  return "the " + uword(b) + " " + uword(b + 1) + " of " + uword(b + 2) + " " + uword(b + 3) +
         " and " + uword(b + 4) + " " + uword(b + 5) + " " + uword(b + 6) + ".";
}

std::string doc(int lines, int first = 0) {
  std::string s;
  for (int i = 0; i < lines; ++i) s += line(first + i) + "\n";
  return s;
}

// n unique words separated by spaces.
std::string words(int n, int first = 50000) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + uword(first + i);
  return s;
}

std::vector<std::string_view> tokens_of(std::string_view s, WordSegmenter& seg) {
  std::vector<std::string_view> w;
  seg.words(s, &w);
  return w;
}

// Gopher quality with every rule disabled, for testing one rule at a time.
GopherQualityOptions no_quality_rules() {
  GopherQualityOptions o;
  o.min_doc_words.reset();
  o.max_doc_words.reset();
  o.min_avg_word_length.reset();
  o.max_avg_word_length.reset();
  o.max_symbol_word_ratio.reset();
  o.max_bullet_lines_ratio.reset();
  o.max_ellipsis_lines_ratio.reset();
  o.min_alpha_words_ratio.reset();
  o.min_stop_words.reset();
  return o;
}

GopherRepetitionOptions no_repetition_rules() {
  GopherRepetitionOptions o;
  o.dup_para_frac.reset();
  o.dup_para_char_frac.reset();
  o.dup_line_frac.reset();
  o.dup_line_char_frac.reset();
  o.top_n_grams.clear();
  o.dup_n_grams.clear();
  return o;
}

class GopherQualityTest : public ::testing::Test {
 protected:
  std::string run(const std::string& text, const GopherQualityOptions& o) {
    return gopher_quality(text, tokens_of(text, seg_), o);
  }
  WordSegmenter seg_;
};

TEST_F(GopherQualityTest, DefaultsPassProse) {
  EXPECT_EQ(run(doc(20), GopherQualityOptions{}), "");
}

TEST_F(GopherQualityTest, WordCountBounds) {
  GopherQualityOptions o = no_quality_rules();
  o.min_doc_words = 50;
  o.max_doc_words = 100000;
  // Punctuation tokens are symbol words and do not count.
  EXPECT_EQ(run(words(50) + " . , !", o), "");
  EXPECT_EQ(run(words(49) + " . , !", o), "gopher_short_doc");
  EXPECT_EQ(run(words(100000), o), "");
  EXPECT_EQ(run(words(100001), o), "gopher_long_doc");
}

TEST_F(GopherQualityTest, MeanWordLength) {
  GopherQualityOptions o = no_quality_rules();
  o.min_avg_word_length = 3;
  o.max_avg_word_length = 10;
  EXPECT_EQ(run("abc abc abcd ab", o), "");                                   // mean 3
  EXPECT_EQ(run("abc abc abc ab", o), "gopher_below_avg_threshold");          // 2.75
  EXPECT_EQ(run("abcdefghij abcdefghij", o), "");                             // mean 10
  EXPECT_EQ(run("abcdefghij abcdefghijk", o), "gopher_above_avg_threshold");  // 10.5
  // CJK words are short: a Chinese sentence falls below the English minimum, as in datatrove
  // with jieba (FineWeb-2 sets the zh minimum to 1 for this reason).
  EXPECT_EQ(run("我们今天去图书馆看书。", o), "gopher_below_avg_threshold");
}

// Word lengths are code points: two-byte letters count once, in short words read eight bytes
// at a time (with text after them) and in words at the very end of the text alike.
TEST_F(GopherQualityTest, MeanWordLengthCountsCodePoints) {
  GopherQualityOptions o = no_quality_rules();
  o.min_avg_word_length = 3;
  o.max_avg_word_length = 10;
  // "ééé" is 6 bytes, 3 code points; with "ab" the mean is 2.5 whether it ends the text or not.
  EXPECT_EQ(run("ééé ab", o), "gopher_below_avg_threshold");
  EXPECT_EQ(run("ab ééé", o), "gopher_below_avg_threshold");
  EXPECT_EQ(run("ééé ab ééé ab ééé ab and more words follow here", o), "");
  EXPECT_EQ(run("ééé ab ééé ab ééé ab ééé ab ééé ab ab", o), "gopher_below_avg_threshold");
  // Ten two-byte letters (20 bytes) are ten code points: mean 10 passes, 10.5 does not.
  EXPECT_EQ(run("éééééééééé éééééééééé", o), "");
  EXPECT_EQ(run("éééééééééé ééééééééééé", o), "gopher_above_avg_threshold");
  // Counted in bytes these would pass: 4 bytes per word.
  EXPECT_EQ(run("üü üü üü üü üü üü üü üü", o), "gopher_below_avg_threshold");
  // Words of exactly eight bytes: mean 3.5 code points passes a maximum of 5 (6.5 bytes would
  // not).
  GopherQualityOptions at_most_5 = o;
  at_most_5.max_avg_word_length = 5;
  EXPECT_EQ(run("éééé éééé éééé ab", at_most_5), "");
  EXPECT_EQ(run("éééé éééé éééé abcdefghijklmnopq", at_most_5), "gopher_above_avg_threshold");
}

TEST_F(GopherQualityTest, HashAndEllipsisRatios) {
  GopherQualityOptions o = no_quality_rules();
  o.max_symbol_word_ratio = 0.1;
  auto with_inner = [](int marked, const char* mark) {
    std::string s;
    for (int i = 0; i < 100; ++i)
      s += (i ? " " : "") + uword(i + 100) + (i < marked ? mark : "") + "x";
    return s;
  };
  EXPECT_EQ(run(with_inner(10, "#"), o), "");  // 10 / 100 tokens
  EXPECT_EQ(run(with_inner(11, "#"), o), "gopher_too_many_hashes");
  EXPECT_EQ(run(with_inner(10, "..."), o), "");
  EXPECT_EQ(run(with_inner(11, "\u2026"), o), "gopher_too_many_ellipsis");
}

TEST_F(GopherQualityTest, BulletAndEllipsisLines) {
  GopherQualityOptions o = no_quality_rules();
  o.max_bullet_lines_ratio = 0.9;
  auto bullets = [](int n) {
    std::string s;
    for (int i = 0; i < 10; ++i)
      s += std::string(i < n ? (i % 2 ? "  - " : "\u2022 ") : "") + line(i) + "\n";
    return s;
  };
  EXPECT_EQ(run(bullets(9), o), "");
  EXPECT_EQ(run(bullets(10), o), "gopher_too_many_bullets");
  o = no_quality_rules();
  o.max_ellipsis_lines_ratio = 0.3;
  auto ellipses = [](int n) {
    std::string s;
    for (int i = 0; i < 10; ++i) s += line(i) + (i < n ? (i % 2 ? "..  " : "\u2026") : "") + "\n";
    return s;
  };
  EXPECT_EQ(run(ellipses(3), o), "");
  EXPECT_EQ(run(ellipses(4), o), "gopher_too_many_end_ellipsis");
}

TEST_F(GopherQualityTest, AlphaWordsRatio) {
  GopherQualityOptions o = no_quality_rules();
  o.min_alpha_words_ratio = 0.8;
  auto mix = [](int numbers) {
    std::string s;
    for (int i = 0; i < 100; ++i)
      s += (i ? " " : "") + (i < numbers ? std::to_string(1000 + i) : uword(i));
    return s;
  };
  EXPECT_EQ(run(mix(20), o), "");  // 80 / 100
  EXPECT_EQ(run(mix(21), o), "gopher_below_alpha_threshold");
  // Punctuation tokens are not words for the default denominator; with the all-tokens
  // variant (current datatrove) ten of them push 80/100 down to 80/110.
  std::string punct = mix(20) + " . , ; : ! ? ( ) [ ]";
  EXPECT_EQ(run(punct, o), "");
  o.alpha_ratio_over_all_tokens = true;
  EXPECT_EQ(run(punct, o), "gopher_below_alpha_threshold");
  EXPECT_EQ(run(mix(10), o), "");
}

TEST_F(GopherQualityTest, StopWords) {
  GopherQualityOptions o = no_quality_rules();
  o.min_stop_words = 2;
  EXPECT_EQ(run(words(20) + " the end of it", o), "");  // "the", "of"
  EXPECT_EQ(run(words(20) + " the end", o), "gopher_enough_stop_words");
  // Case-sensitive, as datatrove: "The" is not "the".
  EXPECT_EQ(run(words(20) + " The Of", o), "gopher_enough_stop_words");
  // Occurrences count by default; distinct words when asked.
  EXPECT_EQ(run(words(20) + " the the", o), "");
  o.count_unique_stop_words = true;
  EXPECT_EQ(run(words(20) + " the the", o), "gopher_enough_stop_words");
  // A custom list (here German) replaces the default.
  o.stop_words = {"der", "und"};
  EXPECT_EQ(run(words(20) + " der und", o), "");
}

TEST(StopWordTable, IsGophersList) {
  std::vector<std::string> w(std::begin(kGopherStopWords), std::end(kGopherStopWords));
  EXPECT_EQ(w, (std::vector<std::string>{"the", "be", "to", "of", "and", "that", "have", "with"}));
}

class GopherRepetitionTest : public ::testing::Test {
 protected:
  std::string run(const std::string& text, const GopherRepetitionOptions& o) {
    return gopher_repetition(text, tokens_of(text, ws_.segmenter), o, ws_);
  }
  FilterWorkspace ws_;
};

TEST_F(GopherRepetitionTest, DefaultsPassProse) {
  EXPECT_EQ(run(doc(30), GopherRepetitionOptions{}), "");
}

TEST_F(GopherRepetitionTest, DuplicateParagraphs) {
  GopherRepetitionOptions o = no_repetition_rules();
  o.dup_para_frac = 0.3;
  auto paras = [](int dups) {
    std::string s;
    for (int i = 0; i < 10; ++i) s += line(i < 10 - dups ? i : 0) + "\n\n";
    return s;
  };
  EXPECT_EQ(run(paras(3), o), "");  // 3 of 10 are repeats
  EXPECT_EQ(run(paras(4), o), "dup_para_frac");
  o = no_repetition_rules();
  o.dup_para_char_frac = 0.2;
  // 10 paragraphs of equal length, k repeats: char fraction is k*len/len(text), just under k/10.
  EXPECT_EQ(run(paras(2), o), "");
  EXPECT_EQ(run(paras(3), o), "dup_para_char_frac");
}

TEST_F(GopherRepetitionTest, DuplicateLines) {
  GopherRepetitionOptions o = no_repetition_rules();
  o.dup_line_frac = 0.3;
  auto lines = [](int dups) {
    std::string s;
    for (int i = 0; i < 10; ++i) s += line(i < 10 - dups ? i : 1) + "\n";
    return s;
  };
  EXPECT_EQ(run(lines(3), o), "");
  EXPECT_EQ(run(lines(4), o), "dup_line_frac");
  o = no_repetition_rules();
  o.dup_line_char_frac = 0.2;
  EXPECT_EQ(run(lines(2), o), "");
  EXPECT_EQ(run(lines(3), o), "dup_line_char_frac");
}

// Text with `k` copies of the phrase spread among unique words, and the phrase's share.
std::string with_phrase(const std::string& phrase, int k, int filler) {
  std::string s;
  int w = 70000;
  for (int i = 0; i < k; ++i) {
    s += phrase + " ";
    for (int j = 0; j < filler; ++j) s += uword(w++) + " ";
  }
  return s;
}

TEST_F(GopherRepetitionTest, TopTwoGram) {
  GopherRepetitionOptions o = no_repetition_rules();
  o.top_n_grams = {{2, 0.20}};
  // "foo bar" (7 chars) once per 5 filler words of 6 letters: 7k / len(text).
  bool saw_pass = false, saw_fail = false;
  for (int filler = 1; filler < 12; ++filler) {
    std::string t = with_phrase("foo bar", 40, filler);
    double ratio = 7.0 * 40 / static_cast<double>(t.size());
    std::string r = run(t, o);
    if (ratio > 0.20) {
      EXPECT_EQ(r, "top_2_gram") << ratio;
      saw_fail = true;
    } else {
      EXPECT_EQ(r, "") << ratio;
      saw_pass = true;
    }
  }
  EXPECT_TRUE(saw_pass && saw_fail);
}

TEST_F(GopherRepetitionTest, DuplicatedFiveGrams) {
  GopherRepetitionOptions o = no_repetition_rules();
  o.dup_n_grams = {{5, 0.15}, {6, 0.14}};
  // Repeats after the first count their joined length without spaces: 10 chars each.
  bool saw_pass = false, saw_fail = false;
  for (int filler = 2; filler < 20; ++filler) {
    std::string t = with_phrase("aa bb cc dd ee", 30, filler);
    double ratio = 10.0 * 29 / static_cast<double>(t.size());
    std::string r = run(t, o);
    if (ratio > 0.15) {
      EXPECT_EQ(r, "duplicated_5_n_grams") << ratio;
      saw_fail = true;
    } else {
      EXPECT_EQ(r, "") << ratio;
      saw_pass = true;
    }
  }
  EXPECT_TRUE(saw_pass && saw_fail);
}

// The n-gram rules examine, per n, only positions whose shorter n-gram repeats. This checks
// them against the direct definition (datatrove's Counter and greedy scan, n-grams compared as
// token sequences) on random texts over tiny vocabularies, so repeats of every length occur,
// with random thresholds and rule lists in any order.
std::string reference_ngram_rules(std::string_view text, const std::vector<std::string_view>& w,
                                  const GopherRepetitionOptions& o) {
  double tl = 0;
  for (size_t i = 0; i < text.size(); ++i)
    tl += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  auto key = [&](size_t i, int n) {
    std::string k;
    for (int j = 0; j < n; ++j) k.append(w[i + j]).push_back('\x1f');  // \x1f is whitespace
    return k;
  };
  auto chars = [&](size_t i, int n) {
    size_t c = 0;
    for (int j = 0; j < n; ++j)
      for (char ch : w[i + j]) c += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return c;
  };
  for (const auto& [n, frac] : o.top_n_grams) {
    if (n <= 0 || w.size() < static_cast<size_t>(n)) continue;
    std::map<std::string, std::pair<size_t, size_t>> counts;  // count, first
    for (size_t i = 0; i + n <= w.size(); ++i) {
      auto [it, fresh] = counts.try_emplace(key(i, n), 0, i);
      ++it->second.first;
    }
    size_t best = 0, first = 0;
    for (const auto& [k, v] : counts)
      if (v.first > best || (v.first == best && v.second < first)) best = v.first, first = v.second;
    double c = static_cast<double>(chars(first, n) + static_cast<size_t>(n - 1));
    if (c * static_cast<double>(best) / tl > frac) return "top_" + std::to_string(n) + "_gram";
  }
  for (const auto& [n, frac] : o.dup_n_grams) {
    if (n <= 0 || w.size() < static_cast<size_t>(n)) continue;
    std::set<std::string> seen;
    size_t repeated = 0;
    for (size_t i = 0; i + n <= w.size();) {
      if (!seen.insert(key(i, n)).second) {
        repeated += chars(i, n);
        i += static_cast<size_t>(n);
      } else {
        ++i;
      }
    }
    if (static_cast<double>(repeated) / tl > frac)
      return "duplicated_" + std::to_string(n) + "_n_grams";
  }
  return "";
}

TEST_F(GopherRepetitionTest, NgramRulesMatchTheDirectDefinition) {
  std::mt19937 rng(12345);
  const char* vocab[] = {"a", "bb", "ccc", "dddd", "e", "ff", "über", "of"};
  size_t fails = 0, passes = 0;
  for (int trial = 0; trial < 400; ++trial) {
    size_t v = 2 + rng() % 7;  // vocabulary size: small ones repeat long n-grams
    size_t words = rng() % 300;
    std::string t;
    for (size_t i = 0; i < words; ++i) {
      // Runs of a repeated phrase now and then, so long n-grams repeat too.
      if (rng() % 20 == 0 && t.size() > 40) {
        size_t from = rng() % (t.size() / 2);
        size_t sp = t.find(' ', from);
        if (sp != std::string::npos) t += t.substr(sp + 1, rng() % 40) + " ";
      }
      t += vocab[rng() % v];
      t += (rng() % 10 == 0) ? "\n" : " ";
    }
    GopherRepetitionOptions o = no_repetition_rules();
    std::uniform_real_distribution<double> frac(0.0, 0.6);
    for (int k = 0, nk = static_cast<int>(rng() % 4); k < nk; ++k)
      o.top_n_grams.emplace_back(1 + static_cast<int>(rng() % 6), frac(rng));
    for (int k = 0, nk = static_cast<int>(rng() % 7); k < nk; ++k)
      o.dup_n_grams.emplace_back(1 + static_cast<int>(rng() % 12), frac(rng));
    std::vector<std::string_view> w = tokens_of(t, ws_.segmenter);
    std::string expected = reference_ngram_rules(t, w, o);
    EXPECT_EQ(gopher_repetition(t, w, o, ws_), expected) << "trial " << trial << ": " << t;
    (expected.empty() ? passes : fails) += 1;
  }
  // Both outcomes were exercised.
  EXPECT_GT(fails, 50u);
  EXPECT_GT(passes, 50u);
  // And the default rules on prose and on a repeated block.
  GopherRepetitionOptions d;
  d.dup_para_frac.reset();
  d.dup_para_char_frac.reset();
  d.dup_line_frac.reset();
  d.dup_line_char_frac.reset();
  for (const std::string& t : {doc(40), doc(20) + doc(5) + doc(5) + doc(5), doc(30) + doc(3)}) {
    std::vector<std::string_view> w = tokens_of(t, ws_.segmenter);
    EXPECT_EQ(gopher_repetition(t, w, d, ws_), reference_ngram_rules(t, w, d));
  }
}

TEST_F(GopherRepetitionTest, ChineseRepetitionUsesWords) {
  // The same Chinese sentence ten times in one line: no duplicate lines, but repeated n-grams.
  std::string t;
  for (int i = 0; i < 10; ++i) t += "我们今天去图书馆看书";
  std::string r = run(t, GopherRepetitionOptions{});
  EXPECT_TRUE(r.starts_with("top_") || r.starts_with("duplicated_")) << r;
}

TEST(C4, DocumentRules) {
  C4Options o;
  std::string out;
  std::string base = doc(6);
  EXPECT_EQ(c4_quality(base, o, &out), "");
  EXPECT_EQ(c4_quality(base + "This is Lorem Ipsum dolor sit amet.\n", o, &out), "lorem_ipsum");
  EXPECT_EQ(c4_quality(base + "function f() { return 1; } is code.\n", o, &out), "curly_bracket");
  // A '{' on a line that is dropped anyway (too few words) does not drop the page.
  EXPECT_EQ(c4_quality(base + "{x}.\n", o, &out), "");
}

TEST(C4, SentenceMinimum) {
  C4Options o;
  std::string out;
  EXPECT_EQ(c4_quality(doc(5), o, &out), "");
  EXPECT_EQ(c4_quality(doc(4), o, &out), "too_few_sentences");
  // Several sentences on one line count separately.
  EXPECT_EQ(c4_quality("One two three. Four five six. Seven eight nine. Ten eleven twelve. "
                       "Thirteen fourteen fifteen.",
                       o, &out),
            "");
}

TEST(C4, LineRemoval) {
  C4Options o;
  std::string out;
  std::string cited = line(1);
  cited.insert(cited.size() - 1, "[12][edit]");
  std::string text = line(0) + "\n" + "Please enable JavaScript to view the comments.\n" +
                     "Read our Privacy Policy before you continue.\n" + "Too short.\n" +
                     "No terminal punctuation on this line at all\n" +
                     "This line trails off into an ellipsis...\n" + cited + "\n" + "The word " +
                     std::string(1001, 'x') + " is far too long.\n" + doc(4, 10);
  C4LineStats st;
  ASSERT_EQ(c4_quality(text, o, &out, &st), "");
  EXPECT_EQ(st.total, 12u);
  EXPECT_EQ(st.javascript, 1u);
  EXPECT_EQ(st.policy, 1u);
  EXPECT_EQ(st.no_terminal_punct, 2u);
  EXPECT_EQ(st.too_few_words, 1u);
  EXPECT_EQ(st.too_long_word, 1u);
  EXPECT_EQ(st.kept, 6u);
  std::string expected = line(0) + "\n" + line(1) + "\n" + doc(4, 10);
  expected.pop_back();  // the result is stripped
  EXPECT_EQ(out, expected);
  // FineWeb turns the terminal punctuation rule off: the unpunctuated line and the ellipsis
  // line stay, the others still go.
  o.filter_no_terminal_punct = false;
  ASSERT_EQ(c4_quality(text, o, &out), "");
  EXPECT_NE(out.find("No terminal punctuation on this line at all"), std::string::npos);
  EXPECT_NE(out.find("trails off into an ellipsis..."), std::string::npos);
  EXPECT_EQ(out.find("JavaScript"), std::string::npos);
  EXPECT_EQ(out.find("Privacy"), std::string::npos);
  EXPECT_EQ(out.find("Too short"), std::string::npos);
}

TEST(C4, EveryPolicySubstringDropsItsLine) {
  C4Options o;
  o.min_num_sentences.reset();
  std::string out;
  for (const char* p : kC4PolicySubstrings) {
    std::string upper = p;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    C4LineStats st;
    ASSERT_EQ(c4_quality(line(0) + "\nPlease read the " + upper + " page now.\n", o, &out, &st),
              "");
    EXPECT_EQ(st.policy, 1u) << p;
    EXPECT_EQ(out, line(0));
  }
}

// The substring rules match in any ASCII case, anywhere in the line, and only whole patterns: a
// pattern cut short by the line's end is no match, and a square bracket is no curly one.
TEST(C4, SubstringRulesMatchWholePatternsInAnyCase) {
  C4Options o;
  o.min_num_sentences.reset();
  o.filter_no_terminal_punct = false;  // so that a line may end inside a pattern
  std::string out;
  C4LineStats st;
  ASSERT_EQ(c4_quality(line(0) + "\nWe make Use Of Cookies here.\nTurn on JaVaScRiPt now.\n" +
                           "See the note [a] and the ending javascrip\nAgree to the terms of us\n",
                       o, &out, &st),
            "");
  EXPECT_EQ(st.policy, 1u);
  EXPECT_EQ(st.javascript, 1u);
  EXPECT_EQ(st.kept, 3u);
  EXPECT_NE(out.find("the ending javascrip\n"), std::string::npos);
  EXPECT_NE(out.find("the terms of us"), std::string::npos);
  EXPECT_EQ(c4_quality(line(0) + "\nThis is LOREM IPSUM in capitals.\n", o, &out), "lorem_ipsum");
  EXPECT_EQ(c4_quality(line(0) + "\nA brace { opens here.\n", o, &out), "curly_bracket");
}

// The pattern search tests 16 positions a step by the pattern's first and last bytes and the
// last positions of the text byte by byte: a pattern counts at every offset of texts of every
// length, and a look-alike with the same first and last bytes ("lorem_ipsum") does not.
TEST(C4, PatternsFoundAtEveryOffset) {
  C4Options o;
  o.min_num_sentences.reset();
  o.min_words_per_line.reset();  // a line of two words is searched too
  o.filter_no_terminal_punct = false;
  std::string out;
  for (size_t length = 11; length <= 60; ++length) {
    for (size_t at = 0; at + 11 <= length; ++at) {
      std::string text(length, 'x');
      text.replace(at, 11, "lorem ipsum");
      EXPECT_EQ(c4_quality(text, o, &out), "lorem_ipsum") << text;
      text[at + 5] = '_';
      EXPECT_EQ(c4_quality(text, o, &out), "") << text;
    }
  }
}

// Patterns are looked for in the whole text first, then only in the lines that may hold them:
// a pattern on one line removes that line alone, one spelled across a line break matches no
// line, and one that citation removal spells ("use[1] cookies") still matches its line.
TEST(C4, SubstringRulesSeeEachLineAndTheLinesCitationRemovalRewrote) {
  C4Options o;
  o.min_num_sentences.reset();
  o.filter_no_terminal_punct = false;
  std::string out;
  C4LineStats st;
  ASSERT_EQ(c4_quality(line(0) + "\nWe use cookies on this site.\n" + line(1) +
                           "\nAccept the terms of\nuse before you go.\n",
                       o, &out, &st),
            "");
  EXPECT_EQ(st.policy, 1u);
  EXPECT_EQ(out, line(0) + "\n" + line(1) + "\nAccept the terms of\nuse before you go.");
  ASSERT_EQ(c4_quality(line(0) + "\nWe use[1] cookies on this site.\nKeep JavaScr[2]ipt on.\n", o,
                       &out, &st),
            "");
  EXPECT_EQ(st.policy, 1u);
  EXPECT_EQ(st.javascript, 1u);
  EXPECT_EQ(out, line(0));
  EXPECT_EQ(c4_quality(line(0) + "\nSample text: lorem [citation needed]ipsum dolor.\n", o, &out),
            "lorem_ipsum");
  EXPECT_EQ(c4_quality(line(0) + "\nSample text: lorem[12] ipsum dolor.\n", o, &out),
            "lorem_ipsum");
}

TEST(C4, CountSentences) {
  EXPECT_EQ(count_sentences(""), 0u);
  EXPECT_EQ(count_sentences("no stop at all"), 1u);
  EXPECT_EQ(count_sentences("One. Two! Three? Four"), 4u);
  EXPECT_EQ(count_sentences("We went home. No one was there."), 2u);
  EXPECT_EQ(count_sentences("Pi is 3.14 roughly."), 1u);
  EXPECT_EQ(count_sentences("He said \"stop.\" Then left."), 2u);
  EXPECT_EQ(count_sentences("今天下雨了。我们在家看书。"), 2u);
  EXPECT_EQ(count_sentences("...!!!"), 0u);
  // Abbreviations and initials do not end sentences; at the end of a line they still do.
  EXPECT_EQ(count_sentences("Mr. Smith met Dr. Jones, e.g. at noon. J. K. Rowling wrote."), 2u);
  EXPECT_EQ(count_sentences("They sell apples, pears etc. We buy them."), 1u);
  EXPECT_EQ(count_sentences("Founded in 1999 by Acme Inc."), 1u);
}

class FineWebTest : public ::testing::Test {
 protected:
  std::string run(const std::string& text, const FineWebOptions& o) {
    return fineweb_quality(text, ws_.segmenter.word_count(text), o, ws_);
  }
  FineWebOptions only(int rule) {
    FineWebOptions o;
    if (rule != 0) o.line_punct_thr.reset();
    if (rule != 1) o.short_line_thr.reset();
    if (rule != 2) o.char_duplicates_ratio.reset();
    if (rule != 3) o.new_line_ratio.reset();
    return o;
  }
  FilterWorkspace ws_;
};

TEST_F(FineWebTest, DefaultsPassProse) { EXPECT_EQ(run(doc(20), FineWebOptions{}), ""); }

TEST_F(FineWebTest, LinePunctuationRatio) {
  auto text = [](int punct) {
    std::string s;
    for (int i = 0; i < 100; ++i) {
      std::string l = line(i);
      if (i >= punct) l.pop_back();
      s += l + (i < 99 ? "\n" : "");
    }
    return s;
  };
  EXPECT_EQ(run(text(13), only(0)), "");
  EXPECT_EQ(run(text(12), only(0)), "line_punct_ratio");  // 0.12 is not above 0.12
  FineWebOptions o = only(0);
  o.line_punct_exclude_zero = true;
  EXPECT_EQ(run(text(0), o), "");
  // CJK full stops end lines only with the Unicode set.
  std::string zh = "今天下雨了。\n我们在家看书。";
  EXPECT_EQ(run(zh, only(0)), "line_punct_ratio");
  o = only(0);
  o.unicode_terminal_punct = true;
  EXPECT_EQ(run(zh, o), "");
}

TEST_F(FineWebTest, ShortLineRatio) {
  auto text = [](int short_lines) {
    std::string s;
    for (int i = 0; i < 100; ++i)
      s += (i < short_lines ? uword(i) + "." : line(i)) + (i < 99 ? "\n" : "");
    return s;
  };
  EXPECT_EQ(run(text(66), only(1)), "");
  EXPECT_EQ(run(text(67), only(1)), "short_line_ratio");
}

TEST_F(FineWebTest, CharDuplicateRatio) {
  // 200 unique lines plus k repeats of line 0: ratio = k*len / (201+k-1)*len roughly k/(200+k).
  auto text = [](int dups) {
    std::string s = doc(200);
    for (int i = 0; i < dups; ++i) s += line(0) + "\n";
    return s;
  };
  EXPECT_EQ(run(text(0), only(2)), "");
  EXPECT_EQ(run(text(1), only(2)), "");                // 1/201 < 0.01
  EXPECT_EQ(run(text(3), only(2)), "char_dup_ratio");  // 3/203 >= 0.01
}

TEST_F(FineWebTest, ListRatio) {
  // One word per line: newlines / words is close to 1.
  std::string list;
  for (int i = 0; i < 50; ++i) list += uword(i) + "\n";
  EXPECT_EQ(run(list, only(3)), "list_ratio");
  // 10 tokens per line (+1 for the full stop): 0.09.
  EXPECT_EQ(run(doc(50), only(3)), "");
  // Exactly at 0.3 passes (the rule is "> 0.3"): 3 newlines, 10 words.
  EXPECT_EQ(run("a b c\nd e f\ng h i\nj", only(3)), "");
  EXPECT_EQ(run("a b c\nd e f\ng h i\nj\n", only(3)), "list_ratio");
}

TEST(Presets, NamesAndUnknown) {
  for (std::string_view name : filter_preset_names()) {
    EXPECT_TRUE(filter_preset(name).ok()) << name;
  }
  Result<FilterPreset> bad = filter_preset("nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(default_filter_preset()->name, "fineweb");
  Result<FilterPreset> fw = filter_preset("fineweb");
  ASSERT_TRUE(fw.ok());
  EXPECT_TRUE(fw->gopher_repetition && fw->gopher_quality && fw->c4 && fw->fineweb);
  EXPECT_FALSE(fw->c4->filter_no_terminal_punct);
  EXPECT_EQ(*fw->fineweb->line_punct_thr, 0.12);
}

TEST(Presets, FineWebRecipe) {
  QualityFilter filter(*filter_preset("fineweb"));
  FilterWorkspace ws;
  FilterOutcome kept = filter.run(doc(20), ws);
  EXPECT_TRUE(kept.keep) << kept.filter << " " << kept.reason;
  EXPECT_TRUE(kept.modified);  // C4 strips the final newline
  // A javascript line is removed by C4 and the rest is kept.
  std::string with_js = doc(10) + "You need to enable javascript to run this app.\n" + doc(10, 10);
  FilterOutcome o = filter.run(with_js, ws);
  ASSERT_TRUE(o.keep) << o.reason;
  EXPECT_TRUE(o.modified);
  EXPECT_EQ(o.text.find("javascript"), std::string::npos);
  // Drops report the filter and datatrove's reason.
  // (A very short text would already fail top_2_gram, as in datatrove: one 2-gram is a large
  // share of a short text.)
  FilterOutcome short_doc = filter.run(words(30) + " the end of it.", ws);
  EXPECT_FALSE(short_doc.keep);
  EXPECT_EQ(short_doc.filter, "gopher_quality");
  EXPECT_EQ(short_doc.reason, "gopher_short_doc");
  std::string repeated;
  for (int i = 0; i < 10; ++i) repeated += line(0) + "\n\n";
  FilterOutcome rep = filter.run(repeated, ws);
  EXPECT_EQ(rep.filter, "gopher_repetition");
  EXPECT_EQ(rep.reason, "dup_para_frac");
  FilterOutcome lorem = filter.run(doc(20) + "Lorem ipsum dolor sit amet, consectetur.\n", ws);
  EXPECT_EQ(lorem.filter, "c4");
  EXPECT_EQ(lorem.reason, "lorem_ipsum");
  // Unpunctuated lines survive C4 in the FineWeb recipe, then fail FineWeb's own rule.
  std::string bare;
  for (int i = 0; i < 20; ++i) {
    std::string l = line(i);
    l.pop_back();
    bare += l + "\n";
  }
  FilterOutcome punct = filter.run(bare, ws);
  EXPECT_EQ(punct.filter, "fineweb_quality");
  EXPECT_EQ(punct.reason, "line_punct_ratio");
  EXPECT_TRUE(QualityFilter(*filter_preset("none")).run("", ws).keep);
}

// The per-language presets (filters.h): English unchanged, other languages without the English
// stop-word rule and with Unicode terminators, dictionary-segmented languages with FineWeb-2's
// word-length ranges.
TEST(LanguagePresets, AdaptTheBasePresetPerLanguage) {
  FilterPreset base = *filter_preset("fineweb");
  for (std::string_view lang : {"en", "und"}) {
    FilterPreset p = preset_for_language(base, lang);
    EXPECT_EQ(p.gopher_quality->min_stop_words, base.gopher_quality->min_stop_words) << lang;
    EXPECT_FALSE(p.fineweb->unicode_terminal_punct) << lang;
    EXPECT_EQ(*p.gopher_quality->min_avg_word_length, 3) << lang;
  }
  FilterPreset de = preset_for_language(base, "de");
  EXPECT_FALSE(de.gopher_quality->min_stop_words.has_value());
  EXPECT_TRUE(de.fineweb->unicode_terminal_punct);
  EXPECT_EQ(*de.gopher_quality->min_avg_word_length, 3);
  EXPECT_EQ(*de.gopher_quality->max_avg_word_length, 10);
  ASSERT_EQ(std::size(kSegmentedWordLengths), 4u);
  for (const LanguageWordLengths& l : kSegmentedWordLengths) {
    FilterPreset p = preset_for_language(base, l.language);
    EXPECT_FALSE(p.gopher_quality->min_stop_words.has_value()) << l.language;
    EXPECT_TRUE(p.fineweb->unicode_terminal_punct) << l.language;
    EXPECT_EQ(*p.gopher_quality->min_avg_word_length, l.min_avg_word_length) << l.language;
    EXPECT_EQ(*p.gopher_quality->max_avg_word_length, l.max_avg_word_length) << l.language;
  }
  // The table holds FineWeb-2's ranges.
  FilterPreset zh = preset_for_language(base, "zh-Hant");  // a longer tag: its first letters
  EXPECT_EQ(*zh.gopher_quality->min_avg_word_length, 1);
  EXPECT_EQ(*zh.gopher_quality->max_avg_word_length, 5);
  FilterPreset th = preset_for_language(base, "th");
  EXPECT_EQ(*th.gopher_quality->min_avg_word_length, 2);
  EXPECT_EQ(*th.gopher_quality->max_avg_word_length, 10);
  // Filters a preset leaves out stay out.
  FilterPreset c4_only = preset_for_language(*filter_preset("c4"), "ja");
  EXPECT_FALSE(c4_only.gopher_quality.has_value());
  EXPECT_FALSE(c4_only.fineweb.has_value());
}

// run_repetition before run() gives run()'s outcome, in every language: texts that Gopher
// repetition drops (the same drop whatever the language), and texts it passes, which run()
// then filters on without running it again (a German text passes or fails by language as
// before). A run() on another text does not take the earlier pass for its own.
TEST(LanguagePresets, RepetitionFirstThenRunGivesRunsOutcome) {
  LanguageFilterSet set(*filter_preset("fineweb"));
  std::string repeated;
  for (int i = 0; i < 10; ++i) repeated += line(0) + "\n\n";
  std::string german;
  for (int i = 0; i < 12; ++i)
    german += "Viele Menschen warten seit Wochen auf eine Antwort der Regierung " + uword(i) +
              " und " + uword(i + 40) + ".\n";
  const std::string texts[] = {
      repeated, doc(20), german, words(30) + " the end of it.",
      doc(10) + "You need to enable javascript to run this app.\n" + doc(10, 10)};
  for (const std::string& text : texts) {
    for (std::string_view lang : {"en", "de", "ja", "und"}) {
      FilterWorkspace plain_ws, split_ws;
      FilterOutcome want = set.for_language(lang).run(text, plain_ws);
      std::optional<FilterOutcome> first = set.run_repetition(text, split_ws);
      FilterOutcome got = first ? *first : set.for_language(lang).run(text, split_ws);
      EXPECT_EQ(want.keep, got.keep) << lang << ": " << text.substr(0, 40);
      EXPECT_EQ(want.filter, got.filter) << lang;
      EXPECT_EQ(want.reason, got.reason) << lang;
      EXPECT_EQ(want.modified, got.modified) << lang;
      EXPECT_EQ(want.text, got.text) << lang;
      EXPECT_EQ(want.words, got.words) << lang;
      EXPECT_EQ(want.c4_lines.kept, got.c4_lines.kept) << lang;
      EXPECT_EQ(first.has_value(), want.filter == "gopher_repetition") << lang;
    }
  }
  // A pass is for its own text only: after run_repetition passed doc(20), run() on the
  // repeated text still runs the rule and drops it.
  FilterWorkspace ws;
  EXPECT_FALSE(set.run_repetition(doc(20), ws).has_value());
  EXPECT_EQ(set.for_language("en").run(repeated, ws).reason, "dup_para_frac");
}

TEST(LanguagePresets, FilterSetPicksThePresetOfTheLanguage) {
  LanguageFilterSet set(*filter_preset("fineweb"));
  FilterWorkspace ws;
  // German prose has none of Gopher's English stop words: English rules drop it, German keep it.
  const char* const sentences[] = {
      "Der Bericht beschreibt heute die Lage im Norden des Landes sehr genau.",
      "Viele Menschen warten seit Wochen auf eine Antwort der Regierung.",
      "Im Sommer stiegen die Preise für Strom und Wasser deutlich an.",
      "Eine neue Studie zeigt, wie stark sich das Klima verändert hat.",
      "Die Schulen öffnen im September wieder für alle Kinder der Stadt.",
      "Am Abend sprach der Bürgermeister vor dem vollen Rathaus.",
      "Nach dem Regen blieben viele Straßen stundenlang gesperrt.",
      "Forscher entdeckten im Wald eine seltene Art von Käfern.",
      "Der Verein feiert im nächsten Jahr sein hundertjähriges Bestehen.",
      "Ohne Hilfe aus Berlin könnten einige Projekte nicht beginnen.",
      "Zahlreiche Besucher kamen trotz Kälte zum Markt am Hafen.",
      "Bis Freitag sollen erste Ergebnisse der Untersuchung vorliegen."};
  std::string german;
  for (const char* s : sentences) german += std::string(s) + "\n";
  FilterOutcome as_en = set.for_language("en").run(german, ws);
  EXPECT_FALSE(as_en.keep);
  EXPECT_EQ(as_en.reason, "gopher_enough_stop_words");
  EXPECT_EQ(set.for_language("und").run(german, ws).reason, "gopher_enough_stop_words");
  FilterOutcome as_de = set.for_language("de").run(german, ws);
  EXPECT_TRUE(as_de.keep) << as_de.reason;
  EXPECT_EQ(set.for_language("zh-Hans").preset().gopher_quality->max_avg_word_length, 5);
  EXPECT_EQ(set.for_language("ko").preset().gopher_quality->max_avg_word_length, 6);
  EXPECT_EQ(set.for_language("fr").preset().gopher_quality->max_avg_word_length, 10);
  EXPECT_TRUE(set.for_language("en").preset().gopher_quality->min_stop_words.has_value());
}

// C4 counts the lines of Python's str.splitlines(), whose breaks the splitter finds 16 bytes at
// a time: every break kind (and the lead bytes of U+0085 and U+2028 in other characters) at
// every offset of long texts must give the count of a byte-by-byte reading.
size_t reference_line_count(std::string_view s) {
  size_t lines = 0, start = 0, i = 0;
  while (i < s.size()) {
    size_t brk = 0;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    if (c == '\r')
      brk = at(i + 1) == '\n' ? 2 : 1;
    else if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E))
      brk = 1;
    else if (c == 0xC2 && at(i + 1) == 0x85)
      brk = 2;
    else if (c == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9))
      brk = 3;
    if (brk == 0) {
      ++i;
      continue;
    }
    ++lines;
    i += brk;
    start = i;
  }
  return lines + (start < s.size() ? 1 : 0);
}

TEST(C4, CountsTheLinesOfSplitlinesAtEveryOffset) {
  const std::vector<std::string> pieces = {"Words of a sentence here. ",
                                           "abc",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "\v",
                                           "\f",
                                           "\x1c",
                                           "\x1e",
                                           "\x1f",
                                           "\u0085",
                                           "\u2028",
                                           "\u2029",
                                           "\u00e9",
                                           "\u00a0",
                                           "\u2019",
                                           "\u2026",
                                           "\t"};
  std::mt19937 rng(777);
  C4Options o;
  std::string out;
  for (int trial = 0; trial < 300; ++trial) {
    std::string t;
    const size_t n = rng() % 60;
    for (size_t k = 0; k < n; ++k) t += pieces[rng() % pieces.size()];
    C4LineStats st;
    c4_quality(t, o, &out, &st);
    EXPECT_EQ(st.total, reference_line_count(t)) << "trial " << trial;
  }
}

// FineWeb counts the tokens of the text C4 left from the tokens Gopher already had (no second
// tokenisation): the count must equal tokenising C4's output, whatever C4 removed or rewrote.
TEST(Presets, FineWebWordCountAfterC4MatchesTokenisingTheOutput) {
  QualityFilter filter(*filter_preset("fineweb"));
  FilterWorkspace ws;
  WordSegmenter seg;
  const std::vector<std::string> extras = {
      "A claim with a citation[12]glued to the next word, and more words.\n",
      "  [edit] Section heading words with [citation needed] markers.  \n",
      "You need to enable javascript to run this app.\n",  // removed by C4
      "Too short\n",                                       // removed by C4
      "Windows line ends, then another line of text.\r\nSecond half of it is here too.\n",
      "A line separator\u2028splits this line into two lines of words.\n",
      "\f Form feed line, followed by words and (brackets) and \"quotes\".\n",
      "中文 句子 在这里 有 空格。日本語の 文 も ある。\n",
      "Terms of use apply to every page of this site.\n",  // policy line, removed
  };
  int checked = 0;
  for (size_t mask = 1; mask < (size_t(1) << extras.size()); mask += 7) {
    std::string text = doc(12);
    for (size_t i = 0; i < extras.size(); ++i)
      if (mask & (size_t(1) << i)) text += extras[i] + doc(1, int(i) + 20);
    FilterOutcome o = filter.run(text, ws);
    if (!o.keep) continue;  // a dropped outcome carries no text to compare with
    std::vector<std::string_view> tokens;
    seg.words(o.modified ? std::string_view(o.text) : std::string_view(text), &tokens);
    EXPECT_EQ(o.words, tokens.size()) << text;
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

}  // namespace
}  // namespace klartext::text

namespace klartext::text {
namespace {

TEST(Presets, SharedFilterAcrossThreadsMatchesSingleThread) {
  QualityFilter filter(*filter_preset("fineweb"));
  std::vector<std::string> docs;
  for (int i = 0; i < 40; ++i) {
    docs.push_back(i % 3 == 0 ? doc(3 + i, i * 50)
                              : doc(10 + i, i * 50) + (i % 5 ? "" : "{x y z}.\n"));
  }
  std::vector<std::string> expected;
  FilterWorkspace ws;
  for (const auto& d : docs) expected.push_back(filter.run(d, ws).reason);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      FilterWorkspace local;
      for (size_t i = 0; i < docs.size(); ++i) {
        if (filter.run(docs[i], local).reason != expected[i]) ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(Filters, ArbitraryBytesDoNotCrash) {
  std::mt19937 rng(1);
  QualityFilter filter(*filter_preset("fineweb"));
  QualityFilter c4(*filter_preset("c4"));
  FilterWorkspace ws;
  const char alphabet[] = "ab \n\n.!?#-{[]}\xe2\x80\xa6\xe4\xb8\xad\xff\xc3\xa9\x85\r\t";
  for (int i = 0; i < 300; ++i) {
    std::string s;
    size_t len = rng() % 400;
    for (size_t j = 0; j < len; ++j) s.push_back(alphabet[rng() % (sizeof(alphabet) - 1)]);
    FilterOutcome a = filter.run(s, ws);
    FilterOutcome b = c4.run(s, ws);
    EXPECT_TRUE(a.keep || !a.reason.empty());
    EXPECT_TRUE(b.keep || !b.reason.empty());
  }
}

}  // namespace
}  // namespace klartext::text
