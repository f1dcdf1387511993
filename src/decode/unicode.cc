// UTF-8 validation and the WHATWG UTF-8 and UTF-16 decoders. Tested in
// tests/decode/unicode_test.cc.
#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "decode/internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace klartext::decode::internal {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the ASCII prefix of [p, end), 16 bytes per step while possible.
size_t ascii_run(const unsigned char* p, const unsigned char* end) {
  const unsigned char* start = p;
  while (end - p >= 16) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    if ((a | b) & kHighBits) break;
    p += 16;
  }
  while (p < end && *p < 0x80) ++p;
  return size_t(p - start);
}

// One step of the WHATWG UTF-8 decoder at p (*p >= 0x80). Returns the bytes consumed; *ok says
// whether they formed a scalar value (else they are one maximal ill-formed subpart).
inline bool is_trail(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t utf8_step(const unsigned char* p, const unsigned char* end, bool* ok) {
  unsigned char b = *p;
  // The common well-formed cases first, without the general loop.
  if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && is_trail(p[1])) {
    *ok = true;
    return 2;
  }
  if (b >= 0xE1 && b <= 0xEC && end - p >= 3 && is_trail(p[1]) && is_trail(p[2])) {
    *ok = true;
    return 3;
  }
  int need;
  unsigned char lower = 0x80, upper = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    need = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2;
    if (b == 0xE0) lower = 0xA0;
    if (b == 0xED) upper = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3;
    if (b == 0xF0) lower = 0x90;
    if (b == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    *ok = false;
    return 1;
  }
  const unsigned char* q = p + 1;
  for (int i = 0; i < need; ++i) {
    if (q >= end || *q < lower || *q > upper) {
      *ok = false;
      return size_t(q - p);  // the offending byte is not consumed
    }
    lower = 0x80;
    upper = 0xBF;
    ++q;
  }
  *ok = true;
  return size_t(q - p);
}

}  // namespace

// Lead bytes (0xC0 and up) in bytes; on valid UTF-8 that is the number of multi-byte
// sequences. With SSE2, 16 bytes per step: max(v, 0xC0) == v marks the lead bytes with 0xFF,
// subtracting the mask counts them per byte lane, and a sum of absolute differences adds
// the lanes before any can pass 255 (a third of the instructions of the 8-byte SWAR loop
// below, which remains the fallback: it keeps bit 7 of bytes with bits 7 and 6 set, and a
// multiply adds them up).
size_t count_lead_bytes(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = 0, i = 0, size = bytes.size();
#if defined(__SSE2__)
  const __m128i lead = _mm_set1_epi8(static_cast<char>(0xC0)), zero = _mm_setzero_si128();
  while (size - i >= 16) {
    size_t steps = std::min<size_t>((size - i) / 16, 255);
    __m128i counts = zero;
    for (size_t s = 0; s < steps; ++s, i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v));
    }
    __m128i sums = _mm_sad_epu8(counts, zero);
    n += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= size; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    uint64_t m = (x & (x << 1) & kHighBits) >> 7;
    n += static_cast<size_t>((m * 0x0101010101010101ULL) >> 56);
  }
  for (; i < size; ++i) n += static_cast<unsigned char>(p[i]) >= 0xC0;
  return n;
}

Utf8Stats scan_utf8(std::string_view bytes, size_t stop_ratio) {
  Utf8Stats st;
  st.scanned = bytes.size();
  // Most pages are valid UTF-8: simdjson's SIMD validator settles that at several GB/s, and
  // only invalid input pays for the byte-by-byte count of errors below.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
    st.multibyte = count_lead_bytes(bytes);
    st.ascii_only = st.multibyte == 0;
    return st;
  }
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto* end = p + bytes.size();
  while (p < end) {
    p += ascii_run(p, end);
    if (p >= end) break;
    st.ascii_only = false;
    bool ok;
    size_t n = utf8_step(p, end, &ok);
    if (ok) {
      ++st.multibyte;
    } else {
      ++st.invalid;
      st.truncated_tail = p + n >= end;
    }
    p += n;
    if (stop_ratio > 0 && !ok && p < end &&
        stop_ratio * st.invalid > st.multibyte + size_t(end - p) / 2) {
      st.scanned = bytes.size() - size_t(end - p);
      break;
    }
  }
  return st;
}

Utf8Quick quick_utf8(std::string_view bytes) {
  Utf8Quick q;
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
    q.valid = true;
    q.whole = true;
    // Valid UTF-8 is ASCII-only exactly when no byte has its high bit set; most pages have
    // one early, so this stops long before the end.
    auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    q.ascii_only = ascii_run(p, p + bytes.size()) == bytes.size();
    return q;
  }
  q.ascii_only = false;
  // A download cut inside a character: the last lead byte starts a sequence longer than what
  // follows it, and everything before it is valid.
  size_t n = bytes.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    auto b = static_cast<unsigned char>(bytes[n - back]);
    if ((b & 0xC0) == 0x80) continue;
    size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    // The prefix must hold real UTF-8 text: a lone high byte at the end of ASCII is not a hint.
    if (need > back)
      q.valid = simdjson::validate_utf8(bytes.data(), n - back) &&
                count_lead_bytes(bytes.substr(0, n - back)) > 0;
    break;
  }
  return q;
}

bool is_valid_utf8(std::string_view bytes) {
  return simdjson::validate_utf8(bytes.data(), bytes.size());
}

bool is_ascii(std::string_view bytes) {
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  return ascii_run(p, p + bytes.size()) == bytes.size();
}

size_t decode_utf8(std::string_view bytes, std::string& out) {
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
    out.append(bytes);
    return 0;
  }
  size_t replaced = 0;
  auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
  auto* p = base;
  auto* end = p + bytes.size();
  out.reserve(out.size() + bytes.size() + bytes.size() / 8);
  while (p < end) {
    // Copy the longest well-formed run at once; stop at the first error.
    auto* run = p;
    while (p < end) {
      p += ascii_run(p, end);
      if (p >= end) break;
      bool ok;
      size_t n = utf8_step(p, end, &ok);
      if (!ok) break;
      p += n;
    }
    out.append(reinterpret_cast<const char*>(run), size_t(p - run));
    if (p >= end) break;
    bool ok;
    p += utf8_step(p, end, &ok);
    out.append("\xEF\xBF\xBD");
    ++replaced;
  }
  return replaced;
}

size_t decode_utf16(std::string_view bytes, bool big_endian, std::string& out) {
  size_t replaced = 0;
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t units = bytes.size() / 2;
  out.reserve(out.size() + bytes.size() * 3 / 2);
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (uint32_t(p[2 * i]) << 8) | p[2 * i + 1]
                      : (uint32_t(p[2 * i + 1]) << 8) | p[2 * i];
  };
  for (size_t i = 0; i < units; ++i) {
    uint32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      append_utf8(out, u);
    } else if (u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
      ++i;
    } else {
      // An unpaired surrogate; the unit after a lone lead is decoded on its own (WHATWG).
      out.append("\xEF\xBF\xBD");
      ++replaced;
    }
  }
  if (bytes.size() % 2) {
    out.append("\xEF\xBF\xBD");
    ++replaced;
  }
  return replaced;
}

}  // namespace klartext::decode::internal
