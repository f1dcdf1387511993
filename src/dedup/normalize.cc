// datatrove-style text normalisation. Tested in tests/dedup/normalize_test.cc.
#include "dedup/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cassert>
#include <cstring>
#include <vector>

#include "base/utf8.h"
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
    base::append_utf8(*out, c);
    return;
  }
  if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) return;
  const icu::Normalizer2* n = nfd();
  icu::UnicodeString d;
  if (n == nullptr || !n->getDecomposition(static_cast<UChar32>(c), d)) {
    base::append_utf8(*out, c);
    return;
  }
  for (int32_t i = 0; i < d.length();) {
    UChar32 x = d.char32At(i);
    i += U16_LENGTH(x);
    if (u_charType(x) != U_NON_SPACING_MARK) base::append_utf8(*out, static_cast<char32_t>(x));
  }
}

}  // namespace

namespace {

// Output buffer over a std::string, grown on demand (NFD can lengthen a character).
class Writer {
 public:
  explicit Writer(std::string* out, size_t hint) : out_(out) {
    out_->resize(hint + 16);
    buf_ = out_->data();
  }
  void ensure(size_t k) {
    if (len_ + k > out_->size()) {
      out_->resize(std::max(out_->size() * 2, len_ + k));
      buf_ = out_->data();
    }
  }
  void put(char c) {
    assert(len_ < out_->size());
    buf_[len_++] = c;
  }
  // Copies the run of ASCII letters at the start of in (16 bytes of it readable), lower-cased
  // when `lower`, and returns its length; up to 16 bytes are stored, so the caller keeps room
  // for 16 (the ASCII loop's guarantee of room for the rest of the input, when 16 bytes are
  // left). A word is copied in a step or two instead of a class lookup and a branch per byte.
  size_t put_letters(const unsigned char* in, bool lower) {
#if defined(__SSE2__)
    assert(len_ + 16 <= out_->size());
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    // Signed compares: bytes from 0x80 up are negative, never letters.
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(buf_ + len_), lower ? folded : v);
    const uint32_t not_letter = ~uint32_t(_mm_movemask_epi8(letter));  // bit 16 up: set
    const size_t run = static_cast<size_t>(__builtin_ctz(not_letter));
    len_ += run;
    return run;
#else
    (void)in;
    (void)lower;
    return 0;
#endif
  }
  size_t size() const { return len_; }
  void finish() { out_->resize(len_); }

 private:
  std::string* out_;
  char* buf_;
  size_t len_ = 0;
};

// What the default normalisation does with one code point in U+0080..U+07FF.
struct TwoByteEntry {
  enum Kind : uint8_t { kOutput, kSeparator, kDrop, kGeneric };
  uint8_t kind = kGeneric;
  uint8_t len = 0;
  char bytes[8] = {};
};

const TwoByteEntry* two_byte_table() {
  static const std::vector<TwoByteEntry> table = [] {
    std::vector<TwoByteEntry> t(0x800 - 0x80);
    std::string d;
    for (char32_t c = 0x80; c < 0x800; ++c) {
      TwoByteEntry& e = t[c - 0x80];
      if (is_digit(c)) continue;  // numbers need the run logic: kGeneric
      if (text::is_space(c) || text::is_datatrove_punctuation(c)) {
        e.kind = TwoByteEntry::kSeparator;
        continue;
      }
      char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
      if (lower >= 0x300 && u_charType(static_cast<UChar32>(lower)) == U_NON_SPACING_MARK) {
        e.kind = TwoByteEntry::kDrop;
        continue;
      }
      d.clear();
      append_decomposed(lower, true, &d);
      if (d.empty()) {
        e.kind = TwoByteEntry::kDrop;
      } else if (d.size() <= sizeof e.bytes) {
        e.kind = TwoByteEntry::kOutput;
        e.len = static_cast<uint8_t>(d.size());
        std::memcpy(e.bytes, d.data(), d.size());
      }
    }
    return t;
  }();
  return table.data();
}

// Position after the number starting at s[i] (a digit): \p{Nd}+ ( sep \p{Nd}+ )?
size_t skip_number(std::string_view s, size_t i) {
  size_t j = i;
  next_code_point(s, &j);
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
  return j;
}

}  // namespace

void normalize_for_dedup(std::string_view s, std::string* out, const NormalizeOptions& o) {
  // Outside NFD expansions the output never outgrows the input consumed (a space is written
  // only for separator bytes that wrote nothing), so with room for the rest of the input the
  // ASCII loop needs no capacity checks; the non-ASCII path restores that room when NFD
  // lengthens a character.
  Writer w(out, s.size());
  // ASCII classes for these options: 0 copy (lower-cased), 1 digit, 2 separator.
  unsigned char cls[128];
  char lower[128];
  for (int c = 0; c < 128; ++c) {
    bool sep = text::is_space(static_cast<char32_t>(c)) ||
               (o.punctuation && text::is_datatrove_punctuation(static_cast<char32_t>(c)));
    cls[c] = sep ? 2 : (o.numbers && c >= '0' && c <= '9') ? 1 : 0;
    lower[c] = static_cast<char>(o.lowercase && c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const bool default_options = o.lowercase && o.numbers && o.punctuation && o.diacritics;
  bool pending_space = false;
  size_t i = 0;
  std::string decomposed;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      unsigned char k = cls[b];
      if (k == 2) {
        pending_space = true;
        ++i;
        continue;
      }
      if (pending_space && w.size() > 0) w.put(' ');
      pending_space = false;
      if (k == 1) {
        i = skip_number(s, i);
        w.put('0');
        continue;
      }
      // A run of letters (most of a text), 16 bytes at a time while 16 are left.
      size_t copied = 0;
      while (i + 16 <= n) {
        const size_t run = w.put_letters(p + i, o.lowercase);
        i += run;
        copied += run;
        if (run < 16) break;
      }
      if (copied == 0) {  // not a letter, or too close to the end: byte by byte
        w.put(lower[b]);
        ++i;
      }
      continue;
    }
    size_t j = i;
    char32_t c = next_code_point(s, &j);
    // Han ideographs have no case, no decomposition and are neither digits nor punctuation:
    // copy them (the bulk of Chinese text) without asking ICU.
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) {
      w.ensure(1 + (n - i));
      if (pending_space && w.size() > 0) w.put(' ');
      pending_space = false;
      for (size_t k = i; k < j; ++k) w.put(s[k]);
      i = j;
      continue;
    }
    // Two-byte characters (Latin, Greek, Cyrillic, Hebrew, Arabic, ...) with the default
    // options: the whole per-character decision comes from a table built once with ICU.
    if (c < 0x800 && default_options) {
      const TwoByteEntry& e = two_byte_table()[c - 0x80];
      if (e.kind == TwoByteEntry::kSeparator) {
        pending_space = true;
        i = j;
        continue;
      }
      if (e.kind == TwoByteEntry::kDrop) {
        i = j;
        continue;
      }
      if (e.kind == TwoByteEntry::kOutput) {
        i = j;
        w.ensure(e.len + 1 + (n - i));
        if (pending_space && w.size() > 0) w.put(' ');
        pending_space = false;
        for (int k = 0; k < e.len; ++k) w.put(e.bytes[k]);
        continue;
      }
      // kGeneric (digits and anything unusual): fall through.
    }
    if (o.numbers && is_digit(c)) {
      i = skip_number(s, i);
      w.ensure(2 + (n - i));
      if (pending_space && w.size() > 0) w.put(' ');
      pending_space = false;
      w.put('0');
      continue;
    }
    i = j;
    if (text::is_space(c) || (o.punctuation && text::is_datatrove_punctuation(c))) {
      pending_space = true;
      continue;
    }
    if (o.lowercase) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    // A combining mark is dropped before it can flush a pending space.
    if (o.diacritics && c >= 0x300 && u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
      continue;
    }
    decomposed.clear();
    append_decomposed(c, o.diacritics, &decomposed);
    if (decomposed.empty()) continue;
    w.ensure(decomposed.size() + 1 + (n - i));  // keep the ASCII loop's guarantee
    if (pending_space && w.size() > 0) w.put(' ');
    pending_space = false;
    for (char ch : decomposed) w.put(ch);
  }
  w.finish();
}

}  // namespace klartext::dedup
