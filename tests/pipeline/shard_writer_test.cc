// Tests for src/pipeline/shard_writer.h.
#include "pipeline/shard_writer.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"

namespace klartext::pipeline {
namespace {
namespace fs = std::filesystem;

std::string read_back(const std::string& path) {
  auto raw = base::read_file(path);
  EXPECT_TRUE(raw.ok());
  if (path.size() > 4 && path.substr(path.size() - 4) == ".zst") {
    std::string out(ZSTD_getFrameContentSize(raw->data(), raw->size()) == ZSTD_CONTENTSIZE_UNKNOWN
                        ? 1 << 20
                        : ZSTD_getFrameContentSize(raw->data(), raw->size()),
                    '\0');
    // Streaming frames have no content size; decompress with a generous buffer.
    ZSTD_DStream* ds = ZSTD_createDStream();
    ZSTD_inBuffer in{raw->data(), raw->size(), 0};
    ZSTD_outBuffer o{out.data(), out.size(), 0};
    while (in.pos < in.size) {
      size_t rc = ZSTD_decompressStream(ds, &o, &in);
      if (ZSTD_isError(rc) || rc == 0) break;
    }
    ZSTD_freeDStream(ds);
    out.resize(o.pos);
    return out;
  }
  if (base::is_gzip(*raw)) return *base::gunzip(*raw);
  return *raw;
}

class ShardWriterTest : public ::testing::TestWithParam<Compression> {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "klartext_shard_test";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_P(ShardWriterTest, RotatesBySizeAndCommitsAtomically) {
  ShardWriterOptions o;
  o.directory = dir_.string();
  o.stem = "part";
  o.compression = GetParam();
  o.max_shard_bytes = 20;  // two 11-byte lines per shard
  ShardWriter w(o);
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(w.write_line("{\"i\":" + std::to_string(i) + "}xxxx").ok());
  // Before commit, only temporary files exist.
  for (auto& e : fs::directory_iterator(dir_)) EXPECT_EQ(e.path().extension(), ".tmp") << e.path();
  auto paths = w.commit();
  ASSERT_TRUE(paths.ok()) << paths.status().to_string();
  ASSERT_EQ(paths->size(), 3u);
  std::string suffix(compression_suffix(GetParam()));
  EXPECT_EQ((*paths)[0], (dir_ / ("part-00000.jsonl" + suffix)).string());
  EXPECT_EQ(read_back((*paths)[0]), "{\"i\":0}xxxx\n{\"i\":1}xxxx\n");
  EXPECT_EQ(read_back((*paths)[2]), "{\"i\":4}xxxx\n");
  EXPECT_EQ(w.lines_written(), 5u);
}

TEST_P(ShardWriterTest, AbandonLeavesNothing) {
  ShardWriterOptions o;
  o.directory = dir_.string();
  o.stem = "part";
  o.compression = GetParam();
  {
    ShardWriter w(o);
    ASSERT_TRUE(w.write_line("x").ok());
  }  // destroyed without commit
  EXPECT_TRUE(fs::is_empty(dir_));
}

// gzip shards are written as 1 MiB members: a shard of several members must read back whole.
TEST_F(ShardWriterTest, GzipShardOfManyMembersReadsBackWhole) {
  ShardWriterOptions o;
  o.directory = dir_.string();
  o.stem = "big";
  o.compression = Compression::kGzip;
  std::string expected;
  {
    ShardWriter w(o);
    for (int i = 0; i < 40000; ++i) {
      std::string line = "{\"i\":" + std::to_string(i) + ",\"text\":\"" +
                         std::string(size_t(40 + i % 50), char('a' + i % 26)) + "\"}";
      ASSERT_TRUE(w.write_line(line).ok());
      expected += line + "\n";
    }
    auto paths = w.commit();
    ASSERT_TRUE(paths.ok());
    ASSERT_EQ(paths->size(), 1u);
    ASSERT_GT(expected.size(), size_t(3) << 20);  // at least three members
    EXPECT_EQ(read_back((*paths)[0]), expected);
  }
}

// write_line_with writes the bytes write_line does: the same members (a gzip member may end
// between a record and its newline: a record reaching the 1 MiB member size alone, another
// ending one byte short of it), the same shard rotation, in every compression.
TEST_P(ShardWriterTest, WriteLineWithWritesTheSameBytes) {
  std::vector<std::string> lines;
  for (int i = 0; i < 300; ++i)
    lines.push_back(std::string(size_t(100 + (i * 7919) % 20000), char('a' + i % 26)));
  lines.push_back(std::string(size_t(1) << 20, 'x'));
  size_t sum = 0;
  for (const std::string& l : lines) sum += l.size() + 1;
  lines.push_back(std::string((size_t(3) << 20) - sum % (size_t(1) << 20) - 1, 'y'));
  for (int i = 0; i < 50; ++i) lines.push_back("{\"i\":" + std::to_string(i) + "}");
  std::vector<std::string> bytes[2];
  for (int with = 0; with < 2; ++with) {
    fs::path sub = dir_ / (with ? "with" : "plain");
    fs::create_directories(sub);
    ShardWriterOptions o;
    o.directory = sub.string();
    o.stem = "part";
    o.compression = GetParam();
    o.max_shard_bytes = size_t(3) << 20;
    ShardWriter w(o);
    for (const std::string& l : lines) {
      Status st = with ? w.write_line_with([&](std::string& out) { out += l; }) : w.write_line(l);
      ASSERT_TRUE(st.ok());
    }
    EXPECT_EQ(w.lines_written(), lines.size());
    auto paths = w.commit();
    ASSERT_TRUE(paths.ok());
    for (const std::string& p : *paths) bytes[with].push_back(*base::read_file(p));
  }
  ASSERT_GE(bytes[0].size(), 2u);
  EXPECT_TRUE(bytes[0] == bytes[1]);
}

INSTANTIATE_TEST_SUITE_P(AllCompressions, ShardWriterTest,
                         ::testing::Values(Compression::kNone, Compression::kGzip,
                                           Compression::kZstd));

TEST(CompressionTest, Names) {
  EXPECT_EQ(*parse_compression("gz"), Compression::kGzip);
  EXPECT_EQ(*parse_compression("zstd"), Compression::kZstd);
  EXPECT_EQ(*parse_compression("none"), Compression::kNone);
  EXPECT_FALSE(parse_compression("bz2").ok());
}

}  // namespace
}  // namespace klartext::pipeline
