// HTML's <meta> prescan (HTML Living Standard 13.2.3.2, "prescan a byte stream to determine
// its encoding") and the content-attribute charset extraction. Tested in
// tests/decode/prescan_test.cc and by the html5lib encoding tests (tests/decode/html5lib_test.cc).
#include <cstdint>
#include <cstring>
#include <string>

#include "decode/internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klartext::decode::internal {
namespace {

bool is_space(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}
unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 0x20 : c; }
bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Attribute names and values longer than this are cut: no name or label we look for is longer
// than 10 bytes, and a content value with a charset parameter fits easily. Bounds memory only;
// the scan itself stays linear.
constexpr size_t kMaxAttributeBytes = 1024;

struct Attribute {
  std::string name;
  std::string value;
};

// Elements whose content the HTML tree builder reads as raw text or RCDATA (HTML 13.2.6.4.4
// "in head" and 13.2.6.4.7 "in body": script, style, title, textarea, xmp, iframe, noembed,
// noframes). A <meta> inside them is no element, so the late scan skips their content.
constexpr std::string_view kRawTextElements[] = {"script", "style",  "title",   "textarea",
                                                 "xmp",    "iframe", "noembed", "noframes"};

class Prescanner {
 public:
  Prescanner(std::string_view bytes, bool skip_raw_text)
      : p_(reinterpret_cast<const unsigned char*>(bytes.data())),
        n_(bytes.size()),
        skip_raw_text_(skip_raw_text) {}

  const EncodingInfo* run(size_t* offset) {
    while (pos_ < n_) {
      // Every step below starts at a '<'; any other byte is passed over one at a time, so
      // jumping to the next '<' does the same.
      if (p_[pos_] != '<') {
        const void* lt = std::memchr(p_ + pos_, '<', n_ - pos_);
        if (!lt) break;
        pos_ = static_cast<size_t>(static_cast<const unsigned char*>(lt) - p_);
      }
      if (starts_with("<!--")) {
        // Skip to a '>' preceded by "--"; the dashes may be those of "<!--".
        size_t i = pos_ + 2;
        while (i + 2 < n_ && !(p_[i] == '-' && p_[i + 1] == '-' && p_[i + 2] == '>')) ++i;
        if (i + 2 >= n_) return nullptr;
        pos_ = i + 2;
      } else if (starts_with_ci("<meta") && pos_ + 5 < n_ &&
                 (is_space(p_[pos_ + 5]) || p_[pos_ + 5] == '/')) {
        size_t meta_at = pos_;
        pos_ += 5;
        bool aborted = false;
        const EncodingInfo* enc = meta(&aborted);
        if (aborted) return nullptr;
        if (enc) {
          if (offset) *offset = meta_at;
          return enc;
        }
      } else if (pos_ + 1 < n_ && p_[pos_] == '<' &&
                 (is_alpha(p_[pos_ + 1]) ||
                  (p_[pos_ + 1] == '/' && pos_ + 2 < n_ && is_alpha(p_[pos_ + 2])))) {
        size_t name_start = pos_ + 1;
        while (pos_ < n_ && !is_space(p_[pos_]) && p_[pos_] != '>') ++pos_;
        if (pos_ >= n_) return nullptr;
        std::string_view name(reinterpret_cast<const char*>(p_ + name_start), pos_ - name_start);
        bool aborted = false;
        while (get_attribute<false>(nullptr, &aborted)) {
        }
        if (aborted) return nullptr;
        if (skip_raw_text_ && !skip_raw_text(name)) return nullptr;
      } else if (pos_ + 1 < n_ && p_[pos_] == '<' &&
                 (p_[pos_ + 1] == '!' || p_[pos_ + 1] == '/' || p_[pos_ + 1] == '?')) {
        while (pos_ < n_ && p_[pos_] != '>') ++pos_;
        if (pos_ >= n_) return nullptr;
      }
      ++pos_;
    }
    return nullptr;
  }

 private:
  // After the start tag `name` (pos_ at its '>'): if it opens raw text, moves pos_ to just
  // before the matching end tag. Returns false when that end tag never comes.
  bool skip_raw_text(std::string_view name) {
    for (std::string_view raw : kRawTextElements) {
      if (name.size() != raw.size()) continue;
      bool same = true;
      for (size_t i = 0; i < raw.size() && same; ++i)
        same = lower(static_cast<unsigned char>(name[i])) == static_cast<unsigned char>(raw[i]);
      if (!same) continue;
      std::string close = "</" + std::string(raw);
      for (size_t i = pos_; i < n_; ++i) {
        const void* lt = std::memchr(p_ + i, '<', n_ - i);
        if (!lt) break;
        pos_ = i = static_cast<size_t>(static_cast<const unsigned char*>(lt) - p_);
        if (starts_with_ci(close)) {
          pos_ = i - 1;  // the main loop steps onto the '<'
          return true;
        }
      }
      return false;
    }
    return true;
  }

  bool starts_with(std::string_view s) const {
    return n_ - pos_ >= s.size() &&
           std::string_view(reinterpret_cast<const char*>(p_ + pos_), s.size()) == s;
  }
  bool starts_with_ci(std::string_view s) const {
    if (n_ - pos_ < s.size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
      if (lower(p_[pos_ + i]) != static_cast<unsigned char>(s[i])) return false;
    return true;
  }

  // The <meta> steps; pos_ is at the byte after "<meta". Returns the encoding or nullptr
  // (then the caller moves on to the next byte). *aborted: the input ended inside the tag.
  const EncodingInfo* meta(bool* aborted) {
    bool seen_http_equiv = false, seen_content = false, seen_charset = false;
    bool got_pragma = false;
    int need_pragma = -1;  // -1 null, 0 false, 1 true
    const EncodingInfo* charset = nullptr;
    Attribute a;
    while (get_attribute<true>(&a, aborted)) {
      if (a.name == "http-equiv") {
        if (seen_http_equiv) continue;
        seen_http_equiv = true;
        if (a.value == "content-type") got_pragma = true;
      } else if (a.name == "content") {
        if (seen_content) continue;
        seen_content = true;
        if (!charset) {
          if (const EncodingInfo* e = encoding_from_content(a.value)) {
            charset = e;
            need_pragma = 1;
          }
        }
      } else if (a.name == "charset") {
        if (seen_charset) continue;
        seen_charset = true;
        charset = find_encoding(a.value);
        need_pragma = 0;
      }
    }
    if (*aborted) return nullptr;
    if (need_pragma == -1) return nullptr;
    if (need_pragma == 1 && !got_pragma) return nullptr;
    if (!charset) return nullptr;
    if (charset->name == "UTF-16BE" || charset->name == "UTF-16LE")
      return encoding_by_name("UTF-8");
    if (charset->name == "x-user-defined") return encoding_by_name("windows-1252");
    return charset;
  }

  template <bool kKeep>
  static void append(std::string* s, unsigned char c) {
    if (kKeep && s->size() < kMaxAttributeBytes) s->push_back(char(lower(c)));
  }

  // "Get an attribute". Returns false when there is none (at '>'), or when the input ends
  // (then *aborted is set: the prescan gives up, as the html5lib tests expect). kKeep: the
  // name and value are stored in *a; other tags only need the attribute skipped (a unused).
  template <bool kKeep>
  bool get_attribute(Attribute* a, bool* aborted) {
    std::string* name = kKeep ? &a->name : nullptr;
    std::string* value = kKeep ? &a->value : nullptr;
    bool name_empty = true;
    if (kKeep) {
      name->clear();
      value->clear();
    }
    auto end = [&]() {
      *aborted = true;
      return false;
    };
    while (pos_ < n_ && (is_space(p_[pos_]) || p_[pos_] == '/')) ++pos_;
    if (pos_ >= n_) return end();
    if (p_[pos_] == '>') return false;
    // Name.
    for (;; ++pos_) {
      if (pos_ >= n_) return end();
      unsigned char c = p_[pos_];
      if (c == '=' && !name_empty) {
        ++pos_;
        goto value;
      }
      if (is_space(c)) break;
      if (c == '/' || c == '>') return true;
      append<kKeep>(name, c);
      name_empty = false;
    }
    // Spaces after the name.
    while (pos_ < n_ && is_space(p_[pos_])) ++pos_;
    if (pos_ >= n_) return end();
    if (p_[pos_] != '=') return true;
    ++pos_;
  value:
    while (pos_ < n_ && is_space(p_[pos_])) ++pos_;
    if (pos_ >= n_) return end();
    if (p_[pos_] == '"' || p_[pos_] == '\'') {
      unsigned char quote = p_[pos_];
      ++pos_;
      const void* close = std::memchr(p_ + pos_, quote, n_ - pos_);
      if (!close) return end();
      size_t stop = static_cast<size_t>(static_cast<const unsigned char*>(close) - p_);
      if (kKeep)
        for (; pos_ < stop; ++pos_) append<kKeep>(value, p_[pos_]);
      pos_ = stop + 1;
      return true;
    }
    if (p_[pos_] == '>') return true;
    append<kKeep>(value, p_[pos_]);
    for (;;) {
      ++pos_;
      if (pos_ >= n_) return end();
      unsigned char c = p_[pos_];
      if (is_space(c) || c == '>') return true;
      append<kKeep>(value, c);
    }
  }

  const unsigned char* p_;
  size_t n_;
  bool skip_raw_text_;
  size_t pos_ = 0;
};

}  // namespace

const EncodingInfo* prescan(std::string_view bytes, size_t* offset) {
  return Prescanner(bytes, false).run(offset);
}

namespace {

// Whether "charset" occurs in s, ASCII case-insensitively. Candidates are positions of "ch"
// in any case, much rarer in pages than a lone 'c': with SSE2, 16 positions per step compare
// the bytes at i and i + 1 (OR 0x20 maps exactly 'C' onto 'c' and 'H' onto 'h'); the
// candidates are then compared in full.
bool contains_charset(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  auto match_at = [&](size_t i) {
    if (n - i < 7) return false;
    for (size_t k = 0; k < 7; ++k)
      if (lower(p[i + k]) != static_cast<unsigned char>("charset"[k])) return false;
    return true;
  };
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i fold = _mm_set1_epi8(0x20), c = _mm_set1_epi8('c'), h = _mm_set1_epi8('h');
  for (; n - i >= 17; i += 16) {
    __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), fold);
    __m128i b = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1)), fold);
    auto mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, c), _mm_cmpeq_epi8(b, h))));
    for (; mask != 0; mask &= mask - 1)
      if (match_at(i + static_cast<size_t>(__builtin_ctz(mask)))) return true;
  }
#endif
  for (; i < n; ++i)
    if ((p[i] | 0x20) == 'c' && match_at(i)) return true;
  return false;
}

}  // namespace

const EncodingInfo* late_meta_scan(std::string_view bytes, size_t* offset) {
  // A <meta> names an encoding only through a "charset" attribute or a content value holding
  // "charset=", so without that word anywhere the scan cannot succeed: most pages without a
  // late <meta> skip it (it parses every tag's attributes, a tenth of decoding time).
  if (!contains_charset(bytes)) return nullptr;
  return Prescanner(bytes, true).run(offset);
}

const EncodingInfo* encoding_from_content(std::string_view s) {
  size_t pos = 0;
  for (;;) {
    // Find "charset", ASCII case-insensitively.
    size_t found = std::string_view::npos;
    for (size_t i = pos; i + 7 <= s.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < 7 && match; ++k)
        match = lower(static_cast<unsigned char>(s[i + k])) == "charset"[k];
      if (match) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return nullptr;
    size_t i = found + 7;
    while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || s[i] != '=') {
      pos = i;  // look again from the byte that was not '='
      continue;
    }
    ++i;
    while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) return nullptr;
    if (s[i] == '"' || s[i] == '\'') {
      size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return nullptr;
      return find_encoding(s.substr(i + 1, close - i - 1));
    }
    size_t j = i;
    while (j < s.size() && !is_space(static_cast<unsigned char>(s[j])) && s[j] != ';') ++j;
    return find_encoding(s.substr(i, j - i));
  }
}

}  // namespace klartext::decode::internal
