// The WHATWG label table (src/decode/encodings.cc): lookups, normalisation, and the table's
// own consistency; every encoding's ICU converter must exist.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <set>
#include <string>

#include "decode/decode.h"
#include "decode/encodings.h"

namespace klartext::decode {
namespace {

TEST(Labels, WellKnownMappings) {
  EXPECT_EQ(canonical_encoding("latin1"), "windows-1252");
  EXPECT_EQ(canonical_encoding("iso-8859-1"), "windows-1252");
  EXPECT_EQ(canonical_encoding("ascii"), "windows-1252");
  EXPECT_EQ(canonical_encoding("us-ascii"), "windows-1252");
  EXPECT_EQ(canonical_encoding("iso-8859-9"), "windows-1254");
  EXPECT_EQ(canonical_encoding("tis-620"), "windows-874");
  EXPECT_EQ(canonical_encoding("gb2312"), "GBK");
  EXPECT_EQ(canonical_encoding("x-gbk"), "GBK");
  EXPECT_EQ(canonical_encoding("gb18030"), "gb18030");
  EXPECT_EQ(canonical_encoding("big5-hkscs"), "Big5");
  EXPECT_EQ(canonical_encoding("sjis"), "Shift_JIS");
  EXPECT_EQ(canonical_encoding("windows-31j"), "Shift_JIS");
  EXPECT_EQ(canonical_encoding("ks_c_5601-1987"), "EUC-KR");
  EXPECT_EQ(canonical_encoding("utf8"), "UTF-8");
  EXPECT_EQ(canonical_encoding("utf-16"), "UTF-16LE");
  EXPECT_EQ(canonical_encoding("unicodefffe"), "UTF-16BE");
  EXPECT_EQ(canonical_encoding("koi8-ru"), "KOI8-U");
  EXPECT_EQ(canonical_encoding("x-mac-ukrainian"), "x-mac-cyrillic");
  EXPECT_EQ(canonical_encoding("logical"), "ISO-8859-8-I");
  EXPECT_EQ(canonical_encoding("iso-2022-kr"), "replacement");
  EXPECT_EQ(canonical_encoding("hz-gb-2312"), "replacement");
}

TEST(Labels, CaseAndWhitespace) {
  EXPECT_EQ(canonical_encoding("  Shift_JIS\t"), "Shift_JIS");
  EXPECT_EQ(canonical_encoding("\nUTF-8\f\r "), "UTF-8");
  EXPECT_EQ(canonical_encoding("ISO-8859-2"), "ISO-8859-2");
  // Only ASCII whitespace is trimmed, and only at the ends.
  EXPECT_EQ(canonical_encoding("utf -8"), "");
  EXPECT_EQ(canonical_encoding("\xC2\xA0utf-8"), "");
}

TEST(Labels, Unknown) {
  EXPECT_EQ(canonical_encoding(""), "");
  EXPECT_EQ(canonical_encoding("   "), "");
  EXPECT_EQ(canonical_encoding("utf-7"), "");
  EXPECT_EQ(canonical_encoding("iso-8859-11x"), "");
  EXPECT_EQ(canonical_encoding("ebcdic"), "");
  EXPECT_EQ(canonical_encoding(std::string(1000, 'a')), "");
}

TEST(Labels, TableIsConsistent) {
  std::set<std::string_view> seen;
  std::set<std::string_view> encodings_with_labels;
  for (const auto& l : all_labels()) {
    EXPECT_TRUE(seen.insert(l.label).second) << "duplicate label " << l.label;
    for (char c : l.label) EXPECT_FALSE(c >= 'A' && c <= 'Z') << l.label;
    const EncodingInfo* e = encoding_by_name(l.encoding);
    ASSERT_NE(e, nullptr) << l.label << " -> unknown " << l.encoding;
    EXPECT_EQ(find_encoding(l.label), e);
    encodings_with_labels.insert(e->name);
  }
  // Every encoding is reachable, and its own name is one of its labels.
  for (const auto& e : all_encodings()) {
    EXPECT_TRUE(encodings_with_labels.count(e.name)) << e.name;
    EXPECT_EQ(find_encoding(e.name), &e) << e.name;
  }
  EXPECT_EQ(all_encodings().size(), 40u);  // WHATWG: 40 encodings, replacement included
}

TEST(Labels, IcuConvertersExist) {
  for (const auto& e : all_encodings()) {
    if (!e.icu_name) continue;
    UErrorCode err = U_ZERO_ERROR;
    UConverter* c = ucnv_open(e.icu_name, &err);
    EXPECT_TRUE(U_SUCCESS(err)) << e.name << " -> " << e.icu_name;
    if (c) ucnv_close(c);
  }
}

}  // namespace
}  // namespace klartext::decode
