// Character classes for the text stages. Tested in tests/text/words_test.cc.
#include "text/utf8.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klartext::text {
namespace {

// The non-ASCII members of datatrove's PUNCTUATION string (utils/text.py @ 175a565), sorted for
// binary search. It is CCNet's UNICODE_PUNCT list plus a few typographic marks; we keep the same
// membership so that "non-symbol word" counts agree with datatrove's. Note the quirk that the
// fullwidth digit one (U+FF11) is in it.
constexpr std::array<char32_t, 34> kDatatroveUnicodePunct = {
    0x00AB, 0x00B4, 0x00BB, 0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x2236, 0x2501,
    0x25BA, 0x3001, 0x3002, 0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x3010, 0x3011, 0xFF01,
    0xFF05, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF11, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5E,
};

static_assert(std::is_sorted(kDatatroveUnicodePunct.begin(), kDatatroveUnicodePunct.end()));

}  // namespace

bool is_space_non_ascii(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

bool is_datatrove_punctuation_non_ascii(char32_t cp) {
  if (cp < 0xA0) return true;  // C1 controls
  return std::binary_search(kDatatroveUnicodePunct.begin(), kDatatroveUnicodePunct.end(), cp);
}

bool is_dictionary_script(char32_t cp) {
  if (cp < 0x0E00) return false;
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
         (cp >= 0x2E80 && cp <= 0x2FDF) ||  // CJK radicals
         (cp >= 0x3005 && cp <= 0x3007) ||  // ideographic iteration / closing / zero
         (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||  // Katakana phonetic extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
         (cp >= 0xFF66 && cp <= 0xFF9F) ||  // halfwidth Katakana
         (cp >= 0x20000 && cp <= 0x323AF);  // CJK extensions B-H
}

bool is_alpha(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

bool is_terminal_punctuation(char32_t cp) {
  if (cp < 0x80) return cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == '\'';
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_S_TERM);
}

bool has_dictionary_script(std::string_view s) {
  // Every dictionary script is at U+0E00 or above, three or four bytes in UTF-8: only a lead
  // byte of 0xE0 or more needs decoding. Those are looked for 16 bytes at a time (MinHash asks
  // this of every kept text; byte by byte it was 0.2% of klartext corpus on bench.warc.gz).
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    const __m128i top3 = _mm_set1_epi8(static_cast<char>(0xE0));
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const uint32_t m = uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top3), top3)));
      if (m != 0) {
        i += static_cast<size_t>(__builtin_ctz(m));
        break;
      }
      i += 16;
    }
#endif
    while (i < n && p[i] < 0xE0) ++i;
    if (i >= n) break;
    if (is_dictionary_script(next_code_point(s, &i))) return true;
  }
  return false;
}

}  // namespace klartext::text
