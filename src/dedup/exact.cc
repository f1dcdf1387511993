// Exact dedup hashing and the sharded hash set. Tested in tests/dedup/exact_test.cc.
#include "dedup/exact.h"

#include <xxhash.h>

namespace klartext::dedup {

uint64_t exact_hash(std::string_view text, std::string* scratch, const NormalizeOptions& o) {
  normalize_for_dedup(text, scratch, o);
  return XXH3_64bits(scratch->data(), scratch->size());
}

uint64_t raw_hash(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

ExactDedupSet::ExactDedupSet(size_t max_entries)
    : max_per_shard_(max_entries / (size_t(1) << kShardBits) + 1),
      shards_(new Shard[size_t(1) << kShardBits]) {}

SeenResult ExactDedupSet::check_and_insert(uint64_t hash) {
  if (hash == 0) hash = 1;  // 0 marks empty slots
  Shard& s = shards_[hash >> (64 - kShardBits)];
  std::lock_guard<std::mutex> lock(s.mu);
  if ((s.size + 1) * 10 > s.slots.size() * 7) {  // load <= 0.7, as in the LSH tables
    size_t cap = s.slots.empty() ? 256 : s.slots.size() * 2;
    std::vector<uint64_t> slots(cap, 0);
    for (uint64_t k : s.slots) {
      if (k == 0) continue;
      size_t j = k & (cap - 1);
      while (slots[j] != 0) j = (j + 1) & (cap - 1);
      slots[j] = k;
    }
    s.slots.swap(slots);
  }
  size_t mask = s.slots.size() - 1;
  size_t j = hash & mask;
  while (s.slots[j] != 0) {
    if (s.slots[j] == hash) return SeenResult::kDuplicate;
    j = (j + 1) & mask;
  }
  if (s.size >= max_per_shard_) return SeenResult::kFull;
  s.slots[j] = hash;
  ++s.size;
  return SeenResult::kNew;
}

bool ExactDedupSet::contains(uint64_t hash) const {
  if (hash == 0) hash = 1;
  const Shard& s = shards_[hash >> (64 - kShardBits)];
  std::lock_guard<std::mutex> lock(s.mu);
  if (s.slots.empty()) return false;
  size_t mask = s.slots.size() - 1;
  for (size_t j = hash & mask; s.slots[j] != 0; j = (j + 1) & mask) {
    if (s.slots[j] == hash) return true;
  }
  return false;
}

size_t ExactDedupSet::size() const {
  size_t n = 0;
  for (size_t i = 0; i < (size_t(1) << kShardBits); ++i) {
    std::lock_guard<std::mutex> lock(shards_[i].mu);
    n += shards_[i].size;
  }
  return n;
}

size_t ExactDedupSet::memory_bytes() const {
  size_t n = 0;
  for (size_t i = 0; i < (size_t(1) << kShardBits); ++i) {
    std::lock_guard<std::mutex> lock(shards_[i].mu);
    n += shards_[i].slots.capacity() * sizeof(uint64_t);
  }
  return n;
}

}  // namespace klartext::dedup
