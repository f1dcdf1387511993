// Tests for src/extract/render.h: text and Markdown output rules on small trees.
#include "extract/render.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace klartext::extract {
namespace {

using testing::parse;

std::string text_of(const std::string& html, RenderOptions o = {}) {
  auto doc = parse(html);
  std::vector<uint8_t> skip(doc->node_count(), 0);
  return render(doc->body(), skip, o);
}

std::string markdown_of(const std::string& html) {
  RenderOptions o;
  o.markdown = true;
  return text_of(html, o);
}

TEST(RenderTest, BlocksAreParagraphsAndInlineTagsDoNotSplitWords) {
  EXPECT_EQ(text_of("<p>Hello <b>big</b>   world</p><p>Second</p>"), "Hello big world\n\nSecond");
  EXPECT_EQ(text_of("<div>one</div><div>two</div>"), "one\n\ntwo");
  EXPECT_EQ(text_of("<p>in<em>line</em>word</p>"), "inlineword");
}

TEST(RenderTest, NoWordsGluedAcrossBlocksOrBreaks) {
  EXPECT_EQ(text_of("<li>a</li><li>b</li>"), "a\nb");
  EXPECT_EQ(text_of("<p>line one<br>line two</p>"), "line one\nline two");
  EXPECT_EQ(text_of("<p>x</p>y"), "x\n\ny");
  // A custom element is a word boundary, not a paragraph.
  EXPECT_EQ(text_of("<p>alpha<my-tag>beta</my-tag>gamma</p>"), "alpha beta gamma");
}

TEST(RenderTest, PreKeepsWhitespace) {
  EXPECT_EQ(text_of("<p>Run:</p><pre>  a  b\n\tc\n</pre><p>done</p>"),
            "Run:\n\n  a  b\n\tc\n\ndone");
}

TEST(RenderTest, TableRowsAndCells) {
  EXPECT_EQ(text_of("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>"
                    "</table>"),
            "A | B\n1 | 2");
  RenderOptions no_tables;
  no_tables.include_tables = false;
  EXPECT_EQ(text_of("<p>x</p><table><tr><td>1</td></tr></table>", no_tables), "x");
}

TEST(RenderTest, ScriptsAndControlsAreNotText) {
  EXPECT_EQ(text_of("<p>a<script>var x=1;</script>b</p><style>p{}</style><button>Go</button>"),
            "ab");
}

TEST(RenderTest, MarkdownStructure) {
  EXPECT_EQ(markdown_of("<h2>Title</h2><p>Text</p>"), "## Title\n\nText");
  EXPECT_EQ(markdown_of("<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>"), "- a\n- b\n  1. c");
  EXPECT_EQ(markdown_of("<blockquote><p>q1</p><p>q2</p></blockquote><p>after</p>"),
            "> q1\n>\n> q2\n\nafter");
  EXPECT_EQ(markdown_of("<pre>x = 1\n</pre>"), "```\nx = 1\n```");
  EXPECT_EQ(markdown_of("<p>use <code>ls</code> here</p>"), "use `ls` here");
}

TEST(RenderTest, MarkdownTablesWithColspanAndBreaks) {
  EXPECT_EQ(markdown_of("<table><tr><th>A</th><th>B</th></tr>"
                        "<tr><td colspan=2>wide<br>cell</td></tr>"
                        "<tr><td>x|y</td><td>z</td></tr></table>"),
            "| A | B |\n| --- | --- |\n| wide cell |  |\n| x\\|y | z |");
}

TEST(RenderTest, MarkdownLinksAndImagesOnRequest) {
  RenderOptions o;
  o.markdown = true;
  o.include_links = true;
  o.include_images = true;
  EXPECT_EQ(text_of("<p>see <a href=\"/x\">this</a> <img src=\"i.png\" alt=\"pic\"></p>", o),
            "see [this](/x) ![pic](i.png)");
  EXPECT_EQ(markdown_of("<p>see <a href=\"/x\">this</a></p>"), "see this");
}

TEST(RenderTest, DeepTreesDoNotOverflow) {
  // Built directly: the parser caps depth, a DOM built elsewhere may not.
  dom::Document doc;
  dom::Node* parent = doc.root();
  for (int i = 0; i < 100000; ++i) {
    dom::Node* div = doc.create_element(dom::Tag::kDiv, "div", dom::Namespace::kHtml);
    dom::Document::append_child(parent, div);
    parent = div;
  }
  dom::Document::append_child(parent, doc.create_text("deep"));
  std::vector<uint8_t> skip(doc.node_count(), 0);
  EXPECT_EQ(render(doc.root(), skip, {}), "deep");
  EXPECT_EQ(inline_text(doc.root(), 100), "");  // node budget spent before the text
}

}  // namespace
}  // namespace klartext::extract
