// libFuzzer target for the decode stage (fuzz/decode.cmake): sniffing and every decoder on
// arbitrary bytes must stay memory-safe and yield valid UTF-8. Seeds: fuzz/seeds/decode/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decode/decode.h"
#include "decode/encodings.h"
#include "decode/internal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace klartext::decode;
  if (size == 0) return 0;
  // The first byte picks a transport label (or none) and a forced encoding for decode_as.
  auto encodings = all_encodings();
  uint8_t pick = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  DecodeOptions options;
  options.max_detect_bytes = 4096;  // keeps each run fast; the cap itself is what we test
  if (pick & 0x80) options.transport_charset = std::string(encodings[pick % encodings.size()].name);
  options.verify_labels = (pick & 0x40) == 0;
  auto r = decode_html(bytes, options);
  if (r.ok() && !internal::scan_utf8(r->utf8).valid()) std::abort();

  auto forced = decode_as(bytes, encodings[pick % encodings.size()].name);
  if (forced.ok() && !internal::scan_utf8(forced->utf8).valid()) std::abort();
  return 0;
}
