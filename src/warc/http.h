// HTTP messages inside WARC/ARC records: status line and headers, de-chunking, content decoding
// (gzip, deflate, br, zstd) with a size cap, and HTML sniffing. Tested in tests/warc/http_test.cc.
#ifndef KLARTEXT_WARC_HTTP_H_
#define KLARTEXT_WARC_HTTP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"

namespace klartext::warc {

// One "Name: value" line; views into the record's bytes, trimmed of surrounding blanks.
struct Header {
  std::string_view name;
  std::string_view value;
};

// ASCII case-insensitive equality, as header names and tokens need.
bool iequals(std::string_view a, std::string_view b);

// First header named `name` (case-insensitive), or nullopt.
std::optional<std::string_view> find_header(const std::vector<Header>& headers,
                                            std::string_view name);

// A parsed HTTP response head. All views point into the block it was parsed from.
struct HttpResponse {
  std::string_view version;  // "HTTP/1.1"
  int status = 0;            // 0 when the status line has no 3-digit code
  std::string_view reason;
  std::vector<Header> headers;
  std::string_view content_type;  // the whole Content-Type value, may be empty
  std::string_view mime_type;     // its type/subtype, trimmed, original case
  std::string_view charset;       // its charset parameter, unquoted; empty if none
  std::string_view transfer_encoding;
  std::string_view content_encoding;
  std::string_view body;       // raw bytes after the blank line, still coded
  bool head_complete = false;  // false when the block ended inside the headers

  void clear();
};

// Parses the head of an HTTP response ("HTTP/x.y NNN reason" + headers) at the start of block.
// Accepts CRLF or bare LF line ends (ClueWeb, wget). Refuses heads longer than max_head_bytes.
// On success `out.body` is the rest of the block. A block that ends inside the head yields
// head_complete=false with the headers seen so far and an empty body (not an error).
Status parse_http_response(std::string_view block, size_t max_head_bytes, HttpResponse& out);

// Splits Content-Type into its mime type and charset parameter (both views into value).
void split_content_type(std::string_view value, std::string_view& mime, std::string_view& charset);

// What decode_body did, for callers that care (e.g. to log or to prefer another record).
struct BodyInfo {
  bool dechunked = false;  // Transfer-Encoding: chunked was undone
  bool decoded = false;    // a Content-Encoding was undone
  bool truncated = false;  // the coded data ended early, or the cap cut the output
};

// Undoes Transfer-Encoding: chunked and Content-Encoding (gzip, x-gzip, deflate, br, zstd; a list
// of up to kMaxCodings applied in reverse order) of `body`, writing into `scratch` when a coding
// must be undone and returning a view of either `body` (nothing to undo) or `scratch`.
// Tolerant like browsers: a body announced as chunked that does not start with a chunk-size line
// is taken as is; a gzip body without the gzip magic is taken as already decoded (ClueWeb09
// keeps the header but stores decoded bytes); truncated data yields what could be decoded.
// An unknown coding or undecodable data is an error (the caller may fall back to `body`).
// Output beyond max_bytes is cut and reported as truncated.
Result<std::string_view> decode_body(std::string_view body, std::string_view transfer_encoding,
                                     std::string_view content_encoding, size_t max_bytes,
                                     std::string& scratch, BodyInfo* info = nullptr);

// Undoes chunked transfer coding into out (appending, capped at max_bytes). Returns false when
// body does not start like chunked data. Sets *truncated when the chunks end early or the cap cut.
bool dechunk(std::string_view body, size_t max_bytes, std::string& out, bool* truncated);

// Decompresses a gzip stream (all members), a zlib or raw deflate stream, or a brotli stream into
// out (appending, capped at max_bytes). Sets *truncated when the input ended early or the cap cut;
// returns an error only when nothing sensible could be decoded. (zstd: RFC 8878 content coding.)
Status gunzip_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated);
Status inflate_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated);
Status unbrotli_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated);
Status unzstd_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated);

// True when the content type says HTML (text/html, application/xhtml+xml) or, for types that
// are not known to be something else, when the payload starts like HTML per the WHATWG MIME
// Sniffing standard's "HTML" patterns (after a BOM and whitespace).
bool looks_like_html(std::string_view mime_type, std::string_view payload);

// The payload starts like HTML (the sniffing half of looks_like_html).
bool sniff_html(std::string_view payload);

}  // namespace klartext::warc

#endif  // KLARTEXT_WARC_HTTP_H_
