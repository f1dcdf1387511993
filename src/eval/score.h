// Benchmark scorers: scrapinghub shingle P/R/F1, WCXB bag-of-words P/R/F1 and snippet rates.
// Each follows the benchmark's own evaluation script (see /work/shared/data/README.md).
// Tested in tests/eval/score_test.cc and tests/eval/anchor_test.cc.
#ifndef KLARTEXT_EVAL_SCORE_H_
#define KLARTEXT_EVAL_SCORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace klartext::eval {

// ---- scrapinghub (article-extraction-benchmark evaluate.py) ----

// Shingle counts of one page. Tokens are \w+ runs, case kept; a shingle is 4 consecutive
// tokens, and a text of 1-3 tokens is one shorter shingle (the script's max(1, n-3) window);
// an empty text has none. tp = multiset intersection, fp = pred - gold, fn = gold - pred.
struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
  bool exact = false;  // the token lists are equal (for "accuracy")
};
ShingleCounts shingle_counts(std::string_view gold, std::string_view pred, int n = 4);

// The script's per-page precision/recall with its special cases: fp = fn = 0 counts 1,
// tp = fp = 0 (resp. tp = fn = 0) counts 0.
double shingle_precision(const ShingleCounts& c);
double shingle_recall(const ShingleCounts& c);

struct ShingleSummary {
  double precision = 0;  // mean over pages with tp + fp > 0
  double recall = 0;     // mean over pages with tp + fn > 0
  double f1 = 0;         // 2PR/(P+R) of the two means, not a mean of per-page F1
  double accuracy = 0;   // share of pages whose token lists are equal
  size_t pages = 0;
};
ShingleSummary summarize_shingles(const std::vector<ShingleCounts>& pages);

// ---- WCXB (web-content-extraction-benchmark evaluate.py) and chinese-wce ----

enum class Tokens {
  kWords,     // \w+ runs of the lower-cased text (WCXB)
  kHanSplit,  // the same with every Han character its own token (chinese-wce)
};

struct WordScore {
  double precision = 0, recall = 0, f1 = 0;
};

// Bag of words with clipped counts. An empty gold scores 1 if the prediction is empty too,
// else 0; an empty prediction scores 0.
WordScore word_score(std::string_view gold, std::string_view pred, Tokens tokens = Tokens::kWords);

// Share of snippets found in text as case-insensitive substrings. No snippets gives 1.0, as in
// the WCXB script (so its "without" leak rate counts pages without such snippets as leaking;
// we keep that to stay comparable with published figures).
double snippet_rate(std::string_view text, const std::vector<std::string>& snippets);

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_SCORE_H_
