// Tests for src/base/cpu_clock.h.
#include "base/cpu_clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace klartext::base {
namespace {

TEST(CpuClockTest, CountsWorkNotSleep) {
  double start = thread_cpu_ms();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  double after_sleep = thread_cpu_ms();
  EXPECT_LT(after_sleep - start, 25.0);  // sleeping uses (almost) no CPU
  volatile unsigned long sink = 0;
  while (thread_cpu_ms() - after_sleep < 5.0) sink = sink + 1;
  EXPECT_GE(thread_cpu_ms() - after_sleep, 5.0);
  EXPECT_GT(sink, 0u);
}

}  // namespace
}  // namespace klartext::base
