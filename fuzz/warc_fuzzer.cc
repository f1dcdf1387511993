// libFuzzer target: Reader::from_buffer over arbitrary bytes, reading every record and decoding
// every payload. Built by fuzz/warc.cmake (KLARTEXT_FUZZ=ON); seeds in fuzz/seeds/warc/.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "warc/http.h"
#include "warc/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace klartext::warc;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  ReaderOptions options;
  // Small caps so that the fuzzer reaches the limit paths with small inputs.
  options.max_header_bytes = 4096;
  options.max_record_bytes = 1 << 20;
  options.max_payload_bytes = 1 << 20;
  options.max_decompressed_bytes = 16 << 20;
  auto reader = Reader::from_buffer(in, "fuzz", options);
  if (!reader.ok()) return 0;
  Record rec;
  // Every call makes progress, so the loop ends; the bound only guards against a regression.
  for (size_t i = 0; i < 100000; ++i) {
    auto r = (*reader)->next(rec);
    if (!r.ok()) continue;
    if (!*r) break;
    (void)rec.header("WARC-Record-ID");
    (void)rec.is_html();
    auto p = rec.payload();
    if (p.ok() && !p->empty()) (void)sniff_html(*p);
  }
  // The content decoders directly on the input, too.
  std::string scratch;
  for (std::string_view coding : {"gzip", "deflate", "br", "zstd"}) {
    (void)decode_body(in, "chunked", coding, 1 << 20, scratch);
  }
  return 0;
}
