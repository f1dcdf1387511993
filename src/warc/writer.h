// WARC/1.1 writer: one gzip member or zstd frame per record (as Common Crawl and the IIPC zstd
// spec lay them out), or plain. For tests, benchmarks and corpus tooling.
// Tested in tests/warc/writer_test.cc.
#ifndef KLARTEXT_WARC_WRITER_H_
#define KLARTEXT_WARC_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"
#include "warc/http.h"
#include "warc/stream.h"

struct libdeflate_compressor;
struct ZSTD_CCtx_s;

namespace klartext::warc {

struct WriterOptions {
  Compression compression = Compression::kGzip;
  // gzip: libdeflate level 1-12; zstd: 1-19. 6 and 3 are the tools' defaults.
  int level = -1;
  // zstd only: a dictionary (raw content or trained) stored in the IIPC skippable frame at the
  // start of the file and used for every record.
  std::string zstd_dictionary;
  // Store that dictionary itself zstd-compressed (the IIPC spec allows both).
  bool compress_dictionary = false;
};

class Writer {
 public:
  // Creates (truncates) a file.
  static Result<std::unique_ptr<Writer>> open(const std::string& path, WriterOptions options = {});
  // Appends to *out, which must outlive the writer.
  static Result<std::unique_ptr<Writer>> to_string(std::string* out, WriterOptions options = {});
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Writes one record: "WARC/1.1", WARC-Type: type, the given headers in order, then
  // WARC-Record-ID and WARC-Date when the caller gave none, and Content-Length (always computed
  // from block; a given Content-Length is dropped). Returns the record's offset in the output.
  Result<uint64_t> write(std::string_view type, const std::vector<Header>& headers,
                         std::string_view block);
  // Flushes and closes a file; further writes fail.
  Status close();
  uint64_t bytes_written() const { return written_; }

 private:
  Writer() = default;
  Status init();
  Status emit(std::string_view bytes);

  WriterOptions options_;
  std::string path_;
  FILE* file_ = nullptr;
  std::string* sink_ = nullptr;
  uint64_t written_ = 0;
  std::string record_;  // reused: uncompressed record text
  std::string packed_;  // reused: compressed member
  libdeflate_compressor* deflate_ = nullptr;
  ZSTD_CCtx_s* zstd_ = nullptr;
};

// "<urn:uuid:...>", a random (version 4) UUID.
std::string make_record_id();
// The current UTC time as WARC-Date wants it: "2026-11-29T11:13:13Z".
std::string warc_date_now();
// An HTTP/1.1 response message ("HTTP/1.1 <status> <reason>", headers, blank line, body) as a
// response record's block.
std::string http_response_block(int status, std::string_view reason,
                                const std::vector<Header>& headers, std::string_view body);

}  // namespace klartext::warc

#endif  // KLARTEXT_WARC_WRITER_H_
