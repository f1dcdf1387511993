// Main-content extraction: from a parsed page, the blocks that make up its main content, rendered
// as plain text and (optionally) Markdown. Tested in tests/extract/extract_test.cc.
#ifndef KLARTEXT_EXTRACT_EXTRACT_H_
#define KLARTEXT_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dom/document.h"

namespace klartext::extract {

struct Options {
  bool include_comments = false;
  bool include_tables = true;
  bool include_links = false;   // Markdown: [text](href)
  bool include_images = false;  // Markdown: ![alt](src)
  bool with_markdown = false;
  bool favor_precision = false;
  bool favor_recall = false;
  // The page title from metadata, if known: a heading that repeats it at the top of the content
  // is left out of `text` (reported in `headline`). Empty: the <title> element is used.
  std::string_view title;
  // The page's authors from metadata ("Jane Doe, John Roe"), if known: a biography closing an
  // article that opens with one of their names is left out.
  std::string_view author;
  // Work caps. Nodes beyond max_nodes (in document order) are ignored; past the time budget the
  // remaining passes take the cheapest path (whole-body text without scoring).
  uint32_t max_nodes = 2u << 20;
  // Fill Extracted::explain with the chosen container and the scores behind the choice.
  bool explain = false;
  // With explain: also trace the ancestors of the first text node containing this string.
  std::string_view explain_needle;
  double max_milliseconds = 100;  // CPU time of the calling thread (base/cpu_clock.h)
};

struct Extracted {
  std::string text;        // paragraphs separated by blank lines
  std::string markdown;    // when Options::with_markdown
  std::string headline;    // the heading dropped from the top of text, if any
  bool truncated = false;  // a work cap was hit
  std::string explain;     // when Options::explain: one line per candidate, best first
};

// Extracts the main content of `doc`. Never fails: an empty page gives empty text.
Extracted extract(const dom::Document& doc, const Options& options = {});

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_EXTRACT_H_
