// Scoring any extractor on a benchmark: the Extractor interface, timed runs over a dataset,
// and the per-dataset report (text scores, per page type, snippet rates, metadata match rates).
// Tested in tests/eval/run_test.cc.
#ifndef KLARTEXT_EVAL_RUN_H_
#define KLARTEXT_EVAL_RUN_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eval/dataset.h"
#include "eval/score.h"
#include "klartext/status.h"

namespace klartext::eval {

// What an extractor returns for one page. Empty strings mean "not found".
struct ExtractedPage {
  std::string text;
  std::string title;
  std::string author;
  std::string date;
};

// Any extractor: raw page bytes (any encoding) and the page's URL in, main content out.
using Extractor =
    std::function<Result<ExtractedPage>(std::string_view html_bytes, std::string_view url)>;

struct Timing {
  size_t pages = 0;
  size_t bytes = 0;    // raw HTML bytes handed to the extractor (after gunzip)
  double seconds = 0;  // sum of per-page extraction times (file reading excluded)
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
  double pages_per_second() const { return seconds > 0 ? pages / seconds : 0; }
  double mb_per_second() const { return seconds > 0 ? bytes / 1e6 / seconds : 0; }
};

// Timing from per-page durations in milliseconds (nearest-rank percentiles).
Timing timing_from(const std::vector<double>& ms, size_t bytes);

struct RunOutput {
  std::map<std::string, ExtractedPage> pages;  // by page id; failed pages are absent
  std::map<std::string, std::string> errors;   // page id -> status text
  Timing timing;
};

// Runs extractor over pages (each HTML file capped at max_page_bytes), timing each call.
RunOutput run_extractor(const std::vector<GoldPage>& pages, const Extractor& extractor,
                        size_t max_page_bytes = size_t(64) << 20);

struct TypeScore {
  size_t pages = 0;
  double precision = 0, recall = 0, f1 = 0;
};

struct FieldRate {
  size_t gold = 0;   // pages where the gold has the field
  size_t match = 0;  // of those, pages where the prediction matches
  double rate() const { return gold ? static_cast<double>(match) / gold : 0; }
};

// One page's text score, for finding the worst pages. scrapinghub: shingle P/R with the
// script's special cases and their F1; the others: the page's bag-of-words scores.
struct PageScore {
  std::string id;
  double precision = 0, recall = 0, f1 = 0;
};

struct Report {
  Dataset dataset = Dataset::kScrapinghub;
  size_t pages = 0;    // gold pages scored (a missing prediction scores as empty text)
  size_t missing = 0;  // gold pages without a prediction
  // scrapinghub: shingle means; the others: plain means of per-page bag-of-words scores.
  double precision = 0, recall = 0, f1 = 0;
  double accuracy = 0;                       // scrapinghub only
  double with_rate = 0;                      // wcxb only: mean share of "with" snippets found
  double without_rate = 0;                   // wcxb only: mean share of "without" snippets leaked
  std::map<std::string, TypeScore> by_type;  // wcxb only
  FieldRate title, author, date;
  std::vector<PageScore> per_page;  // in gold order
};

// Scores predictions (by page id) against gold with the dataset's own rule.
Report score_dataset(Dataset d, const std::vector<GoldPage>& gold,
                     const std::map<std::string, ExtractedPage>& predictions);

// Reads what an external comparison runner (bench/compare/*) wrote: a JSON object
// {id: {articleBody, title, byline, date, seconds, bytes}}; seconds and bytes per page feed
// the timing. Also accepts the WCXB results layout {id: "text"} (no timing). Capped at 1 GiB.
Result<RunOutput> load_runner_output(const std::string& path);

// Shorthand for text-only predictions (anchor outputs, comparison runners).
std::map<std::string, ExtractedPage> as_pages(const std::map<std::string, std::string>& texts);

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_RUN_H_
