// Word lists that tell boilerplate from content: class/id/role tokens, skip-link phrases.
// Heuristics as data; each table is tested in tests/extract/vocabulary_test.cc.
#ifndef KLARTEXT_EXTRACT_VOCABULARY_H_
#define KLARTEXT_EXTRACT_VOCABULARY_H_

#include <cstdint>
#include <string_view>

namespace klartext::extract {

// What a class/id/role token says about an element. kNone: nothing.
enum class Boilerplate : uint8_t {
  kNone = 0,
  kNavigation,  // menus, breadcrumbs, pagination, skip links
  kFooter,      // site footers, copyright lines
  kShare,       // share/social/print buttons
  kRelated,     // related/recommended/trending link blocks
  kAdvert,      // adverts, sponsored blocks, promos
  kNewsletter,  // sign-up boxes
  kConsent,     // cookie and consent banners
  kComments,    // user comments (content on forums: decided per page)
  kSidebar,     // sidebars and widgets
  kByline,      // author/date lines, which the benchmarks' gold leaves out
  kHidden,      // screen-reader-only and hidden helpers
  kTags,        // tag and category link lists
  kPopup,       // modals, overlays, login walls
  kCaption,     // image captions and photo credits, which the benchmarks' gold leaves out
  kDisclaimer,  // legal fine print: disclaimers and footnotes under offers and specifications
};

// Tokens that suggest the main content (readability's "positive" vocabulary, trimmed).
// Returns true for e.g. "article", "content", "post-body" parts.
bool is_content_token(std::string_view lower_token);

// The boilerplate class of one lower-case token (a class or id split on non-alphanumerics).
Boilerplate classify_token(std::string_view lower_token);

// The boilerplate class of a whole class/id attribute value (any case); the first hit wins.
// Also reports whether some token suggests content (out param may be null).
Boilerplate classify_attribute(std::string_view value, bool* content_hint);

// The boilerplate class of an ARIA role value, e.g. "navigation" -> kNavigation.
Boilerplate classify_role(std::string_view role);

// True when a short text is a skip link or a screen-reader helper ("Skip to content",
// "Zum Inhalt springen", "跳到主要内容"...). Case-insensitive for ASCII, whitespace-trimmed.
bool is_skip_link_text(std::string_view text);

// True when a short block is a share/print/follow call or a "read more" teaser line that the
// benchmark gold never contains ("Share this article", "Read more", "Advertisement").
bool is_boilerplate_phrase(std::string_view text);

// True when a short text is a wiki section edit link: one or more edit labels in brackets,
// separated by "|" ("[edit]", "[Bearbeiten | Quelltext bearbeiten]", "[编辑]").
bool is_edit_link_text(std::string_view text);

// True when a short block (up to 240 bytes) is a line that articles carry around their text
// but is not part of it: a reading-time note ("5 min read", "Tempo de leitura: 2 minutos"), a
// gallery counter ("1 of 6") or a credit line ("Additional reporting by ...").
bool is_boilerplate_line(std::string_view text);

// True when a short block is only a date/time line or a byline with a date ("Updated 5:27 am
// CST, Wednesday, November 20, 2019", "Published 18 Nov 2019", "2019-11-20 17:27"): most of its
// words are dates, times, weekdays, months or the words that introduce them.
bool is_dateline(std::string_view text);

// The short-block checks above, as bits for check_short_text.
inline constexpr uint32_t kCheckSkipLink = 1;   // is_skip_link_text
inline constexpr uint32_t kCheckPhrase = 2;     // is_boilerplate_phrase
inline constexpr uint32_t kCheckEditLink = 4;   // is_edit_link_text
inline constexpr uint32_t kCheckLine = 8;       // is_boilerplate_line
inline constexpr uint32_t kCheckDateline = 16;  // is_dateline

// Whether text passes any of the checks in `which` (kCheck* bits): the same answer as
// calling each of those functions, but the text is normalized once for all of them, and the
// answers for a text already asked about (menu labels, one line nested in several candidate
// wrappers) are remembered per thread.
bool check_short_text(std::string_view text, uint32_t which);

// True when a short line (up to 100 bytes) is a Chinese credit line: a source, author,
// reporter or publication-time label and a colon opening it ('来源：新华网', '（作者：李明）'), or
// the source label after a date or site name ('2005年08月16日　来源：新华网'). One of
// is_boilerplate_line's checks, also asked of table cells alone.
bool is_cjk_credit_line(std::string_view text);

// True when a block of up to 400 bytes is a cookie notice: one of the consent phrases of
// is_boilerplate_line ("uses cookies", "verwendet Cookies") within its first 80 bytes.
bool is_cookie_notice(std::string_view text);

// True when a short heading or label introduces links to other stories ("More Great Stories",
// "Related content", "Most read in world news", "Материалы по теме"): the openings of such
// headings, several languages, matched on the trimmed, lower-cased text.
bool is_related_heading(std::string_view text);

// True when a short heading introduces a shop's grid of other products ("People who viewed
// this item also viewed", "Frequently bought together", "Similar items"; table
// kShopRelatedHeadings, English), matched on the trimmed, lower-cased opening.
bool is_shop_related_heading(std::string_view text);

// True when a heading names a comment thread ("Comments", "12 Comments:", "评论", "网友评论"):
// a count, then one label of a small table (several languages), matched on the trimmed,
// lower-cased text without trailing colons.
bool is_comments_heading(std::string_view text);

// True when a short heading or label opens an author's or reviewer's biography ("About the
// author", "Author:", "关于作者"): one label of a small table (several languages), matched on
// the trimmed, lower-cased text without trailing colons.
bool is_author_heading(std::string_view text);

// True when a word can be part of a person's name: it opens with a capital letter (ASCII) and
// holds only letters, dots, hyphens and apostrophes (bytes from 0x80 up count as letters).
bool is_name_word(std::string_view word);

// True when a text opens by introducing a person the way an author's biography does: two or
// three capitalised words (a name, not one opening with "The") and then one of a small table
// of openings ("Jane Doe is a freelance writer", "Jane Doe has been covering"). English only.
bool opens_person_introduction(std::string_view text);

// True when a text opens by introducing, by a first name alone, the person a name line shows
// ("Jane is a writer" under "Jane Doe"): the text's first word, capitalised, opens the name
// line as a word, and one of the openings of opens_person_introduction follows it.
bool opens_first_name_introduction(std::string_view text, std::string_view name_line);

// True when a text is filler, not language: 20 words or more (runs of non-space
// bytes), all of them one or two distinct words ("word word word ...", "x x x"). Pages set such
// runs in an off-screen element to measure their fonts; no sentence repeats one word so.
bool is_filler_text(std::string_view text);

// Whether a text opens with the name of one of a page's authors (metadata's author field:
// "Jane Doe", "Jane Doe, John Roe" or "Doe, Jane; Roe, John") followed by a space and a
// lower-case word or by "'s" ("Jane Doe is ...", "Jane Doe writes ...", "Jane Doe's work"):
// kFullName; or with its first word alone and then one of the openings of
// opens_person_introduction ("Jane is a writer", "Jane has been"): kFirstName. Only names of two
// words or more count; a first name must look like one (a capital, then a lower-case letter: not
// "QCY Official"), and names opening with "The" ("The Editorial Team") are no person's.
enum class AuthorOpening { kNone, kFullName, kFirstName };
AuthorOpening opens_with_author(std::string_view text, std::string_view authors);

// True when a short line is a byline of one of a page's authors (as for opens_with_author):
// "By" and the name ("By Jane Doe, Editor · Updated May 4"), or a name of two words or more
// and then a mark or a number ("Jane Doe • May 4, 2025").
bool is_author_byline(std::string_view text, std::string_view authors);

// True when a text opens with the full name of one of a page's authors (as for
// opens_with_author: two words or more, not "The ..."), the whole text or followed by a space
// or a mark: an author box's name line.
bool opens_with_author_name(std::string_view text, std::string_view authors);

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_VOCABULARY_H_
