// Robustness of the whole pipeline on pathological input (klartext::extract and html::parse):
// no crash, no hang, caps respected, text kept where it should be. Inputs come from
// tests/robustness/pathological_inputs.h; their time and memory are in bench/pathological_bench.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "html/parser.h"
#include "klartext/klartext.h"
#include "pathological_inputs.h"
#include "support/tree_depth.h"
#include "warc/reader.h"
#include "warc/writer.h"

namespace klartext::robustness {
namespace {

using namespace std::string_literals;  // "...\0..."s keeps its NUL bytes

// Sanitizers make every byte cost ~10x and every allocation more; the sizes are divided by
// this under ASan so the suite stays within minutes. The shapes (nesting beyond every cap,
// 1,000,000 siblings scaled to 100,000, ...) still exceed every limit they are meant to hit.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr size_t kScale = 10;
#else
constexpr size_t kScale = 1;
#endif
#else
constexpr size_t kScale = 1;
#endif

constexpr size_t kMb50 = (size_t(50) << 20) / kScale;
constexpr size_t k100k = 100000 / kScale;
constexpr size_t k1m = 1000000 / kScale;

bool contains(std::string_view h, std::string_view n) { return h.find(n) != std::string::npos; }

// Whether s is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = s[i + k];
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n;
  }
  return true;
}

std::string strip(std::string s, std::string_view what) {
  for (size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
  return s;
}

// Every text field of a Document is valid UTF-8 (JSON output and Python depend on it).
void expect_valid_document(const Document& d) {
  for (const std::string* f :
       {&d.url, &d.title, &d.author, &d.date, &d.sitename, &d.description, &d.language,
        &d.canonical_url, &d.image, &d.text, &d.headline, &d.markdown, &d.encoding})
    EXPECT_TRUE(valid_utf8(*f)) << "invalid UTF-8 in a field: " << f->substr(0, 200);
  for (const auto& t : d.tags) EXPECT_TRUE(valid_utf8(t));
  EXPECT_TRUE(valid_utf8(to_json(d)));
}

// ExtractOptions::max_milliseconds sets the byte and node caps and the extraction's CPU-time
// budget; a slower build (sanitizers) or machine can run out of the CPU time and come back with
// less text (see TimeBudgetGivesAValidDocument), and the 50 MB inputs exceed the default caps
// by design (see BudgetByteCapCutsBigPagesAtATag). Assertions about which text is kept use an
// ample budget so they test behaviour, not the build's speed.
ExtractOptions ample_time(ExtractOptions o = {}) {
  o.max_milliseconds = 1e7;
  return o;
}

Document extract_ok(std::string_view bytes, const ExtractOptions& options = ample_time()) {
  auto r = extract(bytes, options);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  if (!r.ok()) return {};
  expect_valid_document(*r);
  return std::move(r.value());
}

using klartext::testing::tree_depth;

TEST(RobustnessTest, EmptyAndSingleBytes) {
  Document d = extract_ok("");
  EXPECT_EQ(d.text, "");
  for (int b = 0; b < 256; ++b) extract_ok(std::string(1, char(b)));
  auto doc = html::parse("");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE((*doc)->body(), nullptr);  // html, head and body exist even for nothing
}

TEST(RobustnessTest, RandomBinaryGarbage) {
  for (uint64_t seed = 1; seed <= 16; ++seed) extract_ok(random_bytes(4096 * seed, seed));
  extract_ok(random_bytes((size_t(1) << 20) / kScale, 99));
  // Garbage after a real article: the article survives.
  std::string mixed =
      page("<article><p>" + prose_sentence(1) + "</p><p>" + prose_sentence(2) + "</p></article>") +
      random_bytes(20000, 7);
  Document d = extract_ok(mixed);
  EXPECT_TRUE(contains(d.text, prose_sentence(1))) << d.text.substr(0, 300);
}

TEST(RobustnessTest, FiftyMegabytesOfParagraphs) {
  std::string html = many_paragraphs_page(kMb50);
  Document d = extract_ok(html);
  EXPECT_TRUE(contains(d.text, prose_sentence(0))) << d.text.substr(0, 300);
  // Every paragraph is kept: the last one generated is in the text.
  std::string last = html.substr(html.rfind("<p>") + 3);
  last = last.substr(0, last.find("</p>"));
  EXPECT_TRUE(contains(d.text, last)) << last;
  EXPECT_EQ(d.title, "T");
}

// With no time at all, extraction still returns a valid document (what it found before the
// budget ran out, possibly nothing): the documented truncation, never an error or a hang. The
// byte and node caps never go below one millisecond's worth (64 KiB, 1000 nodes), so the <head>
// is read and the metadata found.
TEST(RobustnessTest, TimeBudgetGivesAValidDocument) {
  std::string html = many_paragraphs_page(kMb50 / 10);
  ExtractOptions opt;
  opt.max_milliseconds = 1e-6;
  Document d = extract_ok(html, opt);
  EXPECT_TRUE(d.text.empty() || d.text.starts_with("A very long article")) << d.text.substr(0, 200);
  EXPECT_EQ(d.title, "T");
  EXPECT_TRUE(d.truncated);
  EXPECT_TRUE(contains(d.truncation, "input cut at byte")) << d.truncation;
}

// Odd budgets are not undefined behaviour: NaN, negative and zero take the caps' floor (and no
// extraction time), infinity takes no caps.
TEST(RobustnessTest, OddBudgetsGiveValidDocuments) {
  std::string html = many_paragraphs_page(200000);
  for (double ms : {std::nan(""), -5.0, 0.0}) {
    ExtractOptions opt;
    opt.max_milliseconds = ms;
    Document d = extract_ok(html, opt);
    EXPECT_TRUE(d.truncated) << ms;
    EXPECT_TRUE(contains(d.truncation, "input cut at byte 65")) << d.truncation;
    EXPECT_EQ(d.title, "T");
  }
  ExtractOptions inf;
  inf.max_milliseconds = std::numeric_limits<double>::infinity();
  Document d = extract_ok(html, inf);
  EXPECT_FALSE(d.truncated) << d.truncation;
  EXPECT_TRUE(contains(d.text, prose_sentence(0)));
}

// The budget's byte cap (max_milliseconds x 64 KiB) cuts a 50 MB page at a tag boundary: the
// result is the page up to the cut, whole paragraphs only, reported in the Document and its
// JSON rather than as an error. The same bytes give the same cut every time.
TEST(RobustnessTest, BudgetByteCapCutsBigPagesAtATag) {
  std::string html = many_paragraphs_page(kMb50);
  ExtractOptions opt;
  opt.max_milliseconds = 20;  // 1.25 MiB: small enough for ASan, far below the page
  Document d = extract_ok(html, opt);
  ASSERT_TRUE(d.truncated);
  EXPECT_TRUE(contains(d.truncation, "input cut at byte")) << d.truncation;
  EXPECT_TRUE(contains(d.truncation, "of " + std::to_string(html.size()))) << d.truncation;
  EXPECT_TRUE(contains(d.truncation, "max_milliseconds 20 reads at most 1310720 bytes"))
      << d.truncation;
  EXPECT_EQ(d.title, "T");
  EXPECT_TRUE(contains(d.text, prose_sentence(0))) << d.text.substr(0, 300);
  // The cut came before a tag: the text ends with a whole paragraph, and no paragraph from
  // beyond 1.25 MiB (~170 bytes each) is there.
  EXPECT_TRUE(d.text.ends_with("who walked it first.")) << d.text.substr(d.text.size() - 200);
  EXPECT_FALSE(contains(d.text, prose_sentence(1310720 / 150)));
  std::string json = to_json(d);
  EXPECT_TRUE(contains(json, "\"truncated\":true")) << json.substr(json.size() - 300);
  EXPECT_TRUE(contains(json, "\"truncation\":\"input cut at byte")) << json.substr(0, 100);

  // A page under the caps is read whole and not flagged (JSON without the fields).
  Document small = extract_ok(many_paragraphs_page(kMb50 / 100), ample_time());
  EXPECT_FALSE(small.truncated);
  EXPECT_EQ(small.truncation, "");
  EXPECT_FALSE(contains(to_json(small), "truncat"));
}

// Decoding can grow a page (windows-1251 Cyrillic: one byte becomes two), so the decoded text
// has the same cap as the input: a page under the input cap whose UTF-8 is over it is cut
// again, at a tag, and says so.
TEST(RobustnessTest, BudgetByteCapHoldsForTheDecodedText) {
  const auto& ru = legacy_samples()[3];  // windows-1251
  std::string body = "<article>";
  for (int i = 0; body.size() < 1000000; ++i)
    body += "<p>" + std::to_string(i) + " " + std::string(ru.text) + "</p>";
  body += "</article>";
  std::string html =
      iconv_from_utf8(page(body, "<meta charset=\"windows-1251\"><title>T</title>"), "CP1251");
  ASSERT_LT(html.size(), size_t(655360));  // under the input cap of 10 ms (640 KiB)
  ExtractOptions opt;
  opt.max_milliseconds = 10;
  Document d = extract_ok(html, opt);
  EXPECT_EQ(d.encoding, "windows-1251");
  ASSERT_TRUE(d.truncated);
  EXPECT_FALSE(contains(d.truncation, "input cut")) << d.truncation;
  EXPECT_TRUE(contains(d.truncation, "decoded text cut at byte")) << d.truncation;
  EXPECT_TRUE(contains(d.text, std::string("0 ") + ru.text)) << d.text.substr(0, 200);
  std::string_view text = ru.text;
  EXPECT_TRUE(d.text.ends_with(text.substr(text.size() - 40))) << d.text.substr(d.text.size() - 80);
  EXPECT_LE(d.text.size(), size_t(655360));
}

// The node cap (max_milliseconds x 1000) stops the parser; what was built is extracted and the
// Document says where it stopped.
TEST(RobustnessTest, BudgetNodeCapStopsTheParseAndSaysSo) {
  std::string html = siblings_page(k1m);
  ExtractOptions opt;
  opt.max_milliseconds = 10;  // 10,000 nodes, 640 KiB
  Document d = extract_ok(html, opt);
  ASSERT_TRUE(d.truncated);
  EXPECT_TRUE(contains(d.truncation, "parse stopped at")) << d.truncation;
  EXPECT_TRUE(contains(d.truncation, "builds at most 10000 nodes")) << d.truncation;
  EXPECT_EQ(d.title, "T");
  // Half the nodes are spans, half their texts: about 5,000 's' survive, far from a million.
  EXPECT_LT(d.text.size(), size_t(10000));
}

TEST(RobustnessTest, FiftyMegabyteTextNode) {
  std::string html = giant_text_node_page(kMb50);
  Document d = extract_ok(html);
  EXPECT_TRUE(d.text.starts_with("Giant-start alpha beta")) << d.text.substr(0, 100);
  EXPECT_TRUE(d.text.ends_with("giant-end")) << d.text.substr(d.text.size() - 100);
  EXPECT_GE(d.text.size(), kMb50);
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(info.truncated);
}

TEST(RobustnessTest, DeeplyNestedDivs) {
  std::string html = nested_page("<div>", k100k, "<p>" + prose_sentence(7) + "</p>");
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.depth_capped);
  EXPECT_FALSE(info.truncated);
  EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2);
  Document d = extract_ok(html);
  EXPECT_TRUE(contains(d.text, prose_sentence(7))) << d.text.substr(0, 300);
}

// Formatting elements nested k100k deep: <b> (reconstructed and Noah's-Ark-limited), <a>
// (each new <a> runs the adoption agency on the previous one), and <table> (each new one
// closes the last). The paragraph after an <a> run is placed after its end tag: text inside a
// link is rightly treated as navigation by the extractor.
TEST(RobustnessTest, DeeplyNestedFormattingAndTables) {
  for (std::string_view open : {"<b>", "<a href=x>", "<table>", "<i><u>", "<font size=3>"}) {
    std::string inner = open.starts_with("<a") ? "</a>" : "";
    std::string html = nested_page(open, k100k, inner + "<p>" + prose_sentence(8) + "</p>");
    html::ParseInfo info;
    auto doc = html::parse(html, {}, &info);
    ASSERT_TRUE(doc.ok()) << open;
    EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2) << open;
    Document d = extract_ok(html);
    EXPECT_TRUE(contains(d.text, "river valley cycle path")) << open << ": " << d.text;
  }
}

TEST(RobustnessTest, AdoptionAgencyStress) {
  std::string html = misnested_formatting_page(k100k / 10);
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2);
  EXPECT_LE((*doc)->node_count(), html::ParseOptions().max_nodes + 16);
  Document d = extract_ok(html);
  // The first few hundred texts sit in the nested part above the depth cap, outside the block
  // the extractor chooses; the flattened rest and what follows the misnesting are kept.
  EXPECT_TRUE(contains(d.text, "misnested text " + std::to_string(k100k / 10 - 1)));
  EXPECT_TRUE(contains(d.text, "after the misnesting"));
}

// Regression: formatting elements with distinct attributes followed by many paragraphs,
// distinct_formatting_page(512, 20000) (0.5 MB: "<p>" + 512 x "<b id=bN>" + 20,000 x
// "</p><p>reconstructed N"), made "reconstruct the active formatting elements" clone all 512
// per paragraph: a 544 MB DOM and 1.2 GB RSS from half a megabyte. The tree builder now bounds
// reconstruction clones by the input size; every paragraph's text must still be there.
TEST(RobustnessTest, FormattingReconstructionIsBoundedByInputSize) {
  std::string html = distinct_formatting_page(512, 20000 / kScale);
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(info.truncated);
  EXPECT_LE((*doc)->memory_bytes(), 64 * html.size() + (1 << 20));
  // Every paragraph's text is in the tree (document order walk, no recursion).
  std::string text;
  for (const dom::Node* n = (*doc)->root(); n;) {
    if (n->is_text()) text.append(n->data);
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n && !n->next_sibling) n = n->parent;
    if (n) n = n->next_sibling;
  }
  EXPECT_TRUE(contains(text, "reconstructed 0"));
  EXPECT_TRUE(contains(text, "reconstructed " + std::to_string(20000 / kScale - 1)));
  extract_ok(html);
}

TEST(RobustnessTest, FosterParentingStress) {
  std::string html = foster_parenting_page(k100k);
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2);
  extract_ok(html);
}

TEST(RobustnessTest, DeeplyNestedTablesAndLists) {
  std::string tables = nested_tables_page(k100k);
  html::ParseInfo info;
  auto doc = html::parse(tables, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.depth_capped);
  EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2);
  Document d = extract_ok(tables);
  EXPECT_TRUE(contains(d.text, "innermost cell")) << d.text.substr(0, 300);

  std::string lists = nested_lists_page(k100k);
  doc = html::parse(lists, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.depth_capped);
  EXPECT_LE(tree_depth((*doc)->root()), size_t(html::ParseOptions().max_depth) + 2);
  d = extract_ok(lists);
  EXPECT_TRUE(contains(d.text, "innermost item")) << d.text.substr(d.text.size() - 300);
}

TEST(RobustnessTest, MillionSiblings) {
  std::string html = siblings_page(k1m);
  html::ParseInfo info;
  auto doc = html::parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(info.truncated);  // 2 nodes per sibling: below the 4 Mi node cap
  EXPECT_GE((*doc)->node_count(), 2 * k1m);
  Document d = extract_ok(html);
  // Either the million one-letter spans (one long run of text) or the paragraph after them is
  // the main content; what counts here is that the text is there, whole.
  EXPECT_TRUE(contains(d.text, repeat("s", k1m)) || contains(d.text, "after the siblings"))
      << d.text.substr(0, 300);

  // With a small node cap the parse stops, says so, and keeps what it built.
  html::ParseOptions small;
  small.max_nodes = 10000;
  doc = html::parse(html, small, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.truncated);
  EXPECT_LE((*doc)->node_count(), small.max_nodes);
  EXPECT_NE((*doc)->body(), nullptr);
}

TEST(RobustnessTest, HundredThousandAttributes) {
  std::string html = many_attributes_page(k100k);
  auto doc = html::parse(html);
  ASSERT_TRUE(doc.ok());
  // <p><div ...>: the div start tag closes the paragraph, so the div is the body's 2nd child.
  const dom::Node* div = (*doc)->body()->first_child->next_sibling;
  ASSERT_NE(div, nullptr);
  ASSERT_TRUE(div->is_html(dom::Tag::kDiv));
  EXPECT_EQ(div->attr_count, k100k);  // the two duplicates were dropped, first one wins
  EXPECT_EQ(div->attr("data-a0"), "v");
  EXPECT_EQ(div->attr("data-a" + std::to_string(k100k - 1)), "v");
  Document d = extract_ok(html);
  EXPECT_TRUE(contains(d.text, "text inside the attribute monster")) << d.text;
}

TEST(RobustnessTest, TenMegabyteAttributeValues) {
  const size_t n = (size_t(10) << 20) / kScale;
  std::string html = huge_attribute_page(n);
  auto doc = html::parse(html);
  ASSERT_TRUE(doc.ok());
  ExtractOptions opt;
  opt.with_markdown = true;
  opt.include_links = true;
  opt.include_images = true;
  Document d = extract_ok(html, ample_time(opt));
  EXPECT_TRUE(contains(d.text, "Before the huge link linked words")) << d.text;
  EXPECT_TRUE(contains(d.text, "and after it.")) << d.text;
  EXPECT_EQ(d.title, "Huge attributes");
}

TEST(RobustnessTest, UnclosedCommentScriptCdataRawtext) {
  const size_t n = kMb50 / 10;
  struct Case {
    std::string html;
    std::string expect;  // text the extraction must keep ("" for none)
  } cases[] = {
      {"<p>" + prose_sentence(1) + "</p><!--" + repeat("x", n), prose_sentence(1)},
      {"<p>" + prose_sentence(2) + "</p><script>" + repeat("x<", n / 2), prose_sentence(2)},
      {"<p>" + prose_sentence(3) + "</p><svg><![CDATA[" + repeat("x]", n / 2), prose_sentence(3)},
      {"<p>" + prose_sentence(4) + "</p><style>" + repeat("a{}", n / 3), prose_sentence(4)},
      {"<p>" + prose_sentence(5) + "</p><textarea>" + repeat("<p>", n / 3), prose_sentence(5)},
      {"<title>" + repeat("t&amp;", n / 5), ""},
      {"<p>" + prose_sentence(6) + "</p><plaintext>" + repeat("<b>", n / 3), prose_sentence(6)},
      {"<p>" + prose_sentence(6) + "</p><![CDATA[" + repeat("y", n), prose_sentence(6)},
      {"<p>" + prose_sentence(6) + "</p><!DOCTYPE " + repeat("z", n), prose_sentence(6)},
      {"<p>" + prose_sentence(6) + "</p><div " + repeat("a=\"", n / 3), prose_sentence(6)},
      {"<p>" + prose_sentence(6) + "</p>&#" + repeat("9", n), prose_sentence(6)},
  };
  for (const auto& c : cases) {
    auto doc = html::parse(c.html);
    ASSERT_TRUE(doc.ok());
    Document d = extract_ok(c.html);
    if (!c.expect.empty()) {
      EXPECT_TRUE(contains(d.text, c.expect)) << c.html.substr(0, 80) << ": " << d.text;
    }
  }
}

TEST(RobustnessTest, FramesetPage) {
  Document d = extract_ok(frameset_page());
  EXPECT_EQ(d.title, "Frames");
  auto doc = html::parse(frameset_page());
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)->body(), nullptr);  // a frameset document has no body
}

TEST(RobustnessTest, NoscriptAndTemplateOnly) {
  Document d = extract_ok(noscript_template_page());
  // Scripting is off, so <noscript> content is ordinary markup; template content is inert.
  EXPECT_TRUE(contains(d.text, "Please enable JavaScript")) << d.text;
  EXPECT_FALSE(contains(d.text, "Template content")) << d.text;
}

TEST(RobustnessTest, Utf16WithAndWithoutBom) {
  for (bool le : {true, false}) {
    Document d = extract_ok(utf16_page(le, true));
    EXPECT_TRUE(d.encoding.starts_with("UTF-16")) << d.encoding;
    EXPECT_TRUE(contains(d.text, "Grüße aus Köln, 日本語 und Русский")) << d.text;
  }
  // Without a BOM nothing says UTF-16: any text is acceptable, but no crash and valid UTF-8.
  extract_ok(utf16_page(true, false));
  extract_ok(utf16_page(false, false));
  // Odd byte counts and a lone surrogate after the BOM.
  extract_ok(std::string("\xff\xfe<\0p\0>\0\x00\xd8", 10));
  extract_ok(std::string("\xfe\xff\0<\0p\0>\xdc\x00\0", 11));
}

TEST(RobustnessTest, InvalidUtf8Everywhere) {
  std::string html = invalid_utf8_page(200);
  Document d = extract_ok(html);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_TRUE(contains(d.text, "\xef\xbf\xbd"));  // U+FFFD stands for the bad bytes
  // Every malformed sequence became U+FFFD and no good byte was swallowed with it.
  std::string clean = strip(d.text, "\xef\xbf\xbd");
  EXPECT_TRUE(contains(clean, prose_sentence(0))) << clean.substr(0, 300);
  EXPECT_TRUE(contains(clean, prose_sentence(199))) << clean.substr(clean.size() - 300);
  EXPECT_TRUE(strip(d.title, "\xef\xbf\xbd").starts_with("Gre")) << d.title;
}

TEST(RobustnessTest, NulBytes) {
  std::string s = prose_sentence(3);
  std::string with_nuls;
  for (size_t i = 0; i < s.size(); ++i) {
    with_nuls += s[i];
    if (i % 9 == 4) with_nuls += '\0';
  }
  std::string html = page("<article><p>"s + with_nuls + "</p><p\0 a\0=\"\0\">x</p>"s +
                              "<!--\0--><script>\0</script><p>"s + prose_sentence(4) + "</p>" +
                              "<\0>\0</\0>"s + "</article>",
                          "<title>T\0T</title>"s);
  Document d = extract_ok(html);
  // NUL in body text is dropped by the tree builder (a parse error), the words stay.
  EXPECT_TRUE(contains(d.text, prose_sentence(3))) << d.text;
  EXPECT_TRUE(contains(d.text, prose_sentence(4))) << d.text;
  EXPECT_EQ(d.title, "T\xef\xbf\xbdT");  // in RCDATA it becomes U+FFFD
  extract_ok(page(repeat("<p>a\0b</p><\0>"s, k100k / 10)));
}

TEST(RobustnessTest, WrongMetaCharset) {
  Document d = extract_ok(wrong_meta_page());
  EXPECT_EQ(d.encoding, "windows-1251");
  EXPECT_TRUE(contains(d.text, "Москва — столица России")) << d.text;
  // A meta label saying UTF-16 is read as UTF-8 (HTML's prescan rule).
  d = extract_ok(page("<p>" + prose_sentence(1) + " Köln</p>", "<meta charset=utf-16>"));
  EXPECT_TRUE(contains(d.text, "Köln")) << d.text;
}

TEST(RobustnessTest, LegacyEncodingsLabelledAndNot) {
  for (const auto& s : legacy_samples()) {
    for (bool labelled : {true, false}) {
      std::string bytes = legacy_page(s, labelled ? s.encoding : "");
      ASSERT_FALSE(bytes.empty()) << s.encoding;
      Document d = extract_ok(bytes);
      // gb18030 is GBK's superset (same bytes, same text): a detector may name either.
      if (std::string_view(s.encoding) == "GBK" && !labelled) {
        EXPECT_TRUE(d.encoding == "GBK" || d.encoding == "gb18030") << d.encoding;
      } else {
        EXPECT_EQ(d.encoding, s.encoding) << (labelled ? "labelled " : "unlabelled ");
      }
      std::string_view text = s.text;
      EXPECT_TRUE(contains(d.text, text.substr(0, text.find_first_of(".。，,")))) << d.text;
    }
  }
}

TEST(RobustnessTest, InputOverTheCapIsALimitError) {
  ExtractOptions opt;
  opt.max_input_bytes = 1000;
  std::string html = page("<p>" + repeat("a", 2000) + "</p>");
  auto r = extract(html, opt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(contains(r.status().message(), "max_input_bytes")) << r.status().message();
  EXPECT_TRUE(extract(html.substr(0, 1000), opt).ok());

  // The default cap: 64 MiB and one byte is refused before any work is done.
  std::string big(ExtractOptions().max_input_bytes + 1, ' ');
  r = extract(big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);

  html::ParseOptions popt;
  popt.max_input_bytes = 100;
  auto p = html::parse(std::string(101, 'x'), popt);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kLimitExceeded);
}

// End to end over an archive: good pages around a pathological page, binary garbage labelled
// text/html, a broken gzip member and a corrupt content coding. The good pages are all kept and
// each bad spot is either extracted sensibly or reported, and the loop ends.
TEST(RobustnessTest, ArchiveWithBadRecordsKeepsTheGoodOnes) {
  std::string warc;
  auto writer = warc::Writer::to_string(&warc);
  ASSERT_TRUE(writer.ok());
  auto response = [&](std::string_view uri, std::string_view extra_head, std::string_view body) {
    std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + std::string(extra_head) +
                        "\r\n" + std::string(body);
    auto r = (*writer)->write("response", {{"WARC-Target-URI", uri}}, block);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
  };
  auto article = [](size_t i) {
    return page("<article><p>" + prose_sentence(i) + "</p><p>" + prose_sentence(i + 1) +
                "</p></article>");
  };
  response("https://e.org/good1", "", article(100));
  // The deep page carries a real paragraph, so the check below is about the depth, not about
  // how little text a page may have.
  response("https://e.org/deep", "",
           nested_page("<div>", k100k, "<p>" + prose_sentence(50) + "</p>"));
  response("https://e.org/garbage", "", random_bytes(50000, 3));
  warc += random_bytes(3000, 4);  // not a gzip member: the reader must resync
  warc += std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03broken member", 23);
  response("https://e.org/bad-coding", "Content-Encoding: gzip\r\n", "not gzip at all");
  response("https://e.org/table", "", nested_tables_page(k100k / 10));
  response("https://e.org/good2", "", article(200));
  ASSERT_TRUE((*writer)->close().ok());

  auto reader = warc::Reader::from_buffer(warc);
  ASSERT_TRUE(reader.ok());
  warc::Record rec;
  std::vector<std::string> uris;
  std::string texts;
  size_t errors = 0;
  for (size_t guard = 0; guard < 1000; ++guard) {
    auto r = (*reader)->next(rec);
    if (!r.ok()) {
      ++errors;
      EXPECT_TRUE(contains(r.status().message(), "offset")) << r.status().to_string();
      continue;
    }
    if (!*r) break;
    if (rec.type() != warc::RecordType::kResponse) continue;
    uris.emplace_back(rec.target_uri());
    auto payload = rec.payload();
    if (!payload.ok()) {
      ++errors;
      continue;
    }
    auto doc = extract(*payload, ample_time());
    ASSERT_TRUE(doc.ok()) << uris.back() << ": " << doc.status().to_string();
    expect_valid_document(*doc);
    texts += doc->text + "\n";
  }
  EXPECT_GE(errors, size_t(1));  // the garbage between members is reported
  EXPECT_TRUE(contains(texts, prose_sentence(100)));
  EXPECT_TRUE(contains(texts, prose_sentence(201)));
  EXPECT_TRUE(contains(texts, prose_sentence(50)));
  ASSERT_FALSE(uris.empty());
  EXPECT_EQ(uris.front(), "https://e.org/good1");
  EXPECT_EQ(uris.back(), "https://e.org/good2");
}

}  // namespace
}  // namespace klartext::robustness
