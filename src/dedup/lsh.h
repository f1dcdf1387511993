// One-pass in-memory MinHash LSH index: per band, the hash of the band's values -> the first
// document that had it. Tested in tests/dedup/minhash_test.cc.
#ifndef KLARTEXT_DEDUP_LSH_H_
#define KLARTEXT_DEDUP_LSH_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "dedup/minhash.h"
#include "klartext/status.h"

namespace klartext::dedup {

struct LshOptions {
  // Documents the index accepts before add() reports kLimitExceeded. Ids are 32-bit; 200M is
  // a large Common Crawl dump's worth of documents after filtering.
  size_t max_docs = 200'000'000;
  // true: a duplicate's bands are indexed too, pointing at its cluster's first document, so a
  // chain A~B~C is one cluster even when A and C share no band (the union-find clustering of
  // datatrove's stage 3, done greedily in arrival order). false: only new documents are indexed.
  bool index_duplicates = true;
};

struct LshMatch {
  bool duplicate = false;
  // For a duplicate: the id of the earlier document it matched (the cluster's first). For a
  // new document: the id it was given (0, 1, 2, ... in order of arrival).
  uint32_t doc = 0;
};

// Memory: each band keeps an open-addressing table of (64-bit band hash, 32-bit doc id) slots
// at load <= 0.7, i.e. 12/0.7 = 17 to 34 bytes per entry depending on where the table is in its
// doubling. With FineWeb's 14 bands that is 240 to 480 MB per million indexed documents (plus
// the same per indexed duplicate band that was not already present).
//
// Thread-safe: add() takes an internal lock, so N workers can share one index; results then
// depend on arrival order, as with any one-pass dedup.
class LshIndex {
 public:
  explicit LshIndex(const MinHashConfig& config, LshOptions options = {});

  // Looks the signature's bands up and indexes them. Returns the match, kLimitExceeded when
  // max_docs documents are already indexed, or kInvalidArgument for a config MinHasher::create
  // would refuse.
  Result<LshMatch> add(const uint64_t* signature);

  // Looks up without indexing: the earlier document sharing a band, if any (duplicate=false
  // and doc=0 otherwise).
  LshMatch query(const uint64_t* signature) const;

  size_t doc_count() const;
  size_t memory_bytes() const;

 private:
  struct Band {
    std::vector<uint64_t> keys;  // 0 = empty slot
    std::vector<uint32_t> docs;
    size_t size = 0;
  };
  // The same bounds as MinHasher::create (the band keys live in a fixed stack array).
  bool valid() const { return buckets_ >= 1 && rows_ >= 1 && buckets_ * rows_ <= 4096; }
  uint32_t* find_slot(Band& band, uint64_t key, bool* found);
  void band_keys(const uint64_t* signature, uint64_t* keys) const;
  LshMatch lookup(const uint64_t* keys) const;  // callers hold mu_
  void grow(Band& band);

  int buckets_, rows_;
  LshOptions options_;
  std::vector<Band> bands_;
  uint32_t next_doc_ = 0;
  mutable std::mutex mu_;
};

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_LSH_H_
