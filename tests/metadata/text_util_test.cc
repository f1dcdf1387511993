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

}  // namespace
}  // namespace klartext::metadata
