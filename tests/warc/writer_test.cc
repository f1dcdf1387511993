// Round trips through src/warc/writer.*: plain, gzip per record, zstd per record with and
// without the IIPC dictionary frame (raw and compressed). Part of warc_test.
#include "warc/writer.h"

#include <gtest/gtest.h>
#include <zdict.h>
#include <zlib.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "warc/reader.h"

namespace klartext::warc {
namespace {

std::string gzip_body(std::string_view in) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Written {
  std::string type, uri, block;
  uint64_t offset;
};

// Writes a realistic capture sequence and returns what was written.
std::vector<Written> write_sample(Writer& w) {
  std::vector<Written> out;
  std::string html = "<!DOCTYPE html><html><head><title>t</title></head><body>";
  for (int i = 0; i < 300; ++i) html += "<p>Sentence number " + std::to_string(i) + ".</p>";
  html += "</body></html>";
  std::string resp = http_response_block(
      200, "OK", {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}},
      gzip_body(html));
  struct In {
    const char* type;
    const char* uri;
    std::string block;
  };
  std::vector<In> ins = {
      {"warcinfo", "", "software: klartext test\r\nformat: WARC File Format 1.1\r\n"},
      {"request", "https://example.test/p", "GET /p HTTP/1.1\r\nHost: example.test\r\n\r\n"},
      {"response", "https://example.test/p", resp},
      {"metadata", "https://example.test/p", "fetchTimeMs: 12\r\n"},
      {"resource", "https://example.test/r.txt", "plain resource"},
      {"conversion", "https://example.test/p", "Sentence number 0."},
  };
  for (const In& in : ins) {
    std::vector<Header> h;
    if (*in.uri) h.push_back({"WARC-Target-URI", in.uri});
    if (std::string(in.type) == "response") {
      h.push_back({"Content-Type", "application/http; msgtype=response"});
    }
    auto off = w.write(in.type, h, in.block);
    EXPECT_TRUE(off.ok());
    out.push_back({in.type, in.uri, in.block, off.ok() ? *off : 0});
  }
  return out;
}

void check_round_trip(const std::string& data, const std::vector<Written>& written,
                      Compression want) {
  auto reader = Reader::from_buffer(data);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->compression(), want);
  Record rec;
  std::set<std::string> ids;
  size_t i = 0;
  while (true) {
    auto r = (*reader)->next(rec);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    if (!*r) break;
    ASSERT_LT(i, written.size());
    const Written& w = written[i++];
    EXPECT_EQ(rec.type_name(), w.type);
    EXPECT_EQ(rec.target_uri(), w.uri);
    EXPECT_EQ(rec.block(), w.block);
    EXPECT_EQ(rec.offset(), w.offset);
    uint64_t next = i < written.size() ? written[i].offset : data.size();
    EXPECT_EQ(rec.file_length(), next - w.offset);
    EXPECT_EQ(rec.version(), "WARC/1.1");
    EXPECT_EQ(rec.content_length(), w.block.size());
    EXPECT_EQ(rec.date().size(), 20u);  // 2026-11-29T11:13:13Z
    ids.insert(std::string(rec.record_id()));
    if (w.type == "response") {
      EXPECT_TRUE(rec.is_html());
      EXPECT_EQ(rec.http().charset, "utf-8");
      auto p = rec.payload();
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->substr(0, 15), "<!DOCTYPE html>");
      EXPECT_TRUE(rec.payload_info().decoded);
    }
  }
  EXPECT_EQ(i, written.size());
  EXPECT_EQ(ids.size(), written.size());  // every record got its own id
}

TEST(Writer, RoundTripPlainGzipZstd) {
  for (Compression c : {Compression::kNone, Compression::kGzip, Compression::kZstd}) {
    std::string data;
    WriterOptions o;
    o.compression = c;
    auto w = Writer::to_string(&data, o);
    ASSERT_TRUE(w.ok());
    auto written = write_sample(**w);
    check_round_trip(data, written, c);
  }
}

TEST(Writer, ZstdWithDictionaryFrame) {
  // The dictionary is raw content that shares the records' boilerplate; the first skippable
  // frame carries it, stored raw or itself zstd-compressed.
  std::string dict;
  for (int i = 0; i < 50; ++i)
    dict += "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: text/html\r\n";
  for (bool compressed : {false, true}) {
    std::string data;
    WriterOptions o;
    o.compression = Compression::kZstd;
    o.zstd_dictionary = dict;
    o.compress_dictionary = compressed;
    auto w = Writer::to_string(&data, o);
    ASSERT_TRUE(w.ok());
    auto written = write_sample(**w);
    // Little-endian 0x184D2A5D opens the file.
    ASSERT_GE(data.size(), 8u);
    EXPECT_EQ(data.substr(0, 4), std::string("\x5d\x2a\x4d\x18", 4));
    EXPECT_GT(written[0].offset, 8u);
    check_round_trip(data, written, Compression::kZstd);
  }
}

TEST(Writer, ZstdWithTrainedDictionary) {
  // A real trained dictionary (magic 0xEC30A437, with entropy tables), as the IIPC spec expects.
  std::vector<std::string> samples;
  for (int i = 0; i < 400; ++i) {
    samples.push_back("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/" +
                      std::to_string(i * 31) + "\r\nContent-Type: application/http\r\n\r\n" +
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" +
                      std::to_string(i * 7919) + " words and more words</p>");
  }
  std::string all;
  std::vector<size_t> sizes;
  for (const std::string& x : samples) {
    all += x;
    sizes.push_back(x.size());
  }
  std::string dict(8192, '\0');
  size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), all.data(), sizes.data(),
                                   unsigned(sizes.size()));
  ASSERT_FALSE(ZDICT_isError(n)) << ZDICT_getErrorName(n);
  dict.resize(n);
  std::string data;
  WriterOptions o;
  o.compression = Compression::kZstd;
  o.zstd_dictionary = dict;
  o.compress_dictionary = true;
  auto w = Writer::to_string(&data, o);
  ASSERT_TRUE(w.ok());
  auto written = write_sample(**w);
  check_round_trip(data, written, Compression::kZstd);
}

TEST(Writer, ZstdWithoutTheDictionaryFails) {
  // Frames made with a dictionary cannot be read without it: dropping the dictionary frame must
  // give errors, not garbage records.
  // Text every record head repeats, so that the frames do reference the dictionary.
  std::string dict;
  for (int i = 0; i < 20; ++i) {
    dict += "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.test/p\r\n";
  }
  std::string data;
  WriterOptions o;
  o.compression = Compression::kZstd;
  o.zstd_dictionary = dict;
  auto w = Writer::to_string(&data, o);
  ASSERT_TRUE(w.ok());
  auto written = write_sample(**w);
  std::string stripped = data.substr(written[0].offset);
  auto reader = Reader::from_buffer(stripped);
  ASSERT_TRUE(reader.ok());
  Record rec;
  int errors = 0, records = 0;
  for (int guard = 0; guard < 1000; ++guard) {
    auto r = (*reader)->next(rec);
    if (!r.ok()) {
      ++errors;
      continue;
    }
    if (!*r) break;
    ++records;
  }
  EXPECT_GT(errors, 0);
  EXPECT_EQ(records, 0);
}

TEST(Writer, FileOutput) {
  std::string path = ::testing::TempDir() + "/klartext_writer_test.warc.gz";
  {
    auto w = Writer::open(path);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->write("resource", {{"WARC-Target-URI", "http://f/"}}, "file body").ok());
    ASSERT_TRUE((*w)->close().ok());
    EXPECT_FALSE((*w)->write("resource", {}, "after close").ok());
  }
  auto reader = Reader::open(path);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->compression(), Compression::kGzip);
  Record rec;
  auto r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r);
  EXPECT_EQ(rec.block(), "file body");
  std::remove(path.c_str());
}

TEST(Writer, RecordIdsAndDates) {
  std::string a = make_record_id(), b = make_record_id();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), std::string("<urn:uuid:12345678-1234-4234-8234-123456789012>").size());
  EXPECT_EQ(a.substr(0, 10), "<urn:uuid:");
  EXPECT_EQ(a[24], '4');  // version 4
  std::string d = warc_date_now();
  EXPECT_EQ(d.size(), 20u);
  EXPECT_EQ(d[10], 'T');
  EXPECT_EQ(d.back(), 'Z');
}

}  // namespace
}  // namespace klartext::warc
