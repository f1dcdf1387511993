// MinHash signatures. Tested in tests/dedup/minhash_test.cc.
#include "dedup/minhash.h"

// xxHash inlined from its header (the same XXH64 as libxxhash): one call per shingle of a
// few dozen bytes, where the shared-library call cost about as much as the hashing.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dedup/sha1.h"
#include "text/utf8.h"

namespace klartext::dedup {
namespace {

uint64_t splitmix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Uniform in [lo, p) by rejection on the low 61 bits.
uint64_t draw(uint64_t* state, uint64_t lo) {
  for (;;) {
    uint64_t v = splitmix64(state) & kMersenne61;
    if (v >= lo && v < kMersenne61) return v;
  }
}

// One permutation value: (x*a + b) mod p in wrapping uint64 arithmetic, as numpy computes it.
// x mod (2^61-1) = (x & p) + (x >> 61), minus p once if that reaches p.
inline uint64_t permute(uint64_t x, uint64_t a, uint64_t b) {
  uint64_t v = x * a + b;
  v = (v & kMersenne61) + (v >> 61);
  return v >= kMersenne61 ? v - kMersenne61 : v;
}

// The hot loop: for every shingle hash and permutation, min((h*a+b) mod p). Four shingles per
// pass over the permutations, so a, b and the signature are loaded and stored once per four.
// GCC vectorises the inner loop; the body is compiled three times (SSE2 baseline, AVX2,
// AVX-512 with DQ's native 64-bit multiply) and the best one the CPU supports is picked once.
#define KLARTEXT_MINHASH_KERNEL_BODY                                       \
  size_t i = 0;                                                            \
  for (; i + 4 <= n; i += 4) {                                             \
    const uint64_t x0 = h[i], x1 = h[i + 1], x2 = h[i + 2], x3 = h[i + 3]; \
    for (size_t j = 0; j < k; ++j) {                                       \
      uint64_t v0 = permute(x0, a[j], b[j]), v1 = permute(x1, a[j], b[j]); \
      uint64_t v2 = permute(x2, a[j], b[j]), v3 = permute(x3, a[j], b[j]); \
      uint64_t m01 = v0 < v1 ? v0 : v1, m23 = v2 < v3 ? v2 : v3;           \
      uint64_t m = m01 < m23 ? m01 : m23;                                  \
      sig[j] = m < sig[j] ? m : sig[j];                                    \
    }                                                                      \
  }                                                                        \
  for (; i < n; ++i) {                                                     \
    const uint64_t x = h[i];                                               \
    for (size_t j = 0; j < k; ++j) {                                       \
      uint64_t v = permute(x, a[j], b[j]);                                 \
      sig[j] = v < sig[j] ? v : sig[j];                                    \
    }                                                                      \
  }

void kernel_baseline(const uint64_t* __restrict h, size_t n, const uint64_t* __restrict a,
                     const uint64_t* __restrict b, uint64_t* __restrict sig, size_t k) {
  KLARTEXT_MINHASH_KERNEL_BODY
}

#if defined(__GNUC__) && defined(__x86_64__)
#define KLARTEXT_MINHASH_DISPATCH 1
__attribute__((target("avx2"))) void kernel_avx2(const uint64_t* __restrict h, size_t n,
                                                 const uint64_t* __restrict a,
                                                 const uint64_t* __restrict b,
                                                 uint64_t* __restrict sig, size_t k) {
  KLARTEXT_MINHASH_KERNEL_BODY
}

__attribute__((target("avx512f,avx512dq,avx512vl"))) void kernel_avx512(
    const uint64_t* __restrict h, size_t n, const uint64_t* __restrict a,
    const uint64_t* __restrict b, uint64_t* __restrict sig, size_t k){KLARTEXT_MINHASH_KERNEL_BODY}
#endif

KernelFn pick_kernel() {
#if defined(KLARTEXT_MINHASH_DISPATCH)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl")) {
    return kernel_avx512;
  }
  if (__builtin_cpu_supports("avx2")) return kernel_avx2;
#endif
  return kernel_baseline;
}

void minhash_kernel(const uint64_t* h, size_t n, const uint64_t* a, const uint64_t* b,
                    uint64_t* sig, size_t k) {
  static const KernelFn kernel = pick_kernel();
  kernel(h, n, a, b, sig, k);
}

}  // namespace

std::vector<std::pair<const char*, KernelFn>> minhash_kernels() {
  std::vector<std::pair<const char*, KernelFn>> v = {{"baseline", kernel_baseline}};
#if defined(KLARTEXT_MINHASH_DISPATCH)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) v.emplace_back("avx2", kernel_avx2);
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vl")) {
    v.emplace_back("avx512", kernel_avx512);
  }
#endif
  return v;
}

Result<MinHasher> MinHasher::create(MinHashConfig config) {
  if (config.n_grams < 1 || config.n_grams > 64) {
    return invalid_argument("minhash: n_grams must be in 1..64");
  }
  if (config.num_buckets < 1 || config.hashes_per_bucket < 1 || config.num_hashes() > 4096) {
    return invalid_argument("minhash: buckets x hashes_per_bucket must be in 1..4096");
  }
  MinHasher m;
  size_t k = static_cast<size_t>(config.num_hashes());
  if (!config.perm_a.empty() || !config.perm_b.empty()) {
    if (config.perm_a.size() != k || config.perm_b.size() != k) {
      return invalid_argument(
          "minhash: perm_a and perm_b need num_buckets*hashes_per_bucket values");
    }
    m.a_ = config.perm_a;
    m.b_ = config.perm_b;
  } else {
    // a then b, as datatrove draws them (all a's first, then all b's).
    uint64_t state = config.seed;
    m.a_.resize(k);
    m.b_.resize(k);
    for (size_t j = 0; j < k; ++j) m.a_[j] = draw(&state, 1);
    for (size_t j = 0; j < k; ++j) m.b_[j] = draw(&state, 0);
  }
  m.config_ = std::move(config);
  return m;
}

void MinHasher::signature_from_hashes(const uint64_t* hashes, size_t n, uint64_t* sig) const {
  size_t k = a_.size();
  for (size_t j = 0; j < k; ++j) sig[j] = std::numeric_limits<uint64_t>::max();
  minhash_kernel(hashes, n, a_.data(), b_.data(), sig, k);
}

uint64_t MinHasher::hash_shingle(std::string_view shingle) const {
  if (config_.shingle_hash == ShingleHash::kSha1) return sha1_hash64(shingle);
  return XXH64(shingle.data(), shingle.size(), 0);
}

bool MinHasher::signature(std::string_view text, MinHashWorkspace& ws, uint64_t* sig) const {
  normalize_for_dedup(text, &ws.normalized, config_.normalize);
  return signature_of_normalized(ws.normalized, ws, sig);
}

bool MinHasher::signature_of_normalized(std::string_view norm, MinHashWorkspace& ws,
                                        uint64_t* sig) const {
  size_t n = static_cast<size_t>(config_.n_grams);
  ws.shingles.clear();
  if (!text::has_dictionary_script(norm)) {
    // The normalised text is words separated by single spaces, so an n-gram joined by spaces
    // is a substring: hash it in place.
    // The spaces of each 16 bytes as one bit mask, a word per set bit, where a memchr call
    // per word (of six bytes on average) cost more in the call than in the search.
    ws.words.clear();
    const char* data = norm.data();
    const size_t len = norm.size();
    size_t word_start = 0;
    auto word_until = [&](size_t space) {
      if (space > word_start) ws.words.emplace_back(data + word_start, space - word_start);
      word_start = space + 1;
    };
    size_t at = 0;
#if defined(__SSE2__)
    const __m128i spaces = _mm_set1_epi8(' ');
    for (; at + 16 <= len; at += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
      for (uint32_t m = uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, spaces))); m != 0; m &= m - 1)
        word_until(at + size_t(__builtin_ctz(m)));
    }
#endif
    for (; at < len; ++at)
      if (data[at] == ' ') word_until(at);
    word_until(len);  // the last word, unless the text ends in a space
    if (ws.words.size() < n) return false;
    size_t count = std::min(ws.words.size() - n + 1, config_.max_shingles);
    ws.shingles.resize(count);
    auto shingle = [&](size_t i) {
      const char* b = ws.words[i].data();
      const char* e = ws.words[i + n - 1].data() + ws.words[i + n - 1].size();
      return std::string_view(b, static_cast<size_t>(e - b));
    };
    if (config_.shingle_hash == ShingleHash::kXxh64) {
      // hash_shingle's XXH64, inlined here with the choice of hash made once per document.
      for (size_t i = 0; i < count; ++i) {
        const std::string_view sh = shingle(i);
        ws.shingles[i] = XXH64(sh.data(), sh.size(), 0);
      }
    } else {
      for (size_t i = 0; i < count; ++i) ws.shingles[i] = hash_shingle(shingle(i));
    }
  } else {
    ws.segmenter.words(norm, &ws.words);
    size_t kept = 0;
    for (std::string_view w : ws.words) {
      if (w != " ") ws.words[kept++] = w;
    }
    ws.words.resize(kept);
    if (ws.words.size() < n) return false;
    size_t count = std::min(ws.words.size() - n + 1, config_.max_shingles);
    ws.shingles.resize(count);
    for (size_t i = 0; i < count; ++i) {
      ws.joined.clear();
      for (size_t j = 0; j < n; ++j) {
        if (j) ws.joined.push_back(' ');
        ws.joined.append(ws.words[i + j]);
      }
      ws.shingles[i] = hash_shingle(ws.joined);
    }
  }
  signature_from_hashes(ws.shingles.data(), ws.shingles.size(), sig);
  return true;
}

double estimate_jaccard(const uint64_t* a, const uint64_t* b, size_t n) {
  if (n == 0) return 0.0;
  size_t eq = 0;
  for (size_t i = 0; i < n; ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(n);
}

}  // namespace klartext::dedup
