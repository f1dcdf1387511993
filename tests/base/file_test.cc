// Tests for src/base/file.h.
#include "base/file.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <string>

namespace klartext::base {
namespace {

std::string gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(FileTest, GunzipHandlesConcatenatedMembers) {
  std::string data = gzip("hello ") + gzip("world");
  ASSERT_TRUE(is_gzip(data));
  auto r = gunzip(data);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(*r, "hello world");
}

TEST(FileTest, GunzipReportsTruncationAndLimits) {
  std::string data = gzip(std::string(10000, 'a'));
  auto truncated = gunzip(std::string_view(data).substr(0, data.size() / 2));
  EXPECT_EQ(truncated.status().code(), StatusCode::kCorrupt);
  auto limited = gunzip(data, 100);
  EXPECT_EQ(limited.status().code(), StatusCode::kLimitExceeded);
}

TEST(FileTest, AtomicWriteThenRead) {
  std::string path = ::testing::TempDir() + "/klartext_file_test.txt";
  ASSERT_TRUE(write_file_atomic(path, "abc").ok());
  auto r = read_maybe_gzip(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "abc");
  std::remove(path.c_str());
  EXPECT_EQ(read_file(path).status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace klartext::base
