// Tests for src/dedup/signature_file.h: round trip, checksum and truncation detection.
#include "dedup/signature_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "base/file.h"

namespace klartext::dedup {
namespace {

std::string temp_path(const char* name) { return ::testing::TempDir() + "/" + name; }

TEST(SignatureFile, RoundTrip) {
  MinHashConfig c;
  std::string path = temp_path("sig_roundtrip.bin");
  auto w = SignatureWriter::open(path, c);
  ASSERT_TRUE(w.ok());
  std::vector<uint64_t> sig(112);
  for (uint64_t d = 0; d < 3; ++d) {
    for (size_t j = 0; j < sig.size(); ++j) sig[j] = d * 1000 + j;
    ASSERT_TRUE((*w)->write(d + 7, sig.data()).ok());
  }
  ASSERT_TRUE((*w)->finish().ok());
  EXPECT_FALSE((*w)->finish().ok());
  Result<SignatureFile> f = read_signature_file(path);
  ASSERT_TRUE(f.ok()) << f.status().to_string();
  EXPECT_EQ(f->header.num_buckets, 14u);
  EXPECT_EQ(f->header.hashes_per_bucket, 8u);
  EXPECT_EQ(f->header.n_grams, 5u);
  EXPECT_EQ(f->header.seed, 1u);
  ASSERT_EQ(f->doc_ids.size(), 3u);
  EXPECT_EQ(f->doc_ids[2], 9u);
  EXPECT_EQ(f->signature(2)[5], 2005u);
  // 32-byte header + 3 x (8 + 112 x 8) + 24-byte footer.
  EXPECT_EQ(base::read_file(path)->size(), 32u + 3 * 904 + 24);
}

TEST(SignatureFile, DetectsCorruptionAndTruncation) {
  MinHashConfig c;
  std::string path = temp_path("sig_corrupt.bin");
  auto w = SignatureWriter::open(path, c);
  ASSERT_TRUE(w.ok());
  std::vector<uint64_t> sig(112, 5);
  ASSERT_TRUE((*w)->write(1, sig.data()).ok());
  ASSERT_TRUE((*w)->finish().ok());
  std::string data = *base::read_file(path);

  std::string flipped = data;
  flipped[100] ^= 1;
  ASSERT_TRUE(base::write_file_atomic(path, flipped).ok());
  Result<SignatureFile> f = read_signature_file(path);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(f.status().message().find("checksum"), std::string::npos);

  ASSERT_TRUE(base::write_file_atomic(path, data.substr(0, data.size() - 30)).ok());
  EXPECT_EQ(read_signature_file(path).status().code(), StatusCode::kCorrupt);
  ASSERT_TRUE(base::write_file_atomic(path, "not a signature file at all, just text......").ok());
  EXPECT_EQ(read_signature_file(path).status().code(), StatusCode::kCorrupt);
  EXPECT_FALSE(read_signature_file(temp_path("does_not_exist.bin")).ok());
  EXPECT_FALSE(SignatureWriter::open("/nonexistent-dir/x.bin", c).ok());
}

}  // namespace
}  // namespace klartext::dedup
