// Match rates of title, author and date on the benchmark gold (wcxb-dev, readability-testpages,
// chinese-wce), with the shared rules of src/eval/match.h. Fails below pinned floors.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
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
  double parse_ms = 0, metadata_ms = 0;
  size_t pages_done = 0;
  const bool show_misses = std::getenv("KLARTEXT_METADATA_MISSES") != nullptr;
  auto pages = eval::load_dataset(d, KLARTEXT_DATA_DIR);
  EXPECT_TRUE(pages.ok()) << pages.status().to_string();
  if (!pages.ok()) return r;
  for (const eval::GoldPage& page : pages.value()) {
    if (page.title.empty() && page.author.empty() && page.date.empty()) continue;
    auto bytes = base::read_maybe_gzip(page.html_path, size_t(64) << 20);
    if (!bytes.ok()) continue;
    auto decoded = decode::decode_html(bytes.value());
    if (!decoded.ok()) continue;
    auto t0 = std::chrono::steady_clock::now();
    auto doc = html::parse(std::move(decoded->utf8));
    if (!doc.ok()) continue;
    auto t1 = std::chrono::steady_clock::now();
    MetadataOptions options;
    options.url = page.url;
    Metadata m = extract_metadata(*doc.value(), options);
    auto t2 = std::chrono::steady_clock::now();
    parse_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    metadata_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
    ++pages_done;
    // KLARTEXT_METADATA_MISSES=1 lists every miss (field, page, gold, prediction) to study
    // failure classes; off by default.
    auto miss = [&](const char* field, const std::string& gold, const std::string& got) {
      if (show_misses)
        std::printf("MISS %s %s %s\n  gold: %s\n  got:  %s\n", field,
                    std::string(eval::dataset_name(d)).c_str(), page.id.c_str(), gold.c_str(),
                    got.c_str());
    };
    if (!page.title.empty()) {
      ++r.title.gold;
      bool ok = eval::title_matches(m.title, page.title);
      r.title.match += ok;
      if (!ok) miss("title", page.title, m.title);
    }
    if (!page.author.empty()) {
      ++r.author.gold;
      bool ok = eval::author_matches(m.author, page.author);
      r.author.match += ok;
      if (!ok) miss("author", page.author, m.author);
    }
    if (!page.date.empty()) {
      ++r.date.gold;
      bool ok = eval::date_matches(m.date, page.date);
      r.date.match += ok;
      if (!ok) miss("date", page.date, m.date);
    }
  }
  std::printf("%-12s title %.3f (%zu/%zu)  author %.3f (%zu/%zu)  date %.3f (%zu/%zu)\n",
              std::string(eval::dataset_name(d)).c_str(), r.title.rate(), r.title.match,
              r.title.gold, r.author.rate(), r.author.match, r.author.gold, r.date.rate(),
              r.date.match, r.date.gold);
  // Cost on the hot path, next to the parse it follows (informational, not asserted).
  if (pages_done)
    std::printf("%-12s %zu pages: parse %.3f ms/page, metadata %.3f ms/page\n",
                std::string(eval::dataset_name(d)).c_str(), pages_done,
                parse_ms / double(pages_done), metadata_ms / double(pages_done));
  return r;
}

// Floors pinned on 2026-11-29 a little under the rates measured with this test. Measured at
// the start of that day: wcxb title 0.801 author 0.854 date 0.885; readability title 0.748
// author 0.895 date 0.939; chinese author 0.540 date 0.879. At its end: wcxb title 0.803
// author 0.858 date 0.890; readability title 0.748 author 0.895 date 1.000; chinese author
// 0.780 date 0.862 (see git log for the rule behind each step). Later that night (date ranges,
// datelines, video dates, namespaced date meta, two markup dates, misread UTF-8, Dublin Core
// titles): wcxb title 0.804 date 0.899; readability title 0.756; chinese date 0.897; the rest
// unchanged; wcxb date floor 0.88 -> 0.89, chinese date floor 0.84 -> 0.86. On 2026-11-30
// (site-zone timestamps, soft hyphens, "Thread starter", citation lists, "Author" labels,
// template leftovers): wcxb title 0.805 author 0.869 date 0.900; wcxb author floor 0.85 -> 0.86.
// Later (JSON-LD in a meta tag, site names in a later host label): wcxb title 0.808 date
// 0.902 (705/782); wcxb title floor 0.795 -> 0.80, date floor 0.89 -> 0.898 (two pages under
// the measured rate, so that one page lost elsewhere does not fail the build). Then (avatars
// between a byline label and its name, closing author credits, longer title chains): wcxb
// title 0.808 (1210) author 0.876 (647); wcxb author floor 0.86 -> 0.87. With site-named
// and login meta authors giving way to bylines: wcxb author 0.880 (650/739); floors wcxb
// title 0.80 -> 0.805 (4 pages under 1210), author 0.87 -> 0.875 (3 pages under 650). The wcxb
// date floor stays 0.898 (703/782) while the rate is 0.902 (705/782): the remaining date misses
// are gold dates absent from the page or update-versus-published pages the gold decides both
// ways (see git log), so the margin above 0.90 is one page. News stories and blog posts with
// one h1 taking it as headline: wcxb title 0.812 (1216/1497); title floor 0.805 -> 0.81 (3
// pages under 1216). "Started by" and "Authors:" bylines: wcxb author 0.882 (652/739); author
// floor 0.875 -> 0.878 (3 pages under 652). Full-width "？" in Latin titles made ASCII: wcxb
// title 0.813 (1217/1497), floor unchanged.
// A regression fails; a change of a page or two does not. The wcxb title gold is the
// annotator's reading of the headline (often the h1, sometimes <title> without its tail), so
// its rate stays well under the date rate. KLARTEXT_METADATA_MISSES=1 lists the misses.
TEST(MetadataDataTest, WcxbDev) {
  Rates r = measure(eval::Dataset::kWcxb);
  EXPECT_GE(r.title.rate(), 0.81);
  EXPECT_GE(r.author.rate(), 0.878);
  EXPECT_GE(r.date.rate(), 0.898);
}

TEST(MetadataDataTest, ReadabilityTestPages) {
  Rates r = measure(eval::Dataset::kReadability);
  EXPECT_GE(r.title.rate(), 0.73);
  EXPECT_GE(r.author.rate(), 0.86);
  EXPECT_GE(r.date.rate(), 0.93);
}

TEST(MetadataDataTest, ChineseWce) {
  Rates r = measure(eval::Dataset::kChinese);
  EXPECT_GE(r.author.rate(), 0.74);
  EXPECT_GE(r.date.rate(), 0.86);
}

}  // namespace
}  // namespace klartext::metadata
