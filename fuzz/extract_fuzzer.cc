// libFuzzer target for klartext::extract (fuzz/extract.cmake): any bytes, with option bits taken
// from the first byte, must extract memory-safely and serialize to one line of JSON.
// Seeds: fuzz/seeds/extract/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "klartext/klartext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t bits = data[0];
  std::string_view html(reinterpret_cast<const char*>(data + 1), size - 1);
  klartext::ExtractOptions o;
  o.with_markdown = bits & 1;
  o.include_links = bits & 2;
  o.include_images = bits & 4;
  o.include_comments = bits & 8;
  o.include_tables = !(bits & 16);
  o.favor_precision = bits & 32;
  o.favor_recall = bits & 64;
  if (bits & 128) o.charset = "shift_jis";
  // Generous budget: a slow run under the sanitizers must not change what is extracted.
  o.max_milliseconds = 10000;
  auto check = [&](const klartext::ExtractOptions& opt) {
    auto doc = klartext::extract(html, opt);
    if (!doc.ok()) return;
    std::string json = klartext::to_json(*doc, "fuzz", opt.with_markdown);
    if (json.empty() || json.front() != '{' || json.back() != '}' ||
        json.find('\n') != std::string::npos)
      std::abort();
    if (doc->truncated != !doc->truncation.empty()) std::abort();
  };
  check(o);
  // The smallest budget: the caps' floor (64 KiB, 1000 nodes) and no extraction time, so the
  // truncation paths (node cap, cheapest extraction, byte cut on long inputs) run too.
  if (html.size() > 512) {
    o.max_milliseconds = 0;
    check(o);
  }
  return 0;
}
