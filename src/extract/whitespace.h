// HTML's ASCII whitespace (space, tab, LF, CR, FF), one byte and 16 at a time, and trim.
// Tested through tests/extract/render_test.cc and vocabulary_test.cc.
#ifndef KLARTEXT_EXTRACT_WHITESPACE_H_
#define KLARTEXT_EXTRACT_WHITESPACE_H_

#include <array>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klartext::extract {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// is_space as a table, for byte loops that must not branch on each byte (is_space's compares
// compile to jumps, which mispredict at every word boundary of prose).
inline constexpr std::array<bool, 256> kSpaceByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[size_t(c)] = is_space(char(c));
  return t;
}();

// s without the whitespace (is_space) at either end.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

#if defined(__SSE2__)
// 0xFF in each byte of v that is_space, 0 elsewhere.
inline __m128i whitespace_bytes(__m128i v) {
  return _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
}
#endif

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_WHITESPACE_H_
