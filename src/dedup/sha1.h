// SHA-1 (FIPS 180-4), only as datatrove's "sha1" shingle hash for FineWeb v1 MinHash parity;
// not for security. Tested in tests/dedup/minhash_test.cc.
#ifndef KLARTEXT_DEDUP_SHA1_H_
#define KLARTEXT_DEDUP_SHA1_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace klartext::dedup {

// The 20-byte SHA-1 digest of data.
std::array<uint8_t, 20> sha1(std::string_view data);

// datatrove's sha1_hash64: the digest's first 8 bytes read as a little-endian uint64.
uint64_t sha1_hash64(std::string_view data);

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_SHA1_H_
