// The public API: bytes -> decode -> parse -> metadata -> extract -> Document, and its JSON form.
// Tested in tests/api/api_test.cc.
#include "klartext/klartext.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "api/pipeline_steps.h"
#include "base/cpu_clock.h"
#include "base/json_writer.h"
#include "decode/decode.h"
#include "html/parser.h"
#include "metadata/metadata.h"

namespace klartext {
namespace {

// Work caps per millisecond of ExtractOptions::max_milliseconds (documented there). How they
// were chosen: on the development machine the whole call costs up to ~15 ms per MB of input
// (50 MB of short paragraphs; plain text ~6 ms/MB) and ~0.25 us per DOM node (1,000,000
// sibling spans, 100k nested tables, NUL-laden markup), so 6.25 MiB and 100,000 nodes at the
// default 100 ms leave room for each other within the budget (bench/pathological_bench). The
// largest real pages we have (wcxb-dev, scrapinghub, readability-testpages, chinese-wce) are
// 5.3 MB and 34,450 nodes: below both caps, so real pages are read whole.
constexpr double kBytesPerMs = 64 * 1024;
constexpr double kNodesPerMs = 1000;
// The caps never go below one millisecond's worth, so even a tiny budget reads the start of
// the page: the <title> starts beyond the first 64 KiB on only 49 of our 2007 dataset pages
// (long inline styles or scripts before it).
constexpr double kMinCapMs = 1;
// The byte cut backs up to the last '<' within this distance, so that the page ends before a
// tag rather than inside one (and, in ASCII-compatible encodings, between characters: '<' is
// never a trail byte of UTF-8, Shift_JIS, GBK, Big5 or EUC-*).
constexpr size_t kCutSearchBytes = 64 * 1024;

size_t cap_for(double budget_ms, double per_ms, double limit) {
  // Written so that a NaN or negative budget takes the floor (std::max would pass NaN on).
  double cap = (budget_ms >= kMinCapMs ? budget_ms : kMinCapMs) * per_ms;
  return cap >= limit ? size_t(limit) : size_t(cap);
}

// Where to cut html_bytes so that at most max_bytes are read.
size_t cut_position(std::string_view bytes, size_t max_bytes) {
  if (bytes.size() <= max_bytes) return bytes.size();
  size_t low = max_bytes > kCutSearchBytes ? max_bytes - kCutSearchBytes : 0;
  size_t lt = bytes.substr(0, max_bytes).rfind('<');
  return lt != std::string_view::npos && lt > low ? lt : max_bytes;
}

void add_truncation(Document& out, const std::string& why) {
  out.truncated = true;
  if (!out.truncation.empty()) out.truncation += "; ";
  out.truncation += why;
}

std::string budget_text(double ms) {
  std::string s = std::to_string(ms);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) s.pop_back();
  return "max_milliseconds " + s;
}

// Where `text` ends under the byte cap (its size when it fits); a cut is reported on `out`
// ("input cut at byte N of M: ...").
size_t cut_to_byte_cap(std::string_view text, size_t max_bytes, double budget_ms,
                       std::string_view what, Document& out) {
  size_t cut = cut_position(text, max_bytes);
  if (cut < text.size())
    add_truncation(out, std::string(what) + " cut at byte " + std::to_string(cut) + " of " +
                            std::to_string(text.size()) + ": " + budget_text(budget_ms) +
                            " reads at most " + std::to_string(max_bytes) + " bytes");
  return cut;
}

}  // namespace

Result<Document> extract(std::string_view html_bytes, const ExtractOptions& options) {
  double start_ms = base::thread_cpu_ms();
  if (html_bytes.size() > options.max_input_bytes)
    return limit_exceeded("input of " + std::to_string(html_bytes.size()) +
                          " bytes exceeds max_input_bytes " +
                          std::to_string(options.max_input_bytes));
  Document out;
  size_t max_bytes = cap_for(options.max_milliseconds, kBytesPerMs, double(SIZE_MAX / 2));
  html_bytes = html_bytes.substr(
      0, cut_to_byte_cap(html_bytes, max_bytes, options.max_milliseconds, "input", out));

  decode::DecodeOptions dopt;
  dopt.transport_charset = options.charset;
  dopt.borrow_unchanged = true;  // html_bytes outlive the parsed document below
  auto decoded = decode::decode_html(html_bytes, dopt);
  if (!decoded.ok()) return decoded.status();

  out.encoding = decoded->encoding;
  out.encoding_source = std::string(decode::encoding_source_name(decoded->source));
  // Decoding can grow the text (up to 3x: each byte of a legacy encoding may become 2 or 3
  // bytes of UTF-8), and parsing and extraction cost grows with the text: the same cap holds
  // for the decoded text, cut the same way (at a '<', which is ASCII in UTF-8).
  size_t cut =
      cut_to_byte_cap(decoded->text(), max_bytes, options.max_milliseconds, "decoded text", out);

  html::ParseOptions popt;
  popt.max_input_bytes = std::max(popt.max_input_bytes, options.max_input_bytes);
  popt.max_nodes = uint32_t(cap_for(options.max_milliseconds, kNodesPerMs, double(popt.max_nodes)));
  html::ParseInfo info;
  if (!decoded->is_borrowed) decoded->utf8.resize(cut);
  auto parsed = decoded->is_borrowed
                    ? html::parse_borrowed(decoded->borrowed.substr(0, cut), popt, &info)
                    : html::parse(std::move(decoded->utf8), popt, &info);
  if (!parsed.ok()) return parsed.status();
  const dom::Document& dom = *parsed.value();
  if (info.truncated)
    add_truncation(out, "parse stopped at " + std::to_string(dom.node_count()) +
                            " nodes: " + budget_text(options.max_milliseconds) +
                            " builds at most " + std::to_string(popt.max_nodes) + " nodes");

  metadata::MetadataOptions mopt;
  mopt.url = options.url;
  metadata::Metadata md = metadata::extract_metadata(dom, mopt);

  // Extraction gets what decoding and parsing left of the page's CPU-time budget (at least a
  // tenth of it, so a slow parse still yields content rather than nothing).
  double spent = base::thread_cpu_ms() - start_ms;
  double budget = std::max(options.max_milliseconds - spent, options.max_milliseconds / 10);
  api::ContentOptions copt;
  copt.include_comments = options.include_comments;
  copt.include_tables = options.include_tables;
  copt.include_links = options.include_links;
  copt.include_images = options.include_images;
  copt.with_markdown = options.with_markdown;
  copt.favor_precision = options.favor_precision;
  copt.favor_recall = options.favor_recall;
  copt.title = md.title;
  copt.author = md.author;
  copt.max_milliseconds = budget;
  api::Content content = api::extract_content(dom, copt);
  out.text = std::move(content.text);
  out.markdown = std::move(content.markdown);
  out.headline = std::move(content.headline);
  if (content.truncated)
    add_truncation(out, "content extraction used up its share of " +
                            budget_text(options.max_milliseconds) +
                            " (CPU time) and took its cheapest path");

  out.url = !options.url.empty() ? options.url : md.canonical_url;
  out.title = std::move(md.title);
  out.author = std::move(md.author);
  out.date = std::move(md.date);
  out.sitename = std::move(md.sitename);
  out.description = std::move(md.description);
  out.language = std::move(md.language);
  out.canonical_url = std::move(md.canonical_url);
  out.image = std::move(md.image);
  out.tags = std::move(md.tags);
  out.categories = std::move(md.categories);
  return out;
}

std::string to_json(const Document& doc, std::string_view source, bool with_markdown) {
  std::string out;
  base::JsonWriter w(out);
  w.begin_object();
  if (!source.empty()) w.key("source").value(source);
  w.key("url").value(doc.url);
  w.key("title").value(doc.title);
  w.key("author").value(doc.author);
  w.key("date").value(doc.date);
  w.key("sitename").value(doc.sitename);
  w.key("description").value(doc.description);
  w.key("language").value(doc.language);
  w.key("canonical_url").value(doc.canonical_url);
  w.key("image").value(doc.image);
  w.key("tags").begin_array();
  for (const auto& t : doc.tags) w.value(t);
  w.end_array();
  w.key("categories").begin_array();
  for (const auto& c : doc.categories) w.value(c);
  w.end_array();
  w.key("text").value(doc.text);
  if (with_markdown) w.key("markdown").value(doc.markdown);
  if (doc.truncated) w.key("truncated").value(true).key("truncation").value(doc.truncation);
  w.end_object();
  return out;
}

}  // namespace klartext
