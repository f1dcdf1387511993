// Streaming reader of web archives: WARC 1.0/1.1/0.18 and ARC v1/v2, plain, gzip (one member per
// record or per file) or zstd (.warc.zst, with the IIPC dictionary frame). Tested in
// tests/warc/reader_test.cc and tests/warc/data_test.cc.
//
// Contract for callers (the corpus job):
//   auto reader = klartext::warc::Reader::open(path);     // or Reader::from_buffer(bytes)
//   klartext::warc::Record rec;
//   while (true) {
//     auto r = (*reader)->next(rec);
//     if (!r.ok()) { log(r.status()); continue; }         // one bad spot; the reader resynced
//     if (!*r) break;                                     // end of input
//     if (rec.type() != RecordType::kResponse) continue; // request, metadata, revisit, ...
//     auto payload = rec.payload();                       // de-chunked, decompressed, capped
//     if (payload.ok() && rec.is_html()) use(*payload, rec.http().charset, rec.target_uri());
//   }
// - next() returns true with a record, false at the end, or an error Status whose message
//   starts "<file>: offset <N>: " (N = the compressed offset of the gzip member / zstd frame, as a
//   CDX index stores it). After an error the reader has already skipped to the next plausible
//   record (next "WARC/" line / ARC header line / gzip member / zstd frame), so calling next()
//   again continues; every error makes progress, so the loop always ends.
// - All string_views in a Record (headers, block, HTTP head, payload) point into the reader's
//   window or the record's own storage: they stay valid until the reader's next call of next()
//   (with any record) or its destruction. Copy what must outlive that. Record is neither
//   copyable nor movable for that reason.
// - offset() + file_length() are what a CDX index stores (member/frame offset and span).
// - A record whose file ends (or whose gzip member breaks) before Content-Length bytes is still
//   returned, with block_incomplete() true; the problem is reported by the following call.
// - A wrong Content-Length (the next "WARC/" line is found before or up to 64 KiB after the
//   declared end, and no CRLF CRLF trailer sits at that end) is corrected: the block is cut or
//   extended to that line, and the following call reports the mismatch.
// - revisit records carry only an HTTP head (payload() is empty): skip them, as their type says.
// - Limits: a WARC head above max_header_bytes, or a Content-Length above max_record_bytes, is
//   an error (the record is skipped); decoded payloads are cut at max_payload_bytes
//   (payload_info().truncated); the whole input decompresses to at most max_decompressed_bytes.
// - Refused with kUnsupported at open: LZ4 and bzip2 files.
// - Not done: segmented records (WARC-Type: continuation) are returned as they are, not joined;
//   digests are not verified; pipes are read whole into memory (files are memory-mapped).
// A Reader is single-threaded; use one per file and thread.
#ifndef KLARTEXT_WARC_READER_H_
#define KLARTEXT_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"
#include "warc/http.h"
#include "warc/stream.h"

namespace klartext::warc {

enum class RecordType : uint8_t {
  kUnknown,  // a WARC-Type we do not know (kept: type_name() has it)
  kWarcinfo,
  kResponse,
  kResource,
  kRequest,
  kMetadata,
  kRevisit,
  kConversion,
  kContinuation,
};

std::string_view record_type_name(RecordType type);

enum class Format : uint8_t { kWarc, kArc };

struct ReaderOptions {
  // WARC and HTTP heads are a few hundred bytes; 64 KiB leaves room for long cookies and URLs
  // while stopping a missing blank line from pulling a whole file into the header parser.
  size_t max_header_bytes = 64 << 10;
  // Common Crawl truncates payloads at 1 MiB, wget and browsers' archives do not: 256 MiB keeps
  // ordinary videos and PDFs readable while bounding the memory a single record can take.
  uint64_t max_record_bytes = uint64_t(256) << 20;
  // Decoded HTTP payloads (after gzip/br) are cut here: text pipelines never need more than a
  // few MiB per page, and this stops decompression bombs (a 1 MiB br body can expand 1000x).
  size_t max_payload_bytes = 64 << 20;
  // Whole-input cap on decompressed bytes: Common Crawl files are 4-5 GB uncompressed, 1 TiB is
  // far above any real archive and stops an endless stream.
  uint64_t max_decompressed_bytes = uint64_t(1) << 40;
  // Standard input and pipes cannot be mapped and are read into memory whole, up to this:
  // a Common Crawl WARC is about 1 GB compressed, so 4 GiB takes any real file.
  uint64_t max_unmapped_bytes = uint64_t(4) << 30;
  // Parse the HTTP head of response and revisit records in next() (cheap; bodies are decoded
  // only when payload() is called).
  bool parse_http = true;
  // Mapped input this far behind the read position is dropped from the mapping (rounded to
  // pages, checked once per this much progress), so resident memory stays flat however large
  // the file; 0 keeps everything mapped. 64 MiB: far more than a record's head or a gzip member
  // of Common Crawl's 1 MiB-capped records, and rare enough that the madvise calls cost nothing.
  uint64_t release_behind_bytes = uint64_t(64) << 20;
};

class Reader;

// One archive record. Filled by Reader::next(); views valid until the next call with it.
class Record {
 public:
  Record() = default;
  Record(const Record&) = delete;
  Record& operator=(const Record&) = delete;

  RecordType type() const { return type_; }
  std::string_view type_name() const { return type_name_; }  // raw WARC-Type value
  Format format() const { return format_; }
  // "WARC/1.1", "WARC/1.0", "WARC/0.18"; "ARC/1" or "ARC/2" for ARC records.
  std::string_view version() const { return version_; }
  // All header lines in file order. ARC records get WARC-style headers derived from the ARC
  // header line (WARC-Type, WARC-Target-URI, WARC-Date, WARC-IP-Address, Content-Type,
  // Content-Length).
  const std::vector<Header>& headers() const { return headers_; }
  // First header with this name, compared case-insensitively.
  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers_, name);
  }
  // WARC-Target-URI without the <...> some writers (wget, WARC 1.0 grammar) put around it.
  std::string_view target_uri() const { return target_uri_; }
  std::string_view date() const { return date_; }
  std::string_view record_id() const { return record_id_; }
  std::string_view content_type() const { return content_type_; }  // of the block
  uint64_t content_length() const { return content_length_; }      // as declared
  // WARC-Truncated value ("length", "time", ...): the crawler cut the payload. Empty if none.
  std::string_view truncated() const { return truncated_; }
  std::string_view identified_payload_type() const { return identified_payload_type_; }

  // Where the record starts in the file: the compressed offset of its gzip member / zstd frame
  // (what a CDX index stores), or the byte offset in plain files.
  uint64_t offset() const { return offset_; }
  // How many file bytes from offset() hold the record: its gzip members / zstd frames (what a
  // CDX index stores as the length), or its bytes and trailer in plain files. When several
  // records share one member this runs to the end of that member; 0 when not yet known (a
  // member still being streamed).
  uint64_t file_length() const { return file_length_; }
  // Where the record starts in the decompressed stream.
  uint64_t stream_offset() const { return stream_offset_; }

  // The record block (Content-Length bytes after the header), raw.
  std::string_view block() const { return block_; }
  // The file ended, or its compression broke, before Content-Length bytes.
  bool block_incomplete() const { return block_incomplete_; }

  // HTTP head of response/revisit records (and ARC records holding an HTTP response), when
  // ReaderOptions::parse_http is on and the block starts with "HTTP/".
  bool has_http() const { return has_http_; }
  const HttpResponse& http() const { return http_; }
  int http_status() const { return has_http_ ? http_.status : 0; }

  // The payload: for HTTP records the body with chunking and content coding undone (capped at
  // ReaderOptions::max_payload_bytes; payload_info() says what was done); for other records the
  // block. Computed on first call, cached until the next record.
  Result<std::string_view> payload();
  const BodyInfo& payload_info() const { return payload_info_; }

  // The payload is (probably) HTML: the HTTP Content-Type or WARC-Identified-Payload-Type says
  // so, or the payload starts like HTML. Decodes the payload if needed.
  bool is_html();

 private:
  friend class Reader;
  void clear();

  RecordType type_ = RecordType::kUnknown;
  Format format_ = Format::kWarc;
  std::string_view type_name_, version_;
  std::vector<Header> headers_;
  std::string_view target_uri_, date_, record_id_, content_type_, truncated_,
      identified_payload_type_;
  uint64_t content_length_ = 0;
  uint64_t offset_ = 0, stream_offset_ = 0, file_length_ = 0;
  std::string_view block_;
  bool block_incomplete_ = false;
  bool has_http_ = false;
  HttpResponse http_;
  size_t max_payload_bytes_ = 0;
  bool payload_done_ = false;
  std::string_view payload_;
  Status payload_status_;
  BodyInfo payload_info_;
  std::string payload_buf_;
  std::string arc_head_;  // WARC-style header text synthesized for ARC records
};

class Reader {
 public:
  // Opens a file: regular files are memory-mapped (nothing is copied; the kernel reads ahead);
  // "-" (standard input) and pipes are read into memory whole, up to max_unmapped_bytes.
  static Result<std::unique_ptr<Reader>> open(const std::string& path, ReaderOptions options = {});
  // Reads from bytes that the caller keeps alive for the reader's lifetime.
  static Result<std::unique_ptr<Reader>> from_buffer(std::string_view data,
                                                     std::string name = "<memory>",
                                                     ReaderOptions options = {});
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Next record: true (record filled), false (end of input), or an error (see the file comment).
  Result<bool> next(Record& record);

  Compression compression() const { return stream_->compression(); }
  Format format() const { return format_; }
  const std::string& name() const { return name_; }
  // Offset (as in the error message) of the last error returned, and how many there were.
  uint64_t last_error_offset() const { return last_error_offset_; }
  uint64_t error_count() const { return errors_; }
  uint64_t record_count() const { return records_; }
  // Size of the input, and how much of it has been consumed (compressed bytes; for progress
  // reporting and throughput figures).
  uint64_t input_size() const { return input_.size(); }
  uint64_t input_consumed() const { return stream_->input_consumed(); }

 private:
  Reader() = default;
  Status init(std::string_view data);
  Status error(uint64_t stream_pos, Status s);
  uint64_t file_length(uint64_t offset, uint64_t stream_end) const;
  bool skip_separators();
  Result<bool> next_warc(Record& record);
  Result<bool> next_arc(Record& record);
  void resync_warc();
  void resync_arc();
  void finish_http(Record& record);
  void release_consumed();  // drops the mapping of input far behind the read position

  std::string name_;
  ReaderOptions options_;
  std::string_view input_;
  std::string owned_;  // stdin contents
  void* map_ = nullptr;
  size_t map_size_ = 0;
  uint64_t released_ = 0;  // mapped bytes [0, released_) already dropped (release_consumed)
  std::unique_ptr<Stream> stream_;
  Format format_ = Format::kWarc;
  int arc_version_ = 1;
  size_t pending_advance_ = 0;  // bytes of the last record still to step over
  Status pending_error_;        // reported by the next call (a record came first)
  uint64_t last_error_offset_ = 0;
  uint64_t errors_ = 0;
  uint64_t records_ = 0;
  struct Span {
    uint32_t name_off, name_len, value_off, value_len;
  };
  std::vector<Span> spans_;
};

}  // namespace klartext::warc

#endif  // KLARTEXT_WARC_READER_H_
