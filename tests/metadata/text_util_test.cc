// Tests for src/metadata/text_util.h: whitespace, case, entities, URLs.
#include "metadata/text_util.h"

#include <gtest/gtest.h>

namespace klartext::metadata {
namespace {

TEST(TextUtilTest, CollapseSpace) {
  EXPECT_EQ(collapse_space("  a \t\n b  "), "a b");
  EXPECT_EQ(collapse_space("a\xC2\xA0\xC2\xA0"
                           "b"),
            "a b");                                                // NBSP
  EXPECT_EQ(collapse_space("\xE3\x80\x80x\xE2\x80\x83y"), "x y");  // ideographic, em space
  EXPECT_EQ(collapse_space("a\x01\x02"
                           "b"),
            "ab");
  EXPECT_EQ(collapse_space(""), "");
  // Regression: soft hyphens vanish without splitting the word; a lone C2 byte is kept.
  EXPECT_EQ(collapse_space("Assis\xC2\xADtance \xC2\xAD Program\xC2\xAD"), "Assistance Program");
  EXPECT_EQ(collapse_space("a\xC2"), "a\xC2");
}

TEST(TextUtilTest, AppendCollapsedRespectsCapAndUtf8) {
  std::string out;
  bool pending = false;
  append_collapsed(out, "ab", pending, 10);
  append_collapsed(out, "  \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", pending, 7);
  EXPECT_EQ(out, "ab \xC3\xA9\xC3\xA9");  // 7 bytes max, never half a character
}

TEST(TextUtilTest, CaseHelpers) {
  EXPECT_TRUE(iequals("Og:Title", "og:title"));
  EXPECT_FALSE(iequals("og:title", "og:titl"));
  EXPECT_TRUE(icontains("The Daily Planet", "daily"));
  EXPECT_FALSE(icontains("abc", "abcd"));
  EXPECT_TRUE(istarts_with("By Jane", "by "));
  EXPECT_TRUE(iends_with("Dec 2 The Headline", "the headline"));
  EXPECT_FALSE(iends_with("line", "headline"));
  EXPECT_EQ(ascii_lower("ABC-é"), "abc-é");
}

TEST(TextUtilTest, DecodeEntities) {
  EXPECT_EQ(decode_entities("Tom &amp; Jerry"), "Tom & Jerry");
  EXPECT_EQ(decode_entities("It&#8217;s &#x41;&quot;"), "It\xE2\x80\x99s A\"");
  EXPECT_EQ(decode_entities("a & b; c"), "a & b; c");  // literal ampersand
  EXPECT_EQ(decode_entities("&unknown; &#xZZ;"), "&unknown; &#xZZ;");
  EXPECT_EQ(decode_entities("&#0;"), "\xEF\xBF\xBD");  // NUL becomes U+FFFD
}

TEST(TextUtilTest, Utf8Prefix) {
  EXPECT_EQ(utf8_prefix("h\xC3\xA9llo", 2), "h");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
}

TEST(TextUtilTest, UrlHost) {
  EXPECT_EQ(url_host("https://www.example.org:8080/a?b"), "www.example.org");
  EXPECT_EQ(url_host("http://user@host.net"), "host.net");
  EXPECT_EQ(url_host("/relative/path"), "");
  EXPECT_EQ(url_host("not a url"), "");
}

TEST(TextUtilTest, ResolveUrl) {
  std::string base = "https://news.example.com/a/b/page.html?q=1";
  EXPECT_EQ(resolve_url(base, "https://cdn.example.net/x.jpg"), "https://cdn.example.net/x.jpg");
  EXPECT_EQ(resolve_url(base, "//cdn.example.net/x.jpg"), "https://cdn.example.net/x.jpg");
  EXPECT_EQ(resolve_url(base, "/img/x.jpg"), "https://news.example.com/img/x.jpg");
  EXPECT_EQ(resolve_url(base, "x.jpg"), "https://news.example.com/a/b/x.jpg");
  EXPECT_EQ(resolve_url(base, "../x.jpg"), "https://news.example.com/a/x.jpg");
  EXPECT_EQ(resolve_url("https://example.com", "x.jpg"), "https://example.com/x.jpg");
  EXPECT_EQ(resolve_url("", "/x.jpg"), "/x.jpg");  // no base: unchanged
}

TEST(TextUtilTest, WordCount) {
  EXPECT_EQ(word_count(""), 0u);
  EXPECT_EQ(word_count("one"), 1u);
  EXPECT_EQ(word_count("one two three"), 3u);
}

// Each lead of kMisreadLeads, with windows-1252 and C1-control continuations; sequences that
// are not one valid character, other leads and clean text stay as they are.
TEST(TextUtilTest, RepairMojibake) {
  EXPECT_EQ(repair_mojibake("Investor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "Investor\xE2\x80\x99s");
  EXPECT_EQ(repair_mojibake("itertools \xC3\xA2\xC2\x80\xC2\x94 Functions"),
            "itertools \xE2\x80\x94 Functions");                                 // C1 controls
  EXPECT_EQ(repair_mojibake("NOMAD\xC3\x82\xC2\xAE"), "NOMAD\xC2\xAE");          // Â® -> ®
  EXPECT_EQ(repair_mojibake("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");              // Ã© -> é
  EXPECT_EQ(repair_mojibake("Jaro\xC3\x85\xC2\x84"), "Jaro\xC5\x84");            // Å\x84 -> ń
  EXPECT_EQ(repair_mojibake("NESTL\xC3\x89\xC2\xAE"), "NESTL\xC3\x89\xC2\xAE");  // É® kept
  EXPECT_EQ(repair_mojibake("S\xC3\xA3o Paulo"), "S\xC3\xA3o Paulo");            // ã then a letter
  EXPECT_EQ(repair_mojibake("\xC3\xA2 la carte"), "\xC3\xA2 la carte");          // â then a space
  EXPECT_EQ(repair_mojibake("\xC3\x82"
                            "A"),
            "\xC3\x82"
            "A");  // no continuation
  EXPECT_EQ(repair_mojibake("\xC3\xA2\xC2\x80\xE2\x86\x90"),
            "\xC3\xA2\xC2\x80\xE2\x86\x90");  // U+2190 stands for no byte
  EXPECT_EQ(repair_mojibake("end \xC3\xA2\xE2\x82\xAC"), "end \xC3\xA2\xE2\x82\xAC");  // cut short
  EXPECT_EQ(repair_mojibake("plain text"), "plain text");
  EXPECT_EQ(repair_mojibake("\xC3"), "\xC3");  // a lone byte survives
}

}  // namespace
}  // namespace klartext::metadata
