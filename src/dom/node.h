// The compact DOM that the HTML parser builds and extraction walks. Nodes live in the
// Document's arena and are linked by raw pointers. Tested in tests/dom/dom_test.cc.
#ifndef KLARTEXT_DOM_NODE_H_
#define KLARTEXT_DOM_NODE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace klartext::dom {

enum class NodeKind : uint8_t {
  kDocument,
  kDocumentType,
  kElement,
  kText,
  kComment,
  kFragment,  // a <template>'s contents (the template's only child), or a fragment-parse root
};

enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

// Namespaces an attribute can have after the tree builder's foreign-attribute adjustment.
enum class AttrNamespace : uint8_t { kNone, kXlink, kXml, kXmlns };

enum class Tag : uint16_t {
  kUnknown = 0,
#define KLARTEXT_TAG(id, name) id,
#include "dom/tags.inc"
#undef KLARTEXT_TAG
  kCount
};

// The id of a lower-case element name, or kUnknown.
Tag lookup_tag(std::string_view lower_case_name);

// The names by Tag value, for tag_name and lookup_tag's table.
inline constexpr std::string_view kTagNames[] = {
    "",
#define KLARTEXT_TAG(id, name) name,
#include "dom/tags.inc"
#undef KLARTEXT_TAG
};

// The lower-case name of a known tag ("" for kUnknown). Inline: the tree builder names every
// element it creates with it.
inline std::string_view tag_name(Tag tag) {
  size_t t = static_cast<size_t>(tag);
  return t < static_cast<size_t>(Tag::kCount) ? kTagNames[t] : std::string_view();
}

struct Attribute {
  std::string_view name;  // local name, lower case for HTML; adjusted case for SVG/MathML
  std::string_view value;
  AttrNamespace ns = AttrNamespace::kNone;
};

// One node. 96 bytes on 64-bit targets. Strings point into the owning Document (its input copy
// or its arena) and stay valid as long as it does.
struct Node {
  NodeKind kind = NodeKind::kElement;
  Namespace ns = Namespace::kHtml;  // elements only
  Tag tag = Tag::kUnknown;          // elements only; kUnknown for names not in tags.inc
  uint32_t attr_count = 0;
  uint32_t id = 0;     // creation order within the document, dense from 0: index side tables
  uint32_t flags = 0;  // free for the stage that owns the document (the parser leaves it 0)

  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* prev_sibling = nullptr;
  Node* next_sibling = nullptr;

  // Element: its name as serialized (e.g. "div", "foreignObject", "my-widget").
  // Doctype: the doctype name. Others: empty.
  std::string_view name = {};
  // Text and comment: the character data. Doctype: the public identifier.
  std::string_view data = {};
  // Element: its attributes. Doctype: at most one entry, {"system", system identifier}.
  Attribute* attrs = nullptr;

  bool is_element() const { return kind == NodeKind::kElement; }
  bool is_text() const { return kind == NodeKind::kText; }
  bool is_html(Tag t) const {
    // kind, ns and tag are the node's first four bytes (static_assert below): one compare of
    // them against an HTML element of tag t, where the compiler made two (kind and ns, tag).
    struct Head {
      NodeKind kind;
      Namespace ns;
      Tag tag;
    };
    const Head want{NodeKind::kElement, Namespace::kHtml, t};
    uint32_t have_bits, want_bits;
    std::memcpy(&have_bits, this, sizeof have_bits);
    std::memcpy(&want_bits, &want, sizeof want_bits);
    return have_bits == want_bits;
  }

  // The value of attribute `attr_name` (exact, case-sensitive match), or nullptr view if absent.
  // has_attr distinguishes an absent attribute from an empty one.
  std::string_view attr(std::string_view attr_name) const {
    for (uint32_t i = 0; i < attr_count; ++i)
      if (attrs[i].name == attr_name) return attrs[i].value;
    return {};
  }
  bool has_attr(std::string_view attr_name) const {
    for (uint32_t i = 0; i < attr_count; ++i)
      if (attrs[i].name == attr_name) return true;
    return false;
  }
};

// Node::is_html reads kind, ns and tag as the node's first four bytes.
static_assert(offsetof(Node, kind) == 0 && offsetof(Node, ns) == 1 && offsetof(Node, tag) == 2 &&
              sizeof(NodeKind) == 1 && sizeof(Namespace) == 1 && sizeof(Tag) == 2);

// Doctype flags (Node::flags on kDocumentType nodes), set by the parser.
inline constexpr uint32_t kDoctypeHasPublicId = 1;
inline constexpr uint32_t kDoctypeHasSystemId = 2;

}  // namespace klartext::dom

#endif  // KLARTEXT_DOM_NODE_H_
