// Tests for src/extract/render.h: text and Markdown output rules on small trees.
#include "extract/render.h"

#include <gtest/gtest.h>

#include "extract/tag_kinds.h"
#include "extract/walk.h"
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

// Whitespace runs longer than the 16-byte steps of the collapsing code, around and between
// words, and whole text nodes of indentation.
// Text after the close of the element holding the text before it: a lower-case letter then a
// capital there are two pieces the page's style sets apart (a brand over a model name), not
// one word.
TEST(RenderTest, CapitalAfterLowerCaseAcrossElementsStartsAWord) {
  EXPECT_EQ(text_of("<a href=/p><span>Alpine Works</span><span>Ridge Boot</span></a>"),
            "Alpine Works Ridge Boot");
  EXPECT_EQ(text_of("<p><span><b>Publisher</b></span>Harbour Press</p>"),
            "Publisher Harbour Press");
  EXPECT_EQ(text_of("<a href=/t><span>NEW</span><span>Trail Runner</span></a>"),
            "NEW Trail Runner");
  // Within one word's pieces the case does not change this way: left glued.
  EXPECT_EQ(text_of("<p><b>NASA</b>'s <i>AB</i>C</p>"), "NASA's ABC");
  EXPECT_EQ(text_of("<p>un<b>break</b>able, <b>HTML</b>5, 3<sup>rd</sup></p>"),
            "unbreakable, HTML5, 3rd");
  // Text inside an element that follows its parent's own text is not after a close.
  EXPECT_EQ(text_of("<p><a href=/n>noted<span>Opens a new tab</span></a></p>"),
            "notedOpens a new tab");
  // Not inside <pre>.
  EXPECT_EQ(text_of("<pre><span>get</span><span>Value</span></pre>"), "getValue");
}

TEST(RenderTest, LongWhitespaceRunsCollapse) {
  const std::string runs(40, ' '), tabs(33, '\t');
  EXPECT_EQ(text_of("<div>" + runs + "<p>" + tabs + "a" + runs + "b\n" + tabs + "</p>" + runs +
                    "<p>c<b>" + runs + "</b>d</p>" + tabs + "</div>"),
            "a b\n\nc d");
  EXPECT_EQ(text_of("<p>one two three four five six" + runs + "seven eight nine ten</p>"),
            "one two three four five six seven eight nine ten");
}

// Whitespace runs of every length around the 8- and 16-byte steps of the word search, of
// every whitespace byte, before, between and after words and as whole text nodes.
TEST(RenderTest, WhitespaceRunsOfEveryLength) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string ws;
    for (size_t k = 0; k < n; ++k) ws += " \t\n\f"[k % 4];
    EXPECT_EQ(text_of("<p>" + ws + "a" + ws + "b" + ws + "</p>"), n == 0 ? "ab" : "a b") << n;
    EXPECT_EQ(text_of("<div>" + ws + "<p>x</p>" + ws + "<p>y</p>" + ws + "</div>"), "x\n\ny") << n;
    auto doc = parse("<p>" + ws + "a<b>" + ws + "</b>c" + ws + "</p>");
    EXPECT_EQ(inline_text(doc->body(), 100), n == 0 ? "ac" : "a c") << n;
  }
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

// InlineTextStream gives every element's inline_text as a span of one pass over the tree: the
// same text at every length, whatever lies between and around the elements.
void expect_spans_match_inline_text(const dom::Node* root) {
  constexpr size_t npos = std::string_view::npos;
  InlineTextStream stream;
  struct Open {
    const dom::Node* n;
    size_t begin;
    uint64_t visits;
  };
  std::vector<Open> open;
  int checked = 0;
  walk(
      root,
      [&](const dom::Node* n) {
        if (n->is_element()) open.push_back({n, stream.position(), stream.visits()});
        size_t visible = stream.enter(n);
        if (n->is_text()) {
          size_t expected = 0;
          for (char c : n->data) expected += std::string_view(" \t\n\r\f").find(c) == npos;
          EXPECT_EQ(visible, expected) << n->data;
        }
        return !n->is_element() || tag_kind(n) != TagKind::kDrop;
      },
      [&](const dom::Node* n) {
        stream.exit(n);
        if (!n->is_element()) return;
        Open o = open.back();
        open.pop_back();
        if (tag_kind(n) == TagKind::kDrop) return;  // not walked into: no span
        for (size_t max : {1, 5, 40, 64, 100, 256, 400}) {
          if (stream.visits() - o.visits > 4 * max + 64) continue;  // past inline_text's budget
          EXPECT_EQ(stream.span(o.begin, max), inline_text(n, max)) << n->name << " " << max;
          ++checked;
        }
      });
  EXPECT_GT(checked, 0);
}

TEST(RenderTest, InlineTextStreamSpansAreInlineText) {
  std::string long_word(600, 'x');
  std::string long_words;
  for (int i = 0; i < 150; ++i) long_words += "word" + std::to_string(i) + " \n ";
  // Indentation: whitespace-only nodes and words behind and before long runs of it.
  const std::string indent(40, ' '), tabs(33, '\t');
  std::string lines;
  for (int i = 0; i < 20; ++i) lines += "\n ";
  const std::string pages[] = {
      "<div>" + indent + "<p>" + lines + "word" + tabs + "</p>" + indent + "<p>" + lines + "a b" +
          lines + "</p>" + tabs + "</div>",
      "<p>Hello <b>big</b>   world</p><p>Second</p>",
      "<ul><li> <a href=#x>Home</a> </li><li>\tAbout<span>us</span></li></ul>",
      "<div>a<br>b<script>var x = 1;</script>c<img src=y>d<select><option>o</select>e</div>",
      "<div> <p> one </p> two <my-tag>three</my-tag>four<!-- c --> five </div>",
      "<table><tr><td>x</td><td> y </td></tr></table><div style='display:none'>hid den</div>",
      "<p>" + long_word + " tail</p><p>short <b>" + long_word + "</b> after</p>",
      "<div><p>" + long_words + "</p><span>end</span></div>",
      "<p>\n\n</p><div><span> </span><em></em></div><p>x</p>",
      "<div>\n  A line\tof\ttext, wrapped\r\nover  several\flines of the source and "
      "indented;\n    more of\nit <b> bold\n</b>\n and <i>the rest</i>.\n</div>",
  };
  for (const std::string& html : pages) {
    auto doc = parse(html);
    expect_spans_match_inline_text(doc->root());
  }
}

}  // namespace
}  // namespace klartext::extract
