// klartext's public C++ API: extract a web page's main content and metadata.
// Tested in tests/api/api_test.cc.
#ifndef KLARTEXT_KLARTEXT_H_
#define KLARTEXT_KLARTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"

namespace klartext {

enum class OutputFormat { kText, kMarkdown, kJson };

struct ExtractOptions {
  std::string url;      // the page's address, for links and metadata; may be empty
  std::string charset;  // transport charset (HTTP header or user), empty to sniff
  bool include_comments = false;
  bool include_tables = true;
  bool include_links = false;   // Markdown: keep [text](href)
  bool include_images = false;  // Markdown: keep ![alt](src)
  bool with_markdown = false;   // also fill Document::markdown
  // Precision/recall trade-off: favor_precision drops borderline blocks, favor_recall keeps them.
  bool favor_precision = false;
  bool favor_recall = false;
  // Hard caps per document.
  // - max_input_bytes: larger input is refused with StatusCode::kLimitExceeded before any work.
  // - max_milliseconds: the work budget of the whole call (decode, parse, metadata, extraction).
  //   It sets deterministic caps (the same bytes are always cut at the same place):
  //     input bytes read:  max_milliseconds x 64 KiB (6.25 MiB at the default 100 ms), and the
  //                        same for the text decoded to UTF-8 (a legacy encoding can grow 3x),
  //     DOM nodes built:   max_milliseconds x 1000   (100,000 at 100 ms),
  //   never below 1 ms worth (64 KiB, 1000 nodes). Past a byte cap the page is cut at the
  //   last '<' before it; at the node cap the parser stops. Either way the result is a normal
  //   Document of the page up to the cut, with Document::truncated set and
  //   Document::truncation saying which cap and where; it is not an error. The caps sit above
  //   every real page we have measured (at most 5.3 MB and 34,450 nodes, wcxb-dev) and keep
  //   the pathological pages of bench/pathological_bench within the budget on the development
  //   machine. Besides, content extraction counts the calling thread's CPU time (not wall
  //   time, so machine load does not change results) and past the budget takes its cheapest
  //   path (also reported as truncated). Raise max_milliseconds to read bigger pages whole.
  size_t max_input_bytes = size_t(64) << 20;
  double max_milliseconds = 100;
};

// One page's result. Empty strings mean "not found".
struct Document {
  std::string url;
  std::string title;
  std::string author;  // several authors joined by ", " ("A, B, C")
  std::string date;    // publication date, ISO 8601 (YYYY-MM-DD, with time when known;
                       // YYYY-MM when the page names only a month)
  std::string sitename;
  std::string description;
  std::string language;  // BCP 47 from the page (html lang, meta), e.g. "de", "zh-CN"
  std::string canonical_url;
  std::string image;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::string text;  // main content: paragraphs separated by blank lines
  // The heading that opened the content and repeated the title; left out of `text` (benchmark
  // gold treats the headline as metadata) and printed above it by `klartext extract`.
  std::string headline;
  std::string markdown;  // when ExtractOptions::with_markdown
  std::string encoding;  // the input encoding that was used, and why
  std::string encoding_source;
  // A work cap of ExtractOptions::max_milliseconds cut the page short: the fields above hold
  // what the page said up to the cut. `truncation` says which cap, for people (e.g. "input cut
  // at byte 6553598 of 52428911: max_milliseconds 100 reads at most 6553600 bytes").
  bool truncated = false;
  std::string truncation;
};

// Extracts main content and metadata from one page's raw bytes (any encoding).
Result<Document> extract(std::string_view html_bytes, const ExtractOptions& options = {});

// Serialises a Document as one line of JSON (no trailing newline), with "source" when given,
// and "truncated": true with "truncation" only when the page was cut short.
std::string to_json(const Document& doc, std::string_view source = {}, bool with_markdown = false);

}  // namespace klartext

#endif  // KLARTEXT_KLARTEXT_H_
