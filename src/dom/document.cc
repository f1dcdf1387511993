// Document node creation and tree edits. Tested in tests/dom/dom_test.cc.
#include "dom/document.h"

namespace klartext::dom {

Document::Document() { root_ = new_node(NodeKind::kDocument); }

std::string_view Document::adopt_source(std::string text) {
  sources_.push_back(std::make_unique<std::string>(std::move(text)));
  return *sources_.back();
}

Node* Document::create_doctype(std::string_view name) {
  Node* n = new_node(NodeKind::kDocumentType);
  n->name = name;
  return n;
}

Node* Document::create_fragment() { return new_node(NodeKind::kFragment); }

void Document::detach(Node* node) {
  Node* parent = node->parent;
  if (!parent) return;
  if (node->prev_sibling)
    node->prev_sibling->next_sibling = node->next_sibling;
  else
    parent->first_child = node->next_sibling;
  if (node->next_sibling)
    node->next_sibling->prev_sibling = node->prev_sibling;
  else
    parent->last_child = node->prev_sibling;
  node->parent = node->prev_sibling = node->next_sibling = nullptr;
}

static const Node* child_element(const Node* parent, Tag tag) {
  if (!parent) return nullptr;
  for (const Node* c = parent->first_child; c; c = c->next_sibling)
    if (c->is_html(tag)) return c;
  return nullptr;
}

const Node* Document::html_element() const { return child_element(root_, Tag::kHtml); }
const Node* Document::head() const { return child_element(html_element(), Tag::kHead); }
const Node* Document::body() const { return child_element(html_element(), Tag::kBody); }

size_t Document::memory_bytes() const {
  size_t total = arena_.bytes_reserved();
  for (const auto& s : sources_) total += s->capacity();
  return total;
}

}  // namespace klartext::dom
