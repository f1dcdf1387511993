// The UTF-8/UTF-16 decoders and single-byte tables (src/decode/unicode.cc, single_byte.cc):
// WHATWG replacement rules on malformed input, and the 0x80-0xFF mappings that differ from ICU.
#include <gtest/gtest.h>

#include <string>

#include "decode/decode.h"
#include "decode/internal.h"

namespace klartext::decode {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

std::string utf8(std::string_view in, size_t* replaced = nullptr) {
  std::string out;
  size_t r = internal::decode_utf8(in, out);
  if (replaced) *replaced = r;
  return out;
}

TEST(Utf8, ValidPassesThrough) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  size_t r = 9;
  EXPECT_EQ(utf8(s, &r), s);
  EXPECT_EQ(r, 0u);
  auto st = internal::scan_utf8(s);
  EXPECT_TRUE(st.valid());
  EXPECT_FALSE(st.ascii_only);
  EXPECT_EQ(st.multibyte, 3u);
}

TEST(Utf8, MaximalSubpartsBecomeOneReplacementEach) {
  size_t r = 0;
  // A lead with a missing trail: one U+FFFD, the next byte is read again.
  EXPECT_EQ(utf8("\xE2\x82z", &r), kFffd + "z");
  EXPECT_EQ(r, 1u);
  // Overlong forms and surrogates: the lead alone is bad, each trail is bad too.
  EXPECT_EQ(utf8("\xC0\xAF", &r), kFffd + kFffd);
  EXPECT_EQ(utf8("\xE0\x80\xAF", &r), kFffd + kFffd + kFffd);
  EXPECT_EQ(utf8("\xED\xA0\x80", &r), kFffd + kFffd + kFffd);
  EXPECT_EQ(r, 3u);
  // Above U+10FFFF.
  EXPECT_EQ(utf8("\xF4\x90\x80\x80", &r), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(utf8("\xF5", &r), kFffd);
  // A 4-byte sequence missing its last byte: one U+FFFD.
  EXPECT_EQ(utf8("\xF0\x9F\x98", &r), kFffd);
  EXPECT_EQ(r, 1u);
  auto st = internal::scan_utf8("ok \xF0\x9F\x98");
  EXPECT_EQ(st.invalid, 1u);
  EXPECT_TRUE(st.truncated_tail);
}

TEST(Utf8, QuickCheck) {
  auto q = internal::quick_utf8("abc");
  EXPECT_TRUE(q.valid);
  EXPECT_TRUE(q.ascii_only);
  q = internal::quick_utf8("caf\xC3\xA9");
  EXPECT_TRUE(q.valid);
  EXPECT_FALSE(q.ascii_only);
  // Cut inside the last character, after real UTF-8 text: still UTF-8.
  q = internal::quick_utf8("caf\xC3\xA9 \xE2\x82");
  EXPECT_TRUE(q.valid);
  // A lone high byte at the end of ASCII, or a complete but invalid sequence, is not.
  EXPECT_FALSE(internal::quick_utf8("plain text \xE0").valid);
  EXPECT_FALSE(internal::quick_utf8("caf\xC3\xA9 \xE9t\xE9").valid);
  EXPECT_TRUE(internal::quick_utf8("\xC3\xA9\xC3").valid);
}

TEST(Utf8, LongAsciiRunsAndNul) {
  std::string s(1000, 'x');
  s[500] = '\0';
  s += "\xC3\xA9";
  EXPECT_EQ(utf8(s), s);
  EXPECT_TRUE(internal::scan_utf8(std::string(100, 'a')).ascii_only);
}

TEST(Utf8, CountLeadBytesMatchesByteWiseCount) {
  // Lengths around the 16-byte vector step, the 8-byte step and the 255-step lane flush,
  // over every byte value, so each code path and lane sees lead and non-lead bytes.
  std::string s;
  for (size_t i = 0; i < 16 * 255 * 2 + 40; ++i)
    s.push_back(static_cast<char>((i * 151 + 7) & 0xFF));
  for (size_t len : {0, 1, 7, 8, 15, 16, 17, 31, 33, 4079, 4080, 4081, 4095, 4096, 8199,
                     static_cast<int>(s.size())}) {
    size_t want = 0;
    for (size_t i = 0; i < len; ++i) want += static_cast<unsigned char>(s[i]) >= 0xC0;
    EXPECT_EQ(internal::count_lead_bytes(std::string_view(s).substr(0, len)), want) << len;
  }
  // All lead bytes: every lane reaches its 255 limit before the flush.
  EXPECT_EQ(internal::count_lead_bytes(std::string(16 * 255 * 3 + 5, '\xF0')), 16u * 255 * 3 + 5);
}

TEST(Utf16, SurrogatesAndOddLength) {
  std::string out;
  // Lone trail, then a lone lead followed by 'A' (which is decoded), then an odd byte.
  std::string le("\x00\xDC\x00\xD8\x41\x00\x42", 7);
  EXPECT_EQ(internal::decode_utf16(le, false, out), 3u);
  EXPECT_EQ(out, kFffd + kFffd + "A" + kFffd);
}

std::string single(std::string_view encoding, std::string_view in, size_t* replaced = nullptr) {
  std::string out;
  size_t r = internal::decode_single_byte(*encoding_by_name(encoding), in, out);
  if (replaced) *replaced = r;
  return out;
}

TEST(SingleByte, Windows1252) {
  EXPECT_EQ(single("windows-1252", "\x80\x9F\xE9\xFF"), "\xE2\x82\xAC\xC5\xB8\xC3\xA9\xC3\xBF");
  // WHATWG fills Microsoft's holes with the C1 controls.
  EXPECT_EQ(single("windows-1252", "\x81\x8D\x8F\x90\x9D"),
            "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
}

TEST(SingleByte, Iso8859_16AndKoi8UAndUserDefined) {
  EXPECT_EQ(single("ISO-8859-16", "\xAA\xBA\xDE\xFE\xA4"),
            "\xC8\x98\xC8\x99\xC8\x9A\xC8\x9B\xE2\x82\xAC");                // Ș ș Ț ț €
  EXPECT_EQ(single("KOI8-U", "\xAE\xBE\xA4"), "\xD1\x9E\xD0\x8E\xD1\x94");  // ў Ў є
  EXPECT_EQ(single("x-user-defined", "a\x80\xFF"), "a\xEF\x9E\x80\xEF\x9F\xBF");
}

TEST(SingleByte, UnmappedBytesAreReplacedAndCounted) {
  size_t r = 0;
  // ISO-8859-3 has no character at 0xA5; windows-874 none at 0xDB.
  EXPECT_EQ(single("ISO-8859-3",
                   "a\xA5"
                   "b",
                   &r),
            "a" + kFffd + "b");
  EXPECT_EQ(r, 1u);
  EXPECT_EQ(single("windows-874", "\xDB", &r), kFffd);
  EXPECT_EQ(r, 1u);
}

TEST(SingleByte, EveryTableDecodesEveryByte) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(char(b));
  for (const auto& e : all_encodings()) {
    if (e.kind != DecoderKind::kSingleByte) continue;
    std::string out = single(e.name, all);
    EXPECT_EQ(out.substr(0, 128), all.substr(0, 128)) << e.name;  // ASCII is ASCII everywhere
    EXPECT_TRUE(internal::scan_utf8(out).valid()) << e.name;
  }
}

TEST(Icu, MalformedMultiByteIsReplacedAndCounted) {
  // Shift_JIS: a lead byte at the very end; EUC-KR: a lead followed by a space (UHC takes
  // letters as trail bytes, so a letter would not do).
  auto r = decode_as("\x82\xA0\x82", "shift_jis");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, "\xE3\x81\x82" + kFffd);
  EXPECT_EQ(r->replaced, 1u);
  auto k = decode_as("\xB0 A", "euc-kr");
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->replaced, 1u);
  EXPECT_NE(k->utf8.find('A'), std::string::npos);  // the ASCII byte survives
  // GB18030 four-byte sequence for U+00E5 is decoded; EUC-JP row 13 (NEC) circled one.
  auto g = decode_as("\x81\x30\x8A\x32", "gb18030");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->replaced, 0u);
  EXPECT_EQ(g->utf8, "\xC3\xA5");
  // A lone 0x80 is the euro sign in GBK and gb18030 (WHATWG, after code page 936), also right
  // after a two-byte and a four-byte character.
  auto e = decode_as("5\x80 \xC4\xE3\x80\x81\x30\x8A\x32\x80", "gbk");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->utf8, "5\xE2\x82\xAC \xE4\xBD\xA0\xE2\x82\xAC\xC3\xA5\xE2\x82\xAC");
  EXPECT_EQ(e->replaced, 0u);
  auto j = decode_as("\xAD\xA1", "euc-jp");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j->utf8, "\xE2\x91\xA0");  // ①
}

}  // namespace
}  // namespace klartext::decode
