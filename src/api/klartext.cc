// The public API: bytes -> decode -> parse -> metadata -> extract -> Document, and its JSON form.
// Tested in tests/api/api_test.cc.
#include "klartext/klartext.h"

#include <algorithm>
#include <chrono>

#include "api/pipeline_steps.h"
#include "base/cpu_clock.h"
#include "base/json_writer.h"
#include "decode/decode.h"
#include "html/parser.h"
#include "metadata/metadata.h"

namespace klartext {

Result<Document> extract(std::string_view html_bytes, const ExtractOptions& options) {
  double start_ms = base::thread_cpu_ms();
  if (html_bytes.size() > options.max_input_bytes)
    return limit_exceeded("input of " + std::to_string(html_bytes.size()) +
                          " bytes exceeds max_input_bytes " +
                          std::to_string(options.max_input_bytes));
  decode::DecodeOptions dopt;
  dopt.transport_charset = options.charset;
  auto decoded = decode::decode_html(html_bytes, dopt);
  if (!decoded.ok()) return decoded.status();

  Document out;
  out.encoding = decoded->encoding;
  out.encoding_source = std::string(decode::encoding_source_name(decoded->source));

  html::ParseOptions popt;
  popt.max_input_bytes = std::max(popt.max_input_bytes, options.max_input_bytes);
  auto parsed = html::parse(std::move(decoded->utf8), popt);
  if (!parsed.ok()) return parsed.status();
  const dom::Document& dom = *parsed.value();

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
  copt.max_milliseconds = budget;
  api::Content content = api::extract_content(dom, copt);
  out.text = std::move(content.text);
  out.markdown = std::move(content.markdown);
  out.headline = std::move(content.headline);

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
  w.end_object();
  return out;
}

}  // namespace klartext
