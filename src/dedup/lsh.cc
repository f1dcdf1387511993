// MinHash LSH index. Tested in tests/dedup/minhash_test.cc.
#include "dedup/lsh.h"

#include <xxhash.h>

namespace klartext::dedup {

LshIndex::LshIndex(const MinHashConfig& config, LshOptions options)
    : buckets_(config.num_buckets),
      rows_(config.hashes_per_bucket),
      options_(options),
      bands_(static_cast<size_t>(config.num_buckets)) {
  if (options_.max_docs > UINT32_MAX) options_.max_docs = UINT32_MAX;
}

void LshIndex::grow(Band& band) {
  size_t cap = band.keys.empty() ? 1024 : band.keys.size() * 2;
  std::vector<uint64_t> keys(cap, 0);
  std::vector<uint32_t> docs(cap, 0);
  size_t mask = cap - 1;
  for (size_t i = 0; i < band.keys.size(); ++i) {
    if (band.keys[i] == 0) continue;
    size_t j = band.keys[i] & mask;
    while (keys[j] != 0) j = (j + 1) & mask;
    keys[j] = band.keys[i];
    docs[j] = band.docs[i];
  }
  band.keys.swap(keys);
  band.docs.swap(docs);
}

// The slot for key: its doc if found, else the empty slot where it would go.
uint32_t* LshIndex::find_slot(Band& band, uint64_t key, bool* found) {
  // Grow before the table passes load 0.7, a usual bound for linear probing with good hashes.
  if ((band.size + 1) * 10 > band.keys.size() * 7) grow(band);
  size_t mask = band.keys.size() - 1;
  size_t j = key & mask;
  while (band.keys[j] != 0) {
    if (band.keys[j] == key) {
      *found = true;
      return &band.docs[j];
    }
    j = (j + 1) & mask;
  }
  *found = false;
  band.keys[j] = key;  // reserved; the caller stores the doc
  ++band.size;
  return &band.docs[j];
}

void LshIndex::band_keys(const uint64_t* sig, uint64_t* keys) const {
  size_t nb = static_cast<size_t>(buckets_);
  for (size_t b = 0; b < nb; ++b) {
    uint64_t k = XXH3_64bits(sig + b * static_cast<size_t>(rows_),
                             static_cast<size_t>(rows_) * sizeof(uint64_t));
    keys[b] = k == 0 ? 1 : k;
  }
}

LshMatch LshIndex::lookup(const uint64_t* keys) const {
  LshMatch m;
  for (size_t b = 0; b < bands_.size(); ++b) {
    const Band& band = bands_[b];
    if (band.keys.empty()) continue;
    size_t mask = band.keys.size() - 1;
    for (size_t j = keys[b] & mask; band.keys[j] != 0; j = (j + 1) & mask) {
      if (band.keys[j] == keys[b]) {
        m.duplicate = true;
        m.doc = band.docs[j];
        return m;
      }
    }
  }
  return m;
}

LshMatch LshIndex::query(const uint64_t* sig) const {
  if (!valid()) return {};
  uint64_t keys[4096];
  band_keys(sig, keys);
  std::lock_guard<std::mutex> lock(mu_);
  return lookup(keys);
}

Result<LshMatch> LshIndex::add(const uint64_t* sig) {
  if (!valid()) return invalid_argument("lsh: buckets x hashes_per_bucket must be in 1..4096");
  uint64_t keys[4096];
  band_keys(sig, keys);
  size_t nb = static_cast<size_t>(buckets_);
  std::lock_guard<std::mutex> lock(mu_);
  // Look first, so a new document does not occupy slots before we know.
  LshMatch m = lookup(keys);
  if (!m.duplicate) {
    if (next_doc_ >= options_.max_docs) {
      return limit_exceeded("lsh: index holds max_docs=" + std::to_string(options_.max_docs) +
                            " documents");
    }
    m.doc = next_doc_++;
  } else if (!options_.index_duplicates) {
    return m;
  }
  for (size_t b = 0; b < nb; ++b) {
    bool found = false;
    uint32_t* slot = find_slot(bands_[b], keys[b], &found);
    if (!found) *slot = m.doc;
  }
  return m;
}

size_t LshIndex::doc_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return next_doc_;
}

size_t LshIndex::memory_bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  size_t n = 0;
  for (const Band& b : bands_) n += b.keys.capacity() * 8 + b.docs.capacity() * 4;
  return n;
}

}  // namespace klartext::dedup
