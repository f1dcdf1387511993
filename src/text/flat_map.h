// A small open-addressing hash map from 64-bit hashes to a value, reused across documents so
// the filters do not allocate per n-gram. Tested in tests/text/filters_test.cc (via the filters).
#ifndef KLARTEXT_TEXT_FLAT_MAP_H_
#define KLARTEXT_TEXT_FLAT_MAP_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace klartext::text {

// Keys are already well-mixed hashes (XXH3), so the low bits index directly. Key 0 marks an
// empty slot; a real 0 hash is remapped to 1 (a 2^-64 event, harmless for counting).
template <typename V>
class U64Map {
 public:
  // Empties the map and sizes it for up to n keys at load factor <= 1/2 (linear probing stays
  // short at that load; chosen as the usual textbook bound).
  void reset(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    if (keys_.size() != cap) {
      keys_.assign(cap, 0);
      values_.resize(cap);
    } else {
      std::fill(keys_.begin(), keys_.end(), 0);
    }
    mask_ = cap - 1;
    size_ = 0;
  }

  // Returns the value slot for key, inserting V{} if absent; *inserted says which.
  V& find_or_insert(uint64_t key, bool* inserted) {
    if (key == 0) key = 1;
    if (2 * (size_ + 1) > keys_.size()) grow();
    size_t i = key & mask_;
    while (keys_[i] != 0) {
      if (keys_[i] == key) {
        *inserted = false;
        return values_[i];
      }
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    values_[i] = V{};
    ++size_;
    *inserted = true;
    return values_[i];
  }

  size_t size() const { return size_; }

 private:
  void grow() {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<V> old_values = std::move(values_);
    size_t cap = old_keys.empty() ? 16 : old_keys.size() * 2;
    keys_.assign(cap, 0);
    values_.assign(cap, V{});
    mask_ = cap - 1;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      size_t i = old_keys[j] & mask_;
      while (keys_[i] != 0) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      values_[i] = old_values[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<V> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_FLAT_MAP_H_
