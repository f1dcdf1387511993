// The Document: owner of a parsed page's nodes and strings, with the tree-editing operations
// the HTML tree builder needs. Tested in tests/dom/dom_test.cc.
#ifndef KLARTEXT_DOM_DOCUMENT_H_
#define KLARTEXT_DOM_DOCUMENT_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "dom/node.h"

namespace klartext::dom {

enum class QuirksMode : uint8_t { kNoQuirks, kQuirks, kLimitedQuirks };

class Document {
 public:
  Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Node* root() { return root_; }
  const Node* root() const { return root_; }
  // The <html>, <head>, <body> elements, or nullptr when the tree has none.
  const Node* html_element() const;
  const Node* head() const;
  const Node* body() const;

  // Keeps `text` alive for the document's lifetime and returns a stable view of it. The parser
  // hands its UTF-8 input here so text nodes can point into it without copying.
  std::string_view adopt_source(std::string text);
  // Copies s into the document's arena.
  std::string_view copy_string(std::string_view s) { return arena_.copy(s); }
  base::Arena& arena() { return arena_; }

  // Node creation. Strings passed in must already be owned by the document (adopt_source,
  // copy_string); the nodes are not yet in the tree. Defined inline below: the tree builder
  // creates a node for most tokens, and a call into another file cost more than the work.
  Node* create_element(Tag tag, std::string_view name, Namespace ns);
  Node* create_text(std::string_view data);
  Node* create_comment(std::string_view data);
  Node* create_doctype(std::string_view name);
  Node* create_fragment();
  // Gives `element` n attributes, uninitialised names/values to be filled by the caller.
  Attribute* set_attributes(Node* element, uint32_t n);
  // Gives `element` a copy of the n attributes at src, whose strings the document must own.
  Attribute* copy_attributes(Node* element, const Attribute* src, uint32_t n);

  // Tree edits. `child` must not currently have a parent (see detach).
  static void append_child(Node* parent, Node* child);
  static void insert_before(Node* parent, Node* child, Node* reference);  // reference may be null
  static void detach(Node* node);

  // Number of nodes created (ids are 0..node_count()-1).
  uint32_t node_count() const { return next_id_; }
  // Bytes this document holds: arena blocks plus adopted source.
  size_t memory_bytes() const;

  QuirksMode quirks_mode = QuirksMode::kNoQuirks;

 private:
  Node* new_node(NodeKind kind);

  base::Arena arena_;
  std::vector<std::unique_ptr<std::string>> sources_;
  Node* root_;
  uint32_t next_id_ = 0;
};

// Each node is built by one aggregate initialisation naming the fields it sets, the others
// taking their defaults: the compiler writes the 96 bytes as a few plain stores. Value-
// initialising first (arena make<Node>()) compiled to a rep stos, slow to start for so few
// bytes, before the fields were written a second time.
inline Node* Document::new_node(NodeKind kind) {
  return new (arena_.allocate(sizeof(Node), alignof(Node))) Node{.kind = kind, .id = next_id_++};
}

inline Node* Document::create_element(Tag tag, std::string_view name, Namespace ns) {
  return new (arena_.allocate(sizeof(Node), alignof(Node)))
      Node{.kind = NodeKind::kElement, .ns = ns, .tag = tag, .id = next_id_++, .name = name};
}

inline Node* Document::create_text(std::string_view data) {
  return new (arena_.allocate(sizeof(Node), alignof(Node)))
      Node{.kind = NodeKind::kText, .id = next_id_++, .data = data};
}

inline Node* Document::create_comment(std::string_view data) {
  return new (arena_.allocate(sizeof(Node), alignof(Node)))
      Node{.kind = NodeKind::kComment, .id = next_id_++, .data = data};
}

inline Attribute* Document::set_attributes(Node* element, uint32_t n) {
  element->attrs = n ? arena_.make_array<Attribute>(n) : nullptr;
  element->attr_count = n;
  return element->attrs;
}

inline Attribute* Document::copy_attributes(Node* element, const Attribute* src, uint32_t n) {
  Attribute* a = nullptr;
  if (n != 0) {
    // Raw storage, constructed by the copy (set_attributes would first default-construct).
    a = static_cast<Attribute*>(arena_.allocate(sizeof(Attribute) * n, alignof(Attribute)));
    std::uninitialized_copy(src, src + n, a);
  }
  element->attrs = a;
  element->attr_count = n;
  return a;
}

inline void Document::append_child(Node* parent, Node* child) {
  assert(child->parent == nullptr);
  child->parent = parent;
  child->prev_sibling = parent->last_child;
  child->next_sibling = nullptr;
  if (parent->last_child)
    parent->last_child->next_sibling = child;
  else
    parent->first_child = child;
  parent->last_child = child;
}

inline void Document::insert_before(Node* parent, Node* child, Node* reference) {
  if (!reference) return append_child(parent, child);
  assert(child->parent == nullptr && reference->parent == parent);
  child->parent = parent;
  child->next_sibling = reference;
  child->prev_sibling = reference->prev_sibling;
  if (reference->prev_sibling)
    reference->prev_sibling->next_sibling = child;
  else
    parent->first_child = child;
  reference->prev_sibling = child;
}

}  // namespace klartext::dom

#endif  // KLARTEXT_DOM_DOCUMENT_H_
