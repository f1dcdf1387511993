// Corpus statistics: merging, JSON round trip, table. Tested in tests/pipeline/stats_test.cc.
#include "pipeline/stats.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>

#include "base/json_writer.h"

namespace klartext::pipeline {

void CorpusStats::add_error(RunError e) {
  ++error_count;
  if (errors.size() < kMaxErrors) errors.push_back(std::move(e));
}

void CorpusStats::merge(const CorpusStats& o) {
  input_files += o.input_files;
  input_bytes += o.input_bytes;
  for (const auto& [k, v] : o.records_by_type) records_by_type[k] += v;
  html_pages += o.html_pages;
  skipped_not_html += o.skipped_not_html;
  extraction_failed += o.extraction_failed;
  empty_text += o.empty_text;
  truncated += o.truncated;
  for (const auto& [k, v] : o.pages_by_language) pages_by_language[k] += v;
  for (const auto& [k, v] : o.dropped_by_rule) dropped_by_rule[k] += v;
  exact_duplicates += o.exact_duplicates;
  near_duplicates += o.near_duplicates;
  kept += o.kept;
  kept_text_bytes += o.kept_text_bytes;
  error_count += o.error_count;
  for (const auto& e : o.errors)
    if (errors.size() < kMaxErrors) errors.push_back(e);
}

namespace {
void write_map(base::JsonWriter& w, std::string_view key,
               const std::map<std::string, uint64_t>& m) {
  w.key(key).begin_object();
  for (const auto& [k, v] : m) w.key(k).value(v);
  w.end_object();
}
}  // namespace

std::string CorpusStats::to_json() const {
  std::string out;
  base::JsonWriter w(out);
  w.begin_object();
  w.key("input_files").value(input_files).key("input_bytes").value(input_bytes);
  write_map(w, "records_by_type", records_by_type);
  w.key("html_pages").value(html_pages).key("skipped_not_html").value(skipped_not_html);
  w.key("extraction_failed").value(extraction_failed).key("empty_text").value(empty_text);
  w.key("truncated").value(truncated);
  write_map(w, "pages_by_language", pages_by_language);
  write_map(w, "dropped_by_rule", dropped_by_rule);
  w.key("exact_duplicates").value(exact_duplicates).key("near_duplicates").value(near_duplicates);
  w.key("kept").value(kept).key("kept_text_bytes").value(kept_text_bytes);
  w.key("error_count").value(error_count);
  w.key("errors").begin_array();
  for (const auto& e : errors)
    w.begin_object()
        .key("file")
        .value(e.file)
        .key("offset")
        .value(e.offset)
        .key("message")
        .value(e.message)
        .end_object();
  w.end_array().end_object();
  return out;
}

Result<CorpusStats> stats_from_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root))
    return corrupt("statistics JSON is invalid");
  CorpusStats s;
  auto u64 = [&](const char* key, uint64_t& out) {
    uint64_t v;
    if (!root[key].get_uint64().get(v)) out = v;
  };
  auto map = [&](const char* key, std::map<std::string, uint64_t>& out) {
    simdjson::dom::object obj;
    if (root[key].get_object().get(obj)) return;
    for (auto field : obj) {
      uint64_t v;
      if (!field.value.get_uint64().get(v)) out[std::string(field.key)] = v;
    }
  };
  u64("input_files", s.input_files);
  u64("input_bytes", s.input_bytes);
  map("records_by_type", s.records_by_type);
  u64("html_pages", s.html_pages);
  u64("skipped_not_html", s.skipped_not_html);
  u64("extraction_failed", s.extraction_failed);
  u64("empty_text", s.empty_text);
  u64("truncated", s.truncated);
  map("pages_by_language", s.pages_by_language);
  map("dropped_by_rule", s.dropped_by_rule);
  u64("exact_duplicates", s.exact_duplicates);
  u64("near_duplicates", s.near_duplicates);
  u64("kept", s.kept);
  u64("kept_text_bytes", s.kept_text_bytes);
  u64("error_count", s.error_count);
  simdjson::dom::array errors;
  if (!root["errors"].get_array().get(errors)) {
    for (auto e : errors) {
      RunError re;
      std::string_view sv;
      uint64_t off;
      if (!e["file"].get_string().get(sv)) re.file = sv;
      if (!e["offset"].get_uint64().get(off)) re.offset = off;
      if (!e["message"].get_string().get(sv)) re.message = sv;
      s.errors.push_back(std::move(re));
    }
  }
  return s;
}

std::string CorpusStats::to_table() const {
  std::string out;
  char line[256];
  auto row = [&](const std::string& name, uint64_t v, uint64_t of) {
    if (of)
      std::snprintf(line, sizeof line, "  %-36s %10llu  %5.1f%%\n", name.c_str(),
                    static_cast<unsigned long long>(v), 100.0 * double(v) / double(of));
    else
      std::snprintf(line, sizeof line, "  %-36s %10llu\n", name.c_str(),
                    static_cast<unsigned long long>(v));
    out += line;
  };
  out += "input\n";
  row("files", input_files, 0);
  row("bytes", input_bytes, 0);
  out += "records by type\n";
  for (const auto& [k, v] : records_by_type) row(k, v, 0);
  out += "pages\n";
  row("HTML pages", html_pages, 0);
  row("not HTML (skipped)", skipped_not_html, 0);
  row("extraction failed", extraction_failed, html_pages);
  row("no main content", empty_text, html_pages);
  if (truncated) row("cut by a work cap", truncated, html_pages);
  for (const auto& [k, v] : dropped_by_rule) row("dropped: " + k, v, html_pages);
  row("exact duplicates", exact_duplicates, html_pages);
  row("near duplicates", near_duplicates, html_pages);
  row("kept", kept, html_pages);
  row("kept text bytes", kept_text_bytes, 0);
  out += "kept pages by language (top 20)\n";
  std::vector<std::pair<uint64_t, std::string>> langs;
  for (const auto& [k, v] : pages_by_language) langs.push_back({v, k});
  std::sort(langs.rbegin(), langs.rend());
  for (size_t i = 0; i < langs.size() && i < 20; ++i) row(langs[i].second, langs[i].first, kept);
  out += "errors\n";
  row("errors", error_count, 0);
  for (size_t i = 0; i < errors.size() && i < 20; ++i) {
    out += "  " + errors[i].file + " @" + std::to_string(errors[i].offset) + ": " +
           errors[i].message + "\n";
  }
  if (error_count > 20) out += "  ... (all listed in the JSON report)\n";
  return out;
}

}  // namespace klartext::pipeline
