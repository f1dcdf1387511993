// Small UTF-8 string helpers the metadata stage shares: whitespace collapsing, ASCII case,
// entity decoding, URL host and resolution. Tested in tests/metadata/text_util_test.cc.
#ifndef KLARTEXT_METADATA_TEXT_UTIL_H_
#define KLARTEXT_METADATA_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace klartext::metadata {

// Trims and collapses runs of whitespace (ASCII, NBSP, the U+2000 block, U+3000, U+FEFF) to
// one ASCII space; drops control characters and soft hyphens (U+00AD).
std::string collapse_space(std::string_view s);
// Appends s to out with whitespace collapsed as above; `pending_space` carries state across
// calls so text nodes can be joined. Stops when out reaches max_bytes (cut at a UTF-8 boundary).
void append_collapsed(std::string& out, std::string_view s, bool& pending_space, size_t max_bytes);

std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool icontains(std::string_view hay, std::string_view needle);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);

// Decodes the common named and all numeric character references. JSON-LD and some meta values
// carry them double-escaped ("&amp;amp;"); the parser decoded only the first level.
std::string decode_entities(std::string_view s);

// Cuts s to at most max_bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

// "https://www.example.org:80/a" -> "www.example.org". Empty if s is not an absolute URL.
std::string_view url_host(std::string_view url);
// Resolves a possibly relative reference against base (RFC 3986 §5.2, simplified: no dot
// segment removal beyond the base's last path segment). Returns ref unchanged when it is
// absolute or base is not.
std::string resolve_url(std::string_view base, std::string_view ref);

// Repairs UTF-8 text that was decoded once more as windows-1252 or Latin-1 before the page was
// saved ("Investorâ€™s" or "Investorâ\u0080\u0099s" for "Investor’s", "NOMADÂ®" for "NOMAD®"):
// each run of a lead character (U+00C2, U+00C3, U+00C5, U+00E2: kMisreadLeads) and the
// continuation characters its byte announces, read back as those bytes, that forms one valid
// UTF-8 sequence becomes that character. Anything else is kept as it is; text without such
// runs comes back unchanged.
std::string repair_mojibake(std::string_view s);

// Number of space-separated words in a collapsed string.
size_t word_count(std::string_view s);

}  // namespace klartext::metadata

#endif  // KLARTEXT_METADATA_TEXT_UTIL_H_
