// The HTML tree construction stage (WHATWG HTML §13.2.6): tokens in, dom::Document out.
// Tested in tests/html/tree_builder_test.cc (html5lib suite) and tests/html/parser_test.cc.
#ifndef KLARTEXT_HTML_TREE_BUILDER_H_
#define KLARTEXT_HTML_TREE_BUILDER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dom/document.h"
#include "html/tokenizer.h"

namespace klartext::html {

struct BuildOptions {
  uint32_t max_depth = 512;       // see ParseOptions::max_depth; below 4 acts as 4
  uint32_t max_nodes = 4u << 20;  // see ParseOptions::max_nodes
  bool scripting = false;
};

struct BuildResult {
  bool truncated = false;
  bool depth_capped = false;
  size_t parse_errors = 0;  // tree-construction errors only (the tokenizer counts its own)
};

// The element a fragment is parsed in (innerHTML-style). Foreign contexts give the
// namespace and the element's adjusted name ("foreignObject").
struct FragmentContext {
  std::string_view name;  // "td", "path", "annotation-xml"
  dom::Namespace ns = dom::Namespace::kHtml;
};

// Builds a whole document into `doc` (which must be empty) from the tokens of `tokenizer`.
// `input` is the tokenizer's input: token strings inside it are referenced, not copied, so it
// must live as long as `doc` (adopt it with Document::adopt_source first).
BuildResult build_document(dom::Document& doc, Tokenizer& tokenizer, std::string_view input,
                           const BuildOptions& options);

// The fragment parsing algorithm: `doc` receives an <html> element whose children are the
// fragment's nodes. Sets the tokenizer's initial state from the context element.
BuildResult build_fragment(dom::Document& doc, Tokenizer& tokenizer, std::string_view input,
                           const FragmentContext& context, const BuildOptions& options);

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_TREE_BUILDER_H_
