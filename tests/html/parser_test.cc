// Tests for src/html/parser.h: ordinary pages, text handling, foreign attributes, templates,
// fragments, and the resource limits (depth flattening, node cap, input cap).
#include "html/parser.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>

#include "dom/serialize.h"
#include "support/tree_depth.h"

namespace klartext::html {
namespace {

using dom::Node;

using klartext::testing::tree_depth;

// Deepest element nesting, not counting template-content fragment nodes.
size_t element_depth(const Node* root) {
  size_t best = 0;
  const Node* n = root->first_child;
  while (n) {
    size_t d = 0;
    for (const Node* a = n; a && a != root; a = a->parent)
      if (a->kind != dom::NodeKind::kFragment) ++d;
    best = std::max(best, d);
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != root && !n->next_sibling) n = n->parent;
    if (n == root) break;
    n = n->next_sibling;
  }
  return best;
}

size_t count_elements(const Node* root, dom::Tag tag) {
  size_t count = 0;
  const Node* n = root->first_child;
  while (n) {
    if (n->is_html(tag)) ++count;
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != root && !n->next_sibling) n = n->parent;
    if (n == root) break;
    n = n->next_sibling;
  }
  return count;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(ParserTest, SimplePage) {
  auto doc = parse("<!doctype html><title>T</title><p>Hello <b>world</b>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_tree(**doc),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n"
            "|   <body>\n|     <p>\n|       \"Hello \"\n|       <b>\n|         \"world\"\n");
  EXPECT_NE((*doc)->body(), nullptr);
  EXPECT_EQ((*doc)->quirks_mode, dom::QuirksMode::kNoQuirks);
}

TEST(ParserTest, BorrowedInputParsesLikeOwnedInput) {
  // An exact-size heap buffer without a terminating NUL: under ASan a read past the end of the
  // borrowed input fails the test.
  const std::string page = "<!doctype html><title>T</title><p class=a>Hello &amp; <b>world";
  auto bytes = std::make_unique<char[]>(page.size());
  std::memcpy(bytes.get(), page.data(), page.size());
  std::string_view view(bytes.get(), page.size());
  auto borrowed = parse_borrowed(view);
  auto owned = parse(page);
  ASSERT_TRUE(borrowed.ok());
  ASSERT_TRUE(owned.ok());
  EXPECT_EQ(dom::dump_tree(**borrowed), dom::dump_tree(**owned));
  // Text nodes point into the borrowed bytes: nothing was copied.
  const dom::Node* title_text = (*borrowed)->head()->first_child->first_child;
  ASSERT_NE(title_text, nullptr);
  EXPECT_EQ(title_text->data.data(), bytes.get() + page.find("T</title>"));
  // Every prefix (cut inside tags, references and comments) reads in bounds.
  for (size_t n = 0; n <= page.size(); ++n) {
    auto cut = std::make_unique<char[]>(n);
    std::memcpy(cut.get(), page.data(), n);
    EXPECT_TRUE(parse_borrowed(std::string_view(cut.get(), n)).ok());
  }
}

TEST(ParserTest, QuirksFromMissingDoctype) {
  auto doc = parse("<p>x");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)->quirks_mode, dom::QuirksMode::kQuirks);
}

// Regression: the SVG attribute-name shortcut let "definitionurl" on an SVG element fall
// through to MathML's definitionURL adjustment; only MathML elements get it.
TEST(ParserTest, DefinitionUrlIsAdjustedOnMathOnly) {
  auto svg = parse("<svg definitionurl viewbox=\"0 0 1 1\"></svg>");
  ASSERT_TRUE(svg.ok());
  std::string svg_tree = dom::dump_tree(**svg);
  EXPECT_NE(svg_tree.find("definitionurl=\"\""), std::string::npos) << svg_tree;
  EXPECT_NE(svg_tree.find("viewBox="), std::string::npos) << svg_tree;
  auto math = parse("<math definitionurl></math>");
  ASSERT_TRUE(math.ok());
  std::string math_tree = dom::dump_tree(**math);
  EXPECT_NE(math_tree.find("definitionURL=\"\""), std::string::npos) << math_tree;
}

// Regression: a tag manager's '<noscript><iframe ... /></noscript>' near the top of a page
// ('/>' does not close an iframe) made the whole rest of the page the iframe's text. With
// scripting off an unclosed text element inside <noscript> now ends at '</noscript>'.
TEST(ParserTest, UnclosedIframeInNoscriptEndsAtNoscript) {
  auto doc = parse(
      "<!doctype html><body><noscript><iframe src=\"t.html\" height=0 /></noscript>"
      "<main><h1>Heading</h1><p>Body text.</p></main>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_tree(**doc),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|   <body>\n|     <noscript>\n"
            "|       <iframe>\n|         height=\"0\"\n|         src=\"t.html\"\n"
            "|     <main>\n|       <h1>\n|         \"Heading\"\n|       <p>\n"
            "|         \"Body text.\"\n");
  // Same for the other text elements.
  for (const char* tag : {"noembed", "xmp", "textarea", "style"}) {
    auto other = parse(std::string("<body><noscript><") + tag + "></noscript><p>kept</p>");
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(count_elements((*other)->body(), dom::Tag::kP), 1u) << tag;
  }
  // An end tag further on keeps the standard reading (html5lib's noscript01 has one), and so
  // does an iframe outside <noscript>.
  auto closed = parse("<body><noscript><iframe>a</noscript><p>b</iframe></noscript>");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(count_elements((*closed)->body(), dom::Tag::kP), 0u);
  auto outside = parse("<body><iframe/></noscript><p>b");
  ASSERT_TRUE(outside.ok());
  EXPECT_EQ(count_elements((*outside)->body(), dom::Tag::kP), 0u);
  // With scripting on the <noscript> is text itself and nothing changes.
  ParseOptions on;
  on.scripting = true;
  auto scripted = parse("<body><noscript><iframe/></noscript><p>b", on);
  ASSERT_TRUE(scripted.ok());
  EXPECT_EQ(count_elements((*scripted)->body(), dom::Tag::kP), 1u);
}

TEST(ParserTest, AdjacentTextIsOneNode) {
  // Character references, CR LF and NUL split the tokenizer's runs; the tree has one node.
  auto doc = parse("<p>a&amp;b\r\nc&lt;d\0e</p>" + std::string());
  ASSERT_TRUE(doc.ok());
  const Node* p = (*doc)->body()->first_child;
  ASSERT_TRUE(p && p->is_html(dom::Tag::kP));
  ASSERT_TRUE(p->first_child && p->first_child->is_text());
  EXPECT_EQ(p->first_child, p->last_child);
  EXPECT_EQ(p->first_child->data, "a&b\nc<d");
}

TEST(ParserTest, LongRunsOfReferencesCoalesce) {
  // Every "&amp;" splits the tokenizer's runs; the text node still grows linearly.
  const size_t n = 200000;
  auto doc = parse("<p>" + repeat("a&amp;", n));
  ASSERT_TRUE(doc.ok());
  const Node* p = (*doc)->body()->first_child;
  ASSERT_TRUE(p->first_child && p->first_child == p->last_child);
  EXPECT_EQ(p->first_child->data, repeat("a&", n));
}

TEST(ParserTest, TextWithNulIsDroppedInBody) {
  std::string html = "<p>a";
  html.push_back('\0');
  html += "b</p>";
  auto doc = parse(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)->body()->first_child->first_child->data, "ab");
}

TEST(ParserTest, ForeignAttributesGetNamespaces) {
  auto doc = parse("<svg viewbox='0 0 1 1' xlink:href='#a'><foreignobject/></svg>");
  ASSERT_TRUE(doc.ok());
  const Node* svg = (*doc)->body()->first_child;
  ASSERT_TRUE(svg && svg->ns == dom::Namespace::kSvg);
  EXPECT_EQ(svg->attr("viewBox"), "0 0 1 1");
  ASSERT_EQ(svg->attr_count, 2u);
  EXPECT_EQ(svg->attrs[1].name, "href");
  EXPECT_EQ(svg->attrs[1].ns, dom::AttrNamespace::kXlink);
  ASSERT_TRUE(svg->first_child);
  EXPECT_EQ(svg->first_child->name, "foreignObject");
}

// CDATA sections are read in SVG and MathML only: the builder counts open foreign elements and
// asks for CDATA while one is the adjusted current node, also after an HTML element broke out
// of one (<p> closes the <svg>) and inside foreign elements nested in HTML nested in foreign.
TEST(ParserTest, CdataOnlyInForeignContent) {
  auto doc = parse(
      "<svg><![CDATA[a]]></svg><![CDATA[b]]><math><mi><![CDATA[c]]></mi></math>"
      "<svg><p><![CDATA[d]]></p><svg><foreignObject><div><svg><![CDATA[e]]></svg>"
      "<![CDATA[f]]></div></foreignObject></svg>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_tree(**doc),
            "| <html>\n"
            "|   <head>\n"
            "|   <body>\n"
            "|     <svg svg>\n"
            "|       \"a\"\n"
            "|     <!-- [CDATA[b]] -->\n"
            "|     <math math>\n"
            "|       <math mi>\n"
            "|         \"c\"\n"
            "|     <svg svg>\n"
            "|     <p>\n"
            "|       <!-- [CDATA[d]] -->\n"
            "|     <svg svg>\n"
            "|       <svg foreignObject>\n"
            "|         <div>\n"
            "|           <svg svg>\n"
            "|             \"e\"\n"
            "|           <!-- [CDATA[f]] -->\n");
}

TEST(ParserTest, TemplateContentsAreAFragment) {
  auto doc = parse("<template><td>x</td></template>");
  ASSERT_TRUE(doc.ok());
  const Node* head = (*doc)->head();
  ASSERT_TRUE(head && head->first_child && head->first_child->is_html(dom::Tag::kTemplate));
  const Node* content = head->first_child->first_child;
  ASSERT_TRUE(content && content->kind == dom::NodeKind::kFragment);
  EXPECT_EQ(content, head->first_child->last_child);
  ASSERT_TRUE(content->first_child && content->first_child->is_html(dom::Tag::kTd));
}

TEST(ParserTest, SelectedContentMirrorsTheSelectedOption) {
  auto doc = parse(
      "<select><button><selectedcontent></selectedcontent></button>"
      "<option>A<option selected>B<i>!</i></select>");
  ASSERT_TRUE(doc.ok());
  std::string dump = dom::dump_tree(**doc);
  EXPECT_NE(dump.find("<selectedcontent>\n|           \"B\"\n|           <i>\n"), std::string::npos)
      << dump;
  // An option inside the selectedcontent itself is left alone (no self-copy).
  auto nested = parse("<select><selectedcontent><option>x</option></selectedcontent></select>");
  ASSERT_TRUE(nested.ok());
  EXPECT_NE(dom::dump_tree(**nested).find("<option>\n|           \"x\""), std::string::npos)
      << dom::dump_tree(**nested);
}

TEST(ParserTest, FormContextFragmentIgnoresNestedForm) {
  auto doc = parse_fragment("<form><input>", "form");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_fragment(**doc), "| <input>\n");
}

TEST(ParserTest, Fragments) {
  auto tr = parse_fragment("<td>a<td>b", "tr");
  ASSERT_TRUE(tr.ok());
  EXPECT_EQ(dom::dump_fragment(**tr), "| <td>\n|   \"a\"\n| <td>\n|   \"b\"\n");
  auto path = parse_fragment("<circle/><p>x", "svg path");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(dom::dump_fragment(**path), "| <svg circle>\n| <p>\n|   \"x\"\n");
  EXPECT_EQ(parse_fragment("x", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parse_fragment("x", "svg a b").status().code(), StatusCode::kInvalidArgument);
}

TEST(ParserTest, DeepNestingIsFlattenedNotRecursive) {
  const size_t n = 100000;
  std::string html = repeat("<div>", n) + "x" + repeat("</div>", n) + "<p>after";
  ParseInfo info;
  auto doc = parse(html, {}, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.depth_capped);
  EXPECT_FALSE(info.truncated);
  const Node* body = (*doc)->body();
  ASSERT_NE(body, nullptr);
  // Every div is kept; the tree is at most max_depth deep (document > html > ... levels).
  EXPECT_EQ(count_elements(body, dom::Tag::kDiv), n);
  EXPECT_LE(tree_depth((*doc)->root()), ParseOptions().max_depth + 2);
  EXPECT_GE(tree_depth((*doc)->root()), ParseOptions().max_depth - 2);
  // The closing tags unwind the stack, so the trailing <p> is a child of <body> again.
  ASSERT_TRUE(body->last_child && body->last_child->is_html(dom::Tag::kP));
  // The dump walks the tree iteratively: one line per node.
  std::string dump = dom::dump_tree(**doc);
  EXPECT_EQ(std::count(dump.begin(), dump.end(), '\n'),
            static_cast<std::ptrdiff_t>((*doc)->node_count() - 1));
}

TEST(ParserTest, DeepNestingOfEveryKind) {
  // Shapes that stress different stack walks: formatting elements (adoption agency,
  // reconstruction), tables (scope checks, foster parenting), foreign content, lists.
  const size_t n = 20000;
  for (std::string unit : {"<b>", "<a>", "<table><tr><td>", "<svg>", "<ul><li>", "<i x=1><p>",
                           "<select><option>", "<template>", "<object>", "<span><font>"}) {
    std::string html = repeat(unit, n) + "text" + repeat("</b></a></td></table>", 100);
    ParseInfo info;
    ParseOptions options;
    options.max_depth = 256;
    auto doc = parse(html, options, &info);
    ASSERT_TRUE(doc.ok()) << unit;
    EXPECT_LE(element_depth((*doc)->root()), options.max_depth + 4) << unit;
    EXPECT_NE((*doc)->html_element(), nullptr) << unit;
  }
}

TEST(ParserTest, NodeCapTruncates) {
  ParseOptions options;
  options.max_nodes = 1000;
  ParseInfo info;
  auto doc = parse(repeat("<p>x</p>", 10000), options, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.truncated);
  // The parser stops at the first token boundary at or after the cap; one <p>x token pair
  // adds at most a couple of nodes beyond it.
  EXPECT_GE((*doc)->node_count(), 1000u);
  EXPECT_LE((*doc)->node_count(), 1004u);
  ASSERT_NE((*doc)->body(), nullptr);
  EXPECT_GT(count_elements((*doc)->body(), dom::Tag::kP), 400u);
}

TEST(ParserTest, NodeCapWithFormattingExplosion) {
  // Unclosed formatting elements are re-created in every paragraph: node growth per token
  // is large, and must still stop near the cap.
  ParseOptions options;
  options.max_nodes = 5000;
  ParseInfo info;
  std::string html;
  for (int i = 0; i < 2000; ++i) html += "<p><b id=" + std::to_string(i) + ">x";
  auto doc = parse(html, options, &info);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(info.truncated);
  EXPECT_LT((*doc)->node_count(), 5000u + options.max_depth);
}

TEST(ParserTest, InputCap) {
  ParseOptions options;
  options.max_input_bytes = 100;
  auto too_big = parse(std::string(101, 'x'), options);
  EXPECT_EQ(too_big.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(parse_fragment(std::string(101, 'x'), "div", options).status().code(),
            StatusCode::kLimitExceeded);
  EXPECT_TRUE(parse(std::string(100, 'x'), options).ok());
}

TEST(ParserTest, EmptyInput) {
  auto doc = parse("");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_tree(**doc), "| <html>\n|   <head>\n|   <body>\n");
}

}  // namespace
}  // namespace klartext::html
