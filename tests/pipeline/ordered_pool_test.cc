// Tests for src/pipeline/ordered_pool.h.
#include "pipeline/ordered_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

namespace klartext::pipeline {
namespace {

// Results must come back in submission order even when later items finish first.
void run_pool(int threads) {
  std::atomic<int> max_seen{0};
  std::atomic<int> running{0};
  OrderedPool<int, int> pool(threads, 8, [&](int& x) {
    int now = ++running;
    int prev = max_seen.load();
    while (now > prev && !max_seen.compare_exchange_weak(prev, now)) {
    }
    // Early items sleep longest, so they finish last.
    if (threads > 1) std::this_thread::sleep_for(std::chrono::microseconds((100 - x % 100) * 5));
    --running;
    return x * 2;
  });
  std::vector<int> out;
  for (int i = 0; i < 300; ++i) {
    while (pool.full()) out.push_back(pool.pop());
    pool.push(i);
  }
  while (pool.pending()) out.push_back(pool.pop());
  ASSERT_EQ(out.size(), 300u);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(out[i], 2 * i);
  EXPECT_LE(max_seen.load(), std::max(threads, 1));
}

TEST(OrderedPoolTest, InlineWhenSingleThreaded) { run_pool(1); }
TEST(OrderedPoolTest, ParallelKeepsOrder) { run_pool(4); }

}  // namespace
}  // namespace klartext::pipeline
