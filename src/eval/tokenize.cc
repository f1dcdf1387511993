// Benchmark tokenisation with ICU character properties. Tested in tests/eval/tokenize_test.cc.
#include "eval/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace klartext::eval {

bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  UChar32 u = static_cast<UChar32>(c);
  switch (u_charType(u)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return true;
    default:
      break;
  }
  // Python's isdecimal/isdigit/isnumeric together are "has a Numeric_Type".
  return u_getIntPropertyValue(u, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_han(char32_t c) {
  if (c < 0x2E80) return false;  // no Han code point lies below the CJK radicals block
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

namespace {

template <bool kSplitHan>
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;  // start of the current run, -1 outside a run
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool word = c >= 0 && is_word_char(static_cast<char32_t>(c));
    if (word && kSplitHan && is_han(static_cast<char32_t>(c))) {
      if (start >= 0) out.emplace_back(text.data() + start, at - start);
      out.emplace_back(text.data() + at, i - at);
      start = -1;
      continue;
    }
    if (word) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      out.emplace_back(text.data() + start, at - start);
      start = -1;
    }
  }
  if (start >= 0) out.emplace_back(text.data() + start, n - start);
  return out;
}

}  // namespace

std::vector<std::string_view> word_tokens(std::string_view text) { return tokens<false>(text); }

std::vector<std::string_view> word_tokens_han_split(std::string_view text) {
  return tokens<true>(text);
}

std::string to_lower(std::string_view text) {
  bool ascii = true;
  for (char ch : text) ascii &= static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    std::string out(text);
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }
  // UTF-8 -> UTF-16 -> lower -> UTF-8; invalid bytes become U+FFFD (not \w, so token
  // boundaries are the same as for the original bytes).
  UErrorCode status = U_ZERO_ERROR;
  int32_t len16 = 0;
  u_strFromUTF8WithSub(nullptr, 0, &len16, text.data(), static_cast<int32_t>(text.size()), 0xFFFD,
                       nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::u16string in(static_cast<size_t>(len16), u'\0');
  u_strFromUTF8WithSub(in.data(), len16, nullptr, text.data(), static_cast<int32_t>(text.size()),
                       0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) return std::string(text);
  // Full lower-casing can grow a string (e.g. U+0130 -> i + U+0307): retry with the size ICU
  // reports.
  std::u16string lowered(in.size() + 16, u'\0');
  int32_t len = u_strToLower(lowered.data(), static_cast<int32_t>(lowered.size()), in.data(),
                             static_cast<int32_t>(in.size()), "", &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    lowered.assign(static_cast<size_t>(len), u'\0');
    len =
        u_strToLower(lowered.data(), len, in.data(), static_cast<int32_t>(in.size()), "", &status);
  }
  if (U_FAILURE(status)) return std::string(text);
  lowered.resize(static_cast<size_t>(len));
  std::string out;
  int32_t len8 = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &len8, lowered.data(), len, &status);
  status = U_ZERO_ERROR;
  out.assign(static_cast<size_t>(len8), '\0');
  u_strToUTF8(out.data(), len8, nullptr, lowered.data(), len, &status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

}  // namespace klartext::eval
