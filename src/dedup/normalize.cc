// datatrove-style text normalisation. Tested in tests/dedup/normalize_test.cc.
#include "dedup/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace klartext::dedup {
namespace {

using text::next_code_point;

// Decimal separators datatrove's number pattern accepts between two digit runs.
bool is_decimal_separator(char32_t c) {
  return c == '.' || c == ',' || c == 0x060C || c == 0x066B || c == 0x2396 || c == 0x2397 ||
         c == 0x2398;
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

const icu::Normalizer2* nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Appends c to out after NFD, without Mn marks.
void append_decomposed(char32_t c, bool diacritics, std::string* out) {
  if (!diacritics || c < 0xC0) {
    text::append_utf8(out, c);
    return;
  }
  if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) return;
  const icu::Normalizer2* n = nfd();
  icu::UnicodeString d;
  if (n == nullptr || !n->getDecomposition(static_cast<UChar32>(c), d)) {
    text::append_utf8(out, c);
    return;
  }
  for (int32_t i = 0; i < d.length();) {
    UChar32 x = d.char32At(i);
    i += U16_LENGTH(x);
    if (u_charType(x) != U_NON_SPACING_MARK) text::append_utf8(out, static_cast<char32_t>(x));
  }
}

}  // namespace

void normalize_for_dedup(std::string_view s, std::string* out, const NormalizeOptions& o) {
  out->clear();
  out->reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    size_t j = i;
    char32_t c = b < 0x80 ? (j = i + 1, b) : next_code_point(s, &j);
    if (o.numbers && is_digit(c)) {
      // \p{Nd}+ ( sep \p{Nd}+ )?
      while (j < s.size()) {
        size_t k = j;
        if (!is_digit(next_code_point(s, &k))) break;
        j = k;
      }
      size_t k = j;
      if (j < s.size() && is_decimal_separator(next_code_point(s, &k))) {
        size_t m = k;
        if (k < s.size() && is_digit(next_code_point(s, &m))) {
          j = m;
          while (j < s.size()) {
            size_t q = j;
            if (!is_digit(next_code_point(s, &q))) break;
            j = q;
          }
        }
      }
      if (pending_space && !out->empty()) out->push_back(' ');
      pending_space = false;
      out->push_back('0');
      i = j;
      continue;
    }
    i = j;
    if (text::is_space(c) || (o.punctuation && text::is_datatrove_punctuation(c))) {
      pending_space = true;
      continue;
    }
    if (o.lowercase) {
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') c += 32;
      } else {
        c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      }
    }
    // A combining mark is dropped before it can flush a pending space.
    if (o.diacritics && c >= 0x300 && u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
      continue;
    }
    if (pending_space && !out->empty()) out->push_back(' ');
    pending_space = false;
    append_decomposed(c, o.diacritics, out);
  }
}

}  // namespace klartext::dedup
