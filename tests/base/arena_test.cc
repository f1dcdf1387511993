// Tests for src/base/arena.h.
#include "base/arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace klartext::base {
namespace {

TEST(ArenaTest, AllocationsAreAlignedAndDistinct) {
  Arena arena;
  char* a = static_cast<char*>(arena.allocate(3, 1));
  auto* b = static_cast<uint64_t*>(arena.allocate(sizeof(uint64_t), alignof(uint64_t)));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % alignof(uint64_t), 0u);
  EXPECT_NE(static_cast<void*>(a), static_cast<void*>(b));
}

TEST(ArenaTest, CopyOutlivesSourceAndSpansBlocks) {
  Arena arena;
  std::string big(100000, 'x');  // larger than the first block
  std::string_view copy;
  {
    std::string tmp = big;
    copy = arena.copy(tmp);
  }
  EXPECT_EQ(copy, big);
  EXPECT_GE(arena.bytes_reserved(), big.size());
  EXPECT_TRUE(arena.copy("").empty());
}

}  // namespace
}  // namespace klartext::base
