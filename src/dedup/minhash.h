// MinHash signatures with FineWeb's parameters (datatrove dedup/minhash.py): 5-word shingles of
// normalised text, 14 bands x 8 hashes, xxh64 shingle hashes, permutations (h*a+b) mod 2^61-1.
// Tested in tests/dedup/minhash_test.cc.
#ifndef KLARTEXT_DEDUP_MINHASH_H_
#define KLARTEXT_DEDUP_MINHASH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dedup/normalize.h"
#include "klartext/status.h"
#include "text/words.h"

namespace klartext::dedup {

// The Mersenne prime 2^61-1 that datatrove's permutations work modulo.
inline constexpr uint64_t kMersenne61 = (uint64_t(1) << 61) - 1;

// Shingle hash functions of datatrove's HashConfig (64-bit precision).
enum class ShingleHash {
  kXxh64,  // xxh64, seed 0: datatrove's default and FineWeb-2's
  kSha1,   // first 8 bytes of SHA-1, little-endian: FineWeb v1 (about 10x slower)
};

struct MinHashConfig {
  int n_grams = 5;            // words per shingle (FineWeb)
  int num_buckets = 14;       // LSH bands (FineWeb)
  int hashes_per_bucket = 8;  // rows per band (FineWeb); 14 x 8 = 112 permutations
  // Seed of our permutation generator (SplitMix64, Steele et al. 2014): a_i is drawn uniformly
  // from [1, p) and b_i from [0, p), p = 2^61-1, by rejection from 61-bit outputs. datatrove
  // draws them with numpy's RandomState(seed), which we cannot reproduce without numpy, so
  // signatures differ from datatrove's for the same seed; their statistics do not. For bit
  // parity, fill perm_a/perm_b with numpy's arrays (RandomState(1).randint(1, p, 112) and
  // randint(0, p, 112)).
  uint64_t seed = 1;
  std::vector<uint64_t> perm_a, perm_b;  // explicit permutations override the generator
  ShingleHash shingle_hash = ShingleHash::kXxh64;
  NormalizeOptions normalize;
  // Shingles beyond this are ignored, bounding work and memory for one huge document. 1M
  // shingles is ~6 MB of text, 60 times the Gopher max_doc_words of 100k.
  size_t max_shingles = size_t(1) << 20;

  int num_hashes() const { return num_buckets * hashes_per_bucket; }
};

// Per-thread buffers, reused across documents so hashing allocates nothing per shingle.
struct MinHashWorkspace {
  std::string normalized;
  std::string joined;
  std::vector<std::string_view> words;
  std::vector<uint64_t> shingles;
  text::WordSegmenter segmenter;
};

// Immutable after creation: signature() is const and thread-safe (each thread its workspace).
class MinHasher {
 public:
  static Result<MinHasher> create(MinHashConfig config = {});

  const MinHashConfig& config() const { return config_; }
  size_t num_hashes() const { return a_.size(); }

  // Writes num_hashes() values to sig (each < 2^61-1) and returns true; returns false when the
  // normalised text has fewer than n_grams words (datatrove skips such documents).
  //
  // Shingle hash: XXH64 (seed 0) or SHA-1 (config.shingle_hash) of the n words joined by one
  // space, as datatrove's HashConfig. Permutation: (h*a + b) mod p computed in wrapping uint64
  // arithmetic before the mod, as numpy does in datatrove. Words: the normalised text split on
  // spaces, or WordSegmenter tokens when it contains Han/kana/Thai (datatrove uses the
  // language's tokenizer there, e.g. jieba; see text/words.h).
  bool signature(std::string_view text, MinHashWorkspace& ws, uint64_t* sig) const;

  // Same, for text already normalised with config().normalize (normalize_for_dedup), so a
  // caller that also needs the normalised text (the corpus job's exact hash) normalises once.
  bool signature_of_normalized(std::string_view normalized, MinHashWorkspace& ws,
                               uint64_t* sig) const;

  // Same, from precomputed shingle hashes (for tests and callers with their own shingling).
  void signature_from_hashes(const uint64_t* hashes, size_t n, uint64_t* sig) const;

  // The configured shingle hash of one shingle (the words joined by single spaces).
  uint64_t hash_shingle(std::string_view shingle) const;

  const std::vector<uint64_t>& perm_a() const { return a_; }
  const std::vector<uint64_t>& perm_b() const { return b_; }

 private:
  MinHashConfig config_;
  std::vector<uint64_t> a_, b_;
};

// The permutation kernels this CPU can run (baseline first), for tests that check each one
// against a scalar reference. Each computes sig[j] = min(sig[j], min_i (h[i]*a[j]+b[j]) mod p).
using KernelFn = void (*)(const uint64_t* h, size_t n, const uint64_t* a, const uint64_t* b,
                          uint64_t* sig, size_t k);
std::vector<std::pair<const char*, KernelFn>> minhash_kernels();

// Share of equal positions: the MinHash estimate of the Jaccard similarity of the shingle sets.
double estimate_jaccard(const uint64_t* sig_a, const uint64_t* sig_b, size_t n);

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_MINHASH_H_
