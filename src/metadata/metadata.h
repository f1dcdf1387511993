// Page metadata from the DOM: title, author, date, site, description, language, canonical URL,
// image, tags, categories; from JSON-LD, OpenGraph, Twitter cards, <meta>, microdata, <time>
// and the text itself. Tested in tests/metadata/.
#ifndef KLARTEXT_METADATA_METADATA_H_
#define KLARTEXT_METADATA_METADATA_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"

namespace klartext::metadata {

struct MetadataOptions {
  std::string url;  // the page's address if known: resolves relative URLs, fallback site name
  // Dates after this day (plus one day of time-zone slack) are implausible: "YYYY-MM-DD", e.g.
  // the crawl date for archived pages. Empty: today (UTC).
  std::string reference_date;
  // Nodes visited at most. Real pages have a few thousand; 200k is a generous multiple of that
  // (not measured against the largest page) that still bounds pathological inputs.
  uint32_t max_nodes = 200000;
  // Body text scanned for bylines and dates, in bytes. Bylines and dates sit near the top of
  // an article; 48 KB is a few screens of text (chosen by that reasoning, not tuned).
  size_t max_text_bytes = 48 * 1024;
};

// Every field empty when not found. Strings are trimmed, whitespace-collapsed UTF-8.
struct Metadata {
  std::string title;   // the article's title, without " | Site name" suffixes
  std::string author;  // "A, B" for several authors ("Doe, Jane; Roe, John" if names hold commas)
  std::string date;    // publication date, ISO 8601: YYYY-MM-DD or YYYY-MM-DDThh:mm:ss±hh:mm;
                       // YYYY-MM when the page names only a month
  std::string sitename;
  std::string description;
  std::string language;  // BCP 47 from the markup (html lang, content-language, og:locale)
  std::string canonical_url;
  std::string image;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
};

Metadata extract_metadata(const dom::Document& doc, const MetadataOptions& options = {});

}  // namespace klartext::metadata

#endif  // KLARTEXT_METADATA_METADATA_H_
