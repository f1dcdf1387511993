// Tests for src/metadata/jsonld.h: repairing the JSON-LD real pages write, and reading
// schema.org fields from it.
#include "metadata/jsonld.h"

#include <gtest/gtest.h>

namespace klartext::metadata {
namespace {

TEST(JsonLdRepairTest, WrappersTrailingCommasControlCharacters) {
  auto v = repair_jsonld("<!--\n{\"a\": [1, 2,], \"b\": \"x\ny\",}\n-->");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0], "{\"a\": [1, 2], \"b\": \"x y\"}");
  v = repair_jsonld("//<![CDATA[\n{\"a\":1}\n//]]>");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0], "{\"a\":1}");
}

TEST(JsonLdRepairTest, SeveralValuesAndBadEscapes) {
  auto v = repair_jsonld("{\"a\":1};{\"b\":\"it\\'s\"} [{\"c\":\"}\"}]");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[1], "{\"b\":\"it's\"}");
  EXPECT_EQ(v[2], "[{\"c\":\"}\"}]");  // a brace inside a string does not close the value
}

// Long strings are passed over eight bytes a step and kept bytes are copied as ranges: every
// edit (a raw control character made a space, a bad escape's backslash dropped) and every
// stop (a valid escape, the closing quote) is found at each offset of those steps.
TEST(JsonLdRepairTest, EditsAtEveryOffsetOfLongStrings) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (size_t at = 0; at <= letters.size(); ++at) {
    std::string head = letters.substr(0, at), tail = letters.substr(at);
    auto one = [&](const std::string& mid) {
      auto v = repair_jsonld("{\"k\":\"" + head + mid + tail + "\",\n\"n\":12345678,}");
      return v.size() == 1 ? v[0] : std::string("<none>");
    };
    auto want = [&](const std::string& mid) {
      return "{\"k\":\"" + head + mid + tail + "\",\n\"n\":12345678}";
    };
    EXPECT_EQ(one(""), want("")) << at;
    EXPECT_EQ(one("\t"), want(" ")) << at;
    EXPECT_EQ(one("\x01\n"), want("  ")) << at;
    EXPECT_EQ(one("\\'"), want("'")) << at;
    EXPECT_EQ(one("\\\""), want("\\\"")) << at;
    EXPECT_EQ(one("\\u00e9\\n"), want("\\u00e9\\n")) << at;
    EXPECT_EQ(one("\xC3\xA9"), want("\xC3\xA9")) << at;  // UTF-8 is plain content
  }
}

TEST(JsonLdRepairTest, Limits) {
  std::string many;
  for (int i = 0; i < 100; ++i) many += "{}";
  EXPECT_EQ(repair_jsonld(many, 16).size(), 16u);
  EXPECT_TRUE(repair_jsonld("{\"a\":1}", 16, 3).empty());  // cut before the value closes
}

TEST(JsonLdReadTest, ArticleInGraphWithNestedAuthors) {
  JsonLdFields f;
  read_jsonld(R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"The Example Times"},
      {"@type":"WebPage","name":"Page name | The Example Times"},
      {"@type":["NewsArticle"],"headline":"Rivers &amp; Lakes Rise",
       "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"},
                 {"@type":"Organization","name":"Example Wire"}],
       "datePublished":"2026-11-29T08:00:00+01:00","dateModified":"2026-11-30",
       "publisher":{"@type":"Organization","name":"Example Media"},
       "image":[{"@type":"ImageObject","url":"https://img.example/a.jpg"}],
       "keywords":"rivers, floods","articleSection":["Science","Climate"],
       "inLanguage":"en-GB",}]})",
              f);
  EXPECT_TRUE(f.is_article);
  EXPECT_EQ(f.headline, "Rivers & Lakes Rise");
  EXPECT_EQ(f.page_name, "Page name | The Example Times");
  EXPECT_EQ(f.website_name, "The Example Times");
  ASSERT_EQ(f.authors.size(), 2u);
  EXPECT_EQ(f.authors[1], "John Roe");
  ASSERT_EQ(f.org_authors.size(), 1u);
  EXPECT_EQ(f.date_published, "2026-11-29T08:00:00+01:00");
  EXPECT_EQ(f.date_modified, "2026-11-30");
  EXPECT_EQ(f.publisher, "Example Media");
  EXPECT_EQ(f.image, "https://img.example/a.jpg");
  ASSERT_EQ(f.keywords.size(), 2u);
  EXPECT_EQ(f.keywords[1], "floods");
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(f.language, "en-GB");
}

// News stories and blog posts (NewsArticle, BlogPosting and subtypes named after them) are told
// apart from other article types, which SEO plugins give any page.
TEST(JsonLdReadTest, NewsOrBlogTypes) {
  for (const char* type : {"NewsArticle", "BlogPosting", "ReportageNewsArticle", "LiveBlogPosting",
                           "https://schema.org/NewsArticle"}) {
    JsonLdFields f;
    read_jsonld(std::string("{\"@type\":\"") + type + "\",\"headline\":\"H\"}", f);
    EXPECT_TRUE(f.is_article) << type;
    EXPECT_TRUE(f.is_news_or_blog) << type;
  }
  for (const char* type : {"Article", "TechArticle", "DiscussionForumPosting", "WebPage"}) {
    JsonLdFields f;
    read_jsonld(std::string("{\"@type\":\"") + type + "\",\"headline\":\"H\"}", f);
    EXPECT_FALSE(f.is_news_or_blog) << type;
  }
  // Several types on one object: any of them.
  JsonLdFields f;
  read_jsonld(R"({"@type":["Article","NewsArticle"],"headline":"H"})", f);
  EXPECT_TRUE(f.is_news_or_blog);
}

TEST(JsonLdReadTest, MainEntityAndStringAuthor) {
  JsonLdFields f;
  read_jsonld(R"({"@type":"WebPage","mainEntity":{"@type":"BlogPosting","headline":"H",
                 "author":"Ann Smith","datePublished":"2026-01-02"}})",
              f);
  EXPECT_EQ(f.headline, "H");
  ASSERT_EQ(f.authors.size(), 1u);
  EXPECT_EQ(f.authors[0], "Ann Smith");
  EXPECT_EQ(f.date_published, "2026-01-02");
}

TEST(JsonLdReadTest, FirstValueWinsAndInvalidIsSkipped) {
  JsonLdFields f;
  read_jsonld("{\"@type\":\"Article\",\"headline\":\"First\"", f);  // unterminated: skipped
  EXPECT_TRUE(f.headline.empty());
  read_jsonld(R"([{"@type":"Article","headline":"First"},{"@type":"Article","headline":"2nd"}])",
              f);
  EXPECT_EQ(f.headline, "First");
  read_jsonld(R"({"@type":"BreadcrumbList","name":"Home"})", f);
  EXPECT_TRUE(f.page_name.empty());
}

// A script that is one valid JSON value is parsed as it is; any that strict JSON rejects goes
// through the repair, so both read the same: raw control bytes in strings, a trailing comma,
// a bad escape, a second value after the first, and a wrapper.
TEST(JsonLdReadTest, ScriptsNeedingRepairReadAsRepaired) {
  struct Case {
    std::string text;
    std::string headline;
  } cases[] = {
      {" \n{\"@type\":\"Article\",\"headline\":\"Plain\"}\n", "Plain"},
      {"{\"@type\":\"Article\",\"headline\":\"Two\x01words\"}", "Two words"},
      {"{\"@type\":\"Article\",\"headline\":\"Tab\there\"}", "Tab here"},
      {"{\"@type\":\"Article\",\"headline\":\"Comma\",}", "Comma"},
      {"{\"@type\":\"Article\",\"headline\":\"It\\'s\"}", "It's"},
      {"[{\"@type\":\"WebSite\",\"name\":\"S\"}] {\"@type\":\"Article\",\"headline\":\"Second\"}",
       "Second"},
      {"<!--{\"@type\":\"Article\",\"headline\":\"Wrapped\"}-->", "Wrapped"},
      {"[1, {\"@type\":\"Article\",\"headline\":\"After a number\"}]", "After a number"},
  };
  for (const Case& c : cases) {
    JsonLdFields f;
    read_jsonld(c.text, f);
    EXPECT_EQ(f.headline, c.headline) << c.text;
  }
}

TEST(JsonLdReadTest, DeepNestingIsBounded) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "{\"@graph\":[";
  JsonLdFields f;
  read_jsonld(deep, f);  // unterminated and very deep: must neither crash nor recurse deeply
  EXPECT_TRUE(f.headline.empty());
  std::string ok;
  for (int i = 0; i < 500; ++i) ok += "[";
  ok += R"({"@type":"Article","headline":"Deep"})";
  for (int i = 0; i < 500; ++i) ok += "]";
  read_jsonld(ok, f);
  EXPECT_TRUE(f.headline.empty());  // beyond the depth we follow
}

// Regression: a Q&A or forum thread (QAPage > mainEntity Question) names its opening post's
// author and date only in the Question; FAQ Questions without an author add nothing.
TEST(JsonLdReadTest, AuthoredQuestionIsTheThreadPost) {
  JsonLdFields f;
  read_jsonld(R"({"@type":"QAPage","name":"Kettle will not boil","mainEntity":{
      "@type":"Question","name":"Kettle will not boil","datePublished":"2026-03-02T10:00:00Z",
      "author":{"@type":"Person","name":"teapot_fan"}}})",
              f);
  ASSERT_EQ(f.authors.size(), 1u);
  EXPECT_EQ(f.authors[0], "teapot_fan");
  EXPECT_EQ(f.date_published, "2026-03-02T10:00:00Z");
  EXPECT_EQ(f.headline, "Kettle will not boil");

  JsonLdFields faq;
  read_jsonld(R"({"@type":"FAQPage","mainEntity":[
      {"@type":"Question","name":"How long does delivery take?",
       "acceptedAnswer":{"@type":"Answer","text":"Two days."}}]})",
              faq);
  EXPECT_TRUE(faq.headline.empty());
  EXPECT_TRUE(faq.authors.empty());
}

// Regression: an embedded video's JSON-LD (read first) gives way to the article's.
TEST(JsonLdReadTest, ArticleReplacesEmbeddedVideo) {
  JsonLdFields f;
  read_jsonld(R"({"@type":"VideoObject","name":"Clip: storm footage",
      "uploadDate":"2026-02-01T01:00:00Z","author":{"@type":"Person","name":"Video Desk"}})",
              f);
  EXPECT_EQ(f.headline, "Clip: storm footage");  // alone, the video is what the page has
  read_jsonld(R"({"@type":"NewsArticle","headline":"Storm closes the harbour",
      "datePublished":"2026-01-31T22:00:00Z","author":{"@type":"Person","name":"Ines Moreau"}})",
              f);
  EXPECT_EQ(f.headline, "Storm closes the harbour");
  EXPECT_EQ(f.date_published, "2026-01-31T22:00:00Z");
  ASSERT_EQ(f.authors.size(), 1u);
  EXPECT_EQ(f.authors[0], "Ines Moreau");
  // A video after the article changes nothing.
  read_jsonld(R"({"@type":"VideoObject","name":"Another clip","uploadDate":"2026-02-03"})", f);
  EXPECT_EQ(f.headline, "Storm closes the harbour");
  EXPECT_EQ(f.date_published, "2026-01-31T22:00:00Z");
}

}  // namespace
}  // namespace klartext::metadata
