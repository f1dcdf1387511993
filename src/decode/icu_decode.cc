// Multi-byte decoding through ICU converters (CJK encodings), with every malformed or unmapped
// sequence replaced by U+FFFD and counted. Tested in tests/decode/fixtures_test.cc.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <memory>

#include "decode/internal.h"

namespace klartext::decode::internal {
namespace {

struct Counter {
  size_t replaced = 0;
};

// ICU's own substitution writes U+001A for some converters; WHATWG wants U+FFFD, and we count.
void replace_callback(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                      UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  *err = U_ZERO_ERROR;
  const UChar fffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &fffd, 1, 0, err);
  ++const_cast<Counter*>(static_cast<const Counter*>(context))->replaced;
}

using Converter = std::unique_ptr<UConverter, void (*)(UConverter*)>;

// Converts one whole segment (flushing the converter at its end) and appends UTF-8 to out.
Status convert_segment(UConverter* from, UConverter* utf8, std::string_view bytes,
                       std::string& out) {
  // ucnv_convertEx to UTF-8 lets ICU use its direct MBCS-to-UTF-8 path (no UTF-16 copy of
  // ours). Each input byte yields at most 3 output bytes (half-width katakana, U+FFFD), so one
  // call normally suffices; the loop only guards that bound.
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  size_t start = out.size();
  size_t capacity = bytes.size() * 3 + 64;
  bool reset = true;
  for (;;) {
    out.resize(start + capacity);
    char* target = out.data() + start;
    char* target_begin = target;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(utf8, from, &target, out.data() + out.size(), &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + std::size(pivot), reset, true, &err);
    reset = false;
    start += size_t(target - target_begin);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      capacity *= 2;
      continue;
    }
    out.resize(start);
    if (U_FAILURE(err)) return internal_error(std::string("ICU failed: ") + u_errorName(err));
    return Status();
  }
}

// The next 0x80 byte in lead position at or after i, or s.size(). WHATWG's gb18030 decoder
// (also GBK's) reads a lone 0x80 as U+20AC, as Windows code page 936 does, where ICU's gb18030
// rejects it; we find them by stepping over GB18030's 1-, 2- and 4-byte sequences.
size_t next_gb_euro(std::string_view s, size_t i) {
  size_t n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b == 0x80) return i;
    if (b < 0x80 || b == 0xFF)
      ++i;
    else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
      i += 4;  // a four-byte sequence (or garbage that ICU will replace)
    else
      i += 2;
  }
  return n;
}

}  // namespace

Result<size_t> decode_icu(const EncodingInfo& enc, std::string_view bytes, std::string& out) {
  if (!enc.icu_name) return internal_error("no ICU converter for " + std::string(enc.name));
  UErrorCode err = U_ZERO_ERROR;
  Converter cnv(ucnv_open(enc.icu_name, &err), ucnv_close);
  if (U_FAILURE(err)) return internal_error(std::string("ICU has no converter ") + enc.icu_name);
  Counter counter;
  ucnv_setToUCallBack(cnv.get(), replace_callback, &counter, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return internal_error("cannot set the ICU callback");
  Converter utf8(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err)) return internal_error("ICU has no UTF-8 converter");

  if (std::string_view(enc.icu_name) == "gb18030") {
    size_t from = 0;
    for (size_t at; (at = next_gb_euro(bytes, from)) < bytes.size(); from = at + 1) {
      KLARTEXT_RETURN_IF_ERROR(
          convert_segment(cnv.get(), utf8.get(), bytes.substr(from, at - from), out));
      out.append("\xE2\x82\xAC");
    }
    bytes.remove_prefix(from);
  }
  KLARTEXT_RETURN_IF_ERROR(convert_segment(cnv.get(), utf8.get(), bytes, out));
  return counter.replaced;
}

}  // namespace klartext::decode::internal
