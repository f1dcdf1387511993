// Round trips of our own fixture pages (tests/data/encodings/, made by make_fixtures.py): each
// encoding decodes to the known UTF-8 text, by its <meta> label, by decode_as, and, for the
// encodings where the detector is reliable, with the label removed.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "base/file.h"
#include "decode/decode.h"

namespace klartext::decode {
namespace {

struct Fixture {
  const char* name;  // file stem and <meta> label
  bool detectable;   // uchardet finds it (or an encoding decoding it identically) unlabelled
};

// Every fixture make_fixtures.py writes. `detectable` records where uchardet 0.0.7 (plus our
// ISO-2022-JP escape check) gets these short pages (a few hundred characters) right, or picks
// an encoding that decodes them identically (windows-1253 for ISO-8859-7 text, ...). It misses
// ISO-8859-15 (taken as Latin-1), ISO-8859-3, ISO-8859-14 and macintosh (too few distinctive
// bytes in so little text) and KOI8-U (taken as KOI8-R, which lacks the Ukrainian letters).
constexpr Fixture kFixtures[] = {
    {"utf-8", true},        {"windows-1252", true},   {"iso-8859-1", true},
    {"iso-8859-15", false}, {"iso-8859-2", true},     {"windows-1250", true},
    {"iso-8859-3", false},  {"iso-8859-4", true},     {"iso-8859-5", true},
    {"windows-1251", true}, {"koi8-r", true},         {"koi8-u", false},
    {"ibm866", true},       {"x-mac-cyrillic", true}, {"iso-8859-6", true},
    {"windows-1256", true}, {"iso-8859-7", true},     {"windows-1253", true},
    {"iso-8859-8", true},   {"windows-1255", true},   {"windows-1254", true},
    {"iso-8859-9", true},   {"iso-8859-10", true},    {"iso-8859-13", true},
    {"windows-1257", true}, {"iso-8859-14", false},   {"iso-8859-16", true},
    {"windows-874", true},  {"macintosh", false},     {"gbk", true},
    {"gb2312", true},       {"gb18030", true},        {"big5", true},
    {"shift_jis", true},    {"euc-jp", true},         {"iso-2022-jp", true},
    {"euc-kr", true},       {"utf-16le", true},       {"utf-16be", true},
};

std::string fixture_path(const std::string& file) {
  return std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/encodings/" + file;
}

// Removes the <meta charset> line (ASCII in every fixture encoding but UTF-16, which has none).
std::string without_meta(std::string s) {
  size_t at = s.find("<meta charset=");
  if (at == std::string::npos) return s;
  size_t end = s.find('\n', at);
  s.erase(at, end - at + 1);
  return s;
}

TEST(Fixtures, DecodeByLabel) {
  for (const Fixture& f : kFixtures) {
    SCOPED_TRACE(f.name);
    auto bytes = base::read_file(fixture_path(std::string(f.name) + ".html"));
    auto want = base::read_file(fixture_path(std::string(f.name) + ".txt"));
    ASSERT_TRUE(bytes.ok() && want.ok()) << "run tests/data/encodings/make_fixtures.py";
    auto r = decode_html(*bytes);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->utf8, *want) << r->reason;
    EXPECT_EQ(r->replaced, 0u);
    EXPECT_EQ(r->encoding, canonical_encoding(f.name));
    bool utf16 = std::string_view(f.name).starts_with("utf-16");
    EXPECT_EQ(r->source, utf16 ? EncodingSource::kBom : EncodingSource::kMetaTag) << r->reason;
    // decode_as with the same label (UTF-16 without its BOM).
    auto as = decode_as(std::string_view(*bytes).substr(utf16 ? 2 : 0), f.name);
    ASSERT_TRUE(as.ok());
    EXPECT_EQ(as->utf8, *want);
  }
}

TEST(Fixtures, DecodeByDetection) {
  int detected = 0, tried = 0;
  for (const Fixture& f : kFixtures) {
    SCOPED_TRACE(f.name);
    auto bytes = base::read_file(fixture_path(std::string(f.name) + ".html"));
    auto want = base::read_file(fixture_path(std::string(f.name) + ".txt"));
    ASSERT_TRUE(bytes.ok() && want.ok());
    auto r = decode_html(without_meta(*bytes));
    ASSERT_TRUE(r.ok());
    bool same = r->utf8 == without_meta(*want);
    ++tried;
    detected += same;
    std::printf("  detect %-15s -> %-14s %s (%s)\n", f.name, r->encoding.c_str(),
                same ? "same text" : "DIFFERENT", r->reason.c_str());
    if (f.detectable) {
      EXPECT_TRUE(same) << r->encoding << ": " << r->reason;
    }
  }
  std::printf("fixtures decoded right without a label: %d/%d\n", detected, tried);
}

}  // namespace
}  // namespace klartext::decode
