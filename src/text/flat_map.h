// A small open-addressing hash map from 64-bit hashes to a value, reused across documents so
// the filters do not allocate per n-gram. Tested in tests/text/filters_test.cc (via the filters).
#ifndef KLARTEXT_TEXT_FLAT_MAP_H_
#define KLARTEXT_TEXT_FLAT_MAP_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace klartext::text {

// Keys are already well-mixed hashes (XXH3), so the low bits index directly. Key 0 marks an
// empty slot; a real 0 hash is remapped to 1 (a 2^-64 event, harmless for counting).
// Keys and values sit side by side in one slot array, so a lookup touches one cache line
// (the repetition rules do several lookups per word; separate arrays cost two misses each).
template <typename V>
class U64Map {
 public:
  // Empties the map and sizes it for up to n keys at load factor <= 1/2 (linear probing stays
  // short at that load; chosen as the usual textbook bound). The slot array only grows: a
  // smaller table uses its first cap slots, so the repetition rules' shrinking tables (one per
  // n-gram level, then the next document's) clear a prefix instead of reallocating.
  void reset(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (slots_.size() < cap) {
      slots_.assign(cap, Slot{});
    } else {
      // All-zero bytes are an empty slot (key 0, value V{} of the integer types used here).
      // memset: GCC compiles the fill_n of Slot{} to two 8-byte stores per slot, which took a
      // fifth of gopher_repetition's time on bench.warc.gz (perf); memset writes whole vectors.
      std::memset(static_cast<void*>(slots_.data()), 0, cap * sizeof(Slot));
    }
    mask_ = cap - 1;
    size_ = 0;
  }

  // Returns the value slot for key, inserting V{} if absent; *inserted says which.
  V& find_or_insert(uint64_t key, bool* inserted) {
    if (key == 0) key = 1;
    if (2 * (size_ + 1) > mask_ + 1) grow();
    Slot* slots = slots_.data();
    size_t i = key & mask_;
    while (slots[i].key != 0) {
      if (slots[i].key == key) {
        *inserted = false;
        return slots[i].value;
      }
      i = (i + 1) & mask_;
    }
    slots[i].key = key;
    slots[i].value = V{};
    ++size_;
    *inserted = true;
    return slots[i].value;
  }

  // find_or_insert of keys[0..n) in order, calling f(k, value, inserted) for each, with the
  // slot of the key `ahead` lookups later requested early (a prefetch: its cache miss overlaps
  // the lookups in between instead of stalling a probe). For a table that reset() sized for
  // at least size() + n keys, the slot array, mask and count stay in registers: in a loop of
  // find_or_insert calls, the key stores through the slot array may alias the members, so
  // they were reloaded and the count stored back after every insert. Otherwise it calls
  // find_or_insert (which grows the table).
  template <typename F>
  void find_or_insert_each(const uint64_t* keys, size_t n, size_t ahead, F&& f) {
    if (2 * (size_ + n) > mask_ + 1) {
      for (size_t k = 0; k < n; ++k) {
        bool inserted = false;
        V& v = find_or_insert(keys[k], &inserted);
        f(k, v, inserted);
      }
      return;
    }
    Slot* const slots = slots_.data();
    const size_t mask = mask_;
    size_t added = 0;
    for (size_t k = 0; k < n; ++k) {
      if (k + ahead < n) __builtin_prefetch(slots + (keys[k + ahead] & mask));
      const uint64_t key = keys[k] == 0 ? 1 : keys[k];
      size_t i = key & mask;
      while (slots[i].key != key && slots[i].key != 0) i = (i + 1) & mask;
      const bool inserted = slots[i].key == 0;
      if (inserted) {
        slots[i].key = key;
        slots[i].value = V{};
        ++added;
      }
      f(k, slots[i].value, inserted);
    }
    size_ += added;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    V value{};
  };
  static_assert(std::is_trivially_copyable_v<V>, "reset() clears slots with memset");

  void grow() {
    // Before any reset the map has no slots (mask_ + 1 == 1): start at 16.
    const size_t old_cap = slots_.empty() ? 0 : mask_ + 1;
    std::vector<Slot> old = std::move(slots_);
    size_t cap = old_cap == 0 ? 16 : old_cap * 2;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (size_t j = 0; j < old_cap; ++j) {
      const Slot& s = old[j];
      if (s.key == 0) continue;
      size_t i = s.key & mask_;
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_FLAT_MAP_H_
