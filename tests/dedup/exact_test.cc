// Tests for src/dedup/exact.h: hash of normalised text, sharded set, limits, threads.
#include "dedup/exact.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace klartext::dedup {
namespace {

TEST(ExactHash, NormalisedVariantsCollide) {
  std::string scratch;
  // Both normalise to "hello world it s 0".
  EXPECT_EQ(exact_hash("Hello, World! It's 2024.", &scratch),
            exact_hash("hello   world it's 1999", &scratch));
  EXPECT_EQ(exact_hash("Héllo wörld", &scratch), exact_hash("hello world", &scratch));
  EXPECT_NE(exact_hash("hello world", &scratch), exact_hash("hello there", &scratch));
  EXPECT_NE(raw_hash("Hello"), raw_hash("hello"));
}

TEST(ExactDedupSet, CheckAndInsert) {
  ExactDedupSet set;
  EXPECT_EQ(set.check_and_insert(42), SeenResult::kNew);
  EXPECT_EQ(set.check_and_insert(42), SeenResult::kDuplicate);
  EXPECT_EQ(set.check_and_insert(0), SeenResult::kNew);  // 0 is a valid hash too
  EXPECT_TRUE(set.contains(42));
  EXPECT_FALSE(set.contains(43));
  for (uint64_t i = 1; i <= 100000; ++i) set.check_and_insert(i * 0x9E3779B97F4A7C15ULL);
  EXPECT_EQ(set.size(), 100002u);
  EXPECT_LT(set.memory_bytes(), 100002u * 24);  // <= 23 bytes per entry as documented
}

TEST(ExactDedupSet, FullWhenCapReached) {
  ExactDedupSet set(64);  // one entry per shard plus one
  int full = 0;
  for (uint64_t i = 1; i <= 10000; ++i) {
    full += set.check_and_insert(i * 0x9E3779B97F4A7C15ULL) == SeenResult::kFull;
  }
  EXPECT_GT(full, 0);
  EXPECT_LE(set.size(), 64u * 2);
}

TEST(ExactDedupSet, ThreadsAgreeOnOneWinnerPerHash) {
  ExactDedupSet set;
  std::atomic<int> news{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (uint64_t i = 1; i <= 20000; ++i) {
        if (set.check_and_insert(i * 0xD6E8FEB86659FD93ULL) == SeenResult::kNew) ++news;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(news.load(), 20000);
}

}  // namespace
}  // namespace klartext::dedup
