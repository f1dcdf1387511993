// Turns a chosen DOM subtree into plain text or Markdown, skipping the nodes extraction pruned.
// Tested in tests/extract/render_test.cc.
#ifndef KLARTEXT_EXTRACT_RENDER_H_
#define KLARTEXT_EXTRACT_RENDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dom/node.h"

namespace klartext::extract {

struct RenderOptions {
  bool markdown = false;
  bool include_tables = true;
  bool include_links = false;   // Markdown only
  bool include_images = false;  // Markdown only
};

// Renders `root`'s subtree. skip[node->id] != 0 leaves that node's whole subtree out; nodes whose
// id is beyond skip.size() are left out too (they were past the work cap).
//
// Text format: blocks (paragraphs, headings, quotes, code) are separated by a blank line; list
// items, definition terms/descriptions and table rows go one per line; table cells in a row are
// separated by " | "; <br> is a line break; <pre> keeps its whitespace verbatim; elsewhere
// whitespace runs collapse to one space, and block boundaries never glue words together.
//
// Markdown: "#" headings, "-" / "1." list items (nested lists indented two spaces), "> " quotes,
// ``` fenced code, | tables | with a header separator (colspan repeats empty cells, <br> in a cell
// becomes a space), `inline code`, and links/images when asked.
std::string render(const dom::Node* root, const std::vector<uint8_t>& skip,
                   const RenderOptions& options);

// The whitespace-collapsed text of a subtree (no block structure), at most max_bytes.
std::string inline_text(const dom::Node* root, size_t max_bytes);

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_RENDER_H_
