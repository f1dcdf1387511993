// Metadata match rules. Tested in tests/eval/match_test.cc.
#include "eval/match.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "eval/tokenize.h"

namespace klartext::eval {

namespace {

// Typographic variants that sources disagree on without meaning anything different: quotes,
// apostrophes, hyphens and dashes (General Punctuation U+2010-U+201F and their ASCII forms).
bool is_soft_punct(UChar32 c) {
  return c == '"' || c == '\'' || c == '-' || c == '`' || (c >= 0x2010 && c <= 0x201F);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string normalize_field(std::string_view s) {
  std::string lower = to_lower(s);
  std::string out;
  out.reserve(lower.size());
  const auto* p = reinterpret_cast<const uint8_t*>(lower.data());
  int32_t n = static_cast<int32_t>(lower.size());
  int32_t i = 0;
  bool pending_space = false;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || is_soft_punct(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(lower, static_cast<size_t>(at), static_cast<size_t>(i - at));
  }
  return out;
}

std::string normalize_date(std::string_view s) {
  // Scan for a 4-digit year not preceded or followed by another digit.
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
    if (!is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) continue;
    if (i + 4 < s.size() && is_digit(s[i + 4])) continue;
    int year =
        (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
    if (year < 1000 || year > 2999) continue;
    std::string out = std::string(s.substr(i, 4));
    size_t j = i + 4;
    // A separator, then 1-2 digits: month, then day.
    auto read_part = [&](int max) -> int {
      static constexpr std::string_view kSeps[] = {"-", "/", ".", "\xE5\xB9\xB4", "\xE6\x9C\x88"};
      size_t k = j;
      bool sep = false;
      for (auto sv : kSeps) {
        if (s.substr(k, sv.size()) == sv) {
          k += sv.size();
          sep = true;
          break;
        }
      }
      if (!sep || k >= s.size() || !is_digit(s[k])) return -1;
      int v = s[k] - '0';
      ++k;
      if (k < s.size() && is_digit(s[k])) v = v * 10 + (s[k++] - '0');
      if (k < s.size() && is_digit(s[k])) return -1;
      if (v < 1 || v > max) return -1;
      j = k;
      return v;
    };
    int month = read_part(12);
    if (month < 0) return out;
    out += month < 10 ? "-0" : "-";
    out += std::to_string(month);
    int day = read_part(31);
    if (day < 0) return out;
    out += day < 10 ? "-0" : "-";
    out += std::to_string(day);
    return out;
  }
  return {};
}

bool title_matches(std::string_view predicted, std::string_view gold) {
  std::string g = normalize_field(gold);
  return !g.empty() && normalize_field(predicted) == g;
}

bool author_matches(std::string_view predicted, std::string_view gold) {
  std::string g = normalize_field(gold);
  std::string p = normalize_field(predicted);
  if (g.empty() || p.empty()) return false;
  bool has_letter = false;
  const auto* s = reinterpret_cast<const uint8_t*>(p.data());
  int32_t n = static_cast<int32_t>(p.size());
  for (int32_t i = 0; i < n && !has_letter;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    has_letter = c >= 0 && u_isalpha(c);
  }
  if (!has_letter) return false;
  return p.find(g) != std::string::npos || g.find(p) != std::string::npos;
}

bool date_matches(std::string_view predicted, std::string_view gold) {
  std::string g = normalize_date(gold);
  if (g.empty()) return false;
  std::string p = normalize_date(predicted);
  return p.size() >= g.size() && p.compare(0, g.size(), g) == 0;
}

}  // namespace klartext::eval
