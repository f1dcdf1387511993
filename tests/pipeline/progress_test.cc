// Tests for src/pipeline/progress.h.
#include "pipeline/progress.h"

#include <gtest/gtest.h>

namespace klartext::pipeline {
namespace {

TEST(ProgressTest, FormatsRatesShareAndEta) {
  // 50 MB of 100 MB in 10 s: 5 MB/s, 50%, 10 s left.
  std::string line = Progress::format(50'000'000, 100'000'000, 2000, 1000, 250, 10.0);
  EXPECT_EQ(line, "2000 records 200 rec/s  5.0 MB/s  1000 pages, 25.0% kept  50%  ETA 0:10");
  // Unknown total: no ETA.
  EXPECT_EQ(Progress::format(1'000'000, 0, 10, 0, 0, 2.0).find("ETA"), std::string::npos);
}

TEST(ProgressTest, DisabledWritesNothing) {
  char buf[256] = {};
  FILE* f = fmemopen(buf, sizeof buf, "w");
  Progress p(f, 100, false);
  p.update(50, 1, 1, 1);
  p.finish();
  std::fclose(f);
  EXPECT_STREQ(buf, "");
}

}  // namespace
}  // namespace klartext::pipeline
