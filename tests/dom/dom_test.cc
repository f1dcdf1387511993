// Tests for src/dom/document.h: node creation and tree edits.
#include "dom/document.h"

#include <gtest/gtest.h>

#include <string>

namespace klartext::dom {
namespace {

std::string child_names(const Node* parent) {
  std::string out;
  for (const Node* c = parent->first_child; c; c = c->next_sibling) {
    if (!out.empty()) out += ",";
    out += c->is_text() ? std::string(c->data) : std::string(c->name);
  }
  // Walk backwards too, so prev/last links are checked.
  std::string back;
  for (const Node* c = parent->last_child; c; c = c->prev_sibling) {
    if (!back.empty()) back = "," + back;
    back = (c->is_text() ? std::string(c->data) : std::string(c->name)) + back;
  }
  EXPECT_EQ(out, back);
  return out;
}

// is_html compares kind, namespace and tag at once: each must match.
TEST(DocumentTest, IsHtmlNeedsAnHtmlElementOfTheTag) {
  Document doc;
  const Node* div = doc.create_element(Tag::kDiv, "div", Namespace::kHtml);
  EXPECT_TRUE(div->is_html(Tag::kDiv));
  EXPECT_FALSE(div->is_html(Tag::kSpan));
  EXPECT_FALSE(doc.create_element(Tag::kA, "a", Namespace::kSvg)->is_html(Tag::kA));
  EXPECT_TRUE(doc.create_element(Tag::kA, "a", Namespace::kHtml)->is_html(Tag::kA));
  EXPECT_TRUE(doc.create_element(Tag::kUnknown, "x-y", Namespace::kHtml)->is_html(Tag::kUnknown));
  EXPECT_FALSE(doc.create_text("div")->is_html(Tag::kUnknown));
  EXPECT_FALSE(doc.create_comment("div")->is_html(Tag::kUnknown));
  EXPECT_FALSE(doc.root()->is_html(Tag::kUnknown));
}

TEST(DocumentTest, AppendInsertDetach) {
  Document doc;
  Node* html = doc.create_element(Tag::kHtml, "html", Namespace::kHtml);
  Document::append_child(doc.root(), html);
  Node* body = doc.create_element(Tag::kBody, "body", Namespace::kHtml);
  Node* head = doc.create_element(Tag::kHead, "head", Namespace::kHtml);
  Document::append_child(html, body);
  Document::insert_before(html, head, body);
  EXPECT_EQ(child_names(html), "head,body");
  EXPECT_EQ(doc.head(), head);
  EXPECT_EQ(doc.body(), body);

  Node* t1 = doc.create_text(doc.copy_string("a"));
  Node* t2 = doc.create_text(doc.copy_string("b"));
  Document::append_child(body, t1);
  Document::insert_before(body, t2, t1);
  EXPECT_EQ(child_names(body), "b,a");
  Document::detach(t2);
  EXPECT_EQ(child_names(body), "a");
  EXPECT_EQ(t2->parent, nullptr);
  Document::detach(t1);
  EXPECT_EQ(body->first_child, nullptr);
  EXPECT_EQ(body->last_child, nullptr);
  EXPECT_EQ(doc.node_count(), 6u);  // document + 5 created
}

TEST(DocumentTest, AttributesAndAdoptedSource) {
  Document doc;
  std::string_view src = doc.adopt_source("class=x");
  Node* div = doc.create_element(Tag::kDiv, "div", Namespace::kHtml);
  Attribute* a = doc.set_attributes(div, 1);
  a[0].name = src.substr(0, 5);
  a[0].value = src.substr(6, 1);
  EXPECT_EQ(div->attr("class"), "x");
  EXPECT_TRUE(div->has_attr("class"));
  EXPECT_FALSE(div->has_attr("id"));
  EXPECT_GT(doc.memory_bytes(), 0u);
}

}  // namespace
}  // namespace klartext::dom
