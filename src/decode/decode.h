// Bytes to UTF-8 as browsers do it (WHATWG Encoding Standard and HTML's encoding sniffing):
// BOM, transport charset, <meta> prescan, then detection. Tested in tests/decode/.
#ifndef KLARTEXT_DECODE_DECODE_H_
#define KLARTEXT_DECODE_DECODE_H_

#include <cstddef>
#include <cstdint>
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
  // A charset label from outside the document (HTTP header, --charset). Empty if none. A whole
  // Content-Type value ("text/html; charset=gbk") is accepted too.
  std::string transport_charset;
  // Bytes given to the statistical detector at most: it decides from a bounded prefix, as
  // browsers do (they detect on what arrived first, not on the whole page). uchardet costs
  // ~0.6 ms per KiB on binary garbage (40 ms for 64 KiB, 1 MB of random bytes), so 16 KiB
  // (~10 ms) keeps the detector to a tenth of the 100 ms page budget. The sample is text
  // outside markup, and 16 KiB of text is thousands of characters: on all 2007 pages of
  // scrapinghub, wcxb-dev, readability-testpages and chinese-wce, as they are and with their
  // charset labels hidden (57 detector decisions), 16 KiB and 64 KiB chose the same encoding.
  size_t max_detect_bytes = 16 * 1024;
  // Bytes the <meta> prescan reads: HTML specifies 1024.
  size_t prescan_bytes = 1024;
  // When the prescan finds nothing, a <meta charset> this far into the page still counts, as
  // the HTML parser's "change the encoding" step would make a browser reload with it. 0 keeps
  // to the strict prescan. 64 KiB covers long <head>s (inline CSS/JS) on pages we sampled.
  size_t late_meta_bytes = 64 * 1024;
  // Not browser behaviour, but better text: check a declared label (transport or meta) against
  // the bytes. A legacy label on bytes that are valid UTF-8 with non-ASCII text yields UTF-8
  // (valid multi-byte UTF-8 almost never arises by chance); a UTF-8 label on bytes that are
  // clearly not UTF-8 yields the detector's answer. A BOM is always trusted.
  bool verify_labels = true;
  // When the bytes need no conversion (valid UTF-8 decoded as UTF-8, or ASCII-only bytes in a
  // single-byte encoding), leave Decoded::utf8 empty and point Decoded::borrowed at the input
  // instead of copying it; the caller then keeps the input alive while it reads the text.
  // klartext::extract parses in place this way: the copy was 1.6% of `klartext corpus`.
  bool borrow_unchanged = false;
};

struct Decoded {
  std::string utf8;  // always valid UTF-8
  // Under DecodeOptions::borrow_unchanged, when is_borrowed: the input bytes (after any BOM)
  // that are the UTF-8 text as they are; utf8 is then empty. text() gives either.
  bool is_borrowed = false;
  std::string_view borrowed;
  std::string_view text() const { return is_borrowed ? borrowed : std::string_view(utf8); }
  // Set by sniffing when it validated all the bytes as UTF-8 already, so decode_html's UTF-8
  // step does not validate them a second time (that pass was 0.4% of `klartext corpus`).
  bool validated_utf8 = false;
  std::string encoding;  // canonical WHATWG name, e.g. "windows-1252", "Shift_JIS", "GBK"
  EncodingSource source = EncodingSource::kDefault;
  size_t replaced = 0;   // number of malformed sequences replaced by U+FFFD
  std::string reason;    // one line for people: what decided, e.g. "<meta> at byte 214"
  std::string declared;  // a label that was found but overruled by verify_labels, else ""
};

// The sniffing decision without the conversion (same fields as Decoded, utf8 left empty).
Result<Decoded> sniff_encoding(std::string_view bytes, const DecodeOptions& options = {});

// Decodes bytes in a known encoding (any WHATWG label). No BOM sniffing; fails only on an
// unknown label or the "replacement" encoding.
Result<Decoded> decode_as(std::string_view bytes, std::string_view label);

// Decodes a page's bytes to UTF-8. Never fails on content (malformed bytes become U+FFFD);
// fails only on an unusable explicit request (e.g. an unknown transport label is ignored, but
// the "replacement" encoding yields an error result per the standard).
Result<Decoded> decode_html(std::string_view bytes, const DecodeOptions& options = {});

// The canonical WHATWG encoding name for a label ("latin1" -> "windows-1252",
// "gb2312" -> "GBK"), or "" if the label is unknown.
std::string_view canonical_encoding(std::string_view label);

}  // namespace klartext::decode

#endif  // KLARTEXT_DECODE_DECODE_H_
