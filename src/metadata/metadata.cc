// Page metadata: one walk over the document collects candidates from markup (JSON-LD, meta,
// link, microdata, <time>) and from the first part of the body text (bylines, dates); each
// field then takes its best-ranked plausible candidate. Tested in tests/metadata/.
#include "metadata/metadata.h"

#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// xxHash inlined from its header (the same XXH3 as libxxhash): the class memo hashes most
// class values of a page.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/utf8.h"
#include "metadata/dates.h"
#include "metadata/jsonld.h"
#include "metadata/text_util.h"

namespace klartext::metadata {
namespace {

using dom::Node;
using dom::Tag;

// ---- Ranks -----------------------------------------------------------------------------------
// Lower is better. The order follows how specific and how reliable each source is: structured
// article data first (JSON-LD, OpenGraph article:*, scholarly citation_*), generic page meta
// next, microdata and markup classes after, free text last. The ordering was chosen by reading
// which source disagreed with the gold fields of wcxb-dev and readability-testpages (see
// tests/metadata/metadata_data_test.cc), not per site.
enum Rank : int {
  kJsonLdArticle = 10,
  kOpenGraph = 20,
  kCitation = 22,
  kParsely = 23,
  kMetaNamed = 26,      // <meta name=author|description|date|dc.*>
  kThreadStarter = 28,  // a forum's "Thread starter" label: above the posts' own microdata
  kMicrodata = 30,
  kMetaGeneric = 34,  // weaker meta (application-name, twitter:*)
  kJsonLdPage = 36,
  kTimePubdate = 38,
  kRelAuthor = 42,
  kClassByline = 46,
  kTextByline = 50,
  kTimeElement = 52,    // one better inside <article>/<main>: teaser lists before it are not it
  kDateClassText = 54,  // likewise
  kUrlDate = 58,
  kFreeTextDate = 62,
  kFallback = 80,  // modified dates, organisation authors, host names
};

struct Best {
  std::string value;
  int rank = INT_MAX;
  void offer(std::string v, int r) {
    if (r < rank && !v.empty()) value = std::move(v), rank = r;
  }
};

struct DateBest {
  std::optional<Date> date;
  int rank = INT_MAX;
  void offer(const std::optional<Date>& d, int r) {
    // A later candidate of the same rank only refines a date-only one with a time.
    if (!d) return;
    if (r < rank) {
      date = d, rank = r;
    } else if (r == rank && date && !date->has_offset && d->has_offset && d->year == date->year &&
               d->month == date->month && d->day == date->day) {
      date = d;
    }
  }
};

struct ListBest {
  std::vector<std::string> items;
  int rank = INT_MAX;
  // Several <meta property=article:tag> of the same rank accumulate.
  void add(std::vector<std::string> v, int r) {
    if (v.empty()) return;
    if (r < rank) {
      items = std::move(v), rank = r;
    } else if (r == rank) {
      for (auto& x : v) items.push_back(std::move(x));
    }
  }
};

// Most tags or categories kept: tag clouds can run to hundreds.
constexpr size_t kMaxTags = 32;
// Text gathered from one element (title, h1, byline, date container): headlines and bylines
// are well under 300 bytes; longer text is not one of them anyway.
constexpr size_t kMaxElementText = 512;
// Elements whose class names suggest a byline or date get their text read; a page with
// thousands of "date" classes (archives, comment lists) must not cost a gather each.
constexpr int kMaxClassGathers = 48;
// Non-blank text nodes after the first h1 read as its dateline: the date, a byline and a
// label or two fit, and so does a byline of name, follow button, reading time and separator
// before the date (blog platforms print "Name · Follow · 7 min read · Dec 30, 2013"). Chosen
// by that reasoning; on wcxb-dev 4 -> 6 gained 2 dates (one with the rank below), lost none,
// and 8 or more lost one.
constexpr int kTextsAfterHeadline = 6;
// Dates remembered from the page text: enough for a header with published/updated dates and
// a few in the content; the list is searched linearly.
constexpr size_t kMaxShownDates = 32;
// Text nodes kept for the month-without-day fallback: the scanned text budget (48 KB) holds
// at most a few thousand non-blank nodes; 4096 views (64 KB) cover it.
constexpr size_t kMaxUndatedTexts = 4096;

// ---- Tables -----------------------------------------------------------------------------------

enum class Field : uint8_t {
  kTitle,
  kAuthor,
  kDate,
  kModified,
  kSite,
  kDescription,
  kLanguage,
  kImage,
  kCanonical,
  kTags,
  kCategories,
};

// <meta name|property|itemprop=KEY content=...> keys (lower case). Origin: the OpenGraph and
// Twitter card specifications, Dublin Core (DCMI terms), Highwire/Google Scholar citation_*
// tags, Parse.ly and Sailthru meta tags, and the meta names trafilatura and htmldate read
// (their documentation lists them); ranks as explained above.
struct MetaKey {
  std::string_view key;
  Field field;
  int rank;
};
constexpr MetaKey kMetaKeys[] = {
    {"og:title", Field::kTitle, kOpenGraph},
    {"twitter:title", Field::kTitle, kMetaGeneric},
    {"citation_title", Field::kTitle, kCitation},
    {"parsely-title", Field::kTitle, kParsely},
    // A Dublin Core title is the one the publisher declares for the document itself (library,
    // government and scholarly catalogues), ahead of the share card's: Readability reads them in
    // that order too. On wcxb-dev no page changes; readability-testpages +1.
    {"dc.title", Field::kTitle, kOpenGraph - 1},
    {"dcterms.title", Field::kTitle, kOpenGraph - 1},
    {"sailthru.title", Field::kTitle, kMetaNamed},
    {"headline", Field::kTitle, kMicrodata},
    {"author", Field::kAuthor, kMetaNamed},
    {"article:author", Field::kAuthor, kOpenGraph},
    {"og:article:author", Field::kAuthor, kOpenGraph},
    {"citation_author", Field::kAuthor, kCitation},
    {"parsely-author", Field::kAuthor, kParsely},
    {"dc.creator", Field::kAuthor, kMetaNamed},
    {"dcterms.creator", Field::kAuthor, kMetaNamed},
    {"sailthru.author", Field::kAuthor, kMetaNamed},
    {"byl", Field::kAuthor, kMetaNamed},
    {"author_name", Field::kAuthor, kMetaNamed},
    {"article:published_time", Field::kDate, kOpenGraph},
    {"og:article:published_time", Field::kDate, kOpenGraph},
    {"og:published_time", Field::kDate, kOpenGraph},
    {"article:published", Field::kDate, kOpenGraph},
    {"published_time", Field::kDate, kMetaNamed},
    {"citation_publication_date", Field::kDate, kCitation},
    {"citation_date", Field::kDate, kCitation},
    {"citation_online_date", Field::kDate, kCitation},
    {"parsely-pub-date", Field::kDate, kParsely},
    {"datepublished", Field::kDate, kMicrodata},
    {"date", Field::kDate, kMetaNamed},
    {"dc.date", Field::kDate, kMetaNamed},
    {"dc.date.issued", Field::kDate, kMetaNamed},
    {"dc.date.created", Field::kDate, kMetaNamed},
    {"dcterms.date", Field::kDate, kMetaNamed},
    {"dcterms.issued", Field::kDate, kMetaNamed},
    {"dcterms.created", Field::kDate, kMetaNamed},
    {"pubdate", Field::kDate, kMetaNamed},
    {"published", Field::kDate, kMetaNamed},
    {"publishdate", Field::kDate, kMetaNamed},
    {"publish-date", Field::kDate, kMetaNamed},
    {"published-date", Field::kDate, kMetaNamed},
    {"publish_date", Field::kDate, kMetaNamed},
    {"publication_date", Field::kDate, kMetaNamed},
    {"original-publish-date", Field::kDate, kMetaNamed},
    {"article_date_original", Field::kDate, kMetaNamed},
    {"article.published", Field::kDate, kMetaNamed},
    {"sailthru.date", Field::kDate, kMetaNamed},
    {"release_date", Field::kDate, kMetaGeneric},
    {"displaydate", Field::kDate, kMetaGeneric},
    {"datecreated", Field::kDate, kMetaGeneric},
    {"article:modified_time", Field::kModified, kFallback},
    {"og:updated_time", Field::kModified, kFallback + 1},
    {"datemodified", Field::kModified, kFallback},
    {"dcterms.modified", Field::kModified, kFallback + 1},
    {"last-modified", Field::kModified, kFallback + 2},
    {"og:site_name", Field::kSite, kOpenGraph},
    {"citation_journal_title", Field::kSite, kCitation},
    {"citation_publisher", Field::kSite, kCitation + 1},
    {"dc.publisher", Field::kSite, kMetaNamed},
    {"publisher", Field::kSite, kMetaNamed},
    {"application-name", Field::kSite, kMetaGeneric},
    {"apple-mobile-web-app-title", Field::kSite, kMetaGeneric + 1},
    {"og:description", Field::kDescription, kOpenGraph},
    {"description", Field::kDescription, kOpenGraph + 1},
    {"twitter:description", Field::kDescription, kMetaGeneric},
    {"dc.description", Field::kDescription, kMetaNamed},
    {"content-language", Field::kLanguage, kMetaNamed},
    {"dc.language", Field::kLanguage, kMetaNamed + 1},
    {"language", Field::kLanguage, kMetaNamed + 2},
    {"og:locale", Field::kLanguage, kMetaGeneric},
    {"og:image", Field::kImage, kOpenGraph},
    {"og:image:url", Field::kImage, kOpenGraph},
    {"og:image:secure_url", Field::kImage, kOpenGraph + 1},
    {"twitter:image", Field::kImage, kMetaGeneric},
    {"twitter:image:src", Field::kImage, kMetaGeneric},
    {"thumbnail", Field::kImage, kMetaNamed},
    {"og:url", Field::kCanonical, kOpenGraph},
    {"article:tag", Field::kTags, kOpenGraph},
    {"og:article:tag", Field::kTags, kOpenGraph},
    {"parsely-tags", Field::kTags, kParsely},
    {"sailthru.tags", Field::kTags, kMetaNamed},
    {"news_keywords", Field::kTags, kMetaNamed},
    {"keywords", Field::kTags, kMetaNamed + 1},
    {"citation_keywords", Field::kTags, kCitation},
    {"article:section", Field::kCategories, kOpenGraph},
    {"og:article:section", Field::kCategories, kOpenGraph},
    {"parsely-section", Field::kCategories, kParsely},
};

// kMetaKeys' entries by key length, in table order: a page's <meta> key is compared only with
// the entries of its own length (a handful) instead of the whole table. Keys are at most 64
// bytes (on_meta reads no longer ones).
const std::vector<uint8_t>& meta_keys_of_size(size_t size) {
  static_assert(std::size(kMetaKeys) < 256);
  static const auto* index = [] {
    auto* idx = new std::array<std::vector<uint8_t>, 65>;
    for (size_t i = 0; i < std::size(kMetaKeys); ++i) {
      if (kMetaKeys[i].key.size() > 64) std::abort();  // on_meta would never ask for it
      (*idx)[kMetaKeys[i].key.size()].push_back(uint8_t(i));
    }
    return idx;
  }();
  return (*index)[std::min<size_t>(size, 64)];
}

// Words that introduce a byline, lower case, with their trailing space or colon. Origin: the
// ordinary preposition for "by" / the word "author" in each language, as news sites print it;
// "thread starter" and "started by", the labels forum software prints before the name of who
// opened a thread (XenForo, SMF); "authors:", the plural label of pages by several people;
// "article by"; "article written by" and "this post was written by", the author credits that
// close health and company blog posts.
// Editors ("编辑：") are not here: kCjkBylineMarkers ranks them below authors and reporters.
constexpr std::string_view kBylinePrefixes[] = {
    "written by: ",
    "posted by: ",
    "written by ",
    "posted by ",
    "published by ",
    "reviewed by ",
    "text by ",
    "words by ",
    "story by ",
    "authored by: ",
    "authored by ",
    "by: ",
    "by ",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "av ",
    "af ",
    "przez ",
    "автор: ",
    "autor: ",
    "autor ",
    "author: ",
    "authors: ",
    "auteur : ",
    "auteur: ",
    "autore: ",
    "text: ",
    "作者：",
    "作者:",
    "作者 ",
    "文/",
    "文／",
    "文：",
    "记者：",
    "记者 ",
    "著者：",
    "thread starter ",
    "started by ",
    "article by ",
    "view all posts by ",
    "article written by: ",
    "article written by ",
    "this post was written by ",
};

// Chinese bylines name the reporter or editor after a marker anywhere in a short line
// ("光明日报记者 王建宏", "（责任编辑：魏喆）"). Origin: the credit lines of Chinese news
// and portal pages (reporter, author, editor-in-charge, editor, "text by", "written by" of
// collective reports); editors come second.
struct CjkMarker {
  std::string_view marker;
  int rank_offset;
  bool strict = false;  // no colon: see cjk_names
};
constexpr CjkMarker kCjkBylineMarkers[] = {
    {"记者：", 0}, {"记者:", 0}, {"记者", 0, true}, {"作者：", 0},     {"作者:", 0},
    {"撰文：", 0}, {"文／", 0},  {"文/", 0},        {"责任编辑：", 2}, {"责任编辑:", 2},
    {"编辑：", 3}, {"编辑:", 3}, {"来稿：", 3},     {"执笔人：", 0},   {"执笔：", 0},
};

// Texts that sit in byline slots but are labels, not names: the labels, buttons and headings
// that CMS themes put in author boxes ("Written by", "View more posts", "Sign in"). Lower case.
constexpr std::string_view kNotNames[] = {
    "author",
    "authors",
    "by",
    "posted by",
    "written by",
    "about the author",
    "share",
    "admin",
    "staff",
    "editor",
    "comments",
    "leave a comment",
    "unknown",
    "anonymous",
    "updated",
    "article by",
    "the author",
    "sign in",
    "log in",
    "view more posts",
    "topic author",
    "author spotlight",
    "follow",
    "more",
    "reviewed by",
    "username",
    "user name",
    "first name",
    "last name",
    "full name",
    "follow the author",
};

// Chinese label words (editor, author, source, article, reading count) that a name never
// contains: a "name" holding one is a label line read whole ("51offer编辑：Alice",
// "该作者文章"). Origin: the credit lines of Chinese news pages (see kCjkBylineMarkers).
constexpr std::string_view kCjkLabelWords[] = {"编辑", "作者", "来源", "文章", "阅读"};

// Common Chinese surnames, simplified and traditional forms: the first character of a name
// that a line holds alone ("胡平" under an essay's title). Origin: the most frequent
// single-character surnames of mainland China's household-register statistics (about the
// first hundred, which most people carry), and their traditional forms. Two-character words
// that start with one of them ("文章", "高级") are why a name line needs more (see
// name_line).
constexpr std::string_view kCjkSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹", "彭",
    "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏",
    "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石",
    "金", "韦", "贾", "夏", "付", "傅", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江",
    "尹", "薛", "闫", "段", "雷", "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵",
    "万", "覃", "武", "钱", "戴", "严", "欧", "莫", "孔", "向", "常", "汤", "康", "易", "乔",
    "赖", "施", "洪", "柯", "庄", "牛", "葛", "邢", "齐", "伍", "庞", "颜", "倪", "温", "耿",
    "聂", "翟", "陳", "楊", "黃", "趙", "吳", "劉", "張", "鄭", "謝", "許", "韓", "鄧", "馮",
    "蕭", "葉", "蘇", "呂", "盧", "鍾", "譚", "陸", "韋", "賈", "鄒", "閻", "龍", "賀", "顧",
    "龔", "萬", "錢", "嚴", "歐", "喬", "賴", "羅", "孫", "馬", "蔣",
};
// Each entry is one CJK character (three UTF-8 bytes), listed once.
static_assert([] {
  for (size_t i = 0; i < std::size(kCjkSurnames); ++i) {
    if (kCjkSurnames[i].size() != 3) return false;
    for (size_t j = 0; j < i; ++j)
      if (kCjkSurnames[i] == kCjkSurnames[j]) return false;
  }
  return true;
}());

// Class/id fragments marking a byline. Origin: common CMS themes (WordPress "author vcard",
// "byline", "post-author", hNews "author") and forum software, which marks a post's author
// "username" / "user-name"; checked as substrings of lower-cased tokens.
constexpr std::string_view kBylineClassParts[] = {"byline",      "author",    "writer",
                                                  "contributor", "posted-by", "postedby",
                                                  "reporter",    "username",  "user-name"};
// Class/id fragments that contain "author" but mark something else.
constexpr std::string_view kNotBylineClassParts[] = {"authority", "authorize"};
// Class/id fragments marking a publication-date container.
constexpr std::string_view kDateClassParts[] = {
    "date", "time", "publish", "posted", "dateline", "byline", "meta", "entry-info", "post-info"};
// Class/id fragments of regions whose authors and dates belong to something else (comments,
// related-article lists, sidebars, footers). Bylines and dates are not read inside them.
// "widget" is not one: page builders (Elementor, HubSpot) wrap whole pages in "widget"
// containers, and dropping it found 10 more authors and dates on wcxb-dev and lost 2; sidebar
// widgets mostly sit in <aside> or carry one of these names anyway.
constexpr std::string_view kNoiseClassParts[] = {"comment",  "related", "recommend",   "popular",
                                                 "trending", "reply",   "more-stories"};
// Class parts that are false friends of the above ("authority", "update").
constexpr std::string_view kModifiedClassParts[] = {"update", "modif", "edited"};

// ---- Helpers ---------------------------------------------------------------------------------

bool skip_subtree(const Node* n) {
  if (!n->is_element()) return false;
  if (n->ns != dom::Namespace::kHtml) return true;  // svg/math carry no metadata
  switch (n->tag) {
    // <noscript> is read: the parser builds its content as elements (no scripting), and
    // script-rendered sites (forums especially) serve their crawler view with its bylines there.
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kTextarea:
    case Tag::kSelect:
    case Tag::kIframe:
    case Tag::kObject:
      return true;
    default:
      return false;
  }
}

// Whether n sits in an <article> or <main> (an <aside> or <footer> there holds the article's
// own byline and date, as HTML defines an article's footer); looks at most 64 ancestors up.
bool inside_article(const Node* n) {
  int up = 0;
  for (const Node* p = n->parent; p && up < 64; p = p->parent, ++up)
    if (p->is_html(Tag::kArticle) || p->is_html(Tag::kMain)) return true;
  return false;
}

// Index of the first byte of s that is not an ASCII space, tab, CR or LF (s.size() if none).
// Whitespace-only text between tags is most text nodes and, indented, often long: 16 bytes are
// tested at a time with SSE2, then eight (exact per-byte zero test, H. S. Warren, Hacker's
// Delight 6-1), then one.
[[gnu::always_inline]] inline size_t first_non_blank(std::string_view s) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i blank = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    const uint32_t other = ~uint32_t(_mm_movemask_epi8(blank)) & 0xFFFF;
    if (other) return i + size_t(__builtin_ctz(other));
  }
#endif
  constexpr uint64_t kOnes = ~uint64_t(0) / 255, k7F = kOnes * 0x7F;
  auto zero_bytes = [](uint64_t v) { return ~(((v & k7F) + k7F) | v | k7F); };
  for (uint64_t x; i + 8 <= s.size(); i += 8) {
    std::memcpy(&x, s.data() + i, 8);
    uint64_t blank = zero_bytes(x ^ (kOnes * ' ')) | zero_bytes(x ^ (kOnes * '\n')) |
                     zero_bytes(x ^ (kOnes * '\t')) | zero_bytes(x ^ (kOnes * '\r'));
    if (blank != kOnes * 0x80) break;
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  return i;
}

// Whether s has a lead byte of a 3-byte UTF-8 sequence in U+4000..U+9FFF (the CJK ideographs
// the credit markers use), so Latin text skips the marker search.
bool has_cjk_lead(std::string_view s) {
  size_t i = 0;
  // ASCII text (no byte from 0x80 up) is passed over eight bytes at a time.
  for (uint64_t x; i + 8 <= s.size(); i += 8) {
    std::memcpy(&x, s.data() + i, 8);
    if (x & 0x8080808080808080ull) break;
  }
  for (; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u >= 0xE4 && u <= 0xE9) return true;
  }
  return false;
}

// Whether text (starting at its first non-space byte) can begin with a byline prefix once
// whitespace-collapsed: its first two letters are the first two of a Latin prefix of
// kBylinePrefixes (table built from it), or the text starts with a byte the two-letter test
// cannot judge (non-ASCII: CJK prefixes, NBSP; a second byte that is no ASCII letter, which
// collapsing could turn into a space or drop). Most short text nodes fail this before any copy.
bool may_start_byline(std::string_view t) {
  static const auto* table = [] {
    auto* bits = new std::array<uint32_t, 26>{};  // bits[first letter] has bit (second letter)
    for (std::string_view p : kBylinePrefixes) {
      unsigned char a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[1]);
      if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z')
        (*bits)[a - 'a'] |= uint32_t(1) << (b - 'a');
    }
    return bits;
  }();
  unsigned char a = static_cast<unsigned char>(t[0]);
  if (a >= 0x80) return true;
  if (a >= 'A' && a <= 'Z') a = static_cast<unsigned char>(a + 32);
  if (a < 'a' || a > 'z') return false;  // no prefix starts with another ASCII byte
  if (t.size() < 2) return false;        // every prefix has two bytes before its end
  unsigned char b = static_cast<unsigned char>(t[1]);
  if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b + 32);
  if (b < 'a' || b > 'z') return true;
  return ((*table)[a - 'a'] >> (b - 'a')) & 1;
}

// The next node in document order after n's subtree, within `stop`'s subtree.
const Node* next_after(const Node* n, const Node* stop) {
  while (n && n != stop) {
    if (n->next_sibling) return n->next_sibling;
    n = n->parent;
  }
  return nullptr;
}

// Text of n's subtree, whitespace-collapsed, at most max_bytes; no recursion.
// `split_elements`: texts of different elements are kept apart by a space, as styled spans
// show them ("<span>Health</span><span>DECEMBER 22, 2022</span>" reads as two words, which a
// date scan needs); superscripts ("22<sup>nd</sup>") stay joined.
std::string gather_text(const Node* n, size_t max_bytes = kMaxElementText,
                        bool split_elements = false) {
  std::string out;
  bool pending = false;
  const Node* cur = n->first_child;
  const Node* last_parent = nullptr;  // of the last text appended
  int budget = 400;                   // nodes: a byline or title has a handful
  while (cur && out.size() < max_bytes && budget-- > 0) {
    if (cur->is_text() && split_elements && first_non_blank(cur->data) < cur->data.size()) {
      auto script = [](const Node* p) { return p->is_html(Tag::kSup) || p->is_html(Tag::kSub); };
      if (last_parent && last_parent != cur->parent && !script(cur->parent) && !script(last_parent))
        pending = true;
      last_parent = cur->parent;
    }
    if (cur->is_text()) append_collapsed(out, cur->data, pending, max_bytes);
    if (cur->is_element() && (cur->tag == Tag::kBr || cur->tag == Tag::kP ||
                              cur->tag == Tag::kDiv || cur->tag == Tag::kLi))
      pending = true;
    if (cur->first_child && !skip_subtree(cur)) {
      cur = cur->first_child;
    } else {
      cur = next_after(cur, n);
    }
  }
  return out;
}

// The line a text node starts: its text and the text of the inline siblings after it, up to
// the next <br> or block element, whitespace-collapsed, at most max_bytes. A byline written
// as one line of a long cell ("...<br>By: Name<br>...") is that line, not the cell.
// s without the spaces, tabs, line ends, no-break spaces and ideographic spaces around it.
std::string_view trim_wide(std::string_view s) {
  constexpr std::string_view kSpaces[] = {" ", "\t", "\n", "\r", "\xC2\xA0", "\xE3\x80\x80"};
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view sp : kSpaces) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size()), cut = true;
      if (s.ends_with(sp)) s.remove_suffix(sp.size()), cut = true;
    }
  }
  return s;
}

// A line that holds only a Chinese name, or names joined by "、": each two or three CJK
// characters, the first a common surname (kCjkSurnames), none a label word. Spaces, no-break
// spaces and ideographic spaces around the line are ignored. Returns the names, or "".
std::string name_line(std::string_view line) {
  line = trim_wide(line);
  if (line.empty() || line.size() > 60) return {};
  constexpr std::string_view kEnumComma = "\xE3\x80\x81";  // 、
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = line.find(kEnumComma, start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view name = line.substr(start, end - start);
    if (name.size() != 6 && name.size() != 9) return {};
    for (size_t i = 0; i < name.size(); i += 3) {
      unsigned char c = static_cast<unsigned char>(name[i]);
      if (c < 0xE4 || c > 0xE9) return {};  // not a CJK ideograph (U+4000..U+9FFF)
    }
    bool surname = start > 0;  // the first name vouches for the names it lists
    for (std::string_view sn : kCjkSurnames) surname |= name.starts_with(sn);
    if (!surname) return {};
    for (std::string_view w : kCjkLabelWords)
      if (name.find(w) != std::string_view::npos) return {};
    start = end + kEnumComma.size();
  }
  return std::string(line);
}

bool is_line_break(const Node* n) {
  return n->is_element() &&
         (n->tag == Tag::kBr || n->tag == Tag::kP || n->tag == Tag::kDiv || n->tag == Tag::kLi ||
          n->tag == Tag::kTable || n->tag == Tag::kTr || n->tag == Tag::kTd || n->tag == Tag::kHr ||
          n->tag == Tag::kUl || n->tag == Tag::kOl);
}

// Whether a node starts (toward = &Node::prev_sibling) or ends (&Node::next_sibling) a line:
// nothing but blank text and comments between it and the nearest <br> or block element that
// way (or its parent's start or end).
bool at_line_edge(const Node* n, Node* Node::*toward) {
  for (const Node* p = n->*toward; p; p = p->*toward) {
    if (p->is_text() && first_non_blank(p->data) == p->data.size()) continue;
    if (p->kind == dom::NodeKind::kComment) continue;
    return is_line_break(p);
  }
  return true;
}

bool starts_line(const Node* n) { return at_line_edge(n, &Node::prev_sibling); }
bool ends_line(const Node* n) { return at_line_edge(n, &Node::next_sibling); }

// Whether the element right before a node (past blank text) is a <time>.
bool after_time(const Node* n) {
  const Node* p = n->prev_sibling;
  while (p && p->is_text() && first_non_blank(p->data) == p->data.size()) p = p->prev_sibling;
  return p && p->is_html(Tag::kTime);
}

std::string line_text(const Node* text, size_t max_bytes) {
  std::string out;
  bool pending = false;
  append_collapsed(out, text->data, pending, max_bytes);
  for (const Node* s = text->next_sibling; s && out.size() < max_bytes; s = s->next_sibling) {
    if (s->is_text()) {
      append_collapsed(out, s->data, pending, max_bytes);
      continue;
    }
    if (!s->is_element()) continue;
    if (is_line_break(s)) break;
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += gather_text(s, max_bytes - out.size());
  }
  return out;
}

// Glyphs that documentation generators and blogs append to a heading as its permalink
// ("Installation¶", "Usage #", "Setup 🔗"). Origin: the anchor marks of Sphinx (pilcrow),
// MkDocs and Jekyll themes (#, §) and GitHub-style link icons.
// "#" only after a space: "C#" is a name.
constexpr std::string_view kAnchorMarks[] = {"\xC2\xB6", "\xC2\xA7", " #", "\xF0\x9F\x94\x97"};

// A heading without the permalink marks at its end; the heading itself is never emptied.
std::string trim_anchor_marks(std::string s) {
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view m : kAnchorMarks) {
      if (s.size() > m.size() && std::string_view(s).ends_with(m)) {
        size_t end = s.size() - m.size();
        while (end > 0 && s[end - 1] == ' ') --end;
        if (end == 0) return s;
        s.resize(end);
        cut = true;
      }
    }
  }
  return s;
}

// The name of a microdata Person (itemprop=author): its itemprop=name descendant (a <meta>'s
// content or the element's text), found among its first 64 nodes; else all its text.
std::string microdata_name(const Node* n) {
  int budget = 64;
  for (const Node* c = n->first_child; c && budget-- > 0;) {
    if (c->is_element() && c->attr("itemprop") == "name") {
      std::string_view content = c->attr("content");
      return content.empty() ? gather_text(c, 256) : collapse_space(content);
    }
    c = (c->first_child && !skip_subtree(c)) ? c->first_child : next_after(c, n);
  }
  return gather_text(n, 256);
}

// Text directly inside a <script>/<title> (their children are text nodes only).
std::string raw_text(const Node* n, size_t max_bytes) {
  std::string out;
  for (const Node* c = n->first_child; c && out.size() < max_bytes; c = c->next_sibling)
    if (c->is_text()) out.append(c->data.substr(0, max_bytes - out.size()));
  return out;
}

enum ClassBits : uint32_t {
  kBitByline = 1,
  kBitNotByline = 2,
  kBitDate = 4,
  kBitNoise = 8,
  kBitModified = 16,
};

struct ClassPart {
  std::string_view text;
  uint32_t bit;
  uint32_t head;  // text's first four bytes (lower-case letters) as a little-endian word
};

// The class-part tables above, indexed so that a class value is looked at kStride bytes at a
// time: every part starts with at least four letters, so an occurrence at any position shows
// one of its letter triples at offsets 0..kStride-1 at a step. One bit test per step rejects
// almost every position: few triples occur in parts. Triples, not pairs: pairs such as "te" or
// "at" are in most class values ("content", "data-..."), and with pairs a quarter of the steps
// went on to the candidates (callgrind, bench.warc.gz slice); a branch taken that often and
// that unpredictably costs more than the third letter's lookup. Built once from the tables,
// so the tables stay the only word lists.
struct ClassPartIndex {
  static constexpr int kMaxParts = 32;
  static constexpr size_t kStride = 2;
  static constexpr size_t kLetters = 27;  // 0 for any byte that is not a letter, 1..26 a-z
  ClassPart parts[kMaxParts];
  int count = 0;
  uint8_t letter[256] = {};  // 1..26 for a-z and A-Z, 0 for any other byte
  // at_offset[o][a][b]: bit i set when parts[i] has letters a, b at offsets o, o + 1.
  uint32_t at_offset[kStride][kLetters][kLetters] = {};
  // Bit (a * 27 + b) * 27 + c set when some part has letters a, b, c at offsets o, o + 1, o + 2
  // for an o below kStride.
  uint64_t any_triple[(kLetters * kLetters * kLetters + 63) / 64] = {};
};

const ClassPartIndex& class_part_index() {
  static const ClassPartIndex* index = [] {
    auto* idx = new ClassPartIndex;
    for (int c = 'a'; c <= 'z'; ++c) {
      idx->letter[c] = uint8_t(c - 'a' + 1);
      idx->letter[c - 32] = uint8_t(c - 'a' + 1);
    }
    auto add = [&](const auto& parts, uint32_t bit) {
      for (std::string_view p : parts) {
        if (idx->count >= ClassPartIndex::kMaxParts) std::abort();  // the tables outgrew it
        uint8_t l[4];  // every part starts with four lower-case letters
        for (size_t k = 0; k < 4; ++k) {
          l[k] = k < p.size() ? idx->letter[static_cast<unsigned char>(p[k])] : 0;
          if (!l[k] || (p[k] >= 'A' && p[k] <= 'Z')) std::abort();  // lower-case letters
        }
        static_assert(ClassPartIndex::kStride + 2 <= 4);  // triples within the four letters
        for (size_t o = 0; o < ClassPartIndex::kStride; ++o) {
          idx->at_offset[o][l[o]][l[o + 1]] |= uint32_t(1) << idx->count;
          size_t t =
              (l[o] * ClassPartIndex::kLetters + l[o + 1]) * ClassPartIndex::kLetters + l[o + 2];
          idx->any_triple[t / 64] |= uint64_t(1) << (t % 64);
        }
        uint32_t head = 0;
        for (size_t k = 0; k < 4; ++k)
          head |= uint32_t(static_cast<unsigned char>(p[k])) << (8 * k);
        idx->parts[idx->count++] = {p, bit, head};
      }
    };
    add(kBylineClassParts, kBitByline);
    add(kNotBylineClassParts, kBitNotByline);
    add(kDateClassParts, kBitDate);
    add(kNoiseClassParts, kBitNoise);
    add(kModifiedClassParts, kBitModified);
    return idx;
  }();
  return *index;
}

// Whether the space-separated token around value[pos] counts: at most 64 bytes (longer tokens
// are generated names) and without ':' or '[' (utility classes such as "md:flex" or
// "w-[20px]" name no role).
bool role_token(std::string_view value, size_t pos) {
  size_t begin = value.rfind(' ', pos);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  size_t end = value.find(' ', pos);
  if (end == std::string_view::npos) end = value.size();
  if (end - begin > 64) return false;
  // A byte loop: find_first_of called memchr on ":[" once per byte of the token.
  for (size_t i = begin; i < end; ++i)
    if (value[i] == ':' || value[i] == '[') return false;
  return true;
}

// All class-name tables tested in one pass over a class or id value: every part is matched
// case-insensitively inside the value's role tokens (role_token). Parts hold no space, so a
// match lies inside one token, which is checked only then (matches are rare).
uint32_t class_bits(std::string_view value) {
  if (value.empty() || value.size() > 1024) return 0;
  const ClassPartIndex& idx = class_part_index();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(value.data());
  const size_t n = value.size();
  uint32_t bits = 0;
  // A part lies within the value, so its four letters do: the step k (at, or at + 1 when the
  // part starts at an odd at) has k + 2 < n.
  for (size_t k = 0; k + 2 < n; k += ClassPartIndex::kStride) {
    uint8_t a = idx.letter[s[k]], b = idx.letter[s[k + 1]];
    size_t t = (a * ClassPartIndex::kLetters + b) * ClassPartIndex::kLetters + idx.letter[s[k + 2]];
    if (!((idx.any_triple[t / 64] >> (t % 64)) & 1)) continue;
    for (size_t o = 0; o < ClassPartIndex::kStride && o <= k; ++o) {
      uint32_t cand = idx.at_offset[o][a][b];
      size_t at = k - o;  // where the part would start
      while (cand) {
        const ClassPart& part = idx.parts[__builtin_ctz(cand)];
        cand &= cand - 1;
        if ((bits & part.bit) || at + part.text.size() > n) continue;
        // The first four bytes at once (most candidates differ there): or-ing 0x20 lower-cases
        // A-Z and makes no other byte a lower-case letter, which these four all are.
        uint32_t head = uint32_t(s[at]) | uint32_t(s[at + 1]) << 8 | uint32_t(s[at + 2]) << 16 |
                        uint32_t(s[at + 3]) << 24;
        if ((head | 0x20202020u) != part.head) continue;
        size_t m = 4;  // parts are a few bytes: compare inline rather than call memcmp
        while (m < part.text.size()) {
          unsigned char c = s[at + m];
          if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
          if (c != static_cast<unsigned char>(part.text[m])) break;
          ++m;
        }
        if (m == part.text.size() && role_token(value, at)) bits |= part.bit;
      }
    }
  }
  return bits;
}

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") ||
         s.starts_with("/");
}

// Whether s is a bare host name: no space, a dot, and a last label of 2 to 6 ASCII letters
// (a top-level domain: "example.com", "news.example.co.uk").
bool looks_like_host(std::string_view s) {
  if (s.find(' ') != std::string_view::npos) return false;
  size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view tld = s.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  for (char c : tld)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

// Endings of Chinese organisation names: websites (网, 网络), newspapers (报), agencies and
// publishers (社), stations (台), companies (公司, 集团) and centres (中心). Origin: the
// <meta name=author> values of Chinese portal and news pages, which name the publisher
// ("中国新闻网", "大汉网络") where the byline names the reporter.
constexpr std::string_view kCjkOrgEndings[] = {"网", "网络", "報",   "报",  "社",
                                               "台", "公司", "集团", "中心"};

// Whether a Chinese name is an organisation's (kCjkOrgEndings): such a meta author is kept
// only as a fallback, below any byline on the page.
bool looks_like_cjk_org(std::string_view s) {
  if (!has_cjk_lead(s)) return false;
  for (std::string_view e : kCjkOrgEndings)
    if (s.size() > e.size() + 3 && s.ends_with(e)) return true;  // a name before the ending
  return false;
}

std::string normalize_language(std::string_view s) {
  std::string v(s);
  size_t cut = v.find_first_of(",;");
  if (cut != std::string::npos) v.resize(cut);
  v = collapse_space(v);
  if (v.size() < 2 || v.size() > 35) return {};
  for (char& c : v) {
    if (c == '_') c = '-';
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return {};
  }
  // BCP 47 case: language lower, region upper ("en-us" -> "en-US"), scripts title case.
  size_t i = 0;
  int part = 0;
  while (i < v.size()) {
    size_t j = v.find('-', i);
    if (j == std::string::npos) j = v.size();
    size_t len = j - i;
    for (size_t k = i; k < j; ++k) {
      char& c = v[k];
      bool upper = (part > 0 && len == 2) || (part > 0 && len == 4 && k == i);
      if (upper && c >= 'a' && c <= 'z') c = char(c - 32);
      if (!upper && c >= 'A' && c <= 'Z') c = char(c + 32);
    }
    i = j + 1;
    ++part;
  }
  return v;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty() && out.size() < kMaxTags) {
    size_t cut = s.find_first_of(",;");
    std::string item = collapse_space(s.substr(0, cut));
    if (!item.empty() && item.size() <= 200) out.push_back(std::move(item));
    if (cut == std::string_view::npos) break;
    s.remove_prefix(cut + 1);
  }
  return out;
}

void dedupe(std::vector<std::string>& v) {
  std::vector<std::string> out;
  for (auto& x : v) {
    bool seen = false;
    for (auto& y : out) seen = seen || iequals(x, y);
    if (!seen && out.size() < kMaxTags) out.push_back(std::move(x));
  }
  v = std::move(out);
}

// Weekday names and abbreviations (English), which date lines put where bylines go ("Sat").
constexpr std::string_view kWeekdays[] = {
    "mon", "tue",    "tues",    "wed",       "thu",      "thur",   "thurs",    "fri",   "sat",
    "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Shapes that sit in byline slots but are no name: a weekday, a month and day without a year
// ("Jun 2") and initials of two ASCII letters from an avatar ("NB").
bool looks_like_name(std::string_view s) {
  for (std::string_view w : kWeekdays)
    if (iequals(s, w)) return false;
  if (s.size() <= 2) {
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return false;
  }
  size_t sp = s.find(' ');
  if (sp != std::string_view::npos && month_from_name(s.substr(0, sp))) {
    bool rest_numeric = true;
    for (char c : s.substr(sp + 1))
      rest_numeric = rest_numeric && ((c >= '0' && c <= '9') || c == ' ' || c == ',');
    if (rest_numeric) return false;
  }
  return true;
}

// Removes one byline prefix ("By ", "Von ", "作者：") from the start of s; whether there was one.
bool strip_byline_prefix(std::string& s) {
  for (std::string_view p : kBylinePrefixes) {
    if (istarts_with(s, p)) {
      s = collapse_space(std::string_view(s).substr(p.size()));
      return true;
    }
  }
  // "By" glued to the name ("ByTrevor Jones", "byTrevor Jones": the label and the name in
  // adjacent elements with no space between), told by the capital after it ("Byron" is a
  // name).
  if (s.size() > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] >= 'A' && s[2] <= 'Z') {
    s.erase(0, 2);
    return true;
  }
  return false;
}

// Cleans a byline text into a name: strips "By", cuts at dates, separators and "on", checks the
// result looks like a name (short, no URL, not a label).
std::string clean_author(std::string_view raw, const Date& reference, bool need_prefix) {
  std::string s = collapse_space(utf8_prefix(raw, kMaxElementText));
  bool had_prefix = false;
  for (int round = 0; round < 2; ++round) had_prefix |= strip_byline_prefix(s);
  if (need_prefix && !had_prefix) return {};
  // Cut at a date, a separator, a line of other text. A date that opens the text
  // ("Dec. 19, 2026 · Jane Doe") is dropped with the separator after it instead.
  if (auto hit = find_date(s, reference)) {
    if (hit->begin == 0) {
      std::string_view rest = std::string_view(s).substr(hit->end);
      static constexpr std::string_view kLead[] = {
          " ", ",", "|", "-", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94"};
      for (bool cut = true; cut && !rest.empty();) {
        cut = false;
        for (std::string_view l : kLead)
          if (rest.starts_with(l)) rest.remove_prefix(l.size()), cut = true;
      }
      s = collapse_space(rest);
      had_prefix |= strip_byline_prefix(s);
      if (need_prefix && !had_prefix) return {};
      if (auto again = find_date(s, reference)) s.resize(again->begin);
    } else {
      s.resize(hit->begin);
    }
  }
  static constexpr std::string_view kCuts[] = {
      " | ",  " - ",  " – ",  " — ",  " · ",  " • ", " \xE2\x8B\x85 ",
      " on ", " am ", " le ", " el ", " il ", "|"};
  // Labels after the name, in any case and before a space or colon ("Jane Doe Last Updated:",
  // "Jane Doe Updated"); with a space after the text, a label that ends it is cut as well.
  static constexpr std::string_view kLabelCuts[] = {" published", " updated", " posted",
                                                    " last updated"};
  s += ' ';
  for (std::string_view c : kCuts) {
    size_t pos = s.find(c);
    if (pos != std::string::npos && pos > 0) s.resize(pos);
  }
  // A text that is itself such a label ("Last Updated: ...") stays as it is.
  if (std::string lower_s = ascii_lower(s); !lower_s.starts_with("last updated")) {
    size_t cut = lower_s.size();
    for (std::string_view c : kLabelCuts) {
      for (size_t pos = lower_s.find(c); pos != std::string::npos; pos = lower_s.find(c, pos + 1)) {
        size_t after = pos + c.size();
        if (pos > 0 && after < lower_s.size() && (lower_s[after] == ' ' || lower_s[after] == ':')) {
          cut = std::min(cut, pos);
          break;
        }
      }
    }
    s.resize(cut);
  }
  s = collapse_space(s);
  // "Name, Director of Operations", "Name, Representative to the Committee": after the first
  // comma a role, told by its lower-case linking words, not another name ("A, B, and C" keeps
  // its names: "and" is not one of them).
  // The name before the comma is two or three capitalised words ("By submitting this form,
  // you agree to the terms" is no name and no role).
  if (size_t comma = s.find(", "); comma != std::string::npos && comma > 0) {
    static constexpr std::string_view kRoleWords[] = {" of ", " to ", " the ", " at ", " for "};
    std::string_view head = std::string_view(s).substr(0, comma);
    size_t words = word_count(head);
    bool capitalised = words >= 2 && words <= 3;
    for (size_t i = 0; i < head.size() && capitalised; ++i)
      if ((i == 0 || head[i - 1] == ' ') && head[i] >= 'a' && head[i] <= 'z') capitalised = false;
    std::string role = " " + s.substr(comma + 2) + " ";
    for (std::string_view w : kRoleWords)
      if (capitalised && role.find(w) != std::string::npos) {
        s.resize(comma);
        break;
      }
  }
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == '.' || s.back() == '-'))
    s = collapse_space(std::string_view(s).substr(0, s.size() - 1));
  // Names, even several joined with "and", fit in 100 bytes and 8 words; longer is prose or
  // a bio. Set by reading byline failures on wcxb-dev, not tuned further.
  if (s.size() < 2 || s.size() > 100 || word_count(s) > 8) return {};
  // A list whose first entry is empty (", USA TODAY") is a template that left the name out;
  // one word that holds "author" ("page.head.extra.author", "{{author}}") is a template's
  // unfilled field.
  if (s[0] == ',' || s[0] == ';') return {};
  if (s.find(' ') == std::string::npos && icontains(s, "author")) return {};
  if (s.find('@') != std::string::npos || s.find("http") != std::string::npos ||
      s.find("www.") != std::string::npos)
    return {};
  for (std::string_view w : kNotNames)
    if (iequals(s, w)) return {};
  for (std::string_view w : kCjkLabelWords)
    if (s.find(w) != std::string::npos) return {};
  // A text that ends in "by" ("Jun 2 Written By") is a label whose name follows elsewhere.
  if (s.size() >= 3 && iequals(std::string_view(s).substr(s.size() - 3), " by")) return {};
  if (!looks_like_name(s)) return {};
  // A name has no more than a "Jr. 2" worth of digits; more is a date or a count left over.
  // A user name is one word of letters and digits ("archuser38013"): its digits are allowed.
  int digits = 0, letters = 0;
  for (char c : s) {
    digits += (c >= '0' && c <= '9');
    letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  bool user_name = s.find(' ') == std::string::npos && letters >= 2 && s.size() <= 32;
  if (digits > 2 && !user_name) return {};
  // A number followed by a lower-case word is a count ("5 min read", "3 comments"); names
  // that start with digits are brands in capitals ("98 Buck Social", "3i Global").
  {
    size_t k = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k > 0 && k + 1 < s.size() && s[k] == ' ' && s[k + 1] >= 'a' && s[k + 1] <= 'z') return {};
  }
  return s;
}

// The inside of the parenthesis (ASCII or full-width) that ends t, when it is short (a credit
// line, under 90 bytes); empty otherwise.
std::string_view closing_parenthesis(std::string_view t) {
  // Trailing white space, and no-break spaces (&nbsp; after the credit is common).
  for (bool cut = true; cut;) {
    cut = false;
    while (!t.empty() &&
           (t.back() == ' ' || t.back() == '\n' || t.back() == '\t' || t.back() == '\r'))
      t.remove_suffix(1), cut = true;
    if (t.ends_with("\xC2\xA0")) t.remove_suffix(2), cut = true;
  }
  size_t close_len = t.ends_with(")") ? 1 : t.ends_with("\xEF\xBC\x89") ? 3 : 0;
  if (!close_len) return {};
  t.remove_suffix(close_len);
  size_t a = t.rfind('('), b = t.rfind("\xEF\xBC\x88");
  size_t open = a == std::string_view::npos ? b : b == std::string_view::npos ? a : std::max(a, b);
  if (open == std::string_view::npos) return {};
  size_t open_len = open == a ? 1 : 3;
  std::string_view inner = t.substr(open + open_len);
  return inner.size() < 90 ? inner : std::string_view();
}

// "姚峰 上海报道" (name, place, "reported"): the name, when it is one CJK name of two to four
// characters followed by a place. Origin: the closing credit of Chinese news reports.
std::string reported_by(std::string_view inner) {
  constexpr std::string_view kReported = "\xE6\x8A\xA5\xE9\x81\x93";  // 报道
  std::string t = collapse_space(inner);
  if (!std::string_view(t).ends_with(kReported)) return {};
  size_t sp = t.find(' ');
  if (sp == std::string::npos || sp < 6 || sp > 12) return {};
  for (size_t i = 0; i < sp; i += 3)
    if (static_cast<unsigned char>(t[i]) < 0xE4 || static_cast<unsigned char>(t[i]) > 0xE9)
      return {};
  return t.substr(0, sp);
}

// Chinese two-character names are padded to the width of three with a space ("赵　培"): a
// value of two one-character CJK parts is one name, joined.
std::string join_padded_cjk_name(std::string s) {
  auto cjk = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    return c >= 0xE4 && c <= 0xE9;  // lead byte of U+4000..U+9FFF, as in has_cjk_lead
  };
  if (s.size() == 7 && s[3] == ' ' && cjk(0) && cjk(4)) s.erase(3, 1);
  return s;
}

// "发自" (reporting from): "本报记者罗科苏盈发自北京" names the reporter, then the place.
constexpr std::string_view kReportsFrom = "\xE5\x8F\x91\xE8\x87\xAA";

// The name(s) after a Chinese credit marker: up to five space-separated names of at most
// four CJK characters (or one short Latin word), cut at the next punctuation or digit.
std::string cjk_names(std::string_view rest, bool strict) {
  static constexpr std::string_view kStops[] = {"/",
                                                "|",
                                                "\xEF\xBC\x89",
                                                ")",
                                                "(",
                                                "\xEF\xBC\x88",
                                                "\xE3\x80\x91",
                                                "[",
                                                ",",
                                                "\xEF\xBC\x8C",
                                                "\xE3\x80\x82",
                                                "\xE2\x80\x94",
                                                "\xE3\x80\x80\xE3\x80\x80",
                                                "  ",
                                                kReportsFrom};
  rest = utf8_prefix(rest, 80);
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == ':')) rest.remove_prefix(1);
  size_t end = rest.size();
  for (std::string_view stop : kStops) end = std::min(end, rest.find(stop));
  for (size_t i = 0; i < end; ++i)
    if (rest[i] >= '0' && rest[i] <= '9') end = i;
  // Without a colon the marker is often prose ("记者注意到..."): then the name must be short
  // and end at punctuation, a space or the end of the line.
  if (strict && end < rest.size()) {
    std::string_view after = rest.substr(end);
    bool closes = after.starts_with("  ") || after.starts_with("/") || after.starts_with("|") ||
                  after.starts_with(")") || after.starts_with("\xEF\xBC\x89") ||
                  after.starts_with("\xE3\x80\x91") || after.starts_with(kReportsFrom);
    if (!closes) return {};
  }
  // A closing parenthesis bounds the credit ("（记者 格桑边觉）"), as does "发自" ("reporting
  // from"): no prose runs on, so names may be as long as after a colon (four characters).
  std::string_view tail = rest.substr(end);
  bool closed =
      tail.starts_with(")") || tail.starts_with("\xEF\xBC\x89") || tail.starts_with(kReportsFrom);
  size_t max_name = strict && !closed ? 9 : 12;
  std::string names = collapse_space(rest.substr(0, end));
  // A dateline after the names ("彭冲 山东冠县报道": place, then "reported") is no name.
  constexpr std::string_view kReported = "\xE6\x8A\xA5\xE9\x81\x93";  // 报道
  size_t last_space = names.rfind(' ');
  if (last_space != std::string::npos && std::string_view(names).ends_with(kReported))
    names.resize(last_space);
  if (names.empty() || word_count(names) > 5) return {};
  size_t start = 0;
  while (start < names.size()) {
    size_t sp = names.find(' ', start);
    if (sp == std::string::npos) sp = names.size();
    if (sp - start > max_name) return {};  // longer than a Chinese name: prose
    start = sp + 1;
  }
  return names;
}

// Blog and forum post lines name who posted: "由海姑娘张贴 @ 2005-06-14" (posted by), and
// "<a>ggjjzhzz</a> 发表于 2005-9-15" (posted at, after the name: in this text, or in the
// element just before it). Origin: the post footers of Chinese blog and forum software. The
// name must be one name as cjk_names reads it (a label word such as "编辑" is none).
std::string posted_by(std::string_view data, const Node* text) {
  constexpr std::string_view kBy = "\xE7\x94\xB1";                                // 由
  constexpr std::string_view kPostVerbs[] = {"\xE5\xBC\xA0\xE8\xB4\xB4",          // 张贴
                                             "\xE5\x8F\x91\xE8\xA1\xA8",          // 发表
                                             "\xE5\x8F\x91\xE5\xB8\x83"};         // 发布
  constexpr std::string_view kPostedAt = "\xE5\x8F\x91\xE8\xA1\xA8\xE4\xBA\x8E";  // 发表于
  auto one_name = [](std::string_view v) -> std::string {
    v = trim_wide(v);
    if (v.empty() || v.size() > 40) return {};
    std::string name = cjk_names(v, false);
    if (name != v || name.find(' ') != std::string::npos) return {};
    // Letters, digits and CJK characters (user names add '_', '-', '.'), not a bracket.
    for (char c : name) {
      unsigned char u = static_cast<unsigned char>(c);
      bool ok = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
      if (!ok) return {};
    }
    if (name.size() < 2) return {};
    for (std::string_view w : kCjkLabelWords)
      if (name.find(w) != std::string::npos) return {};
    return name;
  };
  for (size_t by = data.find(kBy); by != std::string_view::npos; by = data.find(kBy, by + 1)) {
    std::string_view rest = data.substr(by + kBy.size(), 40);
    for (std::string_view verb : kPostVerbs) {
      size_t at = rest.find(verb);
      if (at == std::string_view::npos || at == 0) continue;
      std::string name = one_name(rest.substr(0, at));
      if (!name.empty()) return name;
    }
  }
  size_t at = data.find(kPostedAt);
  if (at == std::string_view::npos) return {};
  std::string_view before = trim_wide(data.substr(0, at));
  if (!before.empty()) {
    size_t sp = before.find_last_of(" \t\n");
    return one_name(sp == std::string_view::npos ? before : before.substr(sp + 1));
  }
  const Node* prev = text->prev_sibling;
  while (prev && prev->is_text() && trim_wide(prev->data).empty()) prev = prev->prev_sibling;
  if (!prev || !prev->is_element() || is_line_break(prev)) return {};
  return one_name(gather_text(prev, 48));
}

// Title separators between a headline and a site name. Origin: the separators seen in
// <title> elements of the benchmark pages and in readability's title cleaning.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " » ",
                                                 " · ", " • ", " / ", " ~ ", " « ",  " │ "};

// Whether c can start a word: an ASCII letter or digit, or a byte of a non-ASCII character.
bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Letters and digits of s, lower-cased (ASCII only; other bytes kept), to compare a title part
// with a host name or site name regardless of spacing and punctuation.
std::string squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80)
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += char(c + 32);
  }
  return out;
}

// Whether a and b are the same name apart from case, spacing and punctuation ("ACME News" and
// "acme-news"); never when a has no letter or digit.
bool same_squashed(std::string_view a, std::string_view b) {
  std::string sa = squash(a);
  return !sa.empty() && sa == squash(b);
}

// Whether a name is a user's login rather than a name as printed: one word, and either with
// a dot, underscore or digit ("andrew.keaveney", "jdoe_2") or all lower-case ASCII letters
// ("kffnirmitap"). Blog themes fill <meta name=author> with the login of whoever posted.
bool looks_like_login(std::string_view s) {
  bool lower_only = true;
  for (char c : s) {
    if (c == ' ' || static_cast<unsigned char>(c) >= 0x80) return false;
    if (c == '.' || c == '_' || (c >= '0' && c <= '9')) return s.size() >= 3;
    if (!(c >= 'a' && c <= 'z')) lower_only = false;
  }
  return lower_only && s.size() >= 3;
}

// Whether a title part names the site: equal to the site name, or its letters match the
// registrable part of the host ("TechCrunch" ~ techcrunch.com).
bool names_site(std::string_view part, std::string_view sitename, std::string_view host) {
  std::string p = squash(part);
  if (p.empty()) return false;
  std::string s = squash(sitename);
  if (!s.empty() && (p == s || (p.size() >= 4 && s.find(p) != std::string::npos) ||
                     (s.size() >= 4 && p.find(s) != std::string::npos)))
    return true;
  if (host.starts_with("www.")) host.remove_prefix(4);
  auto names = [&](std::string_view label) {
    std::string h = squash(label);
    return h.size() >= 3 && (p == h || (p.size() >= 4 && h.find(p) != std::string::npos) ||
                             p.find(h) != std::string::npos);
  };
  size_t dot = host.find('.');
  if (names(host.substr(0, dot))) return true;
  // A subdomain ("promotions.newegg.com", "bbs.example.org") puts the site's own name in a
  // later label: each label but the last (the top-level domain) is tried, except the generic
  // second-level ones of country domains ("co", "com", "org" in "example.com.au"). Only a
  // part that is that label, or the host from it on ("Newegg.com"), names the site there: a
  // headline that merely contains the name ("The Resy Guide to ..." on blog.resy.com,
  // "Ansible playbooks" on docs.ansible.com) is no site banner. On wcxb-dev +4 titles with
  // containment, -2; as here +3, -0.
  static constexpr std::string_view kGenericLabels[] = {"com", "net", "org", "gov", "edu",
                                                        "co",  "ac",  "or",  "ne",  "go"};
  while (dot != std::string_view::npos) {
    host.remove_prefix(dot + 1);
    dot = host.find('.');
    if (dot == std::string_view::npos) break;  // the top-level domain
    std::string_view label = host.substr(0, dot);
    bool generic = false;
    for (std::string_view g : kGenericLabels) generic = generic || label == g;
    if (generic) continue;
    std::string h = squash(label);
    if (h.size() >= 3 && (p == h || p == squash(host))) return true;
  }
  return false;
}

struct TitleSplit {
  std::string_view head, tail;  // around the last separator
  bool found = false;
};

// Around the first (or last) separator of t, at a position above 0. Every separator starts
// with a space, so only spaces are tried (one pass, rather than one search per separator).
// Where two separators start at one position the earlier in kTitleSeparators wins. In `first`
// mode a separator that starts t is not used at all, as a find() stopping at 0 would have it.
TitleSplit split_title(std::string_view t, bool first) {
  constexpr size_t kSeps = sizeof(kTitleSeparators) / sizeof(kTitleSeparators[0]);
  static_assert(kSeps <= 32);
  static_assert([] {
    for (std::string_view sep : kTitleSeparators)
      if (sep.empty() || sep[0] != ' ') return false;
    return true;
  }());  // the scan relies on it
  uint32_t skip = 0;
  if (first)
    for (size_t i = 0; i < kSeps; ++i)
      if (t.starts_with(kTitleSeparators[i])) skip |= uint32_t(1) << i;
  auto at = [&](size_t pos, TitleSplit& out) {
    std::string_view rest = t.substr(pos);
    for (size_t i = 0; i < kSeps; ++i) {
      if ((skip >> i) & 1 || !rest.starts_with(kTitleSeparators[i])) continue;
      out = {t.substr(0, pos), t.substr(pos + kTitleSeparators[i].size()), true};
      return true;
    }
    return false;
  };
  TitleSplit best;
  if (first) {
    for (size_t pos = 1; pos < t.size(); ++pos)
      if (t[pos] == ' ' && at(pos, best)) break;
  } else {
    for (size_t pos = t.size(); pos-- > 1;)
      if (t[pos] == ' ' && at(pos, best)) break;
  }
  return best;
}

// Removes " | Site" suffixes and "Site | " prefixes when that part names the site. keep_prefix
// keeps a leading site name: on a site's front page the site is the page's subject ("Brand -
// what it does"), and the tagline alone is no title (on the wcxb-dev front pages: 10 titles
// gained, 5 lost where the annotator kept the tagline; trailing site names are still cut there,
// which the gold follows more often than not).
std::string strip_site(std::string title, std::string_view sitename, std::string_view host,
                       bool keep_prefix = false, bool* cut_prefix = nullptr) {
  // Parts are cut one at a time until none is left to cut: a title may chain several section
  // and slogan parts after the site's name ("Headline | Site | Service | Service | Service").
  // Eight rounds bound the work; two (the former limit) left such chains half cut. On wcxb-dev
  // +1 title (odd ids), none lost, the same with 4 rounds.
  for (int round = 0; round < 8; ++round) {
    TitleSplit last = split_title(title, false);
    if (last.found && !last.head.empty() && names_site(last.tail, sitename, host) &&
        word_count(last.head) >= 1) {
      title = collapse_space(last.head);
      continue;
    }
    TitleSplit first = split_title(title, true);
    // A site-name prefix is short ("Daily Planet | ..."); a longer head that mentions the
    // host ("How we designed Example's ATF - ...") is the headline itself.
    if (!keep_prefix && first.found && word_count(first.head) <= 3 &&
        names_site(first.head, sitename, host) && !first.tail.empty()) {
      title = collapse_space(first.tail);
      if (cut_prefix) *cut_prefix = true;
      continue;
    }
    // No site name matched, but the pattern is clear: a short tail after a headline of
    // several words ("Headline Of Four Words | Opinion"). Head >= 3 and tail <= 4 words: on
    // wcxb-dev every pair in head 2..4 x tail 3..5 gave the same rate within one page, and
    // a one-word head ("Python - The Good Parts") must stay whole.
    if (last.found && word_count(last.head) >= 3 && word_count(last.tail) <= 4) {
      title = collapse_space(last.head);
      continue;
    }
    break;
  }
  return title;
}

// English pages write 11/29/2026; the rest of the world 29/11/2026.
bool month_first_language(std::string_view lang) {
  std::string l = ascii_lower(lang);
  if (l.empty()) return true;
  if (!l.starts_with("en")) return false;
  static constexpr std::string_view kDayFirst[] = {"en-gb", "en-au", "en-nz",
                                                   "en-ie", "en-in", "en-za"};
  for (std::string_view d : kDayFirst)
    if (l.starts_with(d)) return false;
  return true;
}

// The attributes asked of every element, found in one pass over its attributes (instead of
// one Node::attr search each). The first of duplicate names wins, as with Node::attr.
struct CommonAttrs {
  std::string_view cls, id, itemprop, rel;
};

CommonAttrs common_attrs(const Node* n) {
  CommonAttrs a;
  bool has_cls = false, has_id = false, has_itemprop = false, has_rel = false;
  for (uint32_t i = 0; i < n->attr_count; ++i) {
    std::string_view name = n->attrs[i].name;
    if (name.size() == 5 && !has_cls && std::memcmp(name.data(), "class", 5) == 0) {
      a.cls = n->attrs[i].value, has_cls = true;
    } else if (name.size() == 2 && !has_id && name[0] == 'i' && name[1] == 'd') {
      a.id = n->attrs[i].value, has_id = true;
    } else if (name.size() == 8 && !has_itemprop && std::memcmp(name.data(), "itemprop", 8) == 0) {
      a.itemprop = n->attrs[i].value, has_itemprop = true;
    } else if (name.size() == 3 && !has_rel && std::memcmp(name.data(), "rel", 3) == 0) {
      a.rel = n->attrs[i].value, has_rel = true;
    }
  }
  return a;
}

// class_bits of the values seen on this page, remembered: pages repeat the same class values
// on many elements ("nav-item", "col-md-4"), and hashing a value costs a fraction of matching
// it. A hit is checked byte for byte, so the result is always class_bits(value). 512 slots
// (12 KiB) hold the distinct values of a typical page; a collision only evicts. The slots are
// left unwritten until used (a bit each in used_ says which are): clearing 12 KiB per page cost
// more than the memo's lookups on small pages.
class ClassBitsMemo {
 public:
  uint32_t bits(std::string_view v) {
    if (v.empty()) return 0;
    uint64_t h = hash(v);
    const size_t i = h & (kSlots - 1);
    const uint64_t used_bit = uint64_t(1) << (i & 63);
    Slot& slot = slots_[i];
    if ((used_[i >> 6] & used_bit) && slot.hash == h && slot.size == v.size() &&
        std::memcmp(slot.data, v.data(), v.size()) == 0)
      return slot.bits;
    uint32_t b = class_bits(v);
    slot = {v.data(), uint32_t(v.size()), b, h};
    used_[i >> 6] |= used_bit;
    return b;
  }

 private:
  static constexpr size_t kSlots = 512;
  struct Slot {        // no initializers: written before it is read (used_)
    const char* data;  // points into the document, alive for the whole walk
    uint32_t size;
    uint32_t bits;
    uint64_t hash;
  };
  // The hash only spreads values over slots (a hit is confirmed byte for byte). XXH3 mixes
  // 16-byte pairs independently; the chain of dependent multiplies over 8-byte words used before
  // (and its tail copied into a stack word by a memcpy call, read back as one word: a stalled
  // store forward) was the hottest spot of extract_metadata in perf on bench.warc.gz.
  static uint64_t hash(std::string_view v) { return XXH3_64bits(v.data(), v.size()); }
  std::array<uint64_t, kSlots / 64> used_{};
  std::array<Slot, kSlots> slots_;
};

// Several authors in one field, each once (empty ones skipped): "A, B, C" as pages and
// Readability print them; "Doe, Jane; Roe, John" when a name holds a comma itself (citation
// style "Last, First"), where commas would not tell the names apart.
std::string join_names(const std::vector<std::string>& names) {
  bool comma_inside = false;
  for (const std::string& n : names) comma_inside |= n.find(',') != std::string::npos;
  std::string joined;
  for (const std::string& n : names) {
    if (n.empty() || icontains(joined, n)) continue;
    if (!joined.empty()) joined += comma_inside ? "; " : ", ";
    joined += n;
  }
  return joined;
}

// A month without a day, the first in text: "1998年3月" (not followed by a day) or "March
// 1998" (a month name, then a four-digit year). Pages that give no full date anywhere often
// still name their month (a magazine issue, "——《北京之春》1998年3月号"). Only plausible
// months (as plausible() has it, taking the month's first day); day is 0 in the result.
std::optional<Date> find_month_year(std::string_view s, const Date& reference) {
  auto digit = [&](size_t at) { return at < s.size() && s[at] >= '0' && s[at] <= '9'; };
  auto accept = [&](int year, int month) -> std::optional<Date> {
    Date d;
    d.year = year, d.month = month, d.day = 1;
    if (month < 1 || month > 12 || !plausible(d, reference)) return std::nullopt;
    d.day = 0;
    return d;
  };
  constexpr std::string_view kYear = "\xE5\xB9\xB4", kMonth = "\xE6\x9C\x88";  // 年 月
  for (size_t i = first_year_run(s, 0, reference.year + 1); i != std::string_view::npos;
       i = first_year_run(s, i + 4, reference.year + 1)) {
    int year =
        (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    size_t k = i + 4;
    if (s.substr(k).starts_with(kYear)) {  // 1998年3月, and no day after it
      k += kYear.size();
      if (!digit(k)) continue;
      int month = s[k++] - '0';
      if (digit(k)) month = month * 10 + (s[k++] - '0');
      if (s.substr(k).starts_with(kMonth) && !digit(k + kMonth.size()))
        if (auto d = accept(year, month)) return d;
    } else if (i >= 2 && s[i - 1] == ' ') {  // March 1998: the word before the year
      size_t end = i - 1;
      if (s[end - 1] == ',') --end;
      size_t begin = end;
      while (begin > 0 && s[begin - 1] != ' ' && end - begin < 24) --begin;
      if (int month = month_from_name(s.substr(begin, end - begin)))
        if (auto d = accept(year, month)) return d;
    }
  }
  return std::nullopt;
}

// ---- Date ranges -------------------------------------------------------------------------------

// Words that join the two ends of a date range. Origin: archive and event listings in English
// and Chinese ("Jan 1, 2024 - Jan 31, 2024", "2024-01-01 to 2024-01-31", "2024年1月1日至…").
constexpr std::string_view kRangeJoiners[] = {
    "-", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "~", "to", "\xE8\x87\xB3" /* 至 */};

// When a date ends at byte `end` of `text` and a joiner and a second date follow right after
// (spaces allowed around the joiner), the byte after that second date; else 0.
size_t range_end_after(std::string_view text, size_t end, const Date& reference,
                       const DateScanOptions& options) {
  auto skip_spaces = [&](size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    return i;
  };
  size_t i = skip_spaces(end);
  for (std::string_view joiner : kRangeJoiners) {
    if (text.substr(i, joiner.size()) != joiner) continue;
    size_t start = skip_spaces(i + joiner.size());
    if (joiner == "to" && start == i + joiner.size()) continue;  // "today", "tomorrow"
    auto next =
        find_date(text.substr(0, std::min(text.size(), start + 64)), reference, options, start);
    if (next && next->begin == start) return next->end;
  }
  return 0;
}

// ---- Date labels -------------------------------------------------------------------------------

// What the words right before a date in the text say it is.
enum class DateLabel : uint8_t { kNone, kPublished, kOriginal, kUpdated, kOther };

struct DateLabelWord {
  std::string_view words;  // lower case
  DateLabel label;
};
// Labels printed before dates. Origin: the date lines of news, blog and forum pages in English
// and Chinese ("Published Apr 2, 2024", "originally published on", "Last updated:",
// "发表于", "更新时间"), and the account dates of blog and forum profiles ("Joined",
// "Member since", "Founded", "建立于" blog founded on, "注册" registered), which are no
// publication dates.
// Longer entries come before the shorter ones they end with ("originally published" before
// "published"): the first entry that ends the text wins.
constexpr DateLabelWord kDateLabels[] = {
    {"originally published on", DateLabel::kOriginal},
    {"originally published", DateLabel::kOriginal},
    {"first published on", DateLabel::kOriginal},
    {"first published", DateLabel::kOriginal},
    {"published on", DateLabel::kPublished},
    {"published", DateLabel::kPublished},
    {"posted on", DateLabel::kPublished},
    {"\xE5\x8F\x91\xE8\xA1\xA8\xE4\xBA\x8E", DateLabel::kPublished},              // 发表于
    {"\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x8E", DateLabel::kPublished},              // 发布于
    {"\xE5\x8F\x91\xE8\xA1\xA8\xE6\x97\xB6\xE9\x97\xB4", DateLabel::kPublished},  // 发表时间
    {"\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4", DateLabel::kPublished},  // 发布时间
    {"last updated on", DateLabel::kUpdated},
    {"last updated", DateLabel::kUpdated},
    {"updated on", DateLabel::kUpdated},
    {"updated", DateLabel::kUpdated},
    {"last modified", DateLabel::kUpdated},
    {"\xE6\x9B\xB4\xE6\x96\xB0\xE4\xBA\x8E", DateLabel::kUpdated},              // 更新于
    {"\xE6\x9B\xB4\xE6\x96\xB0\xE6\x97\xB6\xE9\x97\xB4", DateLabel::kUpdated},  // 更新时间
    {"joined", DateLabel::kOther},
    {"member since", DateLabel::kOther},
    {"founded", DateLabel::kOther},
    {"\xE5\xBB\xBA\xE7\xAB\x8B\xE4\xBA\x8E", DateLabel::kOther},              // 建立于
    {"\xE6\xB3\xA8\xE5\x86\x8C\xE4\xBA\x8E", DateLabel::kOther},              // 注册于
    {"\xE6\xB3\xA8\xE5\x86\x8C\xE6\x97\xB6\xE9\x97\xB4", DateLabel::kOther},  // 注册时间
    {"\xE6\x88\xAA\xE6\xAD\xA2", DateLabel::kOther},  // 截止 (as of, up to)
    {"\xE6\x88\xAA\xE8\x87\xB3", DateLabel::kOther},  // 截至 (as of, up to)
};

// The label that ends `before` (the text up to a date), past the spaces, colons and bars that
// separate it from the date. An ASCII label must start a word ("unpublished" is none).
DateLabel date_label(std::string_view before) {
  // ASCII separators, and the Unicode spaces pages put between label and date: no-break
  // (U+00A0), en/em and the other U+2000-U+200A spaces, ideographic (U+3000), and the
  // full-width colon (U+FF1A).
  for (bool cut = true; cut && !before.empty();) {
    cut = true;
    char c = before.back();
    size_t n = before.size();
    if (c == ' ' || c == ':' || c == '|' || c == '-' || c == '\n' || c == '\t' || c == '\r') {
      before.remove_suffix(1);
    } else if (before.ends_with("\xC2\xA0")) {
      before.remove_suffix(2);
    } else if (n >= 3 && before[n - 3] == '\xE2' && before[n - 2] == '\x80' &&
               static_cast<unsigned char>(before[n - 1]) <= 0x8A) {
      before.remove_suffix(3);
    } else if (before.ends_with("\xE3\x80\x80") || before.ends_with("\xEF\xBC\x9A")) {
      before.remove_suffix(3);
    } else {
      cut = false;
    }
  }
  for (const DateLabelWord& w : kDateLabels) {
    if (before.size() < w.words.size()) continue;
    std::string_view end = before.substr(before.size() - w.words.size());
    if (!iequals(end, w.words)) continue;
    if (static_cast<unsigned char>(w.words[0]) < 0x80 && before.size() > w.words.size()) {
      char p = before[before.size() - w.words.size() - 1];
      if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z')) continue;
    }
    return w.label;
  }
  return DateLabel::kNone;
}

// ---- The collector ---------------------------------------------------------------------------

class Collector {
 public:
  Collector(const MetadataOptions& options) : options_(options) {
    std::optional<Date> ref;
    if (!options.reference_date.empty()) ref = parse_ymd(options.reference_date);
    reference_ = ref ? *ref : today_utc();
  }

  Metadata run(const dom::Document& doc);

 private:
  bool may_act_on(const Node* n) const;
  void on_element(const Node* n);
  void on_meta(const Node* n);
  bool outranked(const MetaKey& m) const;
  void on_text(const Node* n, std::string_view data, size_t first);
  // `shown`: the value comes from an element the reader sees (<time>), not from <head>.
  void offer_date(std::string_view value, int rank, bool modified = false, bool shown = false);
  void note_shown(const Date& d, DateLabel label = DateLabel::kNone) {
    if (shown_dates_.size() >= kMaxShownDates) return;
    shown_dates_.push_back(d);
    shown_labels_.push_back(label);
  }
  // Every date in `text`, noted as shown; returns the first.
  // `before`: the text shown right before `text` (a label in its own element).
  std::optional<Date> scan_dates(std::string_view text, std::string_view before = {});
  void offer_author(std::string_view value, int rank, bool need_prefix);
  void apply_jsonld();
  std::string choose_title(const std::string& sitename, std::string_view host,
                           bool front_page) const;
  std::string choose_date() const;

  const MetadataOptions& options_;
  Date reference_;
  bool month_first_ = true;

  Best title_, author_, site_, description_, language_, image_, canonical_;
  DateBest date_, modified_, visible_;           // markup published, markup modified, shown in text
  std::vector<std::pair<int, Date>> published_;  // every markup published date with its rank
  std::vector<Date> shown_dates_;                // every date seen in the text, in document order
  std::vector<DateLabel> shown_labels_;  // the label before each of shown_dates_ (text only)
  std::vector<std::string_view> undated_texts_;  // texts seen before any date showed
  DateBest labelled_;                            // the first date labelled published (rank 1) or
                                                 // originally published (rank 0) in the text
  std::string_view prev_tail_;  // the end of the last non-blank text node (document-owned)
  std::string name_line_;       // a line holding only a name, waiting for the prose after it
  bool seen_prose_ = false;     // a text of 150 bytes or more was seen in the body
  ListBest tags_, categories_;
  std::string title_element_;
  std::vector<std::string> h1s_;
  std::vector<std::string> citation_authors_;
  char author_label_ = 0;
  uint32_t cls_bits_ = 0;  // class_bits of the current element's class and id
  uint32_t class_only_bits_ =
      0;  // of its class alone  // the digit of the twitter:labelN that announced an author
  JsonLdFields jsonld_;

  // Walk state.
  bool in_body_ = false;
  const Node* noise_region_ = nullptr;
  CommonAttrs attrs_;  // of the element being visited
  ClassBitsMemo class_memo_;
  int class_gathers_ = 0;
  const Node* after_h1_ = nullptr;  // the node after the first h1's subtree
  int texts_after_h1_ = 0;          // texts left that count as the headline's dateline
  size_t text_budget_ = 0;
};

void Collector::offer_date(std::string_view value, int rank, bool modified, bool shown) {
  auto d = parse_date_value(collapse_space(value), reference_, month_first_);
  // A shown value (<time>) takes the label printed before its element.
  if (d && shown) note_shown(*d, in_body_ ? date_label(prev_tail_) : DateLabel::kNone);
  (modified ? modified_ : shown ? visible_ : date_).offer(d, rank);
  if (d && !modified && !shown && published_.size() < 16) published_.push_back({rank, *d});
}

void Collector::offer_author(std::string_view value, int rank, bool need_prefix) {
  if (rank >= author_.rank) return;
  std::string a = clean_author(value, reference_, need_prefix);
  // A Chinese organisation (a site, a paper) in a byline slot is the publisher: any person's
  // byline on the page beats it.
  if (rank < kFallback && looks_like_cjk_org(a)) rank = kFallback;
  if (!a.empty() && rank < author_.rank) author_.offer(std::move(a), rank);
}

// Whether a value of meta key m would be dropped unread: the fields below keep one value and
// already hold one of a better or equal rank (Best::offer ignores it). Descriptions in
// particular come three times (og:, twitter:, plain) and are long.
bool Collector::outranked(const MetaKey& m) const {
  switch (m.field) {
    case Field::kTitle:
      return m.rank >= title_.rank;
    case Field::kSite:
      return m.rank >= site_.rank;
    case Field::kDescription:
      return m.rank >= description_.rank;
    case Field::kLanguage:
      return m.rank >= language_.rank;
    case Field::kImage:
      return m.rank >= image_.rank;
    case Field::kCanonical:
      return m.rank >= canonical_.rank;
    default:  // authors, dates and lists use every value
      return false;
  }
}

void Collector::on_meta(const Node* n) {
  std::string_view content = n->attr("content");
  std::string_view key = n->attr("property");
  if (key.empty()) key = n->attr("name");
  if (key.empty()) key = n->attr("itemprop");
  if (key.empty()) key = n->attr("http-equiv");
  if (key.empty() || key.size() > 64 || content.empty()) return;
  std::string k = ascii_lower(key);
  // JSON-LD written into a meta tag: Next.js renders structured data handed to its metadata
  // "other" field as <meta name="script:ld+json" content="{...}">, a known and common mistake
  // (search engines ignore it, but it is the page's own schema.org description). On wcxb-dev
  // one page (+1 date, its only date), nothing else changes.
  if (k == "script:ld+json") {
    read_jsonld(content, jsonld_);
    return;
  }
  // Twitter card label/data pairs ("twitter:label1" = "Written by", "twitter:data1" = name).
  if (k.starts_with("twitter:label") && k.size() == 14) {
    std::string label = ascii_lower(collapse_space(content));
    if (label == "written by" || label == "author" || label == "by") author_label_ = k.back();
    return;
  }
  if (k.starts_with("twitter:data") && k.size() == 13 && k.back() == author_label_) {
    offer_author(content, kMetaGeneric, false);
    return;
  }
  // "property" may hold several space-separated names (RDFa).
  std::string_view ks = k;
  while (!ks.empty()) {
    size_t sp = ks.find(' ');
    std::string_view one = ks.substr(0, sp);
    // RDFa writes Dublin Core as "dc:creator"; the meta-name form is "dc.creator".
    std::string dotted;
    if (one.starts_with("dc:") || one.starts_with("dcterms:")) {
      dotted = std::string(one);
      dotted[dotted.find(':')] = '.';
      one = dotted;
    }
    bool known = false;
    for (uint8_t i : meta_keys_of_size(one.size())) {
      const MetaKey& m = kMetaKeys[i];
      if (m.key != one) continue;
      known = true;
      if (outranked(m)) break;  // its value could change nothing: not cleaned
      std::string v = repair_mojibake(collapse_space(decode_entities(utf8_prefix(content, 4096))));
      switch (m.field) {
        case Field::kTitle:
          title_.offer(std::move(v), m.rank);
          break;
        case Field::kAuthor:
          if (one == "citation_author" || one == "dc.creator") {
            if (citation_authors_.size() < kMaxTags) citation_authors_.push_back(v);
          } else if (!looks_like_url(v)) {
            // A host name ("example.com") names the site, not a writer: kept only as the
            // fallback that organisation authors get, below any byline on the page.
            offer_author(v, looks_like_host(v) ? int(kFallback) : m.rank, false);
          }
          break;
        case Field::kDate:
          offer_date(v, m.rank);
          break;
        case Field::kModified:
          offer_date(v, m.rank, true);
          break;
        case Field::kSite:
          if (!looks_like_url(v)) site_.offer(std::move(v), m.rank);
          break;
        case Field::kDescription:
          description_.offer(std::move(v), m.rank);
          break;
        case Field::kLanguage:
          language_.offer(normalize_language(v), m.rank);
          break;
        case Field::kImage:
          image_.offer(std::move(v), m.rank);
          break;
        case Field::kCanonical:
          canonical_.offer(std::move(v), m.rank);
          break;
        case Field::kTags:
          tags_.add(split_list(v), m.rank);
          break;
        case Field::kCategories:
          categories_.add(split_list(v), m.rank);
          break;
      }
      break;
    }
    // Names outside the table that still say "publication date" ("w-published-date",
    // "article-publish-time"): CMSs invent their own prefixes, so the words are matched, at
    // the rank of weak generic meta. "update"/"modif" names are the other date.
    if (!known && one.find("publish") != std::string_view::npos &&
        (one.find("date") != std::string_view::npos ||
         one.find("time") != std::string_view::npos) &&
        one.find("modif") == std::string_view::npos && one.find("updat") == std::string_view::npos)
      offer_date(collapse_space(utf8_prefix(content, 128)), kMetaGeneric);
    // A vocabulary's own "date" ("ms.date", "cludo:date"), as Dublin Core's "dc.date" is the
    // document's date: search and documentation systems stamp pages so.
    else if (!known && (one.ends_with(".date") || one.ends_with(":date")))
      offer_date(collapse_space(utf8_prefix(content, 128)), kMetaGeneric);
    if (sp == std::string_view::npos) break;
    ks.remove_prefix(sp + 1);
  }
}

// Whether on_element can do anything for n: its tag is one of those on_element's switch or
// link test handles, or n has an itemprop, or a byline or date class. Most elements are none
// of these (a div, a span, a list item of a plain class) and skip the call. Keep in step with
// on_element: every case it acts on must pass here.
bool Collector::may_act_on(const Node* n) const {
  switch (n->tag) {
    case Tag::kHtml:
    case Tag::kBody:
    case Tag::kMeta:
    case Tag::kLink:
    case Tag::kTitle:
    case Tag::kScript:
    case Tag::kH1:
    case Tag::kTime:
    case Tag::kA:
      return true;
    default:
      return !attrs_.itemprop.empty() || (cls_bits_ & (kBitByline | kBitDate)) != 0;
  }
}

void Collector::on_element(const Node* n) {
  switch (n->tag) {
    case Tag::kHtml: {
      std::string_view lang = n->attr("lang");
      if (lang.empty()) lang = n->attr("xml:lang");
      language_.offer(normalize_language(lang), 10);
      if (!language_.value.empty()) month_first_ = month_first_language(language_.value);
      return;
    }
    case Tag::kBody:
      in_body_ = true;
      // A meta author that is the site's name (<meta name=author content="Site"> beside
      // og:site_name "Site") is the organisation, not a writer: from here on any byline of
      // the page beats it. Judged at <body>, when the head's meta tags are all read.
      if (author_.rank < kFallback && !author_.value.empty() &&
          (same_squashed(author_.value, site_.value) || looks_like_login(author_.value)))
        author_.rank = kFallback;
      return;
    case Tag::kMeta:
      on_meta(n);
      return;
    case Tag::kLink: {
      std::string_view rel = attrs_.rel;
      std::string_view href = n->attr("href");
      if (href.empty()) return;
      if (iequals(rel, "canonical")) canonical_.offer(collapse_space(href), 10);
      if (iequals(rel, "image_src")) image_.offer(collapse_space(href), kMetaNamed);
      return;
    }
    case Tag::kTitle:
      if (title_element_.empty())
        title_element_ = repair_mojibake(collapse_space(raw_text(n, kMaxElementText)));
      return;
    case Tag::kScript: {
      if (icontains(n->attr("type"), "ld+json")) read_jsonld(raw_text(n, size_t(1) << 20), jsonld_);
      return;
    }
    case Tag::kH1:
      // A headline is read inside class-named noise regions too: those names are guesses
      // made for bylines and dates, and whole pages carry them (a blog theme's <body> class
      // naming "related" posts, an <article> class naming its "comment" count). Navigation,
      // asides and footers hold site banners, not the headline. On wcxb-dev: +2/-1 titles
      // beside the "widget" change below, +10/-5 when "widget" was still a noise name.
      if (h1s_.size() < 4 && !(noise_region_ && (noise_region_->is_html(Tag::kNav) ||
                                                 noise_region_->is_html(Tag::kAside) ||
                                                 noise_region_->is_html(Tag::kFooter)))) {
        h1s_.push_back(trim_anchor_marks(repair_mojibake(gather_text(n))));
        // The first headline's end: the text right after it is where pages print the date.
        if (h1s_.size() == 1 && in_body_) after_h1_ = next_after(n, nullptr);
      }
      break;
    case Tag::kTime:
      if (!noise_region_ && in_body_) {
        std::string_view dt = n->attr("datetime");
        std::string v = dt.empty() ? gather_text(n, 128) : std::string(dt);
        std::string_view ip = attrs_.itemprop;
        bool modified = (cls_bits_ & kBitModified) || ip == "dateModified";
        if (modified) {
          offer_date(v, kFallback + 3, true, true);
        } else {
          int rank = (n->has_attr("pubdate") || ip == "datePublished") ? kTimePubdate
                     : inside_article(n)                               ? kTimeElement - 1
                                                                       : kTimeElement;
          offer_date(v, rank, false, true);
        }
      }
      break;
    default:
      break;
  }

  // Microdata.
  std::string_view itemprop = attrs_.itemprop;
  if (!itemprop.empty() && n->tag != Tag::kMeta) {
    if (itemprop == "author" || itemprop == "creator") {
      if (n->tag != Tag::kLink) offer_author(microdata_name(n), kMicrodata, false);
    } else if (itemprop == "datePublished" || itemprop == "dateCreated") {
      std::string_view v = n->attr("content");
      if (v.empty()) v = n->attr("datetime");
      offer_date(v.empty() ? gather_text(n, 128) : std::string(v), kMicrodata, false, in_body_);
    } else if (itemprop == "dateModified") {
      std::string_view v = n->attr("content");
      if (v.empty()) v = n->attr("datetime");
      offer_date(v.empty() ? gather_text(n, 128) : std::string(v), kFallback + 3, true, in_body_);
    } else if (itemprop == "headline" && !noise_region_) {
      title_.offer(gather_text(n), kMicrodata);
    }
  }

  if (!in_body_ || noise_region_) return;
  if (n->tag == Tag::kA || n->tag == Tag::kLink) {
    if (icontains(attrs_.rel, "author")) offer_author(gather_text(n, 256), kRelAuthor, false);
  }
  if (class_gathers_ >= kMaxClassGathers) return;
  bool byline_class =
      (cls_bits_ & kBitByline) && !(class_only_bits_ & kBitNoise) && !(cls_bits_ & kBitNotByline);
  if (byline_class && author_.rank > kClassByline) {
    ++class_gathers_;
    offer_author(gather_text(n, 256), kClassByline, false);
    // Author boxes hold a name and a bio: the first text inside is the name.
    if (author_.rank > kClassByline) {
      for (const Node* c = n->first_child; c && c != next_after(n, n->parent);) {
        if (c->is_text() && !collapse_space(c->data).empty()) {
          // A one-word first text is a label or a section name more often than a name.
          std::string first = collapse_space(c->data);
          if (word_count(first) >= 2 || first.size() > 9) offer_author(first, kClassByline, false);
          break;
        }
        c = (c->first_child && !skip_subtree(c)) ? c->first_child : next_after(c, n);
      }
    }
  }
  if (visible_.rank >= kDateClassText && (cls_bits_ & kBitDate) && !(cls_bits_ & kBitModified) &&
      (visible_.rank > kDateClassText || inside_article(n))) {
    ++class_gathers_;
    std::string t = gather_text(n, 256, true);
    visible_.offer(scan_dates(t), inside_article(n) ? kDateClassText - 1 : kDateClassText);
  }
}

std::optional<Date> Collector::scan_dates(std::string_view text, std::string_view before) {
  DateScanOptions opt;
  opt.month_first = month_first_;
  std::optional<Date> first;
  size_t from = 0;
  while (shown_dates_.size() < kMaxShownDates) {
    auto hit = find_date(text, reference_, opt, from);
    if (!hit) break;
    // The label before the date: in this text, or at the end of the text before it.
    std::string_view lead = text.substr(0, hit->begin);
    DateLabel label = date_label(lead);
    if (label == DateLabel::kNone && first_non_blank(lead) == lead.size())
      label = date_label(before);
    from = hit->end;
    if (label == DateLabel::kOther) continue;  // an account's date, not the page's
    // A range ("12/01/2004 - 01/01/2005", "2019年3月1日至2019年5月1日") is a period: an
    // archive month, an event, a validity. Both ends are shown but neither is the page's date.
    size_t range_end = range_end_after(text, hit->end, reference_, opt);
    if (range_end) {
      note_shown(hit->date, label);
      from = range_end;
      continue;
    }
    if (!first) first = hit->date;
    note_shown(hit->date, label);
    if (label == DateLabel::kOriginal) labelled_.offer(hit->date, 0);
    if (label == DateLabel::kPublished) labelled_.offer(hit->date, 1);
  }
  return first;
}

// A text node in the scanned budget (data: its part inside the budget) that is not blank:
// `first` is its first non-blank byte (run() takes the budget and passes over blank texts).
void Collector::on_text(const Node* n, std::string_view data, size_t first) {
  // Short text nodes may be bylines ("By Jane Doe", or "By" followed by a link). Text that
  // cannot start with a byline prefix (may_start_byline) is skipped before any copy is made.

  // A line holding only a Chinese name right before the prose (an essay's "Title / Name /
  // text" layout) names its author: above the page's first long text (150 bytes; below it a
  // name alone is a section's subject), and followed by text of ten CJK characters or more
  // (a subtitle or the first paragraph) rather than a menu's next entry. Blank lines between
  // them are passed over.
  if (!name_line_.empty() && !trim_wide(data).empty()) {
    if (author_.rank > kTextByline + 3 && trim_wide(data).size() >= 30 && has_cjk_lead(data))
      author_.offer(std::move(name_line_), kTextByline + 3);
    name_line_.clear();
  }
  if (data.size() >= 150) seen_prose_ = true;
  // The name line is a direct child of a text block (not a heading, a link, a list item or a
  // table header: a menu entry or an infobox's subject).
  const Node* block = n->parent;
  if (author_.rank > kTextByline + 3 && !seen_prose_ && data.size() <= 80 && block &&
      (block->is_html(Tag::kP) || block->is_html(Tag::kDiv) || block->is_html(Tag::kTd) ||
       block->is_html(Tag::kBody) || block->is_html(Tag::kCenter) ||
       block->is_html(Tag::kBlockquote)) &&
      starts_line(n) && ends_line(n) && has_cjk_lead(data))
    name_line_ = name_line(data);

  // A byline line is short: 200 raw / 120 collapsed bytes hold "By" and a few names.
  if (author_.rank > kTextByline && data.size() < 200 && may_start_byline(data.substr(first))) {
    std::string t = collapse_space(data);
    if (!t.empty() && t.size() < 120) {
      auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
      const char t0 = lower(t[0]);
      for (std::string_view p : kBylinePrefixes) {
        if (p[0] != t0) continue;  // prefixes are lower case: the first byte rules most out
        std::string_view bare = p.substr(0, p.size() - 1);
        if (istarts_with(t, p) || iequals(t, bare)) {
          const Node* holder = n->parent;
          std::string full = holder ? gather_text(holder, 256) : t;
          // The text is one line of a longer element (a table cell holding the whole
          // article): the byline is that line.
          // A byline after a date element ("<time>…</time> by Name") is read from the
          // text on as well.
          if (!istarts_with(full, t) && (starts_line(n) || after_time(n))) full = line_text(n, 256);
          // A label alone ("Written by") in its own element: the name is in the next one
          // with text. Elements without text between them (an avatar's <picture> or <img>, an
          // icon) are passed over, three at most.
          if (iequals(full, bare) && holder) {
            const Node* next = holder->next_sibling;
            std::string name;
            for (int elements = 0; next && elements < 4; next = next->next_sibling) {
              if (!next->is_element()) continue;
              ++elements;
              name = gather_text(next, 256);
              if (!name.empty()) break;
            }
            if (!name.empty()) full = std::string(p) + name;
          }
          // Who opened a forum thread is its author, whichever post the page shows first
          // (a later page of the thread, a pinned answer): the label outranks the posts'
          // microdata authors.
          offer_author(full, p == "thread starter " ? kThreadStarter : kTextByline, true);
          break;
        }
      }
      // "Author" alone in its own element (a heading or label over the name): the name is the
      // next element. Not a prefix: it starts too many other texts ("Author Spotlight").
      if (iequals(t, "author") && n->parent) {
        const Node* next = n->parent->next_sibling;
        while (next && !next->is_element()) next = next->next_sibling;
        if (next && iequals(gather_text(n->parent, 64), t))
          offer_author(gather_text(next, 256), kTextByline, false);
      }
    }
  }
  // Chinese credit lines: a short line, or the parenthesised credit that closes a paragraph
  // ("……交流。（信报记者 蔡雪婧）"), a view into data.
  std::string_view credit = data.size() < 300 ? data : closing_parenthesis(data);
  if (author_.rank > kTextByline && !credit.empty() && n->parent && !n->parent->is_html(Tag::kA) &&
      has_cjk_lead(credit)) {
    bool found = false;
    for (const CjkMarker& c : kCjkBylineMarkers) {
      size_t pos = credit.find(c.marker);
      if (pos == std::string_view::npos) continue;
      // The name follows the marker in the credit (the whole line, or the closing parenthesis).
      std::string_view rest = credit.substr(pos + c.marker.size());
      std::string name = cjk_names(rest, c.strict);
      // "作者：<a>Name</a>": a marker that ends its text node names what follows it: the next
      // element's or text's content, past comments ("作者：<!--author-->Name"), and out of
      // a label element that holds the marker alone ("<b>作者：</b><a>Name</a>", two levels).
      if (name.empty() && !c.strict && collapse_space(rest).empty()) {
        const Node* from = n;
        for (int up = 0; up < 2 && from->parent && !from->next_sibling; ++up) from = from->parent;
        const Node* next = from->next_sibling;
        while (next && ((next->is_text() && collapse_space(next->data).empty()) ||
                        next->kind == dom::NodeKind::kComment))
          next = next->next_sibling;
        if (next && next->is_element()) name = cjk_names(gather_text(next, 80), false);
        if (next && next->is_text()) name = cjk_names(utf8_prefix(next->data, 80), false);
      }
      if (!name.empty()) author_.offer(std::move(name), kTextByline + c.rank_offset);
      found = true;
      break;
    }
    // "（姚峰 上海报道）": a reporter and a place before "reported" in parentheses.
    if (!found) {
      std::string_view inner = closing_parenthesis(credit);
      std::string name = reported_by(inner);
      if (!name.empty()) author_.offer(std::move(name), kTextByline + 1);
      if (name.empty() && data.size() < 300) {
        name = posted_by(data, n);
        if (!name.empty()) author_.offer(std::move(name), kTextByline + 1);
      }
      // "……佳节。（常书香 马丹阳）": names alone in the closing parenthesis, each starting
      // with a common surname (name_line), credit the writers.
      // (A long paragraph's credit is already the parenthesis' content.) The parenthesis
      // closes a sentence or stands alone, not a name's gloss ("Frances Sy (蔡嘉玲)").
      std::string_view closing = data.size() < 300 ? inner : credit;
      bool closes_text = false;
      if (!closing.empty()) {
        std::string_view lead = trim_wide(data.substr(0, closing.data() - data.data()));
        for (std::string_view open : {std::string_view("("), std::string_view("\xEF\xBC\x88")})
          if (lead.ends_with(open)) lead = trim_wide(lead.substr(0, lead.size() - open.size()));
        closes_text = lead.empty() || lead.ends_with("\xE3\x80\x82") ||  // 。
                      lead.ends_with("\xEF\xBC\x81") ||                  // ！
                      lead.ends_with("\xEF\xBC\x9F") ||                  // ？
                      lead.ends_with("\xE2\x80\x9D");                    // ”
      }
      if (name.empty() && closes_text) {
        std::string names;
        std::string_view rest = trim_wide(closing);
        while (!rest.empty()) {
          size_t sp = rest.find(' ');
          std::string one = name_line(rest.substr(0, sp));
          if (one.empty() || word_count(names) >= 5) {
            names.clear();
            break;
          }
          names += names.empty() ? one : " " + one;
          rest = sp == std::string_view::npos ? std::string_view() : trim_wide(rest.substr(sp));
        }
        if (!names.empty()) author_.offer(std::move(names), kTextByline + 2);
      }
    }
  }
  // A date in the first few texts after the headline is the article's dateline, as good as
  // a date element inside <article> (better than one outside it before the headline, such as
  // a header's "today is" widget); further free text is weaker.
  int rank = kFreeTextDate;
  if (texts_after_h1_ > 0) --texts_after_h1_, rank = kDateClassText - 1;
  if (shown_dates_.size() < kMaxShownDates) visible_.offer(scan_dates(data, prev_tail_), rank);
  // A month without a day matters only on pages that show no full date at all: the texts are
  // kept (as views into the document) until a date shows, and read at the end if none did.
  if (shown_dates_.empty() && undated_texts_.size() < kMaxUndatedTexts)
    undated_texts_.push_back(data);
  // Labels fit in 40 bytes ("originally published on" and a colon).
  prev_tail_ = data.substr(data.size() > 40 ? data.size() - 40 : 0);
}

void Collector::apply_jsonld() {
  const JsonLdFields& j = jsonld_;
  title_.offer(j.headline, kJsonLdArticle);
  if (!j.product_name.empty()) title_.offer(j.product_name, kOpenGraph + 1);
  title_.offer(j.page_name, kJsonLdPage);
  if (!j.authors.empty()) {
    std::vector<std::string> names;
    for (const auto& a : j.authors) names.push_back(clean_author(a, reference_, false));
    std::string joined = join_names(names);
    // A "Person" author named as the publisher or the site is the organisation itself
    // (themes fill the author with the site's name): any byline on the page beats it.
    bool is_site = same_squashed(joined, j.publisher) || same_squashed(joined, site_.value) ||
                   same_squashed(joined, j.website_name);
    author_.offer(std::move(joined), is_site ? kFallback : kJsonLdArticle);
  }
  if (!j.org_authors.empty()) author_.offer(j.org_authors[0], kFallback);
  // A video's upload date is the page's only when nothing else dates it: a forum thread or
  // post that embeds a reply's video carries the thread's own date in microdata or meta.
  int article_rank = j.article_from_media ? kMicrodata + 1 : kJsonLdArticle;
  if (!j.date_published.empty()) offer_date(j.date_published, article_rank);
  if (!j.date_created.empty()) offer_date(j.date_created, article_rank + 1);
  if (!j.page_date_published.empty()) offer_date(j.page_date_published, kJsonLdPage);
  if (!j.date_modified.empty()) offer_date(j.date_modified, kFallback - 1, true);
  site_.offer(j.publisher, kOpenGraph + 2);
  site_.offer(j.website_name, kOpenGraph + 1);
  description_.offer(j.description, kMetaGeneric + 1);
  image_.offer(j.image, kMetaGeneric + 1);
  language_.offer(normalize_language(j.language), kJsonLdPage);
  if (!j.keywords.empty()) tags_.add(j.keywords, kOpenGraph + 1);
  if (!j.sections.empty()) categories_.add(j.sections, kOpenGraph + 1);
}

// Whether s has ASCII capitals and no lower-case ASCII letter.
bool all_caps(std::string_view s) {
  bool upper = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

// Share of b's words (lower-cased, space-separated) that also occur in a.
double word_overlap(std::string_view a, std::string_view b) {
  std::string la = " " + ascii_lower(a) + " ", lb = ascii_lower(b);
  size_t total = 0, shared = 0;
  size_t i = 0;
  while (i < lb.size()) {
    size_t j = lb.find(' ', i);
    if (j == std::string::npos) j = lb.size();
    if (j > i) {
      ++total;
      if (la.find(" " + lb.substr(i, j - i) + " ") != std::string::npos) ++shared;
    }
    i = j + 1;
  }
  return total ? double(shared) / double(total) : 0.0;
}

// Whether an h1 is the decoration that <title> adds to the headline rather than the headline:
// the part after <title>'s last separator when its first part does not name the site ("What
// is Ownership? - The Rust Programming Language" with the h1 "The Rust Programming Language"),
// or what <title> adds around the meta title ("Blog Name: Headline" with og:title "Headline"
// and the h1 "Blog Name"). Such an h1 is the site's name printed as a page banner.
bool is_title_decoration(std::string_view h, std::string_view title, std::string_view meta_title,
                         std::string_view sitename, std::string_view host) {
  TitleSplit last = split_title(title, false);
  if (last.found && iequals(h, collapse_space(last.tail))) {
    TitleSplit first = split_title(title, true);
    if (!names_site(first.head, sitename, host)) return true;
  }
  // A meta title that is itself the site name leaves the headline as the "decoration".
  if (meta_title.size() < 3 || meta_title.size() >= title.size() ||
      names_site(meta_title, sitename, host))
    return false;
  std::string lt = ascii_lower(title), lm = ascii_lower(meta_title);
  size_t at = lt.find(lm);
  if (at == std::string::npos) return false;
  // The rest must lie on one side only: before or after the meta title.
  std::string_view rest = at == 0                                  ? title.substr(meta_title.size())
                          : at + meta_title.size() == title.size() ? title.substr(0, at)
                                                                   : std::string_view();
  auto punct = [](char c) {
    return c == ' ' || c == ':' || c == '|' || c == '-' || c == '/' || c == ',' || c == '~';
  };
  while (!rest.empty() && punct(rest.front())) rest.remove_prefix(1);
  while (!rest.empty() && punct(rest.back())) rest.remove_suffix(1);
  // A decoration is shorter than the headline it decorates.
  return rest.size() >= 3 && rest.size() < meta_title.size() && iequals(h, rest);
}

std::string Collector::choose_title(const std::string& sitename, std::string_view host,
                                    bool front_page) const {
  bool site_first = false;  // <title> began with the site's name ("Site - Slogan")
  std::string from_title = strip_site(title_element_, sitename, host, front_page, &site_first);
  std::string from_meta = strip_site(title_.value, sitename, host, front_page);
  std::string base = from_meta.empty() ? from_title : from_meta;
  // A meta title that stops mid-phrase where <title> goes on is a truncated copy: JSON-LD
  // headlines are cut to 110 characters by SEO plugins, after Google's former limit. Only
  // long ones (100 bytes and more) are taken for cut; a shorter prefix is a choice.
  // The cut falls between two words: a space, then a letter or digit (not " : Site").
  if (base.size() >= 100 && from_title.size() > base.size() + 1 && istarts_with(from_title, base) &&
      from_title[base.size()] == ' ' && is_word_byte(from_title[base.size() + 1]))
    base = from_title;
  // The page's h1 is the headline as printed, without the site decorations of <title>; the
  // benchmark gold follows it. An h1 that names the site (logos), or that is the part <title>
  // adds to the headline, is not a headline.
  std::vector<std::string_view> heads;
  for (const std::string& h : h1s_)
    if (h.size() >= 3 && h.size() <= 400 && !names_site(h, sitename, host) &&
        !is_title_decoration(h, title_element_, title_.value, sitename, host))
      heads.push_back(h);
  // An h1 in capitals only (set so by the site's markup, "BEST COFFEE MAKERS") that equals
  // the title or meta title otherwise: their capitalisation is the headline's.
  for (std::string_view h : heads) {
    if (iequals(h, base)) return std::string(all_caps(h) ? std::string_view(base) : h);
    if (iequals(h, from_title)) return std::string(all_caps(h) ? std::string_view(from_title) : h);
  }
  // A news story or blog post (as its JSON-LD types it) whose page prints one headline: that
  // h1 is the story's headline, even where <title> and the meta titles word it for search
  // ("Best Apps to Learn a Language in 2025" above the h1 "Top 10: Best Language Learning
  // App"). From a study of title sources on wcxb-dev split by odd and even page ids: +4/-0 on
  // the even half, +2/-0 on the odd one, no change on readability-testpages. Any article type
  // (plain "Article" too, which SEO plugins give every page) gave +10/-5, and one h1 on any
  // page lost more than it won.
  if (jsonld_.is_news_or_blog && h1s_.size() == 1 && heads.size() == 1)
    return std::string(heads[0]);
  // An h1 that ends with the whole meta or <title> headline after more words ("Dec 18 2026
  // Headline", "Forum section - Headline") carries a page decoration before the headline. (An
  // h1 that extends the headline at its end is more often the fuller headline: on wcxb-dev
  // "ends with" gained 10 pages and lost 2, "contains" gained 17 and lost 14.)
  if (!heads.empty() && word_count(base) >= 2 && heads[0].size() > base.size() &&
      iends_with(heads[0], base))
    return base;
  for (std::string_view h : heads)
    if (istarts_with(title_element_, h) || istarts_with(title_.value, h)) return std::string(h);
  for (std::string_view h : heads)
    if (word_count(h) >= 2 && (icontains(title_element_, h) || icontains(title_.value, h)))
      return std::string(h);
  // Otherwise the first h1 still wins when it shares most words with the title: a reworded
  // headline ("Top 10 Nutrition Trends" vs "Nutrition Trends For 2026"). 0.5 was the best
  // cut between 0.3 and 0.8 on wcxb-dev titles.
  if (!heads.empty() && !base.empty() && word_overlap(base, heads[0]) >= 0.5)
    return std::string(heads[0]);
  // A <title> that starts with the site's name and goes on with words of its own shares
  // nothing with the h1 on a page below the front page: it is the site's slogan or a
  // section's title ("Site - The heart of the internet"), the same on every page; the h1 of
  // two words or more is the page's (a one-word h1 is as often a box's label, "Search"). On
  // wcxb-dev: 3 pages gained (all three of one site), none lost.
  if (site_first && !front_page && base == from_title && !heads.empty() &&
      word_count(heads[0]) >= 2)
    return std::string(heads[0]);
  if (base.empty() && !heads.empty()) return std::string(heads[0]);
  return base;
}

// Full-width ASCII forms ("？", "！", "Ａ") made ASCII in a title without CJK text, where they
// are an input method's leftovers ("How Does Robot Vacuum Mapping Work？"). CJK titles keep
// their full-width punctuation, which is how those scripts write it. (Pictographs that close
// a title were tried too: wcxb-dev's gold keeps them as often as it drops them, +1/-1.)
std::string fold_full_width(std::string t) {
  for (size_t i = 0; i < t.size();) {
    const char32_t cp = base::next_code_point(t, &i);
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF))
      return t;
  }
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size();) {
    const size_t from = i;
    const char32_t cp = base::next_code_point(t, &i);
    if (cp >= 0xFF01 && cp <= 0xFF5E)
      out += char(cp - 0xFEE0);
    else
      out.append(t, from, i - from);
  }
  return out;
}

// Whether url is a site's front page: nothing after the host but "/" (a query is allowed).
bool is_front_page(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme + 3);
  size_t path = rest.find_first_of("/?#");
  if (path == std::string_view::npos) return true;
  rest.remove_prefix(path);
  size_t end = rest.find_first_of("?#");
  return rest.substr(0, end).size() <= 1;
}

long days_of(const Date& d) { return days_from_civil(d.year, d.month, d.day); }

bool same_day(const std::optional<Date>& a, const std::optional<Date>& b) {
  return a && b && a->year == b->year && a->month == b->month && a->day == b->day;
}

// Both carry a time and an offset and name the same minute.
bool same_instant(const Date& a, const Date& b) {
  auto minutes = [](const Date& d) {
    return days_of(d) * 1440 + d.hour * 60 + d.minute - d.offset_minutes;
  };
  return a.has_time && a.has_offset && b.has_time && b.has_offset && minutes(a) == minutes(b);
}

std::string Collector::choose_date() const {
  // A UTC timestamp ("2025-12-19T03:05:00+00:00") that a <time> element shows as the same
  // instant in the site's own zone ("2025-12-18T19:05:00-08:00") is given on the site's own
  // day: the day the page presents. Where a chosen timestamp's local and UTC days differ, the
  // gold dates follow the local day 15 times and the UTC day twice (wcxb-dev and
  // readability-testpages, both halves of the wcxb page ids). On wcxb-dev +2 -1.
  auto out = [&](const Date& d) {
    if (d.has_time && d.has_offset && d.offset_minutes == 0)
      for (const Date& s : shown_dates_)
        if (s.has_time && s.has_offset && s.offset_minutes != 0 && same_instant(s, d))
          return format_date(s);
    return format_date(d);
  };
  const auto& vis = visible_.date;
  // The date the page shows agrees with one of the markup dates: that is the one the page
  // presents (markup keeps the time zone).
  // A shown date whose day/month order was guessed ("09/10/2024") also shows its swap.
  auto shown = [&](const std::optional<Date>& d) {
    for (const Date& s : shown_dates_) {
      if (same_day(s, d)) return true;
      if (s.order_guessed) {
        Date swapped = s;
        std::swap(swapped.day, swapped.month);
        if (same_day(swapped, d)) return true;
      }
    }
    return false;
  };
  // A date the text labels "originally published" is the first publication, whatever the
  // markup says (reprints stamp their own).
  if (labelled_.date && labelled_.rank == 0) return out(*labelled_.date);
  // Markup that gives as published the date the page shows as "Updated", while the page labels
  // another date "Published": the label is right.
  if (labelled_.date && date_.date && !same_day(labelled_.date, date_.date)) {
    bool shown_as_update = false, shown_otherwise = false;
    for (size_t i = 0; i < shown_dates_.size(); ++i) {
      if (!same_day(shown_dates_[i], date_.date)) continue;
      (shown_labels_[i] == DateLabel::kUpdated ? shown_as_update : shown_otherwise) = true;
    }
    if (shown_as_update && !shown_otherwise) return out(*labelled_.date);
  }
  // Published first, as schema.org and OpenGraph mean it, when the page shows it too.
  if (shown(date_.date)) return out(*date_.date);
  // Markup that disagrees with itself (JSON-LD says one day, a meta tag another): the published
  // date the page shows, other than as an update, is the one. On wcxb-dev +2 (one on each half
  // of the page ids), none lost; without the update condition readability-testpages lost one
  // (a "sailthru.date" that is the page's update).
  {
    const Date* best = nullptr;
    int best_rank = INT_MAX;
    auto shown_not_as_update = [&](const Date& d) {
      for (size_t i = 0; i < shown_dates_.size(); ++i)
        if (same_day(shown_dates_[i], d) && shown_labels_[i] != DateLabel::kUpdated) return true;
      return false;
    };
    for (const auto& [r, d] : published_)
      if (r < best_rank && shown_not_as_update(d)) best = &d, best_rank = r;
    if (best) return out(*best);
  }
  // A markup date written "03-09-2026" reads either way round; when the page shows the other
  // reading ("March 9, 2026"), that is how the site meant it.
  if (date_.date && date_.date->order_guessed) {
    Date swapped = *date_.date;
    std::swap(swapped.day, swapped.month);
    if (shown(swapped) && plausible(swapped, reference_)) return out(swapped);
  }
  // A date element or dateline the markup does not give: it wins over markup that says the
  // page was published later (stamped again by a migration or a template), not over markup
  // that says earlier, where the shown date is an update ("Last updated: ...") or a later
  // post's teaser and the markup keeps the first publication. On wcxb-dev the earlier-only
  // condition gained 8 pages and lost 6 (4/3 on each half of the page ids), on
  // readability-testpages +2, on chinese-wce -1.
  if (vis && visible_.rank <= kDateClassText && !shown(modified_.date) &&
      (!date_.date || days_of(*vis) < days_of(*date_.date)))
    return out(*vis);
  if (date_.date) return out(*date_.date);
  if (vis) return out(*vis);
  if (modified_.date) return out(*modified_.date);
  // Nothing with a day anywhere: the month the text names, as ISO 8601 "YYYY-MM".
  if (shown_dates_.empty())
    for (std::string_view t : undated_texts_)
      if (auto m = find_month_year(t, reference_)) return format_date(*m).substr(0, 7);
  return {};
}

Metadata Collector::run(const dom::Document& doc) {
  const Node* root = doc.root();
  const Node* n = root->first_child;
  uint32_t visited = 0;
  while (n && visited++ < options_.max_nodes) {
    bool descend = true;
    if (n == after_h1_) after_h1_ = nullptr, texts_after_h1_ = kTextsAfterHeadline;
    if (n->is_element()) {
      class_only_bits_ = 0;
      cls_bits_ = 0;
      attrs_ = common_attrs(n);
      // Classes matter only where bylines and dates are still looked for: inside the
      // scanned text budget and outside a noise region already entered.
      if (in_body_ && n->attr_count && !noise_region_ && text_budget_ < options_.max_text_bytes) {
        // Elements with attributes but no class or id (links, images) skip the calls.
        if (!attrs_.cls.empty()) class_only_bits_ = class_memo_.bits(attrs_.cls);
        // ids are unique per page: remembering them would only evict class values.
        cls_bits_ = attrs_.id.empty() ? class_only_bits_ : class_only_bits_ | class_bits(attrs_.id);
      }
      if (!noise_region_ && in_body_ && n->ns == dom::Namespace::kHtml &&
          (n->tag == Tag::kNav ||
           ((n->tag == Tag::kAside || n->tag == Tag::kFooter) && !inside_article(n)) ||
           (cls_bits_ & kBitNoise)))
        noise_region_ = n;
      if (n->ns == dom::Namespace::kHtml && may_act_on(n)) on_element(n);
      descend = !skip_subtree(n) && n->tag != Tag::kTitle;
    } else if (n->is_text() && in_body_ && !noise_region_ &&
               text_budget_ < options_.max_text_bytes) {
      // Texts count against the scanned budget, blank ones too. Whitespace between tags is
      // most text nodes: passed over here, without on_text's call and register saves (perf
      // put a fifth of on_text's samples on its entry and exit).
      std::string_view data = n->data;
      size_t take = std::min(data.size(), options_.max_text_bytes - text_budget_);
      text_budget_ += take;
      data = data.substr(0, take);
      size_t first = first_non_blank(data);
      if (first != data.size()) on_text(n, data, first);
    }
    if (descend && n->first_child) {
      n = n->first_child;
      continue;
    }
    // Leave n's subtree; leaving the noise region's subtree ends it.
    while (n) {
      if (n == noise_region_) noise_region_ = nullptr;
      if (n->next_sibling) {
        n = n->next_sibling;
        break;
      }
      n = n->parent;
      if (n == root) n = nullptr;
    }
  }
  apply_jsonld();
  // Each citation_author is one name: each must read as a name (a list of five is longer
  // than one byline may be, so the joined list is not judged as one).
  if (!citation_authors_.empty()) {
    bool names = true;
    for (const std::string& a : citation_authors_)
      names = names && !clean_author(a, reference_, false).empty();
    if (names) author_.offer(join_names(citation_authors_), kCitation);
  }
  // Dates in the page's own URL (/2026/11/29/) back up missing markup.
  std::string_view url_for_date = options_.url;
  if (!url_for_date.empty()) {
    if (auto hit = find_date(url_for_date, reference_, {false, false})) {
      date_.offer(hit->date, kUrlDate);
    } else if (auto d = find_path_month_date(url_for_date, reference_)) {
      date_.offer(*d, kUrlDate);
    }
  }

  Metadata m;
  std::string base = options_.url;
  if (!canonical_.value.empty()) {
    m.canonical_url = base.empty() ? canonical_.value : resolve_url(base, canonical_.value);
    if (base.empty()) base = m.canonical_url;
  }
  std::string_view host = url_host(base);
  std::string site = site_.value;
  if (looks_like_url(site)) site.clear();
  m.title = fold_full_width(choose_title(site, host, is_front_page(base)));
  if (site.empty()) {
    // The part of <title> that names the host is the site name as the site writes it.
    std::string_view t = title_element_;
    TitleSplit last = split_title(t, false), first = split_title(t, true);
    if (last.found && names_site(last.tail, "", host))
      site = collapse_space(last.tail);
    else if (first.found && names_site(first.head, "", host))
      site = collapse_space(first.head);
  }
  if (site.empty() && !host.empty()) {
    std::string_view h = host;
    if (h.starts_with("www.")) h.remove_prefix(4);
    site = std::string(h);
  }
  m.sitename = site;
  // Text saved after a second misreading ("Investorâ€™s") is repaired where it is read (title,
  // h1, meta, JSON-LD) and, for bylines, here.
  m.author = repair_mojibake(join_padded_cjk_name(author_.value));
  m.date = choose_date();
  m.description = description_.value;
  m.language = language_.value;
  if (!image_.value.empty())
    m.image = base.empty() ? image_.value : resolve_url(base, image_.value);
  m.tags = std::move(tags_.items);
  m.categories = std::move(categories_.items);
  dedupe(m.tags);
  dedupe(m.categories);
  return m;
}

}  // namespace

Metadata extract_metadata(const dom::Document& doc, const MetadataOptions& options) {
  Collector c(options);
  return c.run(doc);
}

}  // namespace klartext::metadata
