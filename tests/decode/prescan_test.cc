// The <meta> prescan and the content-attribute charset extraction (src/decode/prescan.cc),
// beyond what the html5lib encoding suite covers.
#include <gtest/gtest.h>

#include <string>

#include "decode/internal.h"

namespace klartext::decode {
namespace {

std::string_view scan(std::string_view bytes) {
  const EncodingInfo* e = internal::prescan(bytes);
  return e ? e->name : std::string_view("none");
}

std::string_view content(std::string_view value) {
  const EncodingInfo* e = internal::encoding_from_content(value);
  return e ? e->name : std::string_view("none");
}

TEST(Prescan, CharsetAttribute) {
  EXPECT_EQ(scan("<meta charset=gbk>"), "GBK");
  EXPECT_EQ(scan("<META CHARSET='Shift_JIS'>"), "Shift_JIS");
  EXPECT_EQ(scan("<meta/charset=euc-kr>"), "EUC-KR");
  EXPECT_EQ(scan("<meta charset=\" koi8-r \">"), "KOI8-R");
  EXPECT_EQ(scan("<meta charset=bogus><meta charset=big5>"), "Big5");
}

TEST(Prescan, HttpEquivNeedsThePragma) {
  EXPECT_EQ(scan("<meta content=\"text/html; charset=gbk\">"), "none");
  EXPECT_EQ(scan("<meta http-equiv=refresh content=\"text/html; charset=gbk\">"), "none");
  EXPECT_EQ(scan("<meta http-equiv=Content-Type content=\"text/html; charset=gbk\">"), "GBK");
  // A later charset attribute on the same element wins over content.
  EXPECT_EQ(scan("<meta http-equiv=content-type content='charset=gbk' charset=big5>"), "Big5");
  // Duplicate attributes: the first one counts.
  EXPECT_EQ(scan("<meta charset=big5 charset=gbk>"), "Big5");
}

TEST(Prescan, SkipsCommentsAndOtherTags) {
  EXPECT_EQ(scan("<!-- <meta charset=gbk> --><meta charset=big5>"), "Big5");
  EXPECT_EQ(scan("<!--><meta charset=big5>"), "Big5");  // "<!-->" is a whole comment
  EXPECT_EQ(scan("<div title='<meta charset=gbk>'><meta charset=big5>"), "Big5");
  EXPECT_EQ(scan("<?xml <meta charset=gbk> ?><meta charset=big5>"), "Big5");
  EXPECT_EQ(scan("<!-- unterminated <meta charset=gbk>"), "none");
  EXPECT_EQ(scan("<metax charset=gbk>"), "none");
}

TEST(Prescan, InputEndingInsideATagFindsNothing) {
  EXPECT_EQ(scan("<meta charset=gbk"), "none");
  EXPECT_EQ(scan("<meta charset='gbk"), "none");
  EXPECT_EQ(scan("<div class="), "none");
  EXPECT_EQ(scan(""), "none");
}

TEST(Prescan, LateScanSkipsRawText) {
  std::string page = "<script>document.write('<meta charset=gbk>')</script><meta charset=big5>";
  // The prescan proper does not know scripts; the late scan, standing in for the parser, does.
  EXPECT_EQ(scan(page), "GBK");
  const EncodingInfo* late = internal::late_meta_scan(page);
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->name, "Big5");
  EXPECT_EQ(
      internal::late_meta_scan("<TITLE>x <meta charset=gbk></Title><meta charset=koi8-r>")->name,
      "KOI8-R");
  EXPECT_EQ(internal::late_meta_scan("<style>a{} <meta charset=gbk>"), nullptr);
  EXPECT_EQ(internal::late_meta_scan("<scripts><meta charset=gbk>")->name, "GBK");
}

// The late scan first looks for the word "charset" (any case) and gives up without it: the
// word must be found at every alignment and in any case, in attribute names and content values.
TEST(Prescan, LateScanFindsCharsetInAnyCaseAtAnyOffset) {
  for (size_t pad = 0; pad < 20; ++pad) {
    std::string filler = "<div class=x>" + std::string(pad, 'c') + "</div>";
    for (std::string_view meta :
         {"<meta CharSet=gbk>", "<META CHARSET='gbk'>",
          "<meta http-equiv=Content-Type content='text/html; cHaRsEt=gbk'>"}) {
      std::string page = filler + std::string(meta);
      const EncodingInfo* e = internal::late_meta_scan(page);
      ASSERT_NE(e, nullptr) << page;
      EXPECT_EQ(e->name, "GBK") << page;
      EXPECT_EQ(internal::late_meta_scan(page.substr(0, page.size() - 3)), nullptr) << page;
    }
    EXPECT_EQ(internal::late_meta_scan(filler + "<meta charse=gbk><p>chars</p>"), nullptr);
  }
}

TEST(Prescan, ReportsTheOffset) {
  size_t offset = 0;
  ASSERT_NE(internal::prescan("<html><head><meta charset=utf-8>", &offset), nullptr);
  EXPECT_EQ(offset, 12u);
}

TEST(Prescan, LongAttributesStayBounded) {
  std::string page = "<meta name=\"" + std::string(100000, 'x') + "\" charset=gbk>";
  EXPECT_EQ(scan(page), "GBK");
}

TEST(ContentAttribute, Extraction) {
  EXPECT_EQ(content("text/html; charset=gbk"), "GBK");
  EXPECT_EQ(content("text/html;charset = \"big5\""), "Big5");
  EXPECT_EQ(content("text/html; CHARSET='euc-jp'"), "EUC-JP");
  EXPECT_EQ(content("text/html; charset=utf-8; foo"), "UTF-8");
  EXPECT_EQ(content("text/html; charset='utf-8"), "none");  // unmatched quote
  EXPECT_EQ(content("text/html; charset="), "none");
  EXPECT_EQ(content("charsetcharset=koi8-r"), "KOI8-R");
  EXPECT_EQ(content("text/html"), "none");
}

}  // namespace
}  // namespace klartext::decode
