// The WHATWG encodings and their labels, as data, and how klartext decodes each one.
// Tested in tests/decode/labels_test.cc.
#ifndef KLARTEXT_DECODE_ENCODINGS_H_
#define KLARTEXT_DECODE_ENCODINGS_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace klartext::decode {

// How the bytes of an encoding become code points.
enum class DecoderKind : uint8_t {
  kUtf8,         // our own decoder (WHATWG UTF-8 decoder, maximal-subpart replacement)
  kUtf16Le,      // our own decoder
  kUtf16Be,      // our own decoder
  kSingleByte,   // a 256-entry table (ours for windows-1252, ISO-8859-16, x-user-defined; else ICU)
  kIcu,          // an ICU converter, chosen to match the WHATWG decoder (see icu_name)
  kReplacement,  // the WHATWG "replacement" encoding: the content cannot be decoded
};

struct EncodingInfo {
  std::string_view name;  // canonical WHATWG name
  DecoderKind kind;
  // The ICU converter whose to-Unicode mapping matches the WHATWG decoder, or nullptr when our
  // own code decodes. Chosen per WHATWG's notes: GBK decodes as gb18030; Big5 is Big5-HKSCS;
  // Shift_JIS is windows-31j; EUC-KR is windows-949.
  const char* icu_name;
};

// All encodings of the WHATWG Encoding Standard (section 4, "Names and labels").
std::span<const EncodingInfo> all_encodings();

// The encoding a label names (ASCII case-insensitive, surrounding ASCII whitespace ignored),
// or nullptr. Follows the WHATWG label table.
const EncodingInfo* find_encoding(std::string_view label);

// The encoding whose canonical name is exactly `name` (as stored in Decoded::encoding).
const EncodingInfo* encoding_by_name(std::string_view name);

struct LabelEntry {
  std::string_view label;
  std::string_view encoding;
};
// The label table itself, for tests and `klartext encoding --labels`.
std::span<const LabelEntry> all_labels();

}  // namespace klartext::decode

#endif  // KLARTEXT_DECODE_ENCODINGS_H_
