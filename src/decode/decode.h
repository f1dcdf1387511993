// Bytes to UTF-8 as browsers do it (WHATWG Encoding Standard and HTML's encoding sniffing):
// BOM, transport charset, <meta> prescan, then detection. Tested in tests/decode/.
#ifndef KLARTEXT_DECODE_DECODE_H_
#define KLARTEXT_DECODE_DECODE_H_

#include <string>
#include <string_view>

#include "klartext/status.h"

namespace klartext::decode {

// Why an encoding was chosen, in the order the sniffing algorithm tries them.
enum class EncodingSource : uint8_t {
  kBom,        // a UTF-8 / UTF-16 byte order mark
  kTransport,  // the caller's charset (--charset, or the HTTP Content-Type header)
  kMetaTag,    // <meta charset> or <meta http-equiv=content-type> in the first 1024 bytes
  kValidUtf8,  // no label; the bytes are valid UTF-8
  kDetected,   // no label; a statistical detector chose it
  kDefault,    // nothing decided; windows-1252, as browsers default for unknown locales
};
std::string_view encoding_source_name(EncodingSource source);

struct DecodeOptions {
  // A charset label from outside the document (HTTP header, --charset). Empty if none.
  std::string transport_charset;
  // Bytes given to the statistical detector at most (its cost grows badly on some inputs).
  size_t max_detect_bytes = 64 * 1024;
};

struct Decoded {
  std::string utf8;      // always valid UTF-8
  std::string encoding;  // canonical WHATWG name, e.g. "windows-1252", "Shift_JIS", "GBK"
  EncodingSource source = EncodingSource::kDefault;
  size_t replaced = 0;   // number of malformed sequences replaced by U+FFFD
};

// Decodes a page's bytes to UTF-8. Never fails on content (malformed bytes become U+FFFD);
// fails only on an unusable explicit request (e.g. an unknown transport label is ignored, but
// the "replacement" encoding yields an error result per the standard).
Result<Decoded> decode_html(std::string_view bytes, const DecodeOptions& options = {});

// The canonical WHATWG encoding name for a label ("latin1" -> "windows-1252",
// "gb2312" -> "GBK"), or "" if the label is unknown.
std::string_view canonical_encoding(std::string_view label);

}  // namespace klartext::decode

#endif  // KLARTEXT_DECODE_DECODE_H_
