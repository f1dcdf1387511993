// decode_html and sniff_encoding: the order of the sniffing steps, BOMs, transport labels,
// label verification, the detector fallback and the replacement encoding.
#include <gtest/gtest.h>

#include <string>

#include "decode/decode.h"
#include "decode/internal.h"

namespace klartext::decode {
namespace {

Decoded must_decode(std::string_view bytes, const DecodeOptions& options = {}) {
  auto r = decode_html(bytes, options);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : Decoded{};
}

DecodeOptions with_transport(std::string label) {
  DecodeOptions o;
  o.transport_charset = std::move(label);
  return o;
}

TEST(DecodeHtml, Utf8BomWinsOverLabelsAndIsRemoved) {
  std::string page = "\xEF\xBB\xBF<meta charset=gbk>gr\xC3\xBC\xC3\x9F";
  Decoded d = must_decode(page, with_transport("iso-8859-2"));
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, EncodingSource::kBom);
  EXPECT_EQ(d.utf8, "<meta charset=gbk>gr\xC3\xBC\xC3\x9F");
}

TEST(DecodeHtml, BorrowsBytesThatNeedNoConversion) {
  DecodeOptions o;
  o.borrow_unchanged = true;
  // Valid UTF-8 after a BOM: the view starts after the BOM, inside the input.
  std::string page = "\xEF\xBB\xBF<p>gr\xC3\xBC\xC3\x9F";
  Decoded d = must_decode(page, o);
  EXPECT_TRUE(d.is_borrowed);
  EXPECT_TRUE(d.utf8.empty());
  EXPECT_EQ(d.borrowed.data(), page.data() + 3);
  EXPECT_EQ(d.text(), "<p>gr\xC3\xBC\xC3\x9F");
  // ASCII-only bytes in a single-byte encoding read the same.
  std::string ascii = "<meta charset=windows-1252><p>plain";
  Decoded a = must_decode(ascii, o);
  EXPECT_EQ(a.encoding, "windows-1252");
  EXPECT_TRUE(a.is_borrowed);
  EXPECT_EQ(a.text(), ascii);
  // Bytes that change are converted as usual, and without the option nothing is borrowed.
  Decoded latin = must_decode("<meta charset=windows-1252><p>caf\xE9", o);
  EXPECT_FALSE(latin.is_borrowed);
  EXPECT_EQ(latin.text(), "<meta charset=windows-1252><p>caf\xC3\xA9");
  Decoded broken = must_decode("<meta charset=utf-8><p>a\xFF", o);
  EXPECT_FALSE(broken.is_borrowed);
  EXPECT_EQ(broken.text(), "<meta charset=utf-8><p>a\xEF\xBF\xBD");
  Decoded copied = must_decode(page);
  EXPECT_FALSE(copied.is_borrowed);
  EXPECT_EQ(copied.text(), d.text());
}

TEST(DecodeHtml, SniffingValidationIsReusedOnlyForWholeValidUtf8) {
  // Labelled UTF-8 that validates to the end: decoding trusts the sniffing pass.
  std::string page = "<meta charset=utf-8><p>gr\xC3\xBC\xC3\x9F";
  Decoded d = must_decode(page);
  EXPECT_TRUE(d.validated_utf8);
  EXPECT_EQ(d.utf8, page);
  // Cut inside the last character: sniffing still says UTF-8, but the bytes are not whole, so
  // the decoder runs and replaces the cut sequence.
  Decoded cut = must_decode("<meta charset=utf-8><p>gr\xC3\xBC\xE2\x82");
  EXPECT_FALSE(cut.validated_utf8);
  EXPECT_EQ(cut.utf8, "<meta charset=utf-8><p>gr\xC3\xBC\xEF\xBF\xBD");
  EXPECT_EQ(cut.replaced, 1u);
  DecodeOptions o;
  o.borrow_unchanged = true;
  Decoded borrowed_cut = must_decode("<meta charset=utf-8><p>gr\xC3\xBC\xE2\x82", o);
  EXPECT_FALSE(borrowed_cut.is_borrowed);
  EXPECT_EQ(borrowed_cut.text(), cut.utf8);
}

TEST(DecodeHtml, Utf16Boms) {
  // "<p>é€😀" in UTF-16LE and BE, with BOM.
  std::string le("\xFF\xFE<\0p\0>\0\xE9\0\xAC\x20\x3D\xD8\x00\xDE", 16);
  std::string be("\xFE\xFF\0<\0p\0>\0\xE9\x20\xAC\xD8\x3D\xDE\x00", 16);
  const std::string want = "<p>\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  Decoded a = must_decode(le);
  EXPECT_EQ(a.encoding, "UTF-16LE");
  EXPECT_EQ(a.source, EncodingSource::kBom);
  EXPECT_EQ(a.utf8, want);
  EXPECT_EQ(a.replaced, 0u);
  Decoded b = must_decode(be);
  EXPECT_EQ(b.encoding, "UTF-16BE");
  EXPECT_EQ(b.utf8, want);
}

TEST(DecodeHtml, TransportBeatsMeta) {
  Decoded d = must_decode("<meta charset=koi8-r><p>\xE0", with_transport("windows-1251"));
  EXPECT_EQ(d.encoding, "windows-1251");
  EXPECT_EQ(d.source, EncodingSource::kTransport);
  EXPECT_EQ(d.utf8, "<meta charset=koi8-r><p>\xD0\xB0");  // а
}

TEST(DecodeHtml, MetaOutranksADefaultLatin1Header) {
  std::string page = "<meta charset=euc-kr><p>\xC7\xD1\xB1\xDB";  // 한글
  Decoded d = must_decode(page, with_transport("ISO-8859-1"));
  EXPECT_EQ(d.encoding, "EUC-KR");
  EXPECT_EQ(d.source, EncodingSource::kMetaTag);
  EXPECT_EQ(d.declared, "windows-1252");
  EXPECT_EQ(d.utf8, "<meta charset=euc-kr><p>\xED\x95\x9C\xEA\xB8\x80");
  DecodeOptions browser = with_transport("ISO-8859-1");
  browser.verify_labels = false;
  EXPECT_EQ(must_decode(page, browser).encoding, "windows-1252");
}

TEST(DecodeHtml, TransportAcceptsContentTypeValue) {
  Decoded d = must_decode("<p>\xB0\xA1", with_transport("text/html; charset=\"GB2312\""));
  EXPECT_EQ(d.encoding, "GBK");
  EXPECT_EQ(d.source, EncodingSource::kTransport);
  EXPECT_EQ(d.utf8, "<p>\xE5\x95\x8A");  // 啊
}

TEST(DecodeHtml, UnknownTransportLabelIsIgnored) {
  Decoded d = must_decode("<meta charset=iso-8859-7><p>\xE1", with_transport("klingon-8"));
  EXPECT_EQ(d.encoding, "ISO-8859-7");
  EXPECT_EQ(d.source, EncodingSource::kMetaTag);
  EXPECT_EQ(d.utf8, "<meta charset=iso-8859-7><p>\xCE\xB1");  // α
  EXPECT_NE(d.reason.find("klingon-8"), std::string::npos);
}

TEST(DecodeHtml, ReplacementEncodingIsAnError) {
  auto r = decode_html("<p>x", with_transport("iso-2022-kr"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_FALSE(decode_html("<meta charset=hz-gb-2312><p>x").ok());
}

TEST(DecodeHtml, AsciiWithoutLabelIsWindows1252) {
  Decoded d = must_decode("<p>plain</p>");
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.source, EncodingSource::kDefault);
  EXPECT_EQ(d.utf8, "<p>plain</p>");
}

TEST(DecodeHtml, ValidUtf8WithoutLabel) {
  Decoded d = must_decode("<p>Stra\xC3\x9F\x65</p>");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, EncodingSource::kValidUtf8);
  EXPECT_EQ(d.replaced, 0u);
}

TEST(DecodeHtml, Utf8CutAtTheEndIsStillUtf8) {
  Decoded d = must_decode("<p>\xC3\xA9t\xC3\xA9 \xE2\x82");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.replaced, 1u);
  EXPECT_EQ(d.utf8, "<p>\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD");
}

TEST(DecodeHtml, MostlyUtf8WithAStrayLatin1Byte) {
  std::string page = "<p>";
  for (int i = 0; i < 20; ++i) page += "\xC3\xA9l\xC3\xA8ve ";
  page += "\xA9 2024";  // a Latin-1 copyright sign in a UTF-8 template
  Decoded d = must_decode(page);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.replaced, 1u);
}

TEST(DecodeHtml, LegacyLabelOnValidUtf8IsOverruled) {
  std::string page = "<meta charset=\"gb2312\"><p>\xE4\xB8\xAD\xE6\x96\x87</p>";  // 中文
  Decoded d = must_decode(page);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, EncodingSource::kValidUtf8);
  EXPECT_EQ(d.declared, "GBK");
  EXPECT_EQ(d.utf8, page);
  // As a browser would: the label wins.
  DecodeOptions browser;
  browser.verify_labels = false;
  Decoded b = must_decode(page, browser);
  EXPECT_EQ(b.encoding, "GBK");
  EXPECT_EQ(b.source, EncodingSource::kMetaTag);
}

TEST(DecodeHtml, Utf8LabelOnGbkBytesFallsToTheDetector) {
  // A Chinese paragraph in GBK under a UTF-8 label.
  const std::string gbk_sentence =
      "\xCE\xD2\xC3\xC7\xBD\xF1\xCC\xEC\xD4\xDA\xB9\xAB\xD4\xB0\xC0\xEF\xC9\xA2\xB2\xBD\xA3\xAC"
      "\xCC\xEC\xC6\xF8\xBA\xDC\xBA\xC3\xA1\xA3";  // 我们今天在公园里散步，天气很好。
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body><p>";
  for (int i = 0; i < 20; ++i) page += gbk_sentence;
  page += "</p></body></html>";
  Decoded d = must_decode(page);
  EXPECT_EQ(d.source, EncodingSource::kDetected);
  EXPECT_TRUE(d.encoding == "GBK" || d.encoding == "gb18030") << d.encoding;
  EXPECT_EQ(d.declared, "UTF-8");
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_NE(d.utf8.find("\xE5\x85\xAC\xE5\x9B\xAD"), std::string::npos);  // 公园
}

TEST(DecodeHtml, Utf8LabelOnWindows1252TextFallsToTheDetector) {
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body>";
  for (int i = 0; i < 10; ++i)
    page +=
        "<p>Sch\xF6ne Gr\xFC\xDF\x65 aus M\xFCnchen, wo die B\xE4\x63ker fr\xFCh "
        "\xF6\x66\x66nen.</p>";
  page += "</body></html>";
  Decoded d = must_decode(page);
  EXPECT_EQ(d.encoding, "windows-1252") << d.reason;
  EXPECT_EQ(d.source, EncodingSource::kDetected);
  EXPECT_EQ(d.declared, "UTF-8");
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_NE(d.utf8.find("Gr\xC3\xBC\xC3\x9F\x65"), std::string::npos);  // Grüße
}

TEST(DecodeHtml, MetaOutranksAUtf8HeaderThatTheBytesContradict) {
  // Shift_JIS text; the server says UTF-8, the page says Shift_JIS.
  std::string page = "<meta charset=shift_jis><p>";
  for (int i = 0; i < 5; ++i) page += "\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD";  // こんにちは
  Decoded d = must_decode(page, with_transport("utf-8"));
  EXPECT_EQ(d.encoding, "Shift_JIS") << d.reason;
  EXPECT_EQ(d.source, EncodingSource::kMetaTag);
  EXPECT_EQ(d.declared, "UTF-8");
  EXPECT_EQ(d.replaced, 0u);
  // A browser keeps the header.
  DecodeOptions browser = with_transport("utf-8");
  browser.verify_labels = false;
  EXPECT_EQ(must_decode(page, browser).encoding, "UTF-8");
}

TEST(DecodeHtml, GbkTextBehindLongEnglishMarkupIsDetected) {
  // 30 kB of English navigation, scripts and styles, then the GBK article, no label anywhere:
  // the detector must see the text, not the markup (cf. trafilatura issue #541).
  std::string page = "<html><head><style>body { font-family: sans-serif; }</style><script>";
  for (int i = 0; i < 200; ++i) page += "var menu_item_" + std::to_string(i) + " = 'Home';\n";
  page += "</script></head><body><nav>";
  for (int i = 0; i < 300; ++i) page += "<a href=\"/section/" + std::to_string(i) + "\">News</a> ";
  page += "</nav><article><p>";
  const std::string gbk_sentence =
      "\xCE\xD2\xC3\xC7\xBD\xF1\xCC\xEC\xD4\xDA\xB9\xAB\xD4\xB0\xC0\xEF\xC9\xA2\xB2\xBD\xA3\xAC"
      "\xCC\xEC\xC6\xF8\xBA\xDC\xBA\xC3\xA1\xA3";  // 我们今天在公园里散步，天气很好。
  for (int i = 0; i < 10; ++i) page += gbk_sentence;
  page += "</p></article></body></html>";
  ASSERT_GT(page.size(), 15000u);
  DecodeOptions small_cap;
  small_cap.max_detect_bytes = 15000;  // less than the markup before the text
  Decoded d = must_decode(page, small_cap);
  EXPECT_EQ(d.source, EncodingSource::kDetected) << d.reason;
  EXPECT_TRUE(d.encoding == "GBK" || d.encoding == "gb18030") << d.reason;
  EXPECT_EQ(d.replaced, 0u);
  EXPECT_NE(d.utf8.find("\xE5\x85\xAC\xE5\x9B\xAD"), std::string::npos);  // 公园
}

TEST(DecodeHtml, DetectorInputIsCapped) {
  std::string page;
  for (int i = 0; i < 200000; ++i) page += "\xC4\xE3\xBA\xC3 ";  // 1 MB of GBK text
  internal::Detection det = internal::detect(page, 4096);
  EXPECT_LE(det.sample_bytes, 4096u);
  EXPECT_LE(internal::text_sample(page, 100).size(), 100u);
  // By default the detector decides from the first 16 KiB of text (decode.h says why), and
  // says so in the reason.
  Decoded d = must_decode(page);
  EXPECT_EQ(d.source, EncodingSource::kDetected) << d.reason;
  EXPECT_NE(d.reason.find("on 16384 bytes"), std::string::npos) << d.reason;
  EXPECT_EQ(DecodeOptions().max_detect_bytes, size_t(16) << 10);
}

// Regression: the single-byte decoder sized its output at 3x the input and zero-filled it,
// 150 MB for a 50 MB page. Mostly ASCII input now gets about its own size; the output is the
// same either way (checked here around the non-ASCII bytes).
TEST(DecodeHtml, SingleByteOutputIsSizedByItsNonAsciiBytes) {
  std::string page = "<p>" + std::string(100000, 'a') + "\xE9t\xE9</p>";
  Decoded d = must_decode(page, with_transport("windows-1252"));
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.utf8, "<p>" + std::string(100000, 'a') + "\xC3\xA9t\xC3\xA9</p>");
  EXPECT_LT(d.utf8.capacity(), page.size() * 2);
}

// The single-byte decoder takes 8-byte chunks with a high byte through its table without
// branching; inputs shorter than 8 bytes take the byte-by-byte path. Both must agree on every
// byte value, in every single-byte encoding, including unmapped bytes (U+FFFD, counted).
TEST(DecodeHtml, SingleByteChunksMatchByteByByte) {
  std::string all;
  for (int round = 0; round < 3; ++round)
    for (int b = 0; b < 256; ++b) all.push_back(char((b * 37 + round * 101) & 0xFF));
  all += "<p>ascii tail</p>";
  for (const char* label :
       {"windows-1252", "windows-1250",   "windows-1251",  "windows-1253", "windows-1254",
        "windows-1255", "windows-1256",   "windows-1257",  "windows-1258", "windows-874",
        "ISO-8859-2",   "ISO-8859-3",     "ISO-8859-4",    "ISO-8859-5",   "ISO-8859-6",
        "ISO-8859-7",   "ISO-8859-8",     "ISO-8859-10",   "ISO-8859-13",  "ISO-8859-14",
        "ISO-8859-15",  "ISO-8859-16",    "KOI8-R",        "KOI8-U",       "IBM866",
        "macintosh",    "x-mac-cyrillic", "x-user-defined"}) {
    auto whole = decode_as(all, label);
    ASSERT_TRUE(whole.ok()) << label;
    std::string one_by_one;
    size_t replaced = 0;
    for (char c : all) {
      auto d = decode_as(std::string(1, c), label);
      ASSERT_TRUE(d.ok()) << label;
      one_by_one += d->utf8;
      replaced += d->replaced;
    }
    EXPECT_EQ(whole->utf8, one_by_one) << label;
    EXPECT_EQ(whole->replaced, replaced) << label;
  }
}

// Binary garbage is not counted to its end: once the ill-formed sequences outnumber what the
// rest could still make up, the UTF-8 question is answered, and the reason says how far it
// looked. Mostly valid UTF-8 with a few errors is still read as UTF-8.
TEST(DecodeHtml, Utf8CountStopsOnceTheAnswerIsSettled) {
  std::string garbage;
  uint32_t x = 7;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1664525u + 1013904223u;
    garbage.push_back(char(x >> 24));
  }
  Decoded d = must_decode(garbage);
  EXPECT_NE(d.source, EncodingSource::kValidUtf8) << d.reason;
  EXPECT_NE(d.reason.find(" in the first "), std::string::npos) << d.reason;

  std::string damaged;
  for (int i = 0; i < 2000; ++i) damaged += "gr\xC3\xBC\xC3\x9F ";
  damaged += "\xFF\xFE";  // two stray bytes among 4000 well-formed sequences
  for (int i = 0; i < 20; ++i) damaged += "plain ascii ";
  Decoded u = must_decode(damaged);
  EXPECT_EQ(u.encoding, "UTF-8") << u.reason;
  EXPECT_EQ(u.source, EncodingSource::kValidUtf8) << u.reason;
  EXPECT_EQ(u.reason.find(" in the first "), std::string::npos) << u.reason;
}

TEST(DecodeHtml, LateMetaCounts) {
  std::string page = "<!DOCTYPE html><head><style>" + std::string(3000, 'x') +
                     "</style><meta charset=\"windows-1251\"></head><p>\xCF\xF0\xE8\xE2\xE5\xF2";
  Decoded d = must_decode(page);
  EXPECT_EQ(d.encoding, "windows-1251");
  EXPECT_EQ(d.source, EncodingSource::kMetaTag);
  EXPECT_NE(d.utf8.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"), std::string::npos);
  DecodeOptions strict;
  strict.late_meta_bytes = 0;
  EXPECT_NE(must_decode(page, strict).source, EncodingSource::kMetaTag);
}

TEST(DecodeHtml, MetaUtf16MeansUtf8) {
  Decoded d = must_decode("<meta charset=utf-16le><p>\xC3\xA9");
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_EQ(d.source, EncodingSource::kMetaTag);
}

TEST(DecodeHtml, MetaXUserDefinedMeansWindows1252ButTransportKeepsIt) {
  Decoded m = must_decode("<meta charset=x-user-defined><p>\x80");
  EXPECT_EQ(m.encoding, "windows-1252");
  EXPECT_EQ(m.utf8, "<meta charset=x-user-defined><p>\xE2\x82\xAC");
  Decoded t = must_decode("<p>\x80", with_transport("x-user-defined"));
  EXPECT_EQ(t.encoding, "x-user-defined");
  EXPECT_EQ(t.utf8, "<p>\xEF\x9E\x80");  // U+F780
}

TEST(DecodeHtml, EmptyInput) {
  Decoded d = must_decode("");
  EXPECT_EQ(d.utf8, "");
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecodeAs, KnownAndUnknownLabels) {
  auto r = decode_as("\x82\xA0", "sjis");  // あ
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, "Shift_JIS");
  EXPECT_EQ(r->utf8, "\xE3\x81\x82");
  EXPECT_FALSE(decode_as("x", "no-such-label").ok());
}

TEST(EncodingSourceName, AllNamed) {
  for (auto s : {EncodingSource::kBom, EncodingSource::kTransport, EncodingSource::kMetaTag,
                 EncodingSource::kValidUtf8, EncodingSource::kDetected, EncodingSource::kDefault})
    EXPECT_NE(encoding_source_name(s), "unknown");
}

}  // namespace
}  // namespace klartext::decode
