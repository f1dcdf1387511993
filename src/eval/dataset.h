// Benchmark datasets: gold text and metadata of scrapinghub, wcxb-dev, chinese-wce and
// readability-testpages, and published anchor outputs. Tested in tests/eval/dataset_test.cc.
#ifndef KLARTEXT_EVAL_DATASET_H_
#define KLARTEXT_EVAL_DATASET_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"

namespace klartext::eval {

enum class Dataset { kScrapinghub, kWcxb, kChinese, kReadability };

// "scrapinghub", "wcxb", "chinese", "readability".
std::string_view dataset_name(Dataset d);
Result<Dataset> parse_dataset(std::string_view name);

// One benchmark page. Empty strings mean the gold has no such field.
struct GoldPage {
  std::string id;
  std::string html_path;  // the raw page; may be gzip-compressed
  std::string url;
  std::string text;  // gold main content
  std::string title;
  std::string author;
  std::string date;
  std::string page_type;             // wcxb only: article, forum, product, ...
  std::vector<std::string> with;     // wcxb: snippets the content must contain
  std::vector<std::string> without;  // wcxb: snippets it must not contain
};

// Loads the gold of dataset d under data_dir (the shared data folder holding scrapinghub/,
// wcxb-dev/, ...), sorted by id. Gold files are capped at 64 MiB each.
Result<std::vector<GoldPage>> load_dataset(Dataset d, const std::string& data_dir);

// Names of the anchor outputs (scrapinghub/anchor-outputs/<name>.json), sorted.
std::vector<std::string> anchor_names(const std::string& data_dir);

// Loads one anchor output: id -> articleBody. Accepts both published layouts,
// {id: {articleBody}} and {"output": {id: {articleBody}}, "version": ...}.
Result<std::map<std::string, std::string>> load_anchor(const std::string& data_dir,
                                                       const std::string& name);

// Visible text of an HTML fragment, for readability-testpages' expected.html: tags dropped,
// block elements become line breaks, script/style dropped, character references decoded
// (numeric ones and the common named ones). It is approximate by design: that gold is used
// for regressions only, never as a headline score.
std::string html_fragment_text(std::string_view html);

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_DATASET_H_
