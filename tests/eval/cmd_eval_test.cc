// End-to-end test of `klartext eval` (tools/klartext/cmd_eval.cc): runs the built binary and
// reads its JSON.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "support/run_command.h"

namespace {

using Output = klartext::testing::CommandRun;

Output run(const std::string& args) {
  return klartext::testing::run_command(std::string(KLARTEXT_BIN) + " eval " + args +
                                        " 2>/dev/null");
}

TEST(CmdEval, AnchorsJsonReproducesPublishedF1) {
  Output o = run("--dataset scrapinghub --anchors --json --data " KLARTEXT_DATA_DIR);
  ASSERT_EQ(o.code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(o.out).get(root), simdjson::SUCCESS) << o.out;
  simdjson::dom::array datasets;
  ASSERT_EQ(root["datasets"].get(datasets), simdjson::SUCCESS);
  ASSERT_EQ(datasets.size(), 1u);
  simdjson::dom::element d = datasets.at(0);
  EXPECT_EQ(uint64_t(d["pages"]), 181u);
  bool seen_anchor = false, seen_published = false;
  for (simdjson::dom::element row : d["rows"].get_array()) {
    std::string_view system = row["system"], kind = row["kind"];
    if (kind == "anchor" && system == "trafilatura") {
      seen_anchor = true;
      EXPECT_EQ(std::lround(double(row["f1"]) * 1000), 958);
    }
    if (kind == "published" && system == "rs_trafilatura") {
      seen_published = true;
      EXPECT_DOUBLE_EQ(double(row["f1"]), 0.970);
    }
  }
  EXPECT_TRUE(seen_anchor);
  EXPECT_TRUE(seen_published);
}

TEST(CmdEval, LimitAndTable) {
  Output o = run("--dataset scrapinghub --anchors --limit 5 --data " KLARTEXT_DATA_DIR);
  ASSERT_EQ(o.code, 0);
  EXPECT_NE(o.out.find("scrapinghub: 5 pages"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("readability_js"), std::string::npos);
  // Published figures are for full sets, so a limited run does not list them.
  EXPECT_EQ(o.out.find("published"), std::string::npos);
}

TEST(CmdEval, UsageErrors) {
  EXPECT_EQ(run("--dataset nosuch").code, 2);
  EXPECT_EQ(run("--limit 0").code, 2);
  EXPECT_EQ(run("--bogus").code, 2);
  EXPECT_EQ(run("--help").code, 0);
  EXPECT_EQ(run("--dataset wcxb --data /nonexistent-klartext-data").code, 1);
}

}  // namespace
