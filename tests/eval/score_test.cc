// Tests of the benchmark scorers (src/eval/score.h) on small hand-made cases; expected numbers
// were worked out by hand from the scripts' definitions.
#include "eval/score.h"

#include <gtest/gtest.h>

namespace klartext::eval {
namespace {

TEST(Shingles, IdenticalTexts) {
  // 6 tokens -> 3 shingles, all shared.
  ShingleCounts c = shingle_counts("a b c d e f", "a b c d e f");
  EXPECT_EQ(c.tp, 3);
  EXPECT_EQ(c.fp, 0);
  EXPECT_EQ(c.fn, 0);
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(shingle_precision(c), 1);
  EXPECT_EQ(shingle_recall(c), 1);
}

TEST(Shingles, PartialOverlap) {
  // gold: a b c d e f -> abcd bcde cdef; pred: a b c d x -> abcd bcdx.
  ShingleCounts c = shingle_counts("a b c d e f", "a b c d x");
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 2);
  EXPECT_FALSE(c.exact);
  EXPECT_DOUBLE_EQ(shingle_precision(c), 0.5);
  EXPECT_DOUBLE_EQ(shingle_recall(c), 1.0 / 3);
}

TEST(Shingles, CaseKeptAndPunctuationIgnored) {
  ShingleCounts c = shingle_counts("One, two; three four.", "one two three four");
  EXPECT_EQ(c.tp, 0);
  EXPECT_EQ(c.fp, 1);
  EXPECT_EQ(c.fn, 1);
  ShingleCounts d = shingle_counts("One, two; three four.", "One two three four");
  EXPECT_EQ(d.tp, 1);
  EXPECT_TRUE(d.exact);
}

TEST(Shingles, MultisetCounts) {
  // gold has "a b c d" twice (a b c d a b c d -> abcd bcda cdab dabc abcd), pred once.
  ShingleCounts c = shingle_counts("a b c d a b c d", "a b c d");
  EXPECT_EQ(c.tp, 1);
  EXPECT_EQ(c.fp, 0);
  EXPECT_EQ(c.fn, 4);
}

TEST(Shingles, ShortAndEmptyTexts) {
  // Fewer than 4 tokens: one shorter shingle.
  ShingleCounts c = shingle_counts("a b", "a b");
  EXPECT_EQ(c.tp, 1);
  // Empty prediction: no shingles at all, so tp = fp = 0 and the page leaves the precision mean.
  ShingleCounts e = shingle_counts("a b c d", "");
  EXPECT_EQ(e.tp, 0);
  EXPECT_EQ(e.fp, 0);
  EXPECT_EQ(e.fn, 1);
  EXPECT_EQ(shingle_recall(e), 0);
  ShingleCounts both = shingle_counts("", "");
  EXPECT_EQ(both.tp + both.fp + both.fn, 0);
}

TEST(Shingles, SummaryAveragesPrecisionAndRecallSeparately) {
  std::vector<ShingleCounts> pages = {
      shingle_counts("a b c d e f", "a b c d e f"),  // P 1, R 1
      shingle_counts("a b c d e f", "a b c d x"),    // P 1/2, R 1/3
      shingle_counts("a b c d", ""),                 // not in P; R 0
  };
  ShingleSummary s = summarize_shingles(pages);
  EXPECT_DOUBLE_EQ(s.precision, (1 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(s.recall, (1 + 1.0 / 3 + 0) / 3);
  double p = 0.75, r = 4.0 / 9;
  EXPECT_DOUBLE_EQ(s.f1, 2 * p * r / (p + r));
  EXPECT_DOUBLE_EQ(s.accuracy, 1.0 / 3);
  EXPECT_EQ(s.pages, 3u);
}

TEST(WordScore, ClippedBagOfWords) {
  // gold: the(2) cat sat; pred: the(3) cat dog -> overlap = min(3,2) + 1 = 3.
  WordScore s = word_score("The cat, the sat", "the THE the cat dog");
  EXPECT_DOUBLE_EQ(s.precision, 3.0 / 5);
  EXPECT_DOUBLE_EQ(s.recall, 3.0 / 4);
  EXPECT_DOUBLE_EQ(s.f1, 2 * 0.6 * 0.75 / 1.35);
}

TEST(WordScore, EmptyGoldRule) {
  WordScore both_empty = word_score("", "  ... ");
  EXPECT_EQ(both_empty.precision, 1);
  EXPECT_EQ(both_empty.recall, 1);
  EXPECT_EQ(both_empty.f1, 1);
  WordScore extra = word_score("--", "some words");
  EXPECT_EQ(extra.f1, 0);
  EXPECT_EQ(extra.precision, 0);
  WordScore nothing = word_score("gold words", "");
  EXPECT_EQ(nothing.f1, 0);
  EXPECT_EQ(nothing.recall, 0);
  WordScore disjoint = word_score("alpha", "beta");
  EXPECT_EQ(disjoint.f1, 0);
}

TEST(WordScore, HanCharactersAreTokens) {
  // gold 我爱北京 -> 我 爱 北 京; pred 我爱上海 -> 我 爱 上 海: overlap 2 of 4 each way.
  WordScore han = word_score("我爱北京", "我爱上海", Tokens::kHanSplit);
  EXPECT_DOUBLE_EQ(han.precision, 0.5);
  EXPECT_DOUBLE_EQ(han.recall, 0.5);
  // As plain \w runs they are two different one-token texts.
  EXPECT_EQ(word_score("我爱北京", "我爱上海").f1, 0);
}

TEST(Snippets, CaseInsensitiveSubstring) {
  std::vector<std::string> snippets = {"Quick Brown", "lazy dog", "absent"};
  EXPECT_DOUBLE_EQ(snippet_rate("The quick brown fox jumps over the LAZY DOG", snippets), 2.0 / 3);
  EXPECT_DOUBLE_EQ(snippet_rate("", snippets), 0);
  // No snippets at all counts 1, as in the WCXB script.
  EXPECT_EQ(snippet_rate("anything", {}), 1);
  EXPECT_EQ(snippet_rate("ÉCOLE", {"école"}), 1);
}

}  // namespace
}  // namespace klartext::eval
