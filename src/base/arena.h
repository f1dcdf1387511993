// A bump allocator for objects that live exactly as long as one parse (DOM nodes, strings).
// Tested in tests/base/arena_test.cc.
#ifndef KLARTEXT_BASE_ARENA_H_
#define KLARTEXT_BASE_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace klartext::base {

// Arena hands out memory that is freed all at once when the arena dies. Objects placed in it
// must be trivially destructible: no destructor ever runs. Not thread-safe.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t bytes, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(ptr_) + align - 1) & ~(uintptr_t(align) - 1);
    if (p + bytes > reinterpret_cast<uintptr_t>(end_)) return allocate_slow(bytes, align);
    ptr_ = reinterpret_cast<char*>(p + bytes);
    return reinterpret_cast<void*>(p);
  }

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  template <typename T>
  T* make_array(size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    T* p = static_cast<T*>(allocate(sizeof(T) * (n ? n : 1), alignof(T)));
    for (size_t i = 0; i < n; ++i) new (p + i) T();
    return p;
  }

  // Copies s into the arena; the view stays valid as long as the arena.
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Bytes obtained from the system so far (for memory accounting).
  size_t bytes_reserved() const { return reserved_; }

 private:
  void* allocate_slow(size_t bytes, size_t align);

  // Block sizes double from 4 KiB up to 1 MiB: small documents stay small, large ones
  // do not pay one malloc per few nodes.
  static constexpr size_t kFirstBlock = 4096;
  static constexpr size_t kMaxBlock = 1 << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* ptr_ = nullptr;
  char* end_ = nullptr;
  size_t next_block_ = kFirstBlock;
  size_t reserved_ = 0;
};

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_ARENA_H_
