// Multi-byte decoding through ICU converters (CJK encodings), with every malformed or unmapped
// sequence replaced by U+FFFD and counted. Tested in tests/decode/fixtures_test.cc.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf16.h>

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

// Appends UTF-16 units as UTF-8; a lead surrogate at the end of a chunk waits in *pending.
void append_utf16(const UChar* p, const UChar* end, UChar* pending, std::string& out) {
  for (; p < end; ++p) {
    UChar u = *p;
    if (*pending) {
      UChar lead = *pending;
      *pending = 0;
      if (U16_IS_TRAIL(u)) {
        append_utf8(out, U16_GET_SUPPLEMENTARY(lead, u));
        continue;
      }
      out.append("\xEF\xBF\xBD");
    }
    if (U16_IS_LEAD(u))
      *pending = u;
    else if (U16_IS_TRAIL(u))
      out.append("\xEF\xBF\xBD");
    else
      append_utf8(out, u);
  }
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

  out.reserve(out.size() + bytes.size() * 3 / 2);
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  UChar buf[8192];
  UChar pending = 0;
  for (;;) {
    UChar* dst = buf;
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &dst, buf + std::size(buf), &src, src_end, nullptr, true, &err);
    append_utf16(buf, dst, &pending, out);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) return internal_error(std::string("ICU failed: ") + u_errorName(err));
    break;
  }
  if (pending) out.append("\xEF\xBF\xBD");
  return counter.replaced;
}

}  // namespace klartext::decode::internal
