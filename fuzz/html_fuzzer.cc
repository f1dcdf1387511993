// libFuzzer target for the HTML parser (fuzz/html.cmake): any bytes, as a document or as a
// fragment in one of several contexts, must parse memory-safely into a consistent tree.
// Seeds: fuzz/seeds/html/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dom/serialize.h"
#include "html/parser.h"

namespace {

using klartext::dom::Node;
using klartext::dom::NodeKind;

// Contexts that reach every fragment start: table parts, raw-text elements, foreign content.
constexpr std::string_view kContexts[] = {
    "",
    "body",
    "td",
    "tr",
    "table",
    "select",
    "template",
    "title",
    "textarea",
    "script",
    "style",
    "plaintext",
    "html",
    "frameset",
    "head",
    "svg svg",
    "svg desc",
    "math mi",
    "math annotation-xml",
    "colgroup",
    "caption",
};

void check(bool ok) {
  if (!ok) std::abort();
}

// Walks the whole tree without recursion and checks every link.
void check_tree(const Node* root) {
  const Node* n = root;
  while (n) {
    const Node* prev = nullptr;
    for (const Node* c = n->first_child; c; c = c->next_sibling) {
      check(c->parent == n);
      check(c->prev_sibling == prev);
      prev = c;
    }
    check(n->last_child == prev);
    if (n->kind == NodeKind::kElement && n->ns == klartext::dom::Namespace::kHtml &&
        n->tag == klartext::dom::Tag::kTemplate) {
      check(n->first_child && n->first_child == n->last_child &&
            n->first_child->kind == NodeKind::kFragment);
    }
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != root && !n->next_sibling) n = n->parent;
    if (n == root) break;
    n = n->next_sibling;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // First byte: the context (0 = whole document) and the scripting flag.
  uint8_t pick = data[0];
  std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  klartext::html::ParseOptions options;
  options.max_depth = 48;  // small, so the depth cap is reached often
  options.max_nodes = 20000;
  options.scripting = (pick & 0x80) != 0;
  std::string_view context = kContexts[(pick & 0x7f) % std::size(kContexts)];
  klartext::html::ParseInfo info;
  auto doc = context.empty()
                 ? klartext::html::parse(std::move(input), options, &info)
                 : klartext::html::parse_fragment(std::move(input), context, options, &info);
  check(doc.ok());
  check_tree((*doc)->root());
  std::string dump =
      context.empty() ? klartext::dom::dump_tree(**doc) : klartext::dom::dump_fragment(**doc);
  check(dump.size() < (size_t(1) << 31));
  return 0;
}
