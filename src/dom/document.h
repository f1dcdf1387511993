// The Document: owner of a parsed page's nodes and strings, with the tree-editing operations
// the HTML tree builder needs. Tested in tests/dom/dom_test.cc.
#ifndef KLARTEXT_DOM_DOCUMENT_H_
#define KLARTEXT_DOM_DOCUMENT_H_

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
  // copy_string); the nodes are not yet in the tree.
  Node* create_element(Tag tag, std::string_view name, Namespace ns);
  Node* create_text(std::string_view data);
  Node* create_comment(std::string_view data);
  Node* create_doctype(std::string_view name);
  Node* create_fragment();
  // Gives `element` n attributes, uninitialised names/values to be filled by the caller.
  Attribute* set_attributes(Node* element, uint32_t n);

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

}  // namespace klartext::dom

#endif  // KLARTEXT_DOM_DOCUMENT_H_
