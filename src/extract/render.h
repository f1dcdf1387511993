// Turns a chosen DOM subtree into plain text or Markdown, skipping the nodes extraction pruned.
// Tested in tests/extract/render_test.cc.
#ifndef KLARTEXT_EXTRACT_RENDER_H_
#define KLARTEXT_EXTRACT_RENDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dom/node.h"
#include "extract/tag_kinds.h"

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
// The same without the elements below root for which left_out holds, and their subtrees.
std::string inline_text(const dom::Node* root, size_t max_bytes,
                        const std::function<bool(const dom::Node*)>& left_out);

// inline_text for many elements of one tree at once. Fed every node of a walk over the tree
// (enter and exit, in document order, kDrop elements entered but not descended into), it
// writes the collapsed text of the whole walk once; the inline text of an element walked so
// far (other than a kDrop one, which the walk does not enter) is then a span of it, from the
// position at the element's enter() to the position at its exit(): span(begin, max_bytes) equals
// inline_text(element, max_bytes) when max_bytes is at most kMaxSpan and the element's subtree was
// walked in at most 4 * max_bytes + 64 enter() calls (inline_text's node budget; visits() counts
// them). Extraction checks most short blocks of a page against word lists, many of them nested in
// each other: each check would otherwise walk and copy its block's text again.
class InlineTextStream {
 public:
  // Spans are exact up to this many bytes: each text node adds at most kNodeText collapsed
  // bytes (more never shows within the first kMaxSpan bytes of a span, which starts at a node
  // boundary), so the stream stays small on pages of long paragraphs.
  static constexpr size_t kMaxSpan = 400;
  static constexpr size_t kNodeText = kMaxSpan + 16;

  // Returns, for a text node, its visible bytes (those that are not whitespace). enter and exit
  // are inline: classify calls them for every node of the page.
  size_t enter(const dom::Node* n) {
    if (n->is_element()) {
      enter_element(tag_kind(n));
      return 0;
    }
    ++visits_;
    return n->is_text() ? text(n->data) : 0;
  }
  void exit(const dom::Node* n) {
    if (n->is_element()) exit_element(tag_kind(n));
  }
  // enter and exit of an element whose tag_kind the caller has at hand (tag_kind reads a
  // button's text to tell a text button from a control).
  void enter_element(TagKind k) {
    ++visits_;
    // A kDrop element is not entered by inline_text (unless it is the root, whose separators
    // never show): its exit still separates.
    if (k != TagKind::kInline && k != TagKind::kDrop) pending_space_ = true;
  }
  void exit_element(TagKind k) {
    if (k != TagKind::kInline) pending_space_ = true;
  }
  size_t position() const { return out_.size(); }
  uint64_t visits() const { return visits_; }
  // The text from `begin` (a position() at an enter) to now, at most max_bytes (<= kMaxSpan).
  std::string_view span(size_t begin, size_t max_bytes) const;

 private:
  size_t text(std::string_view data);
  std::string out_;
  bool pending_space_ = false;
  uint64_t visits_ = 0;
};

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_RENDER_H_
