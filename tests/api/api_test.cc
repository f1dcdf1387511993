// Tests for include/klartext/klartext.h: the whole pipeline from bytes, and the JSON form.
#include "klartext/klartext.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace klartext {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool contains(const std::string& h, const std::string& n) { return h.find(n) != std::string::npos; }

TEST(ApiTest, PressReleaseWithMetadata) {
  auto doc = extract(read(std::string(KLARTEXT_SOURCE_DIR) + "/examples/press-release.html"));
  ASSERT_TRUE(doc.ok()) << doc.status().to_string();
  EXPECT_EQ(doc->title, "New cycle paths for the river valley");
  EXPECT_EQ(doc->headline, "New cycle paths for the river valley");
  EXPECT_EQ(doc->author, "Clara Brenner");
  EXPECT_EQ(doc->date.substr(0, 10), "2026-11-24");
  EXPECT_EQ(doc->language, "en");
  EXPECT_EQ(doc->canonical_url,
            "https://transport.example.gov/press/2026/cycle-paths-river-valley");
  EXPECT_EQ(doc->encoding, "UTF-8");
  EXPECT_TRUE(contains(doc->text, "The state will invest 14 million euros"));
  EXPECT_FALSE(contains(doc->text, "cookies"));
  EXPECT_TRUE(doc->markdown.empty());
}

TEST(ApiTest, DecodesLegacyEncodings) {
  std::string latin1 =
      "<html><head><meta charset=\"iso-8859-1\"><title>T</title></head><body><p>Gr\xfc\xdf"
      "e aus K\xf6ln, wo die Stra\xdf"
      "enbahn f\xe4hrt und viele Menschen unterwegs sind.</p></body></html>";
  auto doc = extract(latin1);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(contains(doc->text, "Grüße aus Köln")) << doc->text;
  EXPECT_EQ(doc->encoding, "windows-1252");
  ExtractOptions o;
  o.charset = "iso-8859-2";  // the transport label wins over <meta>
  auto forced = extract(latin1, o);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced->encoding, "ISO-8859-2");
}

TEST(ApiTest, MarkdownOnRequest) {
  ExtractOptions o;
  o.with_markdown = true;
  o.include_links = true;
  auto doc = extract(
      "<body><h2>Part</h2><p>Read <a href=\"https://example.org/a\">the report</a> which has "
      "plenty of details on the topic at hand.</p></body>",
      o);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(contains(doc->markdown, "## Part")) << doc->markdown;
  EXPECT_TRUE(contains(doc->markdown, "[the report](https://example.org/a)")) << doc->markdown;
}

TEST(ApiTest, InputCap) {
  ExtractOptions o;
  o.max_input_bytes = 10;
  auto doc = extract("<p>more than ten bytes</p>", o);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kLimitExceeded);
}

TEST(ApiTest, UrlFallsBackToCanonical) {
  ExtractOptions o;
  o.url = "https://example.org/given";
  auto doc = extract("<link rel=canonical href=\"https://example.org/c\"><p>x</p>", o);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->url, "https://example.org/given");
  auto doc2 = extract("<link rel=canonical href=\"https://example.org/c\"><p>x</p>");
  ASSERT_TRUE(doc2.ok());
  EXPECT_EQ(doc2->url, "https://example.org/c");
}

TEST(ApiTest, JsonHasEveryField) {
  Document d;
  d.title = "T \"q\"";
  d.text = "line1\nline2";
  d.tags = {"a", "b"};
  d.markdown = "# md";
  std::string j = to_json(d, "page.html", true);
  EXPECT_EQ(j.front(), '{');
  EXPECT_EQ(j.back(), '}');
  EXPECT_EQ(j.find('\n'), std::string::npos);
  for (const char* key :
       {"\"source\":\"page.html\"", "\"url\":", "\"title\":\"T \\\"q\\\"\"",
        "\"author\":", "\"date\":", "\"sitename\":", "\"description\":", "\"language\":",
        "\"canonical_url\":", "\"image\":", "\"tags\":[\"a\",\"b\"]", "\"categories\":[]",
        "\"text\":\"line1\\nline2\"", "\"markdown\":\"# md\""})
    EXPECT_TRUE(contains(j, key)) << key << " in " << j;
  EXPECT_FALSE(contains(to_json(d), "\"source\""));
  EXPECT_FALSE(contains(to_json(d), "\"markdown\""));
}

}  // namespace
}  // namespace klartext
