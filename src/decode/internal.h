// Building blocks of the decode stage, shared by its files and its tests (not a public API).
// Tested in tests/decode/ (unicode_test.cc, prescan_test.cc, convert_test.cc).
#ifndef KLARTEXT_DECODE_INTERNAL_H_
#define KLARTEXT_DECODE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "decode/encodings.h"
#include "klartext/status.h"

namespace klartext::decode::internal {

using base::append_utf8;

// What a UTF-8 validation pass saw.
struct Utf8Stats {
  bool ascii_only = true;       // no byte >= 0x80
  size_t multibyte = 0;         // well-formed sequences of 2 to 4 bytes
  size_t invalid = 0;           // maximal ill-formed subparts (each would become one U+FFFD)
  bool truncated_tail = false;  // the last error is an incomplete sequence cut by the end
  size_t scanned = 0;           // bytes counted (all, unless the scan stopped early)
  bool valid() const { return invalid == 0; }
};
// One linear pass; ASCII runs are checked 16 bytes at a time. With stop_ratio > 0 the scan
// stops once stop_ratio x invalid exceeds every count of well-formed sequences the rest of the
// input could still bring (multibyte + remaining bytes / 2): the question "at least stop_ratio
// well-formed sequences per ill-formed one?" is then answered "no" whatever follows, and binary
// garbage is not counted to its end.
Utf8Stats scan_utf8(std::string_view bytes, size_t stop_ratio = 0);
// Bytes 0xC0 and up: on valid UTF-8, the number of multi-byte sequences.
size_t count_lead_bytes(std::string_view bytes);

// The cheap question asked of labelled pages: valid UTF-8 (allowing a sequence cut by the end)?
// Uses the SIMD validator only, never the byte-by-byte count.
struct Utf8Quick {
  bool ascii_only = true;
  bool valid = false;  // valid UTF-8, or valid up to an incomplete sequence at the very end
  bool whole = false;  // valid UTF-8 to the last byte (no incomplete sequence at the end)
};
Utf8Quick quick_utf8(std::string_view bytes);

// True when bytes are well-formed UTF-8 as they are (the SIMD validator).
bool is_valid_utf8(std::string_view bytes);
// True when no byte has its high bit set.
bool is_ascii(std::string_view bytes);

// The WHATWG UTF-8 decoder: each maximal ill-formed subpart becomes U+FFFD. Appends to out and
// returns the number of replacements.
size_t decode_utf8(std::string_view bytes, std::string& out);
// The WHATWG UTF-16 decoders: unpaired surrogates and a trailing odd byte become U+FFFD.
size_t decode_utf16(std::string_view bytes, bool big_endian, std::string& out);
// A table-driven single-byte decoder (every byte maps to one code point or to U+FFFD).
size_t decode_single_byte(const EncodingInfo& enc, std::string_view bytes, std::string& out);
// Decoding through the ICU converter enc.icu_name; errors become U+FFFD and are counted.
Result<size_t> decode_icu(const EncodingInfo& enc, std::string_view bytes, std::string& out);

// HTML's "prescan a byte stream to determine its encoding" over all of `bytes` (the caller cuts
// them to 1024). Returns nullptr when it finds nothing; *offset gets the position of the <meta>.
const EncodingInfo* prescan(std::string_view bytes, size_t* offset = nullptr);

// The same scan standing in for the tree builder's "change the encoding" on a later <meta>:
// it skips the content of raw-text elements (a <meta> in a script string is no element).
const EncodingInfo* late_meta_scan(std::string_view bytes, size_t* offset = nullptr);

// HTML's "algorithm for extracting a character encoding from a meta element" applied to a
// content attribute value ("text/html; charset=gbk"), or nullptr.
const EncodingInfo* encoding_from_content(std::string_view content);

// What the statistical detector (uchardet) makes of the page: the sample it saw and its answer.
struct Detection {
  std::string detector_name;               // uchardet's charset name, "" if it gave none
  const EncodingInfo* encoding = nullptr;  // mapped to WHATWG, nullptr if unusable
  size_t sample_bytes = 0;
  std::string sample;      // the bytes it saw, when they were the text sample (else empty)
  bool text_only = false;  // the sample was the text outside markup
};
// Feeds at most max_bytes to uchardet, preferring text outside tags, scripts, styles and
// comments so that English markup does not drown the text's encoding.
Detection detect(std::string_view bytes, size_t max_bytes);

// The sample detect() would use: text outside markup, at most max_bytes.
std::string text_sample(std::string_view bytes, size_t max_bytes);

}  // namespace klartext::decode::internal

#endif  // KLARTEXT_DECODE_INTERNAL_H_
