// Tests of src/warc/reader.* on synthetic archives: resync after garbage and corrupt members,
// truncated final records, caps, header lookup, ARC parsing. Part of warc_test.
#include "warc/reader.h"

#include <gtest/gtest.h>
#include <libdeflate.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "warc/writer.h"

namespace klartext::warc {
namespace {

std::string record(std::string_view type, std::string_view uri, std::string_view block,
                   std::string_view extra = "") {
  std::string r = "WARC/1.1\r\nWARC-Type: ";
  r.append(type).append("\r\nWARC-Target-URI: ").append(uri).append("\r\n").append(extra);
  r.append("Content-Length: ").append(std::to_string(block.size())).append("\r\n\r\n");
  r.append(block).append("\r\n\r\n");
  return r;
}

std::string gzip(std::string_view in) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_gzip_compress_bound(c, in.size()), '\0');
  out.resize(libdeflate_gzip_compress(c, in.data(), in.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  return out;
}

struct Event {
  bool error = false;
  std::string uri;  // record: target URI; error: message
  uint64_t offset = 0;
  bool incomplete = false;
  size_t block = 0;
};

std::vector<Event> read_events_from(Reader& reader) {
  std::vector<Event> ev;
  Record rec;
  for (size_t guard = 0; guard < 100000; ++guard) {
    auto r = reader.next(rec);
    if (!r.ok()) {
      ev.push_back({true, r.status().message(), reader.last_error_offset()});
      continue;
    }
    if (!*r) break;
    ev.push_back({false, std::string(rec.target_uri()), rec.offset(), rec.block_incomplete(),
                  rec.block().size()});
  }
  return ev;
}

std::vector<Event> read_events(std::string_view data, ReaderOptions options = {}) {
  auto reader = Reader::from_buffer(data, "mem", options);
  EXPECT_TRUE(reader.ok());
  if (!reader.ok()) return {};
  return read_events_from(**reader);
}

std::string pattern(const std::vector<Event>& ev) {
  std::string s;
  for (const Event& e : ev) s += e.error ? 'E' : 'R';
  return s;
}

// Dropping consumed parts of a mapped file (release_behind_bytes) must not change what is
// read: a file of gzip members and a plain file, read with a one-page release step and with
// none, give the same records, blocks included.
TEST(Reader, ReleasingConsumedMappedInputChangesNothing) {
  std::string plain, gz;
  for (int i = 0; i < 400; ++i) {
    std::string block(size_t(300 + (i * 977) % 9000), static_cast<char>('a' + i % 26));
    std::string r = record("response", "https://example.org/" + std::to_string(i), block);
    plain += r;
    gz += gzip(r);
  }
  for (const std::string* data : {&plain, &gz}) {
    char path[] = "/tmp/klartext_release_XXXXXX";
    int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(write(fd, data->data(), data->size()), static_cast<ssize_t>(data->size()));
    close(fd);
    std::vector<std::string> seen[2];
    for (int k = 0; k < 2; ++k) {
      ReaderOptions o;
      o.release_behind_bytes = k == 0 ? 0 : uint64_t(sysconf(_SC_PAGESIZE));
      auto reader = Reader::open(path, o);
      ASSERT_TRUE(reader.ok());
      Record rec;
      for (;;) {
        auto r = (*reader)->next(rec);
        ASSERT_TRUE(r.ok());
        if (!*r) break;
        seen[k].push_back(std::string(rec.target_uri()) + " " + std::string(rec.block()));
      }
    }
    unlink(path);
    EXPECT_EQ(seen[0].size(), 400u);
    EXPECT_EQ(seen[0], seen[1]);
  }
}

TEST(Reader, EmptyAndBlankInput) {
  EXPECT_TRUE(read_events("").empty());
  EXPECT_TRUE(read_events("\r\n\r\n\n").empty());
}

TEST(Reader, NotAnArchive) {
  auto ev = read_events("<html><body>just a page</body></html>\n");
  EXPECT_EQ(pattern(ev), "E");
  EXPECT_NE(ev[0].uri.find("mem: offset 0: no WARC record starts here"), std::string::npos);
}

TEST(Reader, ResyncAfterGarbagePlain) {
  std::string a = record("response", "http://a/", "AAAA");
  std::string junk = "this is not a record\nWARC-ish but no\n";
  std::string b = record("resource", "http://b/", "BBBB");
  auto ev = read_events(a + junk + b);
  ASSERT_EQ(pattern(ev), "RER");
  EXPECT_EQ(ev[0].uri, "http://a/");
  EXPECT_EQ(ev[1].offset, a.size());  // the error points at the garbage
  EXPECT_EQ(ev[2].uri, "http://b/");
  EXPECT_EQ(ev[2].offset, a.size() + junk.size());
}

TEST(Reader, ResyncAfterGarbageBetweenGzipMembers) {
  std::string a = gzip(record("response", "http://a/", "AAAA"));
  std::string junk = "JUNK BYTES";
  std::string b = gzip(record("response", "http://b/", "BBBB"));
  auto ev = read_events(a + junk + b);
  ASSERT_EQ(pattern(ev), "RER");
  EXPECT_EQ(ev[1].offset, a.size());
  EXPECT_EQ(ev[2].uri, "http://b/");
  EXPECT_EQ(ev[2].offset, a.size() + junk.size());  // compressed offset of its member
}

TEST(Reader, CorruptMemberInTheMiddle) {
  std::string big(20000, 'x');
  for (size_t i = 0; i < big.size(); ++i) big[i] = char('a' + (i * 7919) % 26);
  std::string a = gzip(record("response", "http://a/", "AAAA"));
  std::string b = gzip(record("response", "http://b/", big));
  std::string c = gzip(record("response", "http://c/", "CCCC"));
  for (size_t i = b.size() / 3; i < b.size() / 3 + 40; ++i) b[i] = char(b[i] ^ 0x5a);
  auto ev = read_events(a + b + c);
  ASSERT_GE(ev.size(), 3u);
  EXPECT_FALSE(ev.front().error);
  EXPECT_EQ(ev.front().uri, "http://a/");
  EXPECT_FALSE(ev.back().error);
  EXPECT_EQ(ev.back().uri, "http://c/");
  EXPECT_EQ(ev.back().offset, a.size() + b.size());
  bool error_at_b = false;
  for (const Event& e : ev) error_at_b |= e.error && e.offset == a.size();
  EXPECT_TRUE(error_at_b);
}

TEST(Reader, TruncatedFinalRecordPlain) {
  std::string a = record("response", "http://a/", "AAAA");
  std::string b = record("response", "http://b/", std::string(1000, 'b'));
  std::string data = a + b.substr(0, 300);
  auto ev = read_events(data);
  ASSERT_EQ(pattern(ev), "RRE");
  EXPECT_FALSE(ev[0].incomplete);
  EXPECT_TRUE(ev[1].incomplete);
  EXPECT_EQ(ev[2].offset, a.size());
  EXPECT_NE(ev[2].uri.find("input ends inside the record"), std::string::npos);
}

TEST(Reader, TruncatedFinalMemberGzip) {
  std::string a = gzip(record("response", "http://a/", "AAAA"));
  std::string big;
  for (int i = 0; i < 5000; ++i) big += std::to_string(i * 7919 % 10007) + ",";
  std::string b = gzip(record("response", "http://b/", big));
  std::string data = a + b.substr(0, b.size() / 2);
  auto ev = read_events(data);
  ASSERT_EQ(pattern(ev), "RRE");
  EXPECT_EQ(ev[1].uri, "http://b/");
  EXPECT_TRUE(ev[1].incomplete);
  EXPECT_GT(ev[1].block, 0u);
  EXPECT_EQ(ev[2].offset, a.size());
  EXPECT_NE(ev[2].uri.find("gzip member truncated"), std::string::npos);
}

TEST(Reader, MissingContentLength) {
  std::string bad = "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  std::string good = record("response", "http://ok/", "ok");
  auto ev = read_events(bad + good);
  ASSERT_EQ(pattern(ev), "ER");
  EXPECT_EQ(ev[0].offset, 0u);
  EXPECT_EQ(ev[1].uri, "http://ok/");
}

TEST(Reader, HeaderCap) {
  ReaderOptions o;
  o.max_header_bytes = 256;
  std::string fat =
      record("response", "http://fat/", "x", "X-Long: " + std::string(1000, 'l') + "\r\n");
  std::string good = record("response", "http://ok/", "ok");
  auto ev = read_events(fat + good, o);
  ASSERT_EQ(pattern(ev), "ER");
  EXPECT_NE(ev[0].uri.find("head longer than the cap"), std::string::npos);
  EXPECT_EQ(ev[1].uri, "http://ok/");
}

TEST(Reader, RecordCapSkipsTheRecord) {
  ReaderOptions o;
  o.max_record_bytes = 1000;
  std::string big = record("response", "http://big/", std::string(5000, 'W'));
  std::string good = record("response", "http://ok/", "ok");
  for (bool compressed : {false, true}) {
    std::string data = compressed ? gzip(big) + gzip(good) : big + good;
    auto ev = read_events(data, o);
    ASSERT_EQ(pattern(ev), "ER") << compressed;
    EXPECT_NE(ev[0].uri.find("above the record cap"), std::string::npos);
    EXPECT_EQ(ev[1].uri, "http://ok/");
  }
}

TEST(Reader, DecompressedSizeCap) {
  ReaderOptions o;
  o.max_decompressed_bytes = 2000;
  std::string data;
  for (int i = 0; i < 10; ++i) data += gzip(record("resource", "http://r/", std::string(500, 'r')));
  auto ev = read_events(data, o);
  ASSERT_FALSE(ev.empty());
  EXPECT_TRUE(ev.back().error);
  EXPECT_LT(ev.size(), 10u);
}

TEST(Reader, HeaderFieldsAndCaseInsensitiveLookup) {
  std::string r = record("response", "<http://x.test/a b>", "HTTP/1.1 200 OK\r\n\r\n<html>",
                         "warc-date: 2024-01-02T03:04:05Z\r\nWARC-RECORD-ID: <urn:uuid:1>\r\n"
                         "WARC-Truncated: length\r\nWARC-Identified-Payload-Type: text/html\r\n"
                         "X-Custom:   spaced value  \r\n");
  auto reader = Reader::from_buffer(r);
  ASSERT_TRUE(reader.ok());
  Record rec;
  auto ok = (*reader)->next(rec);
  ASSERT_TRUE(ok.ok() && *ok);
  EXPECT_EQ(rec.type(), RecordType::kResponse);
  EXPECT_EQ(rec.version(), "WARC/1.1");
  EXPECT_EQ(rec.target_uri(), "http://x.test/a b");
  EXPECT_EQ(rec.date(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(rec.record_id(), "<urn:uuid:1>");
  EXPECT_EQ(rec.truncated(), "length");
  EXPECT_EQ(rec.identified_payload_type(), "text/html");
  EXPECT_EQ(*rec.header("x-custom"), "spaced value");
  EXPECT_EQ(*rec.header("CONTENT-LENGTH"), std::to_string(rec.block().size()));
  EXPECT_FALSE(rec.header("nope").has_value());
  EXPECT_TRUE(rec.has_http());
  EXPECT_EQ(rec.http_status(), 200);
  EXPECT_TRUE(rec.is_html());
  auto end = (*reader)->next(rec);
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(*end);
}

TEST(Reader, RecordTypes) {
  std::string data;
  for (const char* t : {"warcinfo", "request", "response", "metadata", "resource", "revisit",
                        "conversion", "continuation", "bogus"}) {
    data += record(t, "http://t/", "b");
  }
  auto reader = Reader::from_buffer(data);
  ASSERT_TRUE(reader.ok());
  std::vector<RecordType> types;
  Record rec;
  while (true) {
    auto r = (*reader)->next(rec);
    ASSERT_TRUE(r.ok());
    if (!*r) break;
    types.push_back(rec.type());
  }
  EXPECT_EQ(types, (std::vector<RecordType>{
                       RecordType::kWarcinfo, RecordType::kRequest, RecordType::kResponse,
                       RecordType::kMetadata, RecordType::kResource, RecordType::kRevisit,
                       RecordType::kConversion, RecordType::kContinuation, RecordType::kUnknown}));
  EXPECT_EQ(record_type_name(RecordType::kConversion), "conversion");
}

TEST(Reader, ArcV1WithSpacesInUrl) {
  std::string body = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<html>hi</html>";
  std::string filedesc_block =
      "1 0 test\nURL IP-address Archive-date Content-type Archive-length\n";
  std::string data = "filedesc://t.arc 0.0.0.0 20240102030405 text/plain " +
                     std::to_string(filedesc_block.size()) + "\n" + filedesc_block + "\n" +
                     "http://x.test/a b 1.2.3.4 20240102030405 text/html " +
                     std::to_string(body.size()) + "\n" + body + "\n";
  auto reader = Reader::from_buffer(data);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->format(), Format::kArc);
  Record rec;
  auto r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r);
  EXPECT_EQ(rec.type(), RecordType::kWarcinfo);
  r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r);
  EXPECT_EQ(rec.type(), RecordType::kResponse);
  EXPECT_EQ(rec.target_uri(), "http://x.test/a b");
  EXPECT_EQ(rec.date(), "2024-01-02T03:04:05Z");
  EXPECT_EQ(*rec.header("WARC-IP-Address"), "1.2.3.4");
  auto p = rec.payload();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "<html>hi</html>");
  r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
}

TEST(Reader, ArcVersion2) {
  // ARC v2 header lines have 10 fields: URL IP date mime status checksum location offset
  // filename length. The filedesc block's first line "2 0 ..." announces the version.
  std::string fd_block =
      "2 0 test\nURL IP-address Archive-date Content-type Result-code "
      "Checksum Location Offset Filename Archive-length\n";
  std::string body = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html></html>";
  std::string data = "filedesc://v2.arc 0.0.0.0 20240102030405 text/plain 200 - - 0 v2.arc " +
                     std::to_string(fd_block.size()) + "\n" + fd_block + "\n" +
                     "http://v2.test/ 5.6.7.8 20240102030405 text/html 200 ABCDEF - 123 v2.arc " +
                     std::to_string(body.size()) + "\n" + body + "\n";
  auto reader = Reader::from_buffer(data);
  ASSERT_TRUE(reader.ok());
  Record rec;
  auto r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r);
  r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r) << (r.ok() ? "" : r.status().to_string());
  EXPECT_EQ(rec.version(), "ARC/2");
  EXPECT_EQ(rec.target_uri(), "http://v2.test/");
  EXPECT_EQ(*rec.header("WARC-IP-Address"), "5.6.7.8");
  EXPECT_EQ(rec.content_type(), "text/html");
  EXPECT_EQ(rec.http_status(), 200);
  EXPECT_EQ(rec.block(), body);
}

TEST(Reader, ArcFragmentWithoutFiledesc) {
  std::string first = "http://x.test/ 1.2.3.4 20240102030405 text/plain 5\nhello\n";
  std::string second = "http://y.test/ 1.2.3.4 20240102030405 text/plain 5\nworld\n";
  auto ev = read_events(first + second);
  ASSERT_EQ(pattern(ev), "RR");
  EXPECT_EQ(ev[1].uri, "http://y.test/");
  EXPECT_EQ(ev[1].offset, first.size());
}

TEST(Reader, WholeFileInOneGzipMember) {
  // 3000 records of ~4 KB in a single member (12 MB decoded). With a 1 MiB record cap the
  // member is too big to decode in one call and is streamed; by default it is decoded at once.
  std::string plain;
  for (int i = 0; i < 3000; ++i) {
    std::string body(4000, char('a' + i % 26));
    plain += record("resource", "http://r/" + std::to_string(i), body);
  }
  std::string gz = gzip(plain);
  for (uint64_t cap : {uint64_t(1) << 20, ReaderOptions().max_record_bytes}) {
    ReaderOptions o;
    o.max_record_bytes = cap;
    auto reader = Reader::from_buffer(gz, "mem", o);
    ASSERT_TRUE(reader.ok());
    Record rec;
    int n = 0;
    uint64_t last = 0;
    while (true) {
      auto r = (*reader)->next(rec);
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      if (!*r) break;
      EXPECT_EQ(rec.target_uri(), "http://r/" + std::to_string(n));
      EXPECT_EQ(rec.offset(), 0u);
      if (n > 0) {
        EXPECT_GT(rec.stream_offset(), last);
      }
      last = rec.stream_offset();
      EXPECT_EQ(rec.block(), std::string(4000, char('a' + n % 26)));
      ++n;
    }
    EXPECT_EQ(n, 3000);
    EXPECT_EQ((*reader)->input_consumed(), gz.size());
    EXPECT_EQ((*reader)->input_size(), gz.size());
  }
}

TEST(Reader, CorruptAndTruncatedZstdFrames) {
  std::string data;
  WriterOptions wo;
  wo.compression = Compression::kZstd;
  auto w = Writer::to_string(&data, wo);
  ASSERT_TRUE(w.ok());
  std::vector<uint64_t> offs;
  std::string noise;
  for (int i = 0; i < 3000; ++i) noise += std::to_string(i * 7919 % 10007);
  for (int i = 0; i < 4; ++i) {
    auto off = (*w)->write("resource", {{"WARC-Target-URI", "http://z/" + std::to_string(i)}},
                           noise + std::to_string(i));
    ASSERT_TRUE(off.ok());
    offs.push_back(*off);
  }
  // Damage the middle of frame 1 and cut frame 3 in half.
  for (uint64_t k = offs[1] + (offs[2] - offs[1]) / 2; k < offs[1] + (offs[2] - offs[1]) / 2 + 30;
       ++k) {
    data[k] = char(data[k] ^ 0x3c);
  }
  data.resize(offs[3] + (data.size() - offs[3]) / 2);
  auto ev = read_events(data);
  ASSERT_GE(ev.size(), 4u);
  EXPECT_EQ(ev[0].uri, "http://z/0");
  std::vector<std::string> uris;
  std::vector<uint64_t> error_offsets;
  for (const Event& e : ev) {
    if (e.error) {
      error_offsets.push_back(e.offset);
    } else if (!e.incomplete) {
      uris.push_back(e.uri);
    }
  }
  // Frames 0 and 2 are intact; frame 1's damage and frame 3's truncation are reported at their
  // starts.
  EXPECT_NE(std::find(uris.begin(), uris.end(), "http://z/0"), uris.end());
  EXPECT_NE(std::find(uris.begin(), uris.end(), "http://z/2"), uris.end());
  EXPECT_NE(std::find(error_offsets.begin(), error_offsets.end(), offs[1]), error_offsets.end());
  EXPECT_EQ(error_offsets.back(), offs[3]);
}

TEST(Reader, ZstdDictionaryFileFromTheZstdTool) {
  // tests/data/warc/README.md says how the file was made: the dictionary frame is 8 + 59 bytes,
  // so the record's frame starts at 67.
  auto reader =
      Reader::open(std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/warc/zstd-cli-dict.warc.zst");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->compression(), Compression::kZstd);
  Record rec;
  auto r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok() && *r) << (r.ok() ? "" : r.status().to_string());
  EXPECT_EQ(rec.offset(), 67u);
  EXPECT_EQ(rec.target_uri(), "http://a/");
  auto p = rec.payload();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "hello");
  r = (*reader)->next(rec);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
}

TEST(Reader, ReadsFromAPipe) {
  // Pipes cannot be mapped: the reader takes the read-everything path.
  std::string data = gzip(record("response", "http://p/", "piped")) +
                     gzip(record("metadata", "http://p/", "meta"));
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread feeder([&] {
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = write(fds[1], data.data() + off, data.size() - off);
      if (n <= 0) break;
      off += size_t(n);
    }
    close(fds[1]);
  });
  auto reader = Reader::open("/proc/self/fd/" + std::to_string(fds[0]));
  feeder.join();
  close(fds[0]);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  auto ev = read_events_from(**reader);
  ASSERT_EQ(pattern(ev), "RR");
  EXPECT_EQ(ev[1].offset, gzip(record("response", "http://p/", "piped")).size());
}

TEST(Reader, OpenMissingFile) {
  auto r = Reader::open("/nonexistent/file.warc.gz");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(Reader, RandomDamageNeverHangsOrCrashes) {
  // Flip bytes in a gzip-per-record archive and in its plain form: every run must end, and
  // records the damage did not touch must come through.
  std::string plain;
  for (int i = 0; i < 20; ++i) {
    plain += record("response", "http://r" + std::to_string(i) + "/",
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + std::to_string(i));
  }
  std::string gz;
  for (int i = 0; i < 20; ++i) {
    gz += gzip(record("response", "http://r" + std::to_string(i) + "/", "payload"));
  }
  std::mt19937 rng(42);
  for (int iter = 0; iter < 300; ++iter) {
    std::string d = iter % 2 ? plain : gz;
    int flips = 1 + int(rng() % 8);
    for (int f = 0; f < flips; ++f) d[rng() % d.size()] = char(rng());
    if (iter % 5 == 0) d.resize(rng() % d.size());
    auto ev = read_events(d);
    size_t records = 0;
    for (const Event& e : ev) records += !e.error;
    EXPECT_LE(records, 40u);
  }
}

}  // namespace
}  // namespace klartext::warc
