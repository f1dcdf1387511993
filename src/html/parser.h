// The HTML5 parser entry points: UTF-8 text in, a dom::Document out (WHATWG HTML §13.2).
// Tested in tests/html/tree_builder_test.cc (html5lib tree-construction suite) and
// tests/html/parser_test.cc (limits).
#ifndef KLARTEXT_HTML_PARSER_H_
#define KLARTEXT_HTML_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dom/document.h"
#include "klartext/status.h"

namespace klartext::html {

struct ParseOptions {
  // Input larger than this is refused with kLimitExceeded (before any work is done).
  size_t max_input_bytes = size_t(256) << 20;
  // Elements deeper than this are not nested further: they become siblings at the cap (the
  // document stays complete, only its shape is flattened, as browsers do at ~512).
  uint32_t max_depth = 512;
  // At this many nodes the parser stops and returns what it has built so far, with
  // ParseInfo::truncated set; extraction still works on it.
  uint32_t max_nodes = 4u << 20;
  // The scripting flag (affects <noscript>). Off: we never run scripts.
  bool scripting = false;
};

struct ParseInfo {
  bool truncated = false;     // max_nodes was reached
  bool depth_capped = false;  // max_depth flattened some elements
  size_t parse_errors = 0;    // tokenizer + tree builder parse errors (counted only)
};

// Parses a whole document.
Result<std::unique_ptr<dom::Document>> parse(std::string utf8, const ParseOptions& options = {},
                                             ParseInfo* info = nullptr);

// As parse(), but the document reads `utf8` in place instead of owning it: the caller keeps
// those bytes alive and unchanged for as long as it uses the document (klartext::extract parses
// a page's valid UTF-8 where it lies, without a copy).
Result<std::unique_ptr<dom::Document>> parse_borrowed(std::string_view utf8,
                                                      const ParseOptions& options = {},
                                                      ParseInfo* info = nullptr);

// Parses a fragment in the context of an element named `context`: an HTML tag name ("td"), or
// "svg NAME" / "math NAME" for foreign contexts. The fragment's nodes are the children of
// the <html> element of the returned document (as html5lib's #document-fragment tests expect).
Result<std::unique_ptr<dom::Document>> parse_fragment(std::string utf8, std::string_view context,
                                                      const ParseOptions& options = {},
                                                      ParseInfo* info = nullptr);

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_PARSER_H_
