// html5lib tree-format dump of a Document, without recursion.
// Tested in tests/html/tree_builder_test.cc.
#include "dom/serialize.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace klartext::dom {
namespace {

void indent(std::string& out, size_t depth) {
  out += "| ";
  out.append(depth * 2, ' ');
}

std::string_view attr_prefix(AttrNamespace ns) {
  switch (ns) {
    case AttrNamespace::kXlink:
      return "xlink ";
    case AttrNamespace::kXml:
      return "xml ";
    case AttrNamespace::kXmlns:
      return "xmlns ";
    case AttrNamespace::kNone:
      break;
  }
  return "";
}

void dump_node(std::string& out, const Node* n, size_t depth) {
  switch (n->kind) {
    case NodeKind::kDocumentType: {
      indent(out, depth);
      out += "<!DOCTYPE ";
      out += n->name;
      if (n->flags & (kDoctypeHasPublicId | kDoctypeHasSystemId)) {
        out += " \"";
        out += n->data;
        out += "\" \"";
        if (n->attr_count) out += n->attrs[0].value;
        out += '"';
      }
      out += ">\n";
      return;
    }
    case NodeKind::kComment:
      indent(out, depth);
      out += "<!-- ";
      out += n->data;
      out += " -->\n";
      return;
    case NodeKind::kText:
      indent(out, depth);
      out += '"';
      out += n->data;
      out += "\"\n";
      return;
    case NodeKind::kFragment:
      indent(out, depth);
      out += "content\n";
      return;
    case NodeKind::kElement: {
      indent(out, depth);
      out += '<';
      if (n->ns == Namespace::kSvg) out += "svg ";
      if (n->ns == Namespace::kMathMl) out += "math ";
      out += n->name;
      out += ">\n";
      std::vector<std::pair<std::string, std::string_view>> attrs;
      attrs.reserve(n->attr_count);
      for (uint32_t i = 0; i < n->attr_count; ++i) {
        std::string name(attr_prefix(n->attrs[i].ns));
        name += n->attrs[i].name;
        attrs.emplace_back(std::move(name), n->attrs[i].value);
      }
      std::sort(attrs.begin(), attrs.end());
      for (const auto& [name, value] : attrs) {
        indent(out, depth + 1);
        out += name;
        out += "=\"";
        out += value;
        out += "\"\n";
      }
      return;
    }
    case NodeKind::kDocument:
      return;
  }
}

// Pre-order walk of the subtrees of top's children, `top` itself excluded.
std::string dump_children(const Node* top) {
  std::string out;
  if (!top) return out;
  const Node* n = top->first_child;
  size_t depth = 0;
  while (n) {
    dump_node(out, n, depth);
    if (n->first_child) {
      n = n->first_child;
      ++depth;
      continue;
    }
    while (n != top && !n->next_sibling) {
      n = n->parent;
      --depth;
    }
    if (n == top) break;
    n = n->next_sibling;
  }
  return out;
}

}  // namespace

std::string dump_tree(const Document& doc) { return dump_children(doc.root()); }

std::string dump_fragment(const Document& doc) { return dump_children(doc.html_element()); }

}  // namespace klartext::dom
