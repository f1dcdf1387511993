// String helpers for the metadata stage. Tested in tests/metadata/text_util_test.cc.
#include "metadata/text_util.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "base/utf8.h"
#include "base/windows1252.h"

namespace klartext::metadata {
namespace {

// Length of the whitespace sequence at s[i] (0 if none). Covers the spaces pages use between
// words: ASCII, NBSP (C2 A0), U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF.
size_t space_len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;
    if (c1 == 0x81 && c2 == 0x9F) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;
  return 0;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// The named references that show up double-escaped in metadata. Origin: the HTML named
// character reference list, restricted to punctuation and the Latin-1 letters seen in
// titles; anything else stays as written.
struct NamedEntity {
  std::string_view name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},     {"eacute", 0xE9},   {"egrave", 0xE8},  {"agrave", 0xE0},
    {"aacute", 0xE1},  {"uuml", 0xFC},    {"ouml", 0xF6},     {"auml", 0xE4},    {"szlig", 0xDF},
    {"ccedil", 0xE7},  {"ntilde", 0xF1},  {"oacute", 0xF3},   {"iacute", 0xED},  {"uacute", 0xFA},
};

}  // namespace

void append_collapsed(std::string& out, std::string_view s, bool& pending_space, size_t max_bytes) {
  for (size_t i = 0; i < s.size() && out.size() < max_bytes;) {
    size_t sp = space_len(s, i);
    if (sp) {
      pending_space = true;
      i += sp;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > 0x20 && c < 0x7F) {
      // A run of printable ASCII (no space, no control) is copied at once: exactly what the
      // byte-by-byte path below would append, up to max_bytes.
      size_t j = i + 1;
      while (j < s.size() && static_cast<unsigned char>(s[j]) > 0x20 &&
             static_cast<unsigned char>(s[j]) < 0x7F)
        ++j;
      if (out.size() + 1 + (pending_space ? 1 : 0) > max_bytes) break;
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      size_t take = std::min(j - i, max_bytes - out.size());
      out.append(s.data() + i, take);
      i += take;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      ++i;
      continue;
    }
    // A soft hyphen (U+00AD) only marks where a browser may break a word: the word is written
    // without it ("Assis\u00ADtance" is "Assistance").
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xAD) {
      i += 2;
      continue;
    }
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    if (out.size() + len + (pending_space ? 1 : 0) > max_bytes) break;
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out.append(s.data() + i, len);
    i += len;
  }
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  append_collapsed(out, s, pending, s.size() + 1);
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (lower(hay[i]) == lower(needle[0]) && iequals(hay.substr(i, needle.size()), needle))
      return true;
  return false;
}

std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t semi = s.find(';', i + 1);
    // References are short; a far ';' means this '&' is literal text.
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i++];
      continue;
    }
    std::string_view body = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (body.size() >= 2 && body[0] == '#') {
      uint32_t cp = 0;
      bool hex = body[1] == 'x' || body[1] == 'X';
      size_t k = hex ? 2 : 1;
      bool ok = k < body.size();
      for (; k < body.size() && ok; ++k) {
        char c = body[k];
        int v = (c >= '0' && c <= '9')          ? c - '0'
                : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
        if (v < 0 || cp > 0x10FFFF)
          ok = false;
        else
          cp = cp * (hex ? 16 : 10) + uint32_t(v);
      }
      if (ok) {
        base::append_utf8(out, base::scalar_or_replacement(cp));
        done = true;
      }
    } else {
      for (const NamedEntity& e : kEntities) {
        if (e.name == body) {
          base::append_utf8(out, e.cp);
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::string_view url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return {};
  for (size_t i = 0; i < scheme; ++i) {
    char c = url[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
          c == '-' || c == '.'))
      return {};
  }
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  if (end != std::string_view::npos) rest = rest.substr(0, end);
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos && rest.find(']') == std::string_view::npos)
    rest = rest.substr(0, colon);
  return rest;
}

std::string resolve_url(std::string_view base, std::string_view ref) {
  if (ref.empty() || !url_host(ref).empty() || ref.starts_with("data:") ||
      ref.starts_with("mailto:"))
    return std::string(ref);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos || url_host(base).empty()) return std::string(ref);
  if (ref.starts_with("//")) return std::string(base.substr(0, scheme + 1)) + std::string(ref);
  size_t path_start = base.find_first_of("/?#", scheme + 3);
  std::string_view origin =
      path_start == std::string_view::npos ? base : base.substr(0, path_start);
  if (ref[0] == '/') return std::string(origin) + std::string(ref);
  std::string_view path =
      path_start == std::string_view::npos ? std::string_view("/") : base.substr(path_start);
  if (ref[0] == '#' || ref[0] == '?') {
    size_t cut = path.find(ref[0] == '#' ? "#" : "?#");
    if (ref[0] == '?') cut = path.find_first_of("?#");
    return std::string(origin) + std::string(path.substr(0, cut)) + std::string(ref);
  }
  size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  size_t slash = path.rfind('/');
  std::string dir(path.substr(0, slash == std::string_view::npos ? 0 : slash + 1));
  if (dir.empty()) dir = "/";
  while (ref.starts_with("./")) ref.remove_prefix(2);
  while (ref.starts_with("../")) {
    ref.remove_prefix(3);
    if (dir.size() > 1) {
      size_t up = dir.rfind('/', dir.size() - 2);
      dir.resize(up == std::string::npos ? 1 : up + 1);
    }
  }
  return std::string(origin) + dir + std::string(ref);
}

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

namespace {

// The lead bytes whose misreadings are repaired, with the continuation bytes each needs:
// U+0080-U+00FF (0xC2, 0xC3: accented letters, symbols, no-break space), Latin Extended-A
// (0xC5: Polish, Czech, Turkish letters) and General Punctuation (0xE2: quotes, dashes,
// ellipsis, bullets). These are the sequences that make up nearly all misread text; the other
// leads (accented capitals such as 'É', 'Ñ', 'Ø') are also letters that real text follows
// with a quote or a symbol ("NESTLÉ®"), so they are left alone.
struct MisreadLead {
  char32_t lead;
  int continuations;
};
constexpr MisreadLead kMisreadLeads[] = {{0xC2, 1}, {0xC3, 1}, {0xC5, 1}, {0xE2, 2}};

// The byte a character stood for when UTF-8 was misread as windows-1252 or Latin-1, or -1.
int misread_byte(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  for (int i = 0; i < 32; ++i)
    if (base::kWindows1252High[i] == c) return 0x80 + i;
  return -1;
}

}  // namespace

std::string repair_mojibake(std::string_view s) {
  // Each misread lead (U+00C2, U+00C3, U+00C5, U+00E2) is written C3 82..C3 A2 in UTF-8.
  if (s.find('\xC3') == std::string_view::npos) return std::string(s);
  struct Char {
    char32_t c;
    size_t begin, end;  // its bytes in s
  };
  std::vector<Char> cs;
  for (size_t i = 0; i < s.size();) {
    size_t begin = i;
    char32_t c = base::next_code_point(s, &i);
    cs.push_back({c, begin, i});
  }
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < cs.size();) {
    int need = 0;
    for (const MisreadLead& m : kMisreadLeads)
      if (m.lead == cs[i].c) need = m.continuations;
    if (need > 0 && i + need < cs.size()) {
      char32_t c = cs[i].c & (0x3F >> need);
      bool ok = true;
      for (int k = 1; ok && k <= need; ++k) {
        int b = misread_byte(cs[i + k].c);
        ok = b >= 0x80 && b <= 0xBF;
        c = (c << 6) | static_cast<char32_t>(b & 0x3F);
      }
      // One valid sequence: no overlong form (the leads rule out all but 0xE2's, which starts
      // at U+2000), no surrogate.
      if (ok && c >= 0x80 && !(c >= 0xD800 && c <= 0xDFFF)) {
        base::append_utf8(out, c);
        i += 1 + need;
        continue;
      }
    }
    out.append(s.substr(cs[i].begin, cs[i].end - cs[i].begin));
    ++i;
  }
  return out;
}

}  // namespace klartext::metadata
