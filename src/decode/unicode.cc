// UTF-8 validation and the WHATWG UTF-8 and UTF-16 decoders. Tested in
// tests/decode/unicode_test.cc.
#include <cstring>

#include "decode/internal.h"

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
size_t utf8_step(const unsigned char* p, const unsigned char* end, bool* ok) {
  unsigned char b = *p;
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

Utf8Stats scan_utf8(std::string_view bytes) {
  Utf8Stats st;
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
  }
  return st;
}

size_t decode_utf8(std::string_view bytes, std::string& out) {
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
