// XXH64 (seed 0) of inputs shorter than 64 bytes with fewer branches on the length, for
// MinHash's shingle hashes. Tested against libxxhash's XXH64 in tests/dedup/minhash_test.cc.
#ifndef KLARTEXT_DEDUP_XXH64_SHORT_H_
#define KLARTEXT_DEDUP_XXH64_SHORT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace klartext::dedup {

// Written from the algorithm as xxHash's specification describes it (doc/xxhash_spec.md):
// inputs of 32 bytes or more open with one 32-byte stripe of four accumulators, then the rest
// (length mod 32) is taken 8 bytes, then 4, then 1 at a time, and the result is avalanched.
// XXH64 branches on each of those counts; a shingle (five words, 20-45 bytes) goes either way
// at random. Here the 4-byte step and the three 1-byte steps are always computed and kept or
// discarded by a mask, and the input is known to be one stripe at most. On the bench.warc.gz
// texts (text_bench, MinHash signature) that made signatures 11.3K -> 12.7K docs/s; masking
// the stripe and the 8-byte steps as well was slower (12.0K: it adds multiplies for every
// shingle), so those keep their branches.
//
// Needs 64 readable bytes from p (the steps read whole words past the input's end and discard
// them) and len < 64 (longer inputs take more stripes); callers pass anything else to XXH64.
inline constexpr size_t kXxh64ShortReadable = 64;

namespace xxh64_internal {
inline constexpr uint64_t kP1 = 0x9E3779B185EBCA87ULL;
inline constexpr uint64_t kP2 = 0xC2B2AE3D27D4EB4FULL;
inline constexpr uint64_t kP3 = 0x165667B19E3779F9ULL;
inline constexpr uint64_t kP4 = 0x85EBCA77C2B2AE63ULL;
inline constexpr uint64_t kP5 = 0x27D4EB2F165667C5ULL;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline uint64_t lane_round(uint64_t acc, uint64_t lane) { return rotl(acc + lane * kP2, 31) * kP1; }
// Little-endian loads, as XXH64 reads its input.
inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}
inline uint64_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap32(v);
#endif
  return v;
}
// take ? a : b through a mask, so the compiler keeps it a select rather than a branch.
inline uint64_t pick(bool take, uint64_t a, uint64_t b) {
  const uint64_t m = uint64_t(0) - uint64_t(take);
  return (a & m) | (b & ~m);
}
}  // namespace xxh64_internal

inline uint64_t xxh64_short(const char* p, size_t len) {
  using namespace xxh64_internal;
  uint64_t h = kP5;
  if (len >= 32) {  // one 32-byte stripe
    uint64_t v1 = lane_round(kP1 + kP2, load64(p));
    uint64_t v2 = lane_round(kP2, load64(p + 8));
    uint64_t v3 = lane_round(0, load64(p + 16));
    uint64_t v4 = lane_round(uint64_t(0) - kP1, load64(p + 24));
    uint64_t s = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    for (uint64_t v : {v1, v2, v3, v4}) s = (s ^ lane_round(0, v)) * kP1 + kP4;
    h = s;
    p += 32;
  }
  h += len;
  const size_t rest = len & 31;
  const size_t lanes = rest >> 3;
  for (size_t j = 0; j < lanes; ++j) {
    h = rotl(h ^ lane_round(0, load64(p + 8 * j)), 27) * kP1 + kP4;
  }
  p += 8 * lanes;
  const bool four = (rest & 4) != 0;
  h = pick(four, rotl(h ^ (load32(p) * kP1), 23) * kP2 + kP3, h);
  p += four ? 4 : 0;
  const size_t bytes = rest & 3;
  for (size_t j = 0; j < 3; ++j) {
    const uint64_t next = rotl(h ^ (uint64_t(static_cast<unsigned char>(p[j])) * kP5), 11) * kP1;
    h = pick(j < bytes, next, h);
  }
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  return h;
}

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_XXH64_SHORT_H_
