// Arena block management. Tested in tests/base/arena_test.cc.
#include "base/arena.h"

#include <algorithm>

namespace klartext::base {

void* Arena::allocate_slow(size_t bytes, size_t align) {
  size_t size = std::max(next_block_, bytes + align);
  blocks_.emplace_back(new char[size]);
  reserved_ += size;
  ptr_ = blocks_.back().get();
  end_ = ptr_ + size;
  if (next_block_ < kMaxBlock) next_block_ *= 2;
  uintptr_t p = (reinterpret_cast<uintptr_t>(ptr_) + align - 1) & ~(uintptr_t(align) - 1);
  ptr_ = reinterpret_cast<char*>(p + bytes);
  return reinterpret_cast<void*>(p);
}

}  // namespace klartext::base
