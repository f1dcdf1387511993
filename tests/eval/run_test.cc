// Tests of timed runs and dataset reports (src/eval/run.h) with a fake extractor.
#include "eval/run.h"

#include <gtest/gtest.h>

namespace klartext::eval {
namespace {

TEST(Timing, NearestRankPercentiles) {
  std::vector<double> ms;
  for (int i = 100; i >= 1; --i) ms.push_back(i);
  Timing t = timing_from(ms, 5'000'000);
  EXPECT_EQ(t.pages, 100u);
  EXPECT_DOUBLE_EQ(t.seconds, 5.050);
  EXPECT_DOUBLE_EQ(t.p50_ms, 50);
  EXPECT_DOUBLE_EQ(t.p99_ms, 99);
  EXPECT_DOUBLE_EQ(t.max_ms, 100);
  EXPECT_NEAR(t.pages_per_second(), 100 / 5.05, 1e-9);
  EXPECT_NEAR(t.mb_per_second(), 5 / 5.05, 1e-9);
  EXPECT_EQ(timing_from({}, 0).pages_per_second(), 0);
}

std::vector<GoldPage> wcxb_gold() {
  std::vector<GoldPage> gold(3);
  gold[0] = {"1",        "",           "",        "alpha beta gamma delta", "A Title",
             "Jane Doe", "2020-01-02", "article", {"beta gamma"},           {"menu"}};
  gold[1] = {"2", "", "", "", "", "", "", "listing", {}, {}};
  gold[2] = {"3", "", "", "one two", "", "", "", "article", {"one"}, {"two"}};
  return gold;
}

TEST(Report, WcxbMeansTypesSnippetsAndMetadata) {
  std::map<std::string, ExtractedPage> preds;
  preds["1"] = {"alpha beta gamma menu", "a  title", "By Jane Doe", "2020-01-02T10:00"};
  preds["2"] = {"", "", "", ""};  // empty gold, empty prediction: 1
  // page 3 missing: scores as an empty prediction, 0.
  Report r = score_dataset(Dataset::kWcxb, wcxb_gold(), preds);
  EXPECT_EQ(r.pages, 3u);
  EXPECT_EQ(r.missing, 1u);
  // page 1: overlap 3, P 3/4, R 3/4, F1 3/4.
  EXPECT_DOUBLE_EQ(r.f1, (0.75 + 1 + 0) / 3);
  EXPECT_DOUBLE_EQ(r.precision, (0.75 + 1 + 0) / 3);
  // with: page1 1/1, page2 no snippets 1, page3 0/1. without: 1/1, 1 (none), 0/1.
  EXPECT_DOUBLE_EQ(r.with_rate, 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.without_rate, 2.0 / 3);
  ASSERT_EQ(r.by_type.size(), 2u);
  EXPECT_EQ(r.by_type["article"].pages, 2u);
  EXPECT_DOUBLE_EQ(r.by_type["article"].f1, 0.75 / 2);
  EXPECT_DOUBLE_EQ(r.by_type["listing"].f1, 1);
  ASSERT_EQ(r.per_page.size(), 3u);
  EXPECT_EQ(r.per_page[0].id, "1");
  EXPECT_DOUBLE_EQ(r.per_page[0].f1, 0.75);
  EXPECT_DOUBLE_EQ(r.per_page[1].f1, 1);
  EXPECT_DOUBLE_EQ(r.per_page[2].f1, 0);
  EXPECT_EQ(r.title.gold, 1u);
  EXPECT_EQ(r.title.match, 1u);
  EXPECT_EQ(r.author.match, 1u);
  EXPECT_EQ(r.date.match, 1u);
}

TEST(Run, TimesEveryPageAndRecordsFailures) {
  std::vector<GoldPage> gold(2);
  gold[0].id = "ok";
  gold[0].html_path = KLARTEXT_SOURCE_DIR "/CMakeLists.txt";
  gold[1].id = "missing";
  gold[1].html_path = "/nonexistent-klartext-file.html";
  Extractor echo = [](std::string_view html, std::string_view url) -> Result<ExtractedPage> {
    ExtractedPage p;
    p.text = std::string(html.substr(0, 10));
    return p;
  };
  RunOutput out = run_extractor(gold, echo);
  EXPECT_EQ(out.pages.size(), 1u);
  EXPECT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.timing.pages, 1u);
  EXPECT_GT(out.timing.bytes, 10u);

  Extractor failing = [](std::string_view, std::string_view) -> Result<ExtractedPage> {
    return corrupt("bad page");
  };
  RunOutput bad = run_extractor(gold, failing);
  EXPECT_TRUE(bad.pages.empty());
  EXPECT_EQ(bad.errors.size(), 2u);
}

}  // namespace
}  // namespace klartext::eval
