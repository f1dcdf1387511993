// JSON-LD repair and schema.org field reading. Tested in tests/metadata/jsonld_test.cc.
#include "metadata/jsonld.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

#include "metadata/text_util.h"

namespace klartext::metadata {
namespace {

// JSON nesting we follow when reading fields. schema.org metadata sits within a few levels
// (@graph > object > author > name); 12 leaves room and bounds the recursion.
constexpr int kMaxDepth = 12;
// Longest string we keep from one JSON-LD field (articleBody etc. are never read).
constexpr size_t kMaxFieldBytes = 2048;
// Most keywords/sections kept from one page.
constexpr size_t kMaxListItems = 64;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whether any of the eight bytes in x ends a run of plain string content in repair_jsonld:
// a quote, a backslash or a control character (below 0x20). Exact as a yes/no answer: the
// classic zero-byte test ((v - 0x01..) & ~v & 0x80..) has no false positive when asked only
// whether some byte matches, and the same holds for "some byte below n" with n <= 0x80.
bool string_stop_in(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  return has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\')) |
         ((x - kOnes * 0x20) & ~x & kHigh);
}

std::string clean(std::string_view s) {
  return repair_mojibake(collapse_space(decode_entities(utf8_prefix(s, kMaxFieldBytes))));
}

// schema.org types whose headline is the page's article title. Origin: the schema.org
// CreativeWork subtypes that news, blog and recipe pages declare.
bool article_type(std::string_view t) {
  if (t.ends_with("Article") || t.find("Posting") != std::string_view::npos) return true;
  static constexpr std::string_view kTypes[] = {"Report", "Recipe", "Review", "VideoObject",
                                                "HowTo",  "Thesis", "Blog",   "Episode",
                                                "Course", "Event"};
  for (std::string_view k : kTypes)
    if (t == k) return true;
  return false;
}

struct Types {
  bool article = false, page = false, website = false, product = false, org = false, person = false,
       breadcrumb = false, question = false, media = false, news_or_blog = false;
};

void classify(std::string_view t, Types& types) {
  if (t.starts_with("http://schema.org/")) t.remove_prefix(18);
  if (t.starts_with("https://schema.org/")) t.remove_prefix(19);
  if (t.starts_with("schema:")) t.remove_prefix(7);
  if (article_type(t)) types.article = true;
  // NewsArticle, BlogPosting and their subtypes (ReportageNewsArticle, LiveBlogPosting): the
  // types a news or blog system picks for its stories, where plain "Article" is what SEO
  // plugins stamp on every page.
  if (t.ends_with("NewsArticle") || t.ends_with("BlogPosting")) types.news_or_blog = true;
  if (t.ends_with("Page")) types.page = true;
  if (t == "WebSite") types.website = true;
  if (t == "Product") types.product = true;
  if (t.ends_with("Organization") || t == "Corporation" || t == "NewsMediaOrganization")
    types.org = true;
  if (t == "Person") types.person = true;
  if (t == "Question") types.question = true;
  if (t == "VideoObject" || t == "AudioObject") types.media = true;
  if (t == "BreadcrumbList" || t == "ItemList" || t == "SiteNavigationElement")
    types.breadcrumb = true;
}

Types types_of(simdjson::dom::object obj) {
  Types types;
  simdjson::dom::element t;
  if (obj["@type"].get(t)) return types;
  std::string_view s;
  if (!t.get_string().get(s)) {
    classify(s, types);
  } else if (t.is_array()) {
    for (simdjson::dom::element e : t.get_array())
      if (!e.get_string().get(s)) classify(s, types);
  }
  return types;
}

std::string string_field(simdjson::dom::object obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get_string().get(s)) return {};
  return clean(s);
}

void set_if_empty(std::string& field, std::string value) {
  if (field.empty() && !value.empty()) field = std::move(value);
}

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("/");
}

// One author value: a string, a Person/Organization object, or an array of those.
void read_authors(simdjson::dom::element e, JsonLdFields& out, int depth) {
  if (depth > 3) return;
  std::string_view s;
  if (!e.get_string().get(s)) {
    std::string name = clean(s);
    if (!name.empty() && !looks_like_url(name) && out.authors.size() < kMaxListItems)
      out.authors.push_back(std::move(name));
    return;
  }
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (simdjson::dom::element x : arr) read_authors(x, out, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return;
  Types t = types_of(obj);
  std::string name = string_field(obj, "name");
  if (name.empty()) {
    std::string given = string_field(obj, "givenName"), family = string_field(obj, "familyName");
    name = collapse_space(given + " " + family);
  }
  if (name.empty() || looks_like_url(name)) return;
  auto& list = t.org ? out.org_authors : out.authors;
  if (list.size() < kMaxListItems) list.push_back(std::move(name));
}

std::string image_of(simdjson::dom::element e, int depth) {
  if (depth > 3) return {};
  std::string_view s;
  if (!e.get_string().get(s)) return clean(s);
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (simdjson::dom::element x : arr) {
      std::string r = image_of(x, depth + 1);
      if (!r.empty()) return r;
    }
    return {};
  }
  simdjson::dom::object obj;
  if (!e.get_object().get(obj)) {
    std::string u = string_field(obj, "url");
    return u.empty() ? string_field(obj, "contentUrl") : u;
  }
  return {};
}

// Keywords/sections: an array of strings, or one comma-separated string.
void read_list(simdjson::dom::element e, std::vector<std::string>& out, bool split_commas) {
  std::string_view s;
  auto add = [&](std::string_view item) {
    std::string v = clean(item);
    if (!v.empty() && v.size() <= 200 && out.size() < kMaxListItems) out.push_back(std::move(v));
  };
  if (!e.get_string().get(s)) {
    if (!split_commas) return add(s);
    while (!s.empty()) {
      size_t comma = s.find(',');
      add(s.substr(0, comma));
      if (comma == std::string_view::npos) break;
      s.remove_prefix(comma + 1);
    }
    return;
  }
  simdjson::dom::array arr;
  if (!e.get_array().get(arr))
    for (simdjson::dom::element x : arr)
      if (!x.get_string().get(s)) add(s);
}

void visit(simdjson::dom::element e, JsonLdFields& out, int depth);

void visit_object(simdjson::dom::object obj, JsonLdFields& out, int depth) {
  Types t = types_of(obj);
  simdjson::dom::element v;
  if (t.breadcrumb) return;
  // The Question a forum or Q&A thread opens with (QAPage > mainEntity) is the thread's post:
  // its author and date are the page's. FAQ entries are Questions too, but carry no author,
  // and their names are not the page's title: only an authored Question counts.
  if (t.question && !obj["author"].get(v)) t.article = true;
  // A video is the page's article only when nothing else is: pages embed videos (with their
  // own names and upload dates) beside the article, often in scripts before its own.
  if (t.article && t.media) {
    if (out.is_article && !out.article_from_media) t.article = false;
    if (!out.is_article) out.article_from_media = true;
  } else if (t.article && out.article_from_media) {
    out.article_from_media = false;
    out.headline.clear();
    out.authors.clear();
    out.date_published.clear();
    out.date_created.clear();
    out.date_modified.clear();
  }
  if (t.article) {
    out.is_article = true;
    if (t.news_or_blog) out.is_news_or_blog = true;
    std::string h = string_field(obj, "headline");
    if (h.empty()) h = string_field(obj, "name");
    set_if_empty(out.headline, std::move(h));
  } else if (t.page) {
    std::string h = string_field(obj, "headline");
    if (h.empty()) h = string_field(obj, "name");
    set_if_empty(out.page_name, std::move(h));
  } else if (t.product) {
    set_if_empty(out.product_name, string_field(obj, "name"));
  } else if (t.website) {
    set_if_empty(out.website_name, string_field(obj, "name"));
  } else if (t.org && depth <= 1) {
    // A top-level Organization is usually the site's owner.
    set_if_empty(out.publisher, string_field(obj, "name"));
  }
  if (t.article || t.page || t.product) {
    if (!obj["author"].get(v))
      read_authors(v, out, 0);
    else if (!obj["creator"].get(v))
      read_authors(v, out, 0);
    std::string pub = string_field(obj, "datePublished");
    if (pub.empty()) pub = string_field(obj, "uploadDate");
    if (t.article) {
      set_if_empty(out.date_published, std::move(pub));
      set_if_empty(out.date_created, string_field(obj, "dateCreated"));
      set_if_empty(out.date_modified, string_field(obj, "dateModified"));
    } else {
      set_if_empty(out.page_date_published, std::move(pub));
    }
    if (!obj["publisher"].get(v)) {
      simdjson::dom::object po;
      std::string_view ps;
      if (!v.get_object().get(po))
        set_if_empty(out.publisher, string_field(po, "name"));
      else if (!v.get_string().get(ps))
        set_if_empty(out.publisher, clean(ps));
    }
    set_if_empty(out.description, string_field(obj, "description"));
    if (!obj["image"].get(v))
      set_if_empty(out.image, image_of(v, 0));
    else if (!obj["thumbnailUrl"].get(v))
      set_if_empty(out.image, image_of(v, 0));
    if (!obj["keywords"].get(v)) read_list(v, out.keywords, true);
    if (!obj["articleSection"].get(v)) read_list(v, out.sections, false);
    set_if_empty(out.language, string_field(obj, "inLanguage"));
  }
  if (depth >= kMaxDepth) return;
  if (!obj["@graph"].get(v)) visit(v, out, depth + 1);
  if (!obj["mainEntity"].get(v)) visit(v, out, depth + 1);
  if (!t.article && !obj["hasPart"].get(v)) visit(v, out, depth + 1);
}

void visit(simdjson::dom::element e, JsonLdFields& out, int depth) {
  if (depth > kMaxDepth) return;
  simdjson::dom::object obj;
  if (!e.get_object().get(obj)) return visit_object(obj, out, depth);
  simdjson::dom::array arr;
  if (!e.get_array().get(arr))
    for (simdjson::dom::element x : arr) visit(x, out, depth + 1);
}

}  // namespace

std::vector<std::string> repair_jsonld(std::string_view text, size_t max_values, size_t max_bytes) {
  if (text.size() > max_bytes) text = text.substr(0, max_bytes);
  std::vector<std::string> values;
  // The value being built is cur followed by text[kept, i): bytes that stay as they are (almost
  // all) are copied as one range when an edit (a byte dropped or replaced) or the value's end
  // needs them, not byte by byte.
  std::string cur;
  size_t kept = 0;
  auto flush = [&](size_t end) {
    cur.append(text.data() + kept, end - kept);
    kept = end;
  };
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size() && values.size() < max_values; ++i) {
    char c = text[i];
    if (depth == 0) {
      // Between values: wrappers (<!-- -->, CDATA, ';') are skipped. '[' only opens a value
      // when an array plausibly follows, so "<![CDATA[" does not.
      if (text.substr(i, 9) == "<![CDATA[") {
        i += 8;
        continue;
      }
      bool open = c == '{';
      if (c == '[') {
        size_t k = i + 1;
        while (k < text.size() && is_space(text[k])) ++k;
        open = k < text.size() &&
               (text[k] == '{' || text[k] == '[' || text[k] == '"' || text[k] == ']');
      }
      if (!open) continue;
      cur.clear();
      kept = i;
      depth = 1;
      continue;
    }
    if (in_string) {
      // Most bytes are plain string content, kept: passed over as one run, eight bytes a step.
      size_t j = i;
      for (uint64_t x; j + 8 <= text.size(); j += 8) {
        std::memcpy(&x, text.data() + j, 8);
        if (string_stop_in(x)) break;
      }
      while (j < text.size() && text[j] != '\\' && text[j] != '"' &&
             static_cast<unsigned char>(text[j]) >= 0x20)
        ++j;
      if (j > i) {
        i = j - 1;
        continue;
      }
      if (c == '\\' && i + 1 < text.size()) {
        char n = text[i + 1];
        if (!(n == '"' || n == '\\' || n == '/' || n == 'b' || n == 'f' || n == 'n' || n == 'r' ||
              n == 't' || n == 'u')) {
          flush(i);  // "\'" and other escapes JSON lacks: the backslash goes, the character stays
          kept = i + 1;
        }
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        flush(i);
        cur += ' ';  // raw newlines and tabs inside strings
        kept = i + 1;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',') {
      size_t k = i + 1;
      while (k < text.size() && is_space(text[k])) ++k;
      if (k < text.size() && (text[k] == '}' || text[k] == ']')) {  // trailing comma: dropped
        flush(i);
        kept = i + 1;
        continue;
      }
    } else if (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) {
      flush(i);
      kept = i + 1;
      continue;
    }
    if (depth == 0) {
      flush(i + 1);
      values.push_back(std::move(cur));
      cur.clear();
    }
  }
  return values;
}

// Whether repair_jsonld would open its first value at the first non-space byte of text: a '{',
// or a '[' that an object, array, string or ']' follows (its test, repeated).
bool opens_at_start(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i == text.size()) return false;
  if (text[i] == '{') return true;
  if (text[i] != '[') return false;
  size_t k = i + 1;
  while (k < text.size() && is_space(text[k])) ++k;
  return k < text.size() && (text[k] == '{' || text[k] == '[' || text[k] == '"' || text[k] == ']');
}

void read_jsonld(std::string_view text, JsonLdFields& out) {
  // One parser per thread: its buffers are reused across pages.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  // Most scripts hold one valid JSON value, which repair_jsonld returns unchanged (every edit it
  // makes fixes something strict JSON forbids: control bytes, trailing commas, escapes JSON
  // lacks, wrappers or a second value; simdjson rejects all of them). Such a script is parsed
  // as it is, without repair's scan and copy; any other falls through to the repair.
  if (text.size() <= (size_t(1) << 20) && opens_at_start(text) &&
      !parser.parse(text.data(), text.size(), true).get(root)) {
    visit(root, out, 0);
    return;
  }
  for (const std::string& value : repair_jsonld(text)) {
    if (parser.parse(value.data(), value.size(), true).get(root)) continue;
    visit(root, out, 0);
  }
}

}  // namespace klartext::metadata
