// The encoding sniffing algorithm (BOM, transport, <meta> prescan, UTF-8 check, detector,
// default) and the dispatch to the decoders. Tested in tests/decode/decode_test.cc.
#include "decode/decode.h"

#include <algorithm>
#include <string>

#include "decode/encodings.h"
#include "decode/internal.h"

namespace klartext::decode {
namespace {

using internal::Utf8Stats;

// Bytes in legacy encodings form well-formed UTF-8 multi-byte sequences only by chance: on the
// 47 GBK/GB2312 pages of chinese-wce there are 0.17-0.28 well-formed sequences per ill-formed
// one. A page with at least 8 well-formed sequences per ill-formed one is UTF-8 with some
// damage (a stray Latin-1 byte from a template, a cut at the end), which U+FFFD repairs better
// than any legacy decoding would. The margin to 0.28 is 30x.
constexpr size_t kUtf8WellFormedPerError = 8;

bool looks_utf8(const Utf8Stats& st) {
  if (st.ascii_only) return false;
  if (st.invalid == 0) return true;
  if (st.invalid == 1 && st.truncated_tail) return true;
  return st.multibyte >= kUtf8WellFormedPerError * st.invalid;
}

std::string utf8_counts(const Utf8Stats& st, size_t size) {
  return std::to_string(st.multibyte) + " well-formed and " + std::to_string(st.invalid) +
         " ill-formed UTF-8 sequences" +
         (st.scanned < size ? " in the first " + std::to_string(st.scanned) + " bytes" : "");
}

Decoded decided(const EncodingInfo* enc, EncodingSource source, std::string reason) {
  Decoded d;
  d.encoding = std::string(enc->name);
  d.source = source;
  d.reason = std::move(reason);
  return d;
}

const EncodingInfo* utf8() { return encoding_by_name("UTF-8"); }
const EncodingInfo* windows1252() { return encoding_by_name("windows-1252"); }

std::string detector_reason(const internal::Detection& det) {
  return "uchardet says " + det.detector_name + " on " + std::to_string(det.sample_bytes) +
         (det.text_only ? " bytes of text outside markup" : " bytes of the page");
}

// Converts bytes (BOM already removed) from enc into out.utf8 / out.replaced; with `borrow`,
// bytes that need no conversion are pointed to by out.borrowed instead (decode.h).
Status convert(const EncodingInfo& enc, std::string_view bytes, Decoded& out, bool borrow = false) {
  out.utf8.clear();
  out.is_borrowed = false;
  out.borrowed = {};
  if (borrow &&
      ((enc.kind == DecoderKind::kUtf8 && (out.validated_utf8 || internal::is_valid_utf8(bytes))) ||
       (enc.kind == DecoderKind::kSingleByte && internal::is_ascii(bytes)))) {
    out.is_borrowed = true;
    out.borrowed = bytes;
    out.replaced = 0;
    return Status();
  }
  switch (enc.kind) {
    case DecoderKind::kUtf8:
      if (out.validated_utf8) {
        out.utf8.assign(bytes);
        out.replaced = 0;
        return Status();
      }
      out.replaced = internal::decode_utf8(bytes, out.utf8);
      return Status();
    case DecoderKind::kUtf16Le:
    case DecoderKind::kUtf16Be:
      out.replaced = internal::decode_utf16(bytes, enc.kind == DecoderKind::kUtf16Be, out.utf8);
      return Status();
    case DecoderKind::kSingleByte:
      out.replaced = internal::decode_single_byte(enc, bytes, out.utf8);
      return Status();
    case DecoderKind::kIcu: {
      auto r = internal::decode_icu(enc, bytes, out.utf8);
      if (!r.ok()) return r.status();
      out.replaced = *r;
      return Status();
    }
    case DecoderKind::kReplacement:
      break;
  }
  return unsupported("the '" + std::string(enc.name) +
                     "' encoding (e.g. ISO-2022-KR, HZ) cannot be decoded, per the WHATWG "
                     "Encoding Standard");
}

// A detector's guess must decode the sample it was made on: an encoding under which more than
// 1 in 50 non-ASCII bytes is malformed is a wrong guess (the damaged chinese-wce pages, the
// worst real input we have, stay far below: 12 errors in over 10^4 non-ASCII bytes).
constexpr size_t kHighBytesPerReplacement = 50;

bool plausible(const internal::Detection& det, std::string_view bytes, size_t max_bytes) {
  std::string_view sample = det.text_only ? std::string_view(det.sample)
                                          : bytes.substr(0, std::min(bytes.size(), max_bytes));
  Decoded tmp;
  if (!convert(*det.encoding, sample, tmp).ok()) return false;
  size_t high = 0;
  for (char c : sample) high += static_cast<unsigned char>(c) >= 0x80;
  return tmp.replaced * kHighBytesPerReplacement <= high;
}

// ISO-2022-JP is 7-bit: the UTF-8 check sees ASCII, and only its escape sequences tell. These
// three switch to JIS X 0208 (1983, 1978) and JIS X 0201 Roman, states of WHATWG's decoder.
bool has_iso2022jp_escapes(std::string_view bytes) {
  for (std::string_view esc : {"\x1B$B", "\x1B$@", "\x1B(J"})
    if (bytes.find(esc) != std::string_view::npos) return true;
  return false;
}

Decoded with_overruled(Decoded d, const EncodingInfo* overruled) {
  if (overruled && d.declared.empty()) d.declared = std::string(overruled->name);
  return d;
}

// The <meta> prescan over the first prescan_bytes, then the late scan; *reason says where.
const EncodingInfo* find_meta(std::string_view bytes, const DecodeOptions& options,
                              std::string* reason) {
  size_t offset = 0;
  const EncodingInfo* meta = internal::prescan(bytes.substr(0, options.prescan_bytes), &offset);
  if (meta) {
    *reason = "<meta> at byte " + std::to_string(offset);
  } else if (options.late_meta_bytes > options.prescan_bytes) {
    meta = internal::late_meta_scan(bytes.substr(0, options.late_meta_bytes), &offset);
    if (meta)
      *reason = "<meta> at byte " + std::to_string(offset) + ", after the first " +
                std::to_string(options.prescan_bytes) + " bytes";
  }
  return meta;
}

}  // namespace

std::string_view encoding_source_name(EncodingSource source) {
  switch (source) {
    case EncodingSource::kBom:
      return "bom";
    case EncodingSource::kTransport:
      return "transport";
    case EncodingSource::kMetaTag:
      return "meta";
    case EncodingSource::kValidUtf8:
      return "valid-utf8";
    case EncodingSource::kDetected:
      return "detected";
    case EncodingSource::kDefault:
      return "default";
  }
  return "unknown";
}

std::string_view canonical_encoding(std::string_view label) {
  const EncodingInfo* enc = find_encoding(label);
  return enc ? enc->name : std::string_view();
}

Result<Decoded> sniff_encoding(std::string_view bytes, const DecodeOptions& options) {
  // 1. A byte order mark decides, whatever the labels say.
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    return decided(utf8(), EncodingSource::kBom, "UTF-8 byte order mark");
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF")
    return decided(encoding_by_name("UTF-16BE"), EncodingSource::kBom, "UTF-16BE byte order mark");
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE")
    return decided(encoding_by_name("UTF-16LE"), EncodingSource::kBom, "UTF-16LE byte order mark");

  // 2. The transport label, then 3. the <meta> prescan.
  const EncodingInfo* declared = nullptr;
  EncodingSource source = EncodingSource::kDefault;
  std::string reason;
  std::string note;  // things ignored on the way, appended to the final reason
  if (!options.transport_charset.empty()) {
    declared = find_encoding(options.transport_charset);
    if (!declared) declared = internal::encoding_from_content(options.transport_charset);
    if (declared) {
      source = EncodingSource::kTransport;
      reason = "transport label '" + options.transport_charset + "'";
    } else {
      note = "; unknown transport label '" + options.transport_charset + "' ignored";
    }
  }
  // Servers that send a charset by default send ISO-8859-1 (the old Apache
  // AddDefaultCharset), so with verification on, a <meta> naming another encoding outranks a
  // windows-1252 transport label; any other transport label is taken as meant.
  const EncodingInfo* overruled = nullptr;
  bool weak_transport = declared && options.verify_labels && declared->name == "windows-1252";
  if (!declared || weak_transport) {
    std::string meta_reason;
    const EncodingInfo* meta = find_meta(bytes, options, &meta_reason);
    if (meta && !declared) {
      declared = meta;
      source = EncodingSource::kMetaTag;
      reason = meta_reason;
    } else if (meta && meta != declared && meta->kind != DecoderKind::kReplacement) {
      overruled = declared;
      note += "; it overrules " + reason + " (the usual server default)";
      declared = meta;
      source = EncodingSource::kMetaTag;
      reason = meta_reason;
    }
  }

  if (declared) {
    if (declared->kind == DecoderKind::kReplacement)
      return unsupported(reason +
                         " names an encoding that the WHATWG Encoding Standard maps to "
                         "'replacement' (it cannot be decoded)");
    bool utf16 = declared->kind == DecoderKind::kUtf16Le || declared->kind == DecoderKind::kUtf16Be;
    if (!options.verify_labels || utf16)
      return with_overruled(decided(declared, source, reason + note), overruled);
    internal::Utf8Quick quick = internal::quick_utf8(bytes);
    if (declared->kind == DecoderKind::kUtf8) {
      if (quick.ascii_only || quick.valid) {
        Decoded d = with_overruled(decided(declared, source, reason + note), overruled);
        d.validated_utf8 = quick.whole;
        return d;
      }
      Utf8Stats st = internal::scan_utf8(bytes, kUtf8WellFormedPerError);
      if (looks_utf8(st))
        return with_overruled(decided(declared, source, reason + note), overruled);
      std::string what =
          reason + " says UTF-8, but the bytes have " + utf8_counts(st, bytes.size()) + "; ";
      if (source == EncodingSource::kTransport) {
        // A server may claim UTF-8 for every page; the page's own <meta> knows its bytes.
        std::string meta_reason;
        const EncodingInfo* meta = find_meta(bytes, options, &meta_reason);
        if (meta && meta->kind != DecoderKind::kUtf8 && meta->kind != DecoderKind::kReplacement) {
          Decoded d = decided(meta, EncodingSource::kMetaTag, what + meta_reason + note);
          d.declared = std::string(declared->name);
          return d;
        }
      }
      internal::Detection det = internal::detect(bytes, options.max_detect_bytes);
      if (det.encoding && det.encoding->kind != DecoderKind::kUtf8 &&
          plausible(det, bytes, options.max_detect_bytes)) {
        Decoded d =
            decided(det.encoding, EncodingSource::kDetected, what + detector_reason(det) + note);
        d.declared = std::string(declared->name);
        return d;
      }
      return with_overruled(decided(declared, source, reason + note), overruled);
    }
    if (quick.valid && !quick.ascii_only) {
      Utf8Stats st = internal::scan_utf8(bytes, kUtf8WellFormedPerError);
      Decoded d = decided(utf8(), EncodingSource::kValidUtf8,
                          reason + " says " + std::string(declared->name) +
                              ", but the bytes are valid UTF-8 (" + utf8_counts(st, bytes.size()) +
                              ")" + note);
      d.declared = std::string(declared->name);
      d.validated_utf8 = quick.whole;
      return d;
    }
    return with_overruled(decided(declared, source, reason + note), overruled);
  }

  // 4. No label: UTF-8 if the bytes say so, else the detector, else the default.
  Utf8Stats st = internal::scan_utf8(bytes, kUtf8WellFormedPerError);
  if (st.ascii_only) {
    if (has_iso2022jp_escapes(bytes))
      return decided(encoding_by_name("ISO-2022-JP"), EncodingSource::kDetected,
                     "no label; 7-bit with ISO-2022-JP escape sequences" + note);
    return decided(windows1252(), EncodingSource::kDefault, "no label, ASCII only" + note);
  }
  if (looks_utf8(st))
    return decided(utf8(), EncodingSource::kValidUtf8,
                   "no label; " + utf8_counts(st, bytes.size()) + note);
  internal::Detection det = internal::detect(bytes, options.max_detect_bytes);
  if (det.encoding && plausible(det, bytes, options.max_detect_bytes))
    return decided(det.encoding, EncodingSource::kDetected,
                   "no label; not UTF-8 (" + utf8_counts(st, bytes.size()) + "); " +
                       detector_reason(det) + note);
  return decided(windows1252(), EncodingSource::kDefault,
                 "no label; not UTF-8 (" + utf8_counts(st, bytes.size()) + "); the detector " +
                     (det.detector_name.empty()
                          ? std::string("gave no answer")
                          : "said " + det.detector_name +
                                (det.encoding ? ", which the bytes contradict" : ", unusable")) +
                     note);
}

Result<Decoded> decode_as(std::string_view bytes, std::string_view label) {
  const EncodingInfo* enc = find_encoding(label);
  if (!enc) return invalid_argument("unknown encoding label '" + std::string(label) + "'");
  Decoded d;
  d.encoding = std::string(enc->name);
  d.source = EncodingSource::kTransport;
  d.reason = "decoded as '" + std::string(label) + "'";
  KLARTEXT_RETURN_IF_ERROR(convert(*enc, bytes, d));
  return d;
}

Result<Decoded> decode_html(std::string_view bytes, const DecodeOptions& options) {
  auto sniffed = sniff_encoding(bytes, options);
  if (!sniffed.ok()) return sniffed.status();
  Decoded d = std::move(sniffed).value();
  if (d.source == EncodingSource::kBom) bytes.remove_prefix(d.encoding == "UTF-8" ? 3 : 2);
  const EncodingInfo* enc = encoding_by_name(d.encoding);
  if (!enc) return internal_error("sniffing chose unknown encoding " + d.encoding);
  KLARTEXT_RETURN_IF_ERROR(convert(*enc, bytes, d, options.borrow_unchanged));
  return d;
}

}  // namespace klartext::decode
