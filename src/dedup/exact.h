// Exact deduplication: a 64-bit XXH3 hash of normalised text and a sharded, thread-safe set to
// check-and-insert it. Tested in tests/dedup/exact_test.cc.
#ifndef KLARTEXT_DEDUP_EXACT_H_
#define KLARTEXT_DEDUP_EXACT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/normalize.h"

namespace klartext::dedup {

// XXH3-64 of normalize_for_dedup(text): documents that differ only in case, punctuation,
// spacing, digits or accents hash alike. scratch is reused between calls (one per thread).
uint64_t exact_hash(std::string_view text, std::string* scratch,
                    const NormalizeOptions& options = {});

// XXH3-64 of the raw bytes, for callers that want byte-identical dedup.
uint64_t raw_hash(std::string_view text);

enum class SeenResult { kNew, kDuplicate, kFull };

// A set of 64-bit hashes in 64 independently locked shards (chosen by the top 6 bits), so N
// worker threads rarely contend. Memory: 8-byte slots at load <= 0.7, 11 to 23 bytes per
// document, i.e. at most 23 MB per million documents.
class ExactDedupSet {
 public:
  // max_entries bounds memory; beyond it check_and_insert answers kFull for new hashes.
  explicit ExactDedupSet(size_t max_entries = 500'000'000);

  SeenResult check_and_insert(uint64_t hash);
  bool contains(uint64_t hash) const;
  size_t size() const;
  size_t memory_bytes() const;

 private:
  struct Shard {
    mutable std::mutex mu;
    std::vector<uint64_t> slots;  // 0 = empty
    size_t size = 0;
  };
  static constexpr int kShardBits = 6;
  size_t max_per_shard_;
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_EXACT_H_
