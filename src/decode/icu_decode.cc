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

}  // namespace

Result<size_t> decode_icu(const EncodingInfo& enc, std::string_view bytes, std::string& out) {
  if (!enc.icu_name) return internal_error("no ICU converter for " + std::string(enc.name));
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(enc.icu_name, &err), ucnv_close);
  if (U_FAILURE(err)) return internal_error(std::string("ICU has no converter ") + enc.icu_name);
  Counter counter;
  ucnv_setToUCallBack(cnv.get(), replace_callback, &counter, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return internal_error("cannot set the ICU callback");

  // ucnv_convertEx to UTF-8 lets ICU use its direct MBCS-to-UTF-8 path (no UTF-16 copy of
  // ours). Each input byte yields at most 3 output bytes (half-width katakana, U+FFFD), so one
  // call normally suffices; the loop only guards that bound.
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err)) return internal_error("ICU has no UTF-8 converter");
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
    err = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), cnv.get(), &target, out.data() + out.size(), &src, src_end, pivot,
                   &pivot_source, &pivot_target, pivot + std::size(pivot), reset, true, &err);
    reset = false;
    start += size_t(target - target_begin);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      capacity = capacity * 2;
      continue;
    }
    out.resize(start);
    if (U_FAILURE(err)) return internal_error(std::string("ICU failed: ") + u_errorName(err));
    break;
  }
  return counter.replaced;
}

}  // namespace klartext::decode::internal
