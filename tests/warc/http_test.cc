// Tests of src/warc/http.*: HTTP heads, de-chunking, gzip/deflate/br content decoding with caps,
// and HTML sniffing. Part of warc_test.
#include "warc/http.h"

#include <brotli/encode.h>
#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <string>

namespace klartext::warc {
namespace {

std::string deflate_with(std::string_view in, int window_bits) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}
std::string gzip(std::string_view in) { return deflate_with(in, 15 + 16); }

std::string brotli(std::string_view in) {
  size_t n = BrotliEncoderMaxCompressedSize(in.size());
  std::string out(n, '\0');
  EXPECT_TRUE(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, in.size(),
                                    reinterpret_cast<const uint8_t*>(in.data()), &n,
                                    reinterpret_cast<uint8_t*>(out.data())));
  out.resize(n);
  return out;
}

std::string page(size_t repeat) {
  std::string s = "<!DOCTYPE html><html><body>";
  for (size_t i = 0; i < repeat; ++i) s += "<p>paragraph " + std::to_string(i) + "</p>\n";
  return s + "</body></html>";
}

TEST(HttpHead, ParsesStatusHeadersAndCharset) {
  std::string block =
      "HTTP/1.1 404 Not Found\r\nServer: x\r\ncontent-type: text/HTML; Charset=\"Shift_JIS\"\r\n"
      "Transfer-Encoding: chunked\r\n\r\nBODY";
  HttpResponse r;
  ASSERT_TRUE(parse_http_response(block, 4096, r).ok());
  EXPECT_EQ(r.version, "HTTP/1.1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.reason, "Not Found");
  EXPECT_EQ(r.mime_type, "text/HTML");
  EXPECT_EQ(r.charset, "Shift_JIS");
  EXPECT_EQ(r.transfer_encoding, "chunked");
  EXPECT_EQ(r.body, "BODY");
  EXPECT_TRUE(r.head_complete);
  EXPECT_EQ(*find_header(r.headers, "SERVER"), "x");
  EXPECT_FALSE(find_header(r.headers, "Missing").has_value());
}

TEST(HttpHead, BareLineFeedsAndNoReason) {
  HttpResponse r;
  ASSERT_TRUE(parse_http_response("HTTP/1.0 200\nContent-Type: text/plain\n\nhi", 4096, r).ok());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.reason, "");
  EXPECT_EQ(r.charset, "");
  EXPECT_EQ(r.body, "hi");
}

TEST(HttpHead, TruncatedHeadIsNotAnError) {
  HttpResponse r;
  ASSERT_TRUE(parse_http_response("HTTP/1.1 200 OK\r\nContent-Type: te", 4096, r).ok());
  EXPECT_FALSE(r.head_complete);
  EXPECT_EQ(r.body, "");
}

TEST(HttpHead, CapAndGarbage) {
  HttpResponse r;
  std::string big = "HTTP/1.1 200 OK\r\nX: " + std::string(5000, 'a') + "\r\n\r\nbody";
  EXPECT_EQ(parse_http_response(big, 1024, r).code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(parse_http_response("GET / HTTP/1.1\r\n\r\n", 1024, r).code(), StatusCode::kCorrupt);
}

TEST(Dechunk, ChunksExtensionsAndTrailers) {
  std::string out;
  bool trunc = true;
  ASSERT_TRUE(
      dechunk("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n", 1 << 20, out, &trunc));
  EXPECT_EQ(out, "hello, world");
  EXPECT_FALSE(trunc);
}

TEST(Dechunk, TruncatedAndNotChunked) {
  std::string out;
  bool trunc = false;
  ASSERT_TRUE(dechunk("a\r\n0123456789\r\n10\r\nabc", 1 << 20, out, &trunc));
  EXPECT_EQ(out, "0123456789abc");
  EXPECT_TRUE(trunc);
  out.clear();
  EXPECT_FALSE(dechunk("<html>not chunked</html>", 1 << 20, out, &trunc));
}

TEST(DecodeBody, ChunkedThenGzip) {
  std::string html = page(200);
  std::string gz = gzip(html);
  // Chunk the gzip data in two pieces.
  size_t half = gz.size() / 2;
  char size1[32], size2[32];
  snprintf(size1, sizeof(size1), "%zx\r\n", half);
  snprintf(size2, sizeof(size2), "%zx\r\n", gz.size() - half);
  std::string body =
      std::string(size1) + gz.substr(0, half) + "\r\n" + size2 + gz.substr(half) + "\r\n0\r\n\r\n";
  std::string scratch;
  BodyInfo info;
  auto r = decode_body(body, "chunked", "gzip", 1 << 20, scratch, &info);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, html);
  EXPECT_TRUE(info.dechunked);
  EXPECT_TRUE(info.decoded);
  EXPECT_FALSE(info.truncated);
}

TEST(DecodeBody, DeflateZlibAndRaw) {
  std::string html = page(50);
  std::string scratch;
  auto z = decode_body(deflate_with(html, 15), "", "deflate", 1 << 20, scratch);
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(*z, html);
  auto raw = decode_body(deflate_with(html, -15), "", "deflate", 1 << 20, scratch);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, html);
}

TEST(DecodeBody, Brotli) {
  std::string html = page(300);
  std::string scratch;
  BodyInfo info;
  auto r = decode_body(brotli(html), "", "br", 1 << 20, scratch, &info);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, html);
  EXPECT_TRUE(info.decoded);
}

TEST(DecodeBody, Zstd) {
  std::string html = page(300);
  std::string z(ZSTD_compressBound(html.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), html.data(), html.size(), 3));
  std::string scratch;
  BodyInfo info;
  auto r = decode_body(z, "", "zstd", 1 << 20, scratch, &info);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, html);
  auto cut =
      decode_body(std::string_view(z).substr(0, z.size() / 2), "", "zstd", 1 << 20, scratch, &info);
  ASSERT_TRUE(cut.ok());
  EXPECT_TRUE(info.truncated);
  EXPECT_EQ(*cut, html.substr(0, cut->size()));
  auto capped = decode_body(z, "", "zstd", 1000, scratch, &info);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->size(), 1000u);
  EXPECT_TRUE(info.truncated);
}

TEST(DecodeBody, GzipThenBrotliUndoneInReverse) {
  std::string html = page(20);
  std::string scratch;
  auto r = decode_body(brotli(gzip(html)), "", "gzip, br", 1 << 20, scratch);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, html);
}

TEST(DecodeBody, GzipLabelOnPlainBodyPassesThrough) {
  // ClueWeb09 stores decoded bodies but keeps "Content-Encoding: gzip".
  std::string scratch;
  auto r = decode_body("<html>plain</html>", "", "gzip", 1 << 20, scratch);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "<html>plain</html>");
}

TEST(DecodeBody, TruncatedGzipGivesPrefix) {
  // Common Crawl cuts payloads at 1 MiB, often in the middle of a gzip stream.
  std::string html = page(2000);
  std::string gz = gzip(html);
  std::string scratch;
  BodyInfo info;
  auto r = decode_body(std::string_view(gz).substr(0, gz.size() / 2), "", "gzip", 1 << 20, scratch,
                       &info);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(info.truncated);
  EXPECT_GT(r->size(), 1000u);
  EXPECT_EQ(*r, html.substr(0, r->size()));
}

TEST(DecodeBody, CapCutsOutput) {
  std::string html = page(5000);  // ~100 KB, compresses well: a small bomb
  std::string scratch;
  BodyInfo info;
  auto r = decode_body(gzip(html), "", "gzip", 10000, scratch, &info);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 10000u);
  EXPECT_TRUE(info.truncated);
  auto b = decode_body(brotli(html), "", "br", 10000, scratch, &info);
  ASSERT_TRUE(b.ok());
  EXPECT_LE(b->size(), 10000u);
  EXPECT_TRUE(info.truncated);
  auto plain = decode_body(html, "", "", 10000, scratch, &info);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->size(), 10000u);
  EXPECT_TRUE(info.truncated);
}

TEST(DecodeBody, UnknownCodingAndGarbage) {
  std::string scratch;
  EXPECT_EQ(decode_body("x", "", "compress", 100, scratch).status().code(),
            StatusCode::kUnsupported);
  EXPECT_FALSE(decode_body("\x1f\x8bgarbage-garbage-garbage", "", "gzip", 100, scratch).ok());
  EXPECT_FALSE(decode_body("not brotli at all, surely", "", "br", 100, scratch).ok());
}

// The four content-coding decoders share one output loop (decode_stream in http.cc); the same
// contract holds for each: the whole body decodes, a body cut in half gives a prefix marked
// truncated, the cap cuts the output, and garbage before any output is a kCorrupt error naming
// the coding.
TEST(DecodeBody, EveryCodingKeepsTheSameContract) {
  std::string html = page(3000);
  std::string zst(ZSTD_compressBound(html.size()), '\0');
  zst.resize(ZSTD_compress(zst.data(), zst.size(), html.data(), html.size(), 3));
  const struct {
    const char* coding;
    std::string body;
  } cases[] = {{"gzip", gzip(html)},
               {"deflate", deflate_with(html, 15)},
               {"deflate", deflate_with(html, -15)},
               {"br", brotli(html)},
               {"zstd", zst}};
  for (const auto& c : cases) {
    std::string scratch;
    BodyInfo info;
    auto whole = decode_body(c.body, "", c.coding, 1 << 20, scratch, &info);
    ASSERT_TRUE(whole.ok()) << c.coding;
    EXPECT_EQ(*whole, html) << c.coding;
    EXPECT_FALSE(info.truncated) << c.coding;

    auto half = decode_body(std::string_view(c.body).substr(0, c.body.size() / 2), "", c.coding,
                            1 << 20, scratch, &info);
    ASSERT_TRUE(half.ok()) << c.coding;
    EXPECT_TRUE(info.truncated) << c.coding;
    EXPECT_EQ(*half, html.substr(0, half->size())) << c.coding;

    auto capped = decode_body(c.body, "", c.coding, 5000, scratch, &info);
    ASSERT_TRUE(capped.ok()) << c.coding;
    EXPECT_TRUE(info.truncated) << c.coding;
    EXPECT_LE(capped->size(), 5000u) << c.coding;
    EXPECT_EQ(*capped, html.substr(0, capped->size())) << c.coding;
  }
  for (const char* coding : {"deflate", "br", "zstd"}) {
    std::string scratch;
    auto bad =
        decode_body("\xff\xfe this is not compressed data at all", "", coding, 1000, scratch);
    ASSERT_FALSE(bad.ok()) << coding;
    EXPECT_EQ(bad.status().code(), StatusCode::kCorrupt) << coding;
    EXPECT_NE(bad.status().message().find(std::string(coding) + " content coding: invalid data"),
              std::string::npos)
        << bad.status().message();
  }
  // Concatenated gzip members are one gzip body (the zlib path; the fast path takes one member).
  std::string scratch;
  auto two = decode_body(gzip("<p>first</p>") + gzip("<p>second</p>"), "", "gzip", 1000, scratch);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, "<p>first</p><p>second</p>");
}

TEST(Sniff, WhatwgSignatures) {
  EXPECT_TRUE(sniff_html("<!DOCTYPE html><p>"));
  EXPECT_TRUE(sniff_html("\xEF\xBB\xBF  \n<html lang=en>"));
  EXPECT_TRUE(sniff_html("<HEAD>"));
  EXPECT_TRUE(sniff_html("<!-- comment -->"));
  EXPECT_TRUE(sniff_html("<p>hello"));
  EXPECT_FALSE(sniff_html("<pre>"));  // "<P" must be followed by space or '>'
  EXPECT_FALSE(sniff_html("<?xml version=\"1.0\"?><rss>"));
  EXPECT_FALSE(sniff_html("{\"json\": true}"));
  EXPECT_FALSE(sniff_html(""));
}

TEST(Sniff, ContentTypeFirst) {
  EXPECT_TRUE(looks_like_html("text/html", ""));
  EXPECT_TRUE(looks_like_html("Application/XHTML+XML", ""));
  EXPECT_TRUE(looks_like_html("", "<html>"));
  EXPECT_TRUE(looks_like_html("application/octet-stream", "<html>"));
  EXPECT_FALSE(looks_like_html("image/png", "<html>"));
  EXPECT_FALSE(looks_like_html("text/plain", "plain words"));
}

TEST(ContentType, Split) {
  std::string_view mime, cs;
  split_content_type(" text/html ; foo=bar; charset = 'utf-8' ", mime, cs);
  EXPECT_EQ(mime, "text/html");
  EXPECT_EQ(cs, "utf-8");
  split_content_type("text/html", mime, cs);
  EXPECT_EQ(cs, "");
}

}  // namespace
}  // namespace klartext::warc
