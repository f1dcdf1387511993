// Binary MinHash signature files for a later global dedup pass, with a checksum.
// Tested in tests/dedup/signature_file_test.cc.
#ifndef KLARTEXT_DEDUP_SIGNATURE_FILE_H_
#define KLARTEXT_DEDUP_SIGNATURE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "dedup/minhash.h"
#include "klartext/status.h"

namespace klartext::dedup {

// Format (all integers little-endian):
//   header, 32 bytes:  "KTMHSIG1" | u32 version = 1 | u32 num_buckets | u32 hashes_per_bucket
//                      | u32 n_grams | u64 seed
//   records:           u64 doc_id | num_buckets*hashes_per_bucket x u64 signature value
//   footer, 24 bytes:  "KTMHEND1" | u64 record count | u64 XXH3-64 of every byte before the footer
// A reader rejects a file whose size, count or checksum disagree (truncated or corrupt).
struct SignatureFileHeader {
  uint32_t version = 1;
  uint32_t num_buckets = 0;
  uint32_t hashes_per_bucket = 0;
  uint32_t n_grams = 0;
  uint64_t seed = 0;
};

class SignatureWriter {
 public:
  // Creates path (truncating it). The config fixes the signature width.
  static Result<std::unique_ptr<SignatureWriter>> open(const std::string& path,
                                                       const MinHashConfig& config);
  ~SignatureWriter();
  SignatureWriter(const SignatureWriter&) = delete;
  SignatureWriter& operator=(const SignatureWriter&) = delete;

  Status write(uint64_t doc_id, const uint64_t* signature);
  // Writes the footer and closes the file; without it the file is invalid.
  Status finish();

 private:
  SignatureWriter() = default;
  Status put(const void* data, size_t n);
  std::FILE* file_ = nullptr;
  std::string path_;
  size_t width_ = 0;
  uint64_t count_ = 0;
  void* hash_state_ = nullptr;  // XXH3_state_t, kept out of the header
  bool ok_ = true;
};

struct SignatureFile {
  SignatureFileHeader header;
  std::vector<uint64_t> doc_ids;
  std::vector<uint64_t> values;  // doc_ids.size() x width, row-major
  size_t width() const { return size_t(header.num_buckets) * header.hashes_per_bucket; }
  const uint64_t* signature(size_t i) const { return values.data() + i * width(); }
};

// Reads and verifies a whole file, refusing files larger than max_bytes.
Result<SignatureFile> read_signature_file(const std::string& path, size_t max_bytes = size_t(1)
                                                                                      << 32);

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_SIGNATURE_FILE_H_
