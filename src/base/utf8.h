// UTF-8 encoding and decoding of single code points, shared by every stage that reads or writes
// characters (decode, html, metadata, text, dedup, eval). Tested in tests/base/utf8_test.cc.
#ifndef KLARTEXT_BASE_UTF8_H_
#define KLARTEXT_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace klartext::base {

// Writes cp (at most U+10FFFF) as UTF-8 to out, which has room for four bytes; returns the
// number of bytes written. A surrogate comes out as three bytes (WTF-8), so that the tokenizer
// loses no input byte sequence.
inline size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends cp (a Unicode scalar value) to out as UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

// cp itself when it is a scalar value other than NUL, else U+FFFD: for code points taken from
// untrusted escapes (numeric references, \u escapes) before they are appended.
inline char32_t scalar_or_replacement(char32_t cp) {
  return cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp;
}

// Decodes one code point at s[*i] (*i < s.size()) and advances *i. Invalid or truncated
// sequences, overlong forms and surrogates yield U+FFFD and advance one byte, so every loop over
// bytes terminates and never reads past the end.
inline char32_t next_code_point(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size(), k = *i;
  const unsigned char c = p[k];
  if (c < 0x80) {
    *i = k + 1;
    return c;
  }
  const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || k + len > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x3F >> (len - 1));
  for (int j = 1; j < len; ++j) {
    const unsigned char t = p[k + j];
    if ((t & 0xC0) != 0x80) {
      *i = k + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (t & 0x3F);
  }
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *i = k + 1;
    return 0xFFFD;
  }
  *i = k + len;
  return cp;
}

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_UTF8_H_
