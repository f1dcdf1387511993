// The statistical fallback: uchardet on a byte-capped sample of the page's text. Tested in
// tests/decode/detect_test.cc and on the chinese-wce pages (tests/decode/chinese_wce_test.cc).
#include <uchardet/uchardet.h>

#include <algorithm>
#include <memory>

#include "decode/internal.h"

namespace klartext::decode::internal {
namespace {

unsigned char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 0x20 : c; }
bool is_space(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

bool starts_with_ci(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (lower(static_cast<unsigned char>(s[i + k])) != static_cast<unsigned char>(prefix[k]))
      return false;
  return true;
}

// Position after the first case-insensitive `needle` at or after i, or s.size().
size_t skip_past_ci(std::string_view s, size_t i, std::string_view needle) {
  for (; i < s.size(); ++i) {
    if (s[i] == needle[0] && starts_with_ci(s, i, needle)) return i + needle.size();
  }
  return s.size();
}

// Elements whose content is not text for the reader: their bytes would tell the detector about
// the page's scripts, not its language.
constexpr std::string_view kRawTextElements[] = {"script", "style"};

// Origin: the charset names uchardet 0.0.7 returns (its library's strings, and our runs) that
// are not WHATWG labels, mapped to the WHATWG encoding that decodes the same bytes. Names that
// WHATWG cannot decode (EUC-TW, VISCII, IBM852, IBM855, MAC-CENTRALEUROPE, UTF-32) are left
// out: detection then falls to the default.
constexpr LabelEntry kDetectorNames[] = {
    {"mac-cyrillic", "x-mac-cyrillic"},
    {"uhc", "EUC-KR"},  // Unified Hangul Code = windows-949, WHATWG's EUC-KR
};

const EncodingInfo* map_detector_name(std::string_view name) {
  const EncodingInfo* enc = find_encoding(name);
  if (!enc) {
    std::string lower_name;
    for (char c : name) lower_name.push_back(char(lower(static_cast<unsigned char>(c))));
    for (const auto& d : kDetectorNames)
      if (d.label == lower_name) enc = encoding_by_name(d.encoding);
  }
  // A detector's "UTF-16" guess on BOM-less bytes is not what browsers do, and the replacement
  // encoding decodes nothing: neither is usable as a guess.
  if (enc && (enc->kind == DecoderKind::kReplacement || enc->kind == DecoderKind::kUtf16Le ||
              enc->kind == DecoderKind::kUtf16Be))
    return nullptr;
  return enc;
}

}  // namespace

std::string text_sample(std::string_view s, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(max_bytes, s.size()));
  size_t i = 0;
  auto separate = [&]() {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  while (i < s.size() && out.size() < max_bytes) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '<') {
      if (starts_with_ci(s, i, "<!--")) {
        i = skip_past_ci(s, i + 4, "-->");
      } else {
        for (std::string_view name : kRawTextElements) {
          size_t after = i + 1 + name.size();
          if (starts_with_ci(s, i + 1, name) &&
              (after >= s.size() || is_space(static_cast<unsigned char>(s[after])) ||
               s[after] == '>')) {
            std::string close = "</" + std::string(name);
            i = skip_past_ci(s, after, close);
            break;
          }
        }
        // The rest of the tag (or of the raw-text end tag).
        while (i < s.size() && s[i] != '>') ++i;
        if (i < s.size()) ++i;
      }
      separate();
    } else if (is_space(c)) {
      separate();
      ++i;
    } else {
      out.push_back(char(c));
      ++i;
    }
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  return out;
}

Detection detect(std::string_view bytes, size_t max_bytes) {
  Detection d;
  std::string sample = text_sample(bytes, max_bytes);
  bool has_high = false;
  for (char c : sample) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      has_high = true;
      break;
    }
  }
  std::string_view input = sample;
  d.text_only = true;
  if (!has_high) {
    // The non-ASCII bytes are all inside markup (attributes, scripts): show it the raw bytes.
    input = bytes.substr(0, std::min(bytes.size(), max_bytes));
    d.text_only = false;
  }
  d.sample_bytes = input.size();
  if (d.text_only) d.sample = std::move(sample);
  input = d.text_only ? std::string_view(d.sample) : input;
  std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
  if (!ud) return d;
  if (uchardet_handle_data(ud.get(), input.data(), input.size()) != 0) return d;
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  d.detector_name = name ? name : "";
  if (!d.detector_name.empty()) d.encoding = map_detector_name(d.detector_name);
  return d;
}

}  // namespace klartext::decode::internal
