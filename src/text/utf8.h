// UTF-8 decoding and the character classes the text stages share (datatrove's punctuation set,
// dictionary scripts, whitespace). Tested in tests/text/words_test.cc.
#ifndef KLARTEXT_TEXT_UTF8_H_
#define KLARTEXT_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "base/utf8.h"

namespace klartext::text {

// One code point at a time: base's decoder and encoder (the text stages name them unqualified).
using base::append_utf8;
using base::next_code_point;

// Number of code points (Python's len()) of valid UTF-8, which is what the decoder hands on:
// the bytes that are not continuation bytes (10xxxxxx). Invalid input is counted the same way,
// so a stray continuation byte counts nothing.
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
