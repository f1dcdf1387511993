// Reads every file of the shared WARC/ARC corpus (KLARTEXT_DATA_DIR/warc, see its MANIFEST.md)
// and checks records, types, offsets and errors against what the files hold. Part of warc_test.
//
// How the expectations were derived (never from our own output): record counts and types are
// the MANIFEST's (counted there with a separate reader) and were re-checked with
// `zcat FILE | grep -a -c '^WARC/'` and `grep -a 'WARC-Type'`; gzip member offsets come from
// walking the members with Python's zlib.decompressobj(31) and its unused_data; plain offsets
// from the byte positions of the "WARC/" lines; ARC offsets from each header line's declared
// length; the damage in the broken files from reading their bytes (noted at each test).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/file.h"
#include "warc/reader.h"

namespace klartext::warc {
namespace {

// The data directory: KLARTEXT_DATA_DIR from the environment if set (the regression test for a
// missing directory uses it), else the one configured at build time.
std::string data_dir() {
  const char* env = std::getenv("KLARTEXT_DATA_DIR");
  return env && *env ? env : KLARTEXT_DATA_DIR;
}

const std::string kDir = data_dir() + "/warc/";

// Whether `dir` exists, with a message that names it when not. Without the data every test
// below would index records that were never read; they stop here with this message instead.
::testing::AssertionResult data_dir_present(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "the shared WARC data directory " << dir
         << " is missing: put the public data beside the repository (../shared/data) or "
            "configure with -DKLARTEXT_DATA_DIR=...";
}

class WarcData : public ::testing::Test {
 protected:
  // A fatal failure in SetUp skips the test body, so no test runs on absent data.
  void SetUp() override { ASSERT_TRUE(data_dir_present(kDir)); }
};

struct Seen {
  std::string type;
  uint64_t offset = 0;
  std::string uri;
  bool incomplete = false;
  int status = 0;
  std::string charset;
  std::string version;
  size_t block_size = 0;
  std::string payload;  // first 64 bytes of the decoded payload
  size_t payload_size = 0;
  bool payload_ok = false;
  bool html = false;
};

struct FileRun {
  bool opened = false;
  Status open_status;
  std::vector<Seen> records;
  std::vector<std::string> errors;  // messages
  std::vector<uint64_t> error_offsets;
  // Interleaving of records (R) and errors (E), to check that damage sits where it should.
  std::string order;
};

FileRun read_all(const std::string& rel, ReaderOptions options = {}) {
  FileRun run;
  auto reader = Reader::open(kDir + rel, options);
  if (!reader.ok()) {
    run.open_status = reader.status();
    return run;
  }
  run.opened = true;
  Record rec;
  // Bound the loop: every call must make progress, so more calls than bytes means a bug.
  for (size_t guard = 0; guard < 10'000'000; ++guard) {
    Result<bool> r = (*reader)->next(rec);
    if (!r.ok()) {
      run.errors.push_back(r.status().message());
      run.error_offsets.push_back((*reader)->last_error_offset());
      run.order += 'E';
      continue;
    }
    if (!*r) break;
    Seen s;
    s.type = std::string(rec.type_name());
    s.offset = rec.offset();
    s.uri = std::string(rec.target_uri());
    s.incomplete = rec.block_incomplete();
    s.status = rec.http_status();
    s.charset = std::string(rec.http().charset);
    s.version = std::string(rec.version());
    s.block_size = rec.block().size();
    Result<std::string_view> p = rec.payload();
    s.payload_ok = p.ok();
    if (p.ok()) {
      s.payload = std::string(p->substr(0, 64));
      s.payload_size = p->size();
    }
    s.html = rec.is_html();
    run.records.push_back(std::move(s));
    run.order += 'R';
  }
  return run;
}

std::map<std::string, int> type_counts(const FileRun& run) {
  std::map<std::string, int> m;
  for (const Seen& s : run.records) m[s.type]++;
  return m;
}

std::vector<uint64_t> offsets(const FileRun& run) {
  std::vector<uint64_t> v;
  for (const Seen& s : run.records) v.push_back(s.offset);
  return v;
}

TEST_F(WarcData, WhirlwindTriple) {
  // 4 records in 4 gzip members; members start at 0, 516, 1023, 18374.
  FileRun warc = read_all("commoncrawl-whirlwind/whirlwind.warc.gz");
  ASSERT_TRUE(warc.opened);
  EXPECT_TRUE(warc.errors.empty());
  ASSERT_EQ(warc.records.size(), 4u);
  EXPECT_EQ(warc.records[0].type, "warcinfo");
  EXPECT_EQ(warc.records[1].type, "request");
  EXPECT_EQ(warc.records[2].type, "response");
  EXPECT_EQ(warc.records[3].type, "metadata");
  EXPECT_EQ(offsets(warc), (std::vector<uint64_t>{0, 516, 1023, 18374}));
  const Seen& resp = warc.records[2];
  EXPECT_EQ(resp.uri, "https://an.wikipedia.org/wiki/Escopete");
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.charset, "UTF-8");
  EXPECT_TRUE(resp.html);
  EXPECT_TRUE(warc.records[3].payload.find("fetchTimeMs") == 0);

  // The WET: warcinfo + one conversion record for the same URL, text passed through as is.
  FileRun wet = read_all("commoncrawl-whirlwind/whirlwind.warc.wet.gz");
  ASSERT_EQ(wet.records.size(), 2u);
  EXPECT_TRUE(wet.errors.empty());
  EXPECT_EQ(wet.records[1].type, "conversion");
  EXPECT_EQ(wet.records[1].offset, 466u);
  EXPECT_EQ(wet.records[1].uri, resp.uri);
  EXPECT_EQ(wet.records[1].block_size, 4456u);  // its Content-Length
  EXPECT_EQ(wet.records[1].payload.substr(0, 44), "Escopete - Biquipedia, a enciclopedia libre\n");
  EXPECT_FALSE(wet.records[1].html);  // text/plain

  // The uncompressed WET holds the same records; its offsets are byte positions (0 and 635).
  FileRun wet_plain = read_all("commoncrawl-whirlwind/whirlwind.warc.wet");
  ASSERT_EQ(wet_plain.records.size(), 2u);
  EXPECT_EQ(offsets(wet_plain), (std::vector<uint64_t>{0, 635}));
  EXPECT_EQ(wet_plain.records[1].payload, wet.records[1].payload);
  EXPECT_EQ(wet_plain.records[1].payload_size, wet.records[1].payload_size);

  FileRun wat = read_all("commoncrawl-whirlwind/whirlwind.warc.wat.gz");
  ASSERT_EQ(wat.records.size(), 2u);
  EXPECT_EQ(wat.records[1].type, "metadata");
  EXPECT_EQ(wat.records[1].payload.substr(0, 1), "{");  // WAT metadata is JSON
}

TEST_F(WarcData, ResiliparseCommonCrawlExcerpt) {
  // 50 records: warcinfo 1, request 17, response 16, metadata 16 (MANIFEST).
  const std::map<std::string, int> want = {
      {"warcinfo", 1}, {"request", 17}, {"response", 16}, {"metadata", 16}};
  FileRun plain = read_all("resiliparse/warcfile.warc");
  FileRun gz = read_all("resiliparse/warcfile.warc.gz");
  EXPECT_TRUE(plain.errors.empty());
  EXPECT_TRUE(gz.errors.empty());
  EXPECT_EQ(type_counts(plain), want);
  EXPECT_EQ(type_counts(gz), want);
  ASSERT_EQ(plain.records.size(), gz.records.size());
  // Same records, one gzip member each: the first members start at 0, 481, 940, 11845.
  for (size_t i = 0; i < plain.records.size(); ++i) {
    EXPECT_EQ(plain.records[i].uri, gz.records[i].uri);
    EXPECT_EQ(plain.records[i].payload, gz.records[i].payload);
  }
  EXPECT_EQ(gz.records[1].offset, 481u);
  EXPECT_EQ(gz.records[2].offset, 940u);
  EXPECT_EQ(gz.records[3].offset, 11845u);
  int html = 0;
  for (const Seen& s : gz.records) html += s.type == "response" && s.html;
  EXPECT_EQ(html, 16);  // "16 HTML responses"
}

TEST_F(WarcData, Lz4IsRefusedCleanly) {
  // FastWARC's LZ4 variants: we do not decode LZ4, and must say so rather than misread.
  for (const char* f :
       {"resiliparse/warcfile.warc.lz4", "resiliparse/block-sized-records.warc.lz4"}) {
    FileRun run = read_all(f);
    EXPECT_FALSE(run.opened) << f;
    EXPECT_EQ(run.open_status.code(), StatusCode::kUnsupported) << f;
  }
}

TEST_F(WarcData, ClueWebWarc018) {
  // WARC/0.18, warcinfo + 29 responses, EUC-JP pages. The HTTP heads use bare LF and say
  // "Content-Encoding: gzip" although the stored bodies are plain HTML (they start "<html>").
  FileRun run = read_all("resiliparse/clueweb-quirk.warc.gz");
  EXPECT_TRUE(run.errors.empty());
  ASSERT_EQ(run.records.size(), 30u);
  EXPECT_EQ(type_counts(run), (std::map<std::string, int>{{"warcinfo", 1}, {"response", 29}}));
  EXPECT_EQ(run.records[1].offset, 317u);  // second gzip member
  for (const Seen& s : run.records) {
    EXPECT_EQ(s.version, "WARC/0.18");
    if (s.type != "response") continue;
    EXPECT_EQ(s.status, 200);
    EXPECT_EQ(s.charset, "EUC-JP");
    EXPECT_TRUE(s.payload_ok);
    EXPECT_EQ(s.payload.substr(0, 6), "<html>");
    EXPECT_TRUE(s.html);
  }
}

TEST_F(WarcData, ClippedGzipKeepsThePartialRecordAndReportsTheBreak) {
  // One gzip member that stops early: it inflates to 75,657 bytes; the head is 450 bytes and
  // declares Content-Length 88,275, so 75,207 block bytes exist.
  FileRun run = read_all("resiliparse/clipped.warc.gz");
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.order, "RE");
  EXPECT_TRUE(run.records[0].incomplete);
  EXPECT_EQ(run.records[0].block_size, 75207u);
  EXPECT_EQ(run.records[0].type, "response");
  EXPECT_EQ(run.error_offsets[0], 0u);
  EXPECT_NE(run.errors[0].find("clipped.warc.gz: offset 0:"), std::string::npos);
}

TEST_F(WarcData, BlockSizedRecords) {
  // Three WARC/1.1 records of type "unknown", Content-Length 16229, at 0/16386/32772 (plain)
  // and in gzip members at 0/204/409.
  FileRun plain = read_all("resiliparse/block-sized-records.warc");
  FileRun gz = read_all("resiliparse/block-sized-records.warc.gz");
  EXPECT_EQ(offsets(plain), (std::vector<uint64_t>{0, 16386, 32772}));
  EXPECT_EQ(offsets(gz), (std::vector<uint64_t>{0, 204, 409}));
  for (const FileRun* r : {&plain, &gz}) {
    EXPECT_TRUE(r->errors.empty());
    for (const Seen& s : r->records) {
      EXPECT_EQ(s.type, "unknown");
      EXPECT_EQ(s.block_size, 16229u);
      EXPECT_EQ(s.version, "WARC/1.1");
    }
  }
}

TEST_F(WarcData, DolmaWgetFiles) {
  // wget writes WARC-Target-URI as <...>: the brackets must be gone.
  FileRun a = read_all("dolma/sample-0000.warc.gz");
  FileRun b = read_all("dolma/sample-0001.warc.gz");
  EXPECT_TRUE(a.errors.empty());
  EXPECT_TRUE(b.errors.empty());
  EXPECT_EQ(
      type_counts(a),
      (std::map<std::string, int>{
          {"warcinfo", 1}, {"request", 22}, {"response", 22}, {"metadata", 1}, {"resource", 2}}));
  EXPECT_EQ(
      type_counts(b),
      (std::map<std::string, int>{
          {"warcinfo", 1}, {"request", 15}, {"response", 15}, {"metadata", 1}, {"resource", 2}}));
  int html = 0;
  for (const Seen& s : a.records) {
    if (!s.uri.empty()) {
      EXPECT_NE(s.uri.front(), '<');
      EXPECT_NE(s.uri.back(), '>');
    }
    html += s.type == "response" && s.html;
  }
  EXPECT_EQ(html, 22);  // "22 HTML responses"
  EXPECT_EQ(a.records[1].uri, "https://www.semanticscholar.org/research/research-team");
}

TEST_F(WarcData, WarcioExample) {
  // 6 records: warcinfo 2, response 1, request 2, revisit 1; members at 0/353/784/2012/2621/3207;
  // the plain copy has them at 0/488/1197/2566/3370/4316.
  FileRun gz = read_all("warcio/example.warc.gz");
  FileRun plain = read_all("warcio/example.warc");
  EXPECT_EQ(offsets(gz), (std::vector<uint64_t>{0, 353, 784, 2012, 2621, 3207}));
  EXPECT_EQ(offsets(plain), (std::vector<uint64_t>{0, 488, 1197, 2566, 3370, 4316}));
  for (const FileRun* r : {&gz, &plain}) {
    EXPECT_TRUE(r->errors.empty());
    ASSERT_EQ(r->records.size(), 6u);
    EXPECT_EQ(r->records[4].type, "revisit");
    // The response body is gzip-coded (Content-Encoding: gzip, 606 bytes) and decodes to the
    // example.com page.
    EXPECT_EQ(r->records[2].payload.substr(0, 15), "<!doctype html>");
  }
}

TEST_F(WarcData, FileLengthsForCdx) {
  // One member per record: a record's file length is the distance to the next member (the
  // last one runs to the end of the file, 3816 bytes). In the plain copy, the distance to the
  // next record (the last one ends at 5120).
  for (const char* f : {"warcio/example.warc.gz", "warcio/example.warc"}) {
    auto reader = Reader::open(kDir + f);
    ASSERT_TRUE(reader.ok());
    std::vector<uint64_t> offs, lens;
    Record rec;
    while (true) {
      auto r = (*reader)->next(rec);
      ASSERT_TRUE(r.ok());
      if (!*r) break;
      offs.push_back(rec.offset());
      lens.push_back(rec.file_length());
    }
    ASSERT_EQ(offs.size(), 6u);
    offs.push_back((*reader)->input_size());
    for (size_t i = 0; i < lens.size(); ++i) EXPECT_EQ(lens[i], offs[i + 1] - offs[i]) << f << i;
  }
  // ARC members too: filedesc member 0..171, the capture 171..1027.
  auto reader = Reader::open(kDir + "warcio/example.arc.gz");
  ASSERT_TRUE(reader.ok());
  Record rec;
  ASSERT_TRUE(*(*reader)->next(rec));
  EXPECT_EQ(rec.file_length(), 171u);
  ASSERT_TRUE(*(*reader)->next(rec));
  EXPECT_EQ(rec.file_length(), 1027u - 171u);
}

TEST_F(WarcData, WarcioArc) {
  // ARC v1: the filedesc record (length 75) then one HTTP capture of example.com (length 1591).
  // The header lines are 75+1 and 1591+1 bytes apart: the second record starts at 151 in the
  // plain file and in the second gzip member (offset 171) of the .gz.
  FileRun plain = read_all("warcio/example.arc");
  FileRun gz = read_all("warcio/example.arc.gz");
  EXPECT_EQ(offsets(plain), (std::vector<uint64_t>{0, 151}));
  EXPECT_EQ(offsets(gz), (std::vector<uint64_t>{0, 171}));
  for (const FileRun* r : {&plain, &gz}) {
    EXPECT_TRUE(r->errors.empty());
    ASSERT_EQ(r->records.size(), 2u);
    EXPECT_EQ(r->records[0].type, "warcinfo");
    EXPECT_EQ(r->records[1].type, "response");
    EXPECT_EQ(r->records[1].version, "ARC/1");
    EXPECT_EQ(r->records[1].uri, "http://example.com/");
    EXPECT_EQ(r->records[1].status, 200);
    EXPECT_EQ(r->records[1].payload.substr(0, 15), "<!doctype html>");
  }
}

TEST_F(WarcData, BadArc) {
  // bad.arc: the filedesc line says length -1 (error at 0). Of the following header-like lines,
  // "...text/html -1" is invalid too (skipped while resyncing), "http://example.com/ 127.0.0.1
  // 20140102000000 text/plain 1" at byte 202 is a valid 1-byte record, and the last line's
  // length "abc" at byte 262 is a second error.
  FileRun run = read_all("warcio/bad.arc");
  ASSERT_TRUE(run.opened);
  EXPECT_EQ(run.order, "ERE");
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0].offset, 202u);
  EXPECT_EQ(run.records[0].block_size, 1u);
  EXPECT_EQ(run.error_offsets, (std::vector<uint64_t>{0, 262}));
}

TEST_F(WarcData, ChunkedResponse) {
  // One chunk of 0x1c37 = 7223 bytes then the 0 chunk: the payload is exactly those bytes.
  FileRun run = read_all("warcio/example-iana.org-chunked.warc");
  EXPECT_TRUE(run.errors.empty());
  ASSERT_EQ(run.records.size(), 3u);
  EXPECT_EQ(run.records[1].type, "response");
  EXPECT_EQ(run.records[1].payload_size, 7223u);
  EXPECT_EQ(run.records[1].payload.substr(0, 15), "<!doctype html>");
}

TEST_F(WarcData, MembersNotAlignedWithRecords) {
  // example-wrong-chunks: 2 records in 3 gzip members: member 1 (0) holds the response head,
  // member 2 (516) its HTML body, member 3 (1130) the response's trailer and the request.
  FileRun run = read_all("warcio/example-wrong-chunks.warc.gz");
  EXPECT_TRUE(run.errors.empty());
  ASSERT_EQ(run.records.size(), 2u);
  EXPECT_EQ(run.records[0].type, "response");
  EXPECT_EQ(run.records[0].block_size, 1613u);
  EXPECT_EQ(run.records[0].payload.substr(0, 15), "<!doctype html>");
  EXPECT_EQ(run.records[1].type, "request");
  EXPECT_EQ(run.records[1].offset, 1130u);
}

TEST_F(WarcData, WholeFileInOneGzipMember) {
  // example-bad-non-chunked: 6 records in a single member, so every offset is 0.
  FileRun run = read_all("warcio/example-bad-non-chunked.warc.gz");
  EXPECT_TRUE(run.errors.empty());
  ASSERT_EQ(run.records.size(), 6u);
  for (const Seen& s : run.records) EXPECT_EQ(s.offset, 0u);
  EXPECT_EQ(run.records[2].payload.substr(0, 15), "<!doctype html>");
}

TEST_F(WarcData, WrongContentLengthIsReportedAndRecordsKept) {
  // example-trunc.warc is example.warc with the response's Content-Length changed from 975 to
  // 973: its head ends at 1587, the declared end (2560) falls 2 bytes before the end of the
  // gzip body, and the CRLF CRLF trailer and the next record (2566) follow the real end. The
  // reader reports the mismatch right after the response and keeps all four records (warcio
  // stops at the error, byte 2560).
  FileRun run = read_all("warcio/example-trunc.warc");
  EXPECT_EQ(run.order, "RRRER");
  ASSERT_EQ(run.records.size(), 4u);
  EXPECT_EQ(offsets(run), (std::vector<uint64_t>{0, 488, 1197, 2566}));
  EXPECT_EQ(run.records[3].type, "request");
  EXPECT_EQ(run.records[2].block_size, 975u);
  // With the block extended the gzip body is whole again.
  EXPECT_EQ(run.records[2].payload.substr(0, 15), "<!doctype html>");
}

TEST_F(WarcData, WarcioMisc) {
  FileRun res = read_all("warcio/example-resource.warc.gz");
  EXPECT_TRUE(res.errors.empty());
  EXPECT_EQ(type_counts(res), (std::map<std::string, int>{{"warcinfo", 2}, {"resource", 1}}));
  EXPECT_EQ(offsets(res), (std::vector<uint64_t>{0, 361, 802}));

  FileRun digest = read_all("warcio/example-digest.warc");
  EXPECT_EQ(type_counts(digest), (std::map<std::string, int>{{"request", 4}}));

  // A space inside the target URI is kept (the value runs to the line end).
  FileRun space = read_all("warcio/example-space-in-target-uri.warc.gz");
  ASSERT_EQ(space.records.size(), 2u);
  EXPECT_EQ(space.records[1].uri, "file:///example with spaces.png");

  // wget's <...> around every target URI.
  FileRun wget = read_all("warcio/example-wget-bad-target-uri.warc.gz");
  ASSERT_EQ(wget.records.size(), 6u);
  EXPECT_EQ(wget.records[1].uri, "http://example.com/");
  EXPECT_EQ(wget.records[3].uri, "metadata://gnu.org/software/wget/warc/MANIFEST.txt");

  // POST captures: response and request alternate, 3 each; bodies are JSON, not HTML.
  FileRun post = read_all("warcio/post-test.warc.gz");
  EXPECT_EQ(type_counts(post), (std::map<std::string, int>{{"request", 3}, {"response", 3}}));
  for (const Seen& s : post.records) EXPECT_FALSE(s.html);
}

TEST_F(WarcData, IaWebCommons) {
  FileRun text = read_all("ia-web-commons/text-extraction-test.warc");
  EXPECT_EQ(offsets(text), (std::vector<uint64_t>{0, 258, 2540, 3284}));
  EXPECT_TRUE(text.records[1].html);
  EXPECT_FALSE(text.records[2].html);  // image/png

  FileRun lang = read_all("ia-web-commons/html-lang-attribute.warc");
  EXPECT_EQ(type_counts(lang), (std::map<std::string, int>{{"response", 5}}));

  FileRun multi = read_all("ia-web-commons/mutliple-headers.warc");
  EXPECT_EQ(multi.records.size(), 1u);
  EXPECT_TRUE(multi.errors.empty());
  {
    // Repeated headers: WARC-Protocol twice (h2, tls/1.3), x-powered-by twice in the HTTP head.
    // Common Crawl renamed the coding to X-Crawler-content-encoding and stored the decoded body,
    // so nothing is decoded; "HTTP/1.1 200 " has an empty reason.
    auto reader = Reader::open(kDir + "ia-web-commons/mutliple-headers.warc");
    ASSERT_TRUE(reader.ok());
    Record rec;
    auto r = (*reader)->next(rec);
    ASSERT_TRUE(r.ok() && *r);
    int protocols = 0;
    for (const Header& h : rec.headers()) protocols += iequals(h.name, "WARC-Protocol");
    EXPECT_EQ(protocols, 2);
    EXPECT_EQ(*rec.header("warc-protocol"), "h2");
    int powered = 0;
    for (const Header& h : rec.http().headers) powered += iequals(h.name, "X-Powered-By");
    EXPECT_EQ(powered, 2);
    EXPECT_EQ(rec.http_status(), 200);
    EXPECT_EQ(rec.http().charset, "UTF-8");
    auto p = rec.payload();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->substr(0, 15), "<!DOCTYPE html>");
    EXPECT_EQ(p->size(), 108u);  // the HTTP Content-Length
    EXPECT_FALSE(rec.payload_info().decoded);
  }

  FileRun wget = read_all("ia-web-commons/IAH-urls-wget.warc.gz");
  EXPECT_TRUE(wget.errors.empty());
  EXPECT_EQ(type_counts(wget),
            (std::map<std::string, int>{
                {"warcinfo", 1}, {"request", 16}, {"response", 16}, {"resource", 3}}));
  // "11 HTML responses": the text/html ones (2 pages, 2 301s and 7 302s with small HTML
  // bodies); the other 5 are robots.txt, three images and an RSS feed.
  int html = 0;
  for (const Seen& s : wget.records) html += s.type == "response" && s.html;
  EXPECT_EQ(html, 11);
}

TEST_F(WarcData, InternetArchiveArc) {
  // Nine ARC v1 records back to back with no blank line between them, the last ending exactly
  // at the end of the file: filedesc, a dns: record, seven HTTP captures.
  FileRun run = read_all("ia-web-commons/IAH-20080430204825-00000-blackbook-truncated.arc");
  EXPECT_TRUE(run.errors.empty());
  ASSERT_EQ(run.records.size(), 9u);
  EXPECT_EQ(offsets(run),
            (std::vector<uint64_t>{0, 1399, 1515, 2376, 3124, 32203, 34252, 35773, 36420}));
  EXPECT_EQ(run.records[0].type, "warcinfo");
  EXPECT_EQ(run.records[1].type, "resource");
  EXPECT_EQ(run.records[1].uri, "dns:www.archive.org");
  for (size_t i = 2; i < 9; ++i) {
    EXPECT_EQ(run.records[i].type, "response");
    EXPECT_EQ(run.records[i].status, 200);
  }
  EXPECT_FALSE(run.records[8].incomplete);
  EXPECT_EQ(run.records[3].uri, "http://www.archive.org/");
  EXPECT_TRUE(run.records[3].html);
}

TEST_F(WarcData, CcNetWetWithWrongLengths) {
  // cc_net's sample WET: 4 records (warcinfo + 3 conversion) at 0/617/1310/1959, LF line ends,
  // and hand-edited Content-Lengths: the warcinfo's (370) runs 8 bytes into the next record's
  // "WARC/1.0" line, the next one's (353) stops 3 bytes short, the Chinese and Russian ones
  // count characters, not bytes. All four records are kept, each length error reported.
  FileRun run = read_all("cc_net/sample.warc.txt");
  ASSERT_EQ(run.records.size(), 4u);
  EXPECT_EQ(offsets(run), (std::vector<uint64_t>{0, 617, 1310, 1959}));
  EXPECT_EQ(type_counts(run), (std::map<std::string, int>{{"warcinfo", 1}, {"conversion", 3}}));
  EXPECT_EQ(run.records[1].uri, "http://sample_english.com");
  // Errors follow the records they concern; the Russian record's tail is reported as junk.
  EXPECT_EQ(run.order, "RERERERE");
}

TEST_F(WarcData, EveryCutKeepsTheRecordsBeforeIt) {
  // Truncate example.warc(.gz) at every byte: the run must end, and every record whose bytes
  // (its gzip member, or its span up to the next record) lie before the cut must come out as in
  // the full file. Offsets of the full files are checked in WarcioExample.
  for (const char* f : {"warcio/example.warc.gz", "warcio/example.warc"}) {
    auto whole = base::read_file(kDir + f);
    ASSERT_TRUE(whole.ok());
    std::vector<Seen> full;
    {
      auto reader = Reader::from_buffer(*whole);
      ASSERT_TRUE(reader.ok());
      Record rec;
      while (true) {
        auto r = (*reader)->next(rec);
        ASSERT_TRUE(r.ok());
        if (!*r) break;
        Seen s;
        s.offset = rec.offset();
        s.block_size = rec.block().size();
        s.type = std::string(rec.type_name());
        full.push_back(s);
      }
    }
    ASSERT_EQ(full.size(), 6u);
    for (size_t cut = 0; cut <= whole->size(); ++cut) {
      std::string_view data = std::string_view(*whole).substr(0, cut);
      auto reader = Reader::from_buffer(data);
      ASSERT_TRUE(reader.ok());
      Record rec;
      std::vector<Seen> got;
      for (int guard = 0; guard < 1000; ++guard) {
        auto r = (*reader)->next(rec);
        if (!r.ok()) continue;
        if (!*r) break;
        if (rec.block_incomplete()) continue;
        Seen s;
        s.offset = rec.offset();
        s.block_size = rec.block().size();
        s.type = std::string(rec.type_name());
        got.push_back(s);
      }
      size_t intact = 0;
      while (intact < full.size() &&
             (intact + 1 < full.size() ? full[intact + 1].offset : whole->size()) <= cut) {
        ++intact;
      }
      ASSERT_GE(got.size(), intact) << f << " cut at " << cut;
      for (size_t i = 0; i < intact; ++i) {
        EXPECT_EQ(got[i].offset, full[i].offset) << f << " cut at " << cut;
        EXPECT_EQ(got[i].block_size, full[i].block_size) << f << " cut at " << cut;
        EXPECT_EQ(got[i].type, full[i].type) << f << " cut at " << cut;
      }
    }
  }
}

TEST_F(WarcData, EveryFileEnds) {
  // Whatever else: every file of the corpus is read to its end without a crash or a hang.
  for (const char* f :
       {"cc_net/sample.warc.txt", "commoncrawl-whirlwind/whirlwind.warc.gz",
        "resiliparse/warcfile.warc.gz", "resiliparse/clipped.warc.gz", "warcio/bad.arc",
        "warcio/example-trunc.warc", "warcio/example-wrong-chunks.warc.gz",
        "ia-web-commons/IAH-20080430204825-00000-blackbook-truncated.arc"}) {
    FileRun run = read_all(f);
    EXPECT_TRUE(run.opened) << f;
    EXPECT_FALSE(run.records.empty()) << f;
  }
}

// Regression: with the data directory missing, warc_test crashed (records[1] of an empty
// vector) instead of failing. The check names the directory; reading from it opens nothing.
// tests/warc/CMakeLists.txt also runs these tests against a missing directory and expects the
// failure message and gtest's final summary (a crash would print no summary).
TEST(WarcDataDir, MissingDirectoryIsAClearFailure) {
  const std::string missing = "/nonexistent-klartext-data/warc/";
  ::testing::AssertionResult r = data_dir_present(missing);
  EXPECT_FALSE(r);
  EXPECT_NE(std::string(r.message()).find(missing + " is missing"), std::string::npos)
      << r.message();
  EXPECT_TRUE(data_dir_present(std::filesystem::temp_directory_path().string()));
  auto reader = Reader::open(missing + "whirlwind.warc.gz");
  EXPECT_FALSE(reader.ok());
}

}  // namespace
}  // namespace klartext::warc
