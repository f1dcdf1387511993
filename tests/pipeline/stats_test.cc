// Tests for src/pipeline/stats.h.
#include "pipeline/stats.h"

#include <gtest/gtest.h>

namespace klartext::pipeline {
namespace {

CorpusStats sample() {
  CorpusStats s;
  s.input_files = 1;
  s.records_by_type["response"] = 10;
  s.html_pages = 9;
  s.pages_by_language["de"] = 4;
  s.dropped_by_rule["gopher_short_doc"] = 2;
  s.exact_duplicates = 1;
  s.truncated = 1;
  s.kept = 4;
  s.add_error({"a.warc.gz", 1234, "truncated gzip member"});
  return s;
}

TEST(StatsTest, JsonRoundTripAndMerge) {
  CorpusStats a = sample();
  auto back = stats_from_json(a.to_json());
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->to_json(), a.to_json());
  a.merge(*back);
  EXPECT_EQ(a.records_by_type["response"], 20u);
  EXPECT_EQ(a.dropped_by_rule["gopher_short_doc"], 4u);
  EXPECT_EQ(a.error_count, 2u);
  EXPECT_EQ(a.truncated, 2u);
  ASSERT_EQ(a.errors.size(), 2u);
  EXPECT_EQ(a.errors[1].offset, 1234u);
  std::string table = a.to_table();
  EXPECT_NE(table.find("dropped: gopher_short_doc"), std::string::npos);
  EXPECT_NE(table.find("cut by a work cap"), std::string::npos);
  EXPECT_NE(table.find("a.warc.gz @1234: truncated gzip member"), std::string::npos);
}

TEST(StatsTest, ErrorListIsCapped) {
  CorpusStats s;
  for (size_t i = 0; i < CorpusStats::kMaxErrors + 5; ++i) s.add_error({"f", i, "e"});
  EXPECT_EQ(s.errors.size(), CorpusStats::kMaxErrors);
  EXPECT_EQ(s.error_count, CorpusStats::kMaxErrors + 5);
  EXPECT_FALSE(stats_from_json("{not json").ok());
}

}  // namespace
}  // namespace klartext::pipeline
