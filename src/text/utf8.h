// UTF-8 decoding and the character classes the text stages share (datatrove's punctuation set,
// dictionary scripts, whitespace). Tested in tests/text/words_test.cc.
#ifndef KLARTEXT_TEXT_UTF8_H_
#define KLARTEXT_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace klartext::text {

// Decodes one code point at s[*i] and advances *i. Invalid or truncated sequences yield
// U+FFFD and advance one byte, so every loop over bytes terminates and never reads past the end.
inline char32_t next_code_point(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), k = *i;
  unsigned char c = p[k];
  if (c < 0x80) {
    *i = k + 1;
    return c;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || k + len > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x3F >> (len - 1));
  for (int j = 1; j < len; ++j) {
    unsigned char t = p[k + j];
    if ((t & 0xC0) != 0x80) {
      *i = k + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (t & 0x3F);
  }
  // Overlong forms and surrogates are invalid.
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *i = k + 1;
    return 0xFFFD;
  }
  *i = k + len;
  return cp;
}

// Appends cp to out as UTF-8.
template <typename String>
inline void append_utf8(String* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Number of code points (Python's len()), counting each invalid byte as one, like decoding
// with errors="replace" would.
inline size_t code_point_count(std::string_view s) {
  // Bytes minus continuation bytes (10xxxxxx), eight at a time: x & ~(x << 1) keeps bit 7 of
  // exactly the bytes whose bit 7 is set and bit 6 clear. (The filters count every word, line
  // and text, 2% of the corpus job byte by byte.)
  const char* p = s.data();
  size_t cont = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    // Count the flagged high bits with a multiply (the baseline x86-64 target has no popcnt
    // instruction, and __builtin_popcountll becomes a library call).
    uint64_t m = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
    cont += static_cast<size_t>((m * 0x0101010101010101ULL) >> 56);
  }
  // The rest (most words are shorter than eight bytes) four, two and one at a time: at most
  // three steps instead of up to seven.
  if (i + 4 <= s.size()) {
    uint32_t x;
    std::memcpy(&x, p + i, 4);
    uint32_t m = (x & ~(x << 1) & 0x80808080U) >> 7;
    cont += static_cast<size_t>((m * 0x01010101U) >> 24);
    i += 4;
  }
  if (i + 2 <= s.size()) {
    cont += ((static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) +
            ((static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80);
    i += 2;
  }
  if (i < s.size()) cont += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return s.size() - cont;
}

bool is_space_non_ascii(char32_t cp);
bool is_datatrove_punctuation_non_ascii(char32_t cp);

// Python's str.isspace() set: ASCII \t\n\v\f\r, \x1c-\x1f, space, and Unicode White_Space.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  return is_space_non_ascii(cp);
}

// Membership in datatrove's PUNCTUATION_SET (utils/text.py): ASCII punctuation, a list of CJK
// and typographic marks, and the C0/C1 control characters except \t and \n. A word made only of
// these is a "symbol word" for the Gopher rules.
inline bool is_datatrove_punctuation(char32_t cp) {
  if (cp < 0x80) {
    if (cp == '\t' || cp == '\n') return false;
    if (cp < 0x20 || cp == 0x7F) return true;  // control characters
    return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
           (cp >= '{' && cp <= '~');
  }
  return is_datatrove_punctuation_non_ascii(cp);
}

// Scripts written without spaces that need a dictionary segmenter: Han, Hiragana, Katakana,
// Thai, Lao, Khmer, Myanmar (the scripts ICU's word break segments by dictionary).
bool is_dictionary_script(char32_t cp);

// Python's str.isalpha() (Unicode categories L*), true for CJK ideographs.
bool is_alpha(char32_t cp);

// Unicode Sentence_Terminal, plus the closing quotes datatrove counts as terminal.
bool is_terminal_punctuation(char32_t cp);

// True when s contains a code point of a dictionary script. Fast for ASCII text: every such
// script lies above U+0E00, so only bytes >= 0xE0 are examined further.
bool has_dictionary_script(std::string_view s);

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_UTF8_H_
