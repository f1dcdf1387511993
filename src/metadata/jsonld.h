// JSON-LD (<script type="application/ld+json">) as real pages write it: repaired (control
// characters, trailing commas, comment/CDATA wrappers, several values in one script), parsed
// with simdjson, and read for schema.org article metadata. Tested in tests/metadata/jsonld_test.cc.
#ifndef KLARTEXT_METADATA_JSONLD_H_
#define KLARTEXT_METADATA_JSONLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace klartext::metadata {

// What one page's JSON-LD says. The first value found wins for single fields (scripts are
// read in document order). Strings are entity-decoded and whitespace-collapsed.
struct JsonLdFields {
  std::string headline;      // headline/name of an article-like object (Article, BlogPosting, ...)
  std::string page_name;     // headline/name of a WebPage or other creative work
  std::string product_name;  // name of a Product
  std::vector<std::string> authors;      // Person authors (or plain strings)
  std::vector<std::string> org_authors;  // Organization authors
  std::string date_published;            // raw values, parsed by the caller
  std::string date_created;
  std::string date_modified;
  std::string page_date_published;  // datePublished of a WebPage (less specific)
  std::string publisher;            // publisher name
  std::string website_name;         // WebSite name
  std::string description;
  std::string image;
  std::vector<std::string> keywords;
  std::vector<std::string> sections;
  std::string language;
  bool is_article = false;  // an article-like object was seen
  // One of them was typed a news story or blog post (NewsArticle, BlogPosting, or a subtype).
  bool is_news_or_blog = false;
  // The article fields above come from a VideoObject/AudioObject; a real article replaces them.
  bool article_from_media = false;
};

// Splits a script's text into repaired JSON values ready for a strict parser. At most
// max_values values; input beyond max_bytes is ignored.
std::vector<std::string> repair_jsonld(std::string_view text, size_t max_values = 16,
                                       size_t max_bytes = 1 << 20);

// Parses one script's text and adds what it finds to `out`. Invalid values are skipped.
void read_jsonld(std::string_view text, JsonLdFields& out);

}  // namespace klartext::metadata

#endif  // KLARTEXT_METADATA_JSONLD_H_
