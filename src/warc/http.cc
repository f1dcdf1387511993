// HTTP heads, de-chunking, content decoding and HTML sniffing for WARC payloads.
// Tested in tests/warc/http_test.cc.
#include "warc/http.h"

#include <brotli/decode.h>
#include <libdeflate.h>
#include <zlib.h>
#include <zstd.h>

#include <array>
#include <cstring>
#include <memory>

namespace klartext::warc {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Output grows in steps of this size while streaming decoders run: large enough that the
// per-call overhead of zlib/brotli is negligible, small enough not to overshoot caps by much.
constexpr size_t kDecodeStep = 64 * 1024;

// Content-Encoding lists longer than this are refused: real servers send one coding, rarely two.
constexpr int kMaxCodings = 3;

// Resizes out for up to `step` more bytes (never beyond max_bytes total) and returns the free
// span start; zero free bytes means the cap is reached.
size_t grow(std::string& out, size_t used, size_t max_bytes) {
  size_t room = max_bytes > used ? max_bytes - used : 0;
  size_t step = std::min(room, std::max(kDecodeStep, used / 2));
  out.resize(used + step);
  return step;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<std::string_view> find_header(const std::vector<Header>& headers,
                                            std::string_view name) {
  for (const Header& h : headers) {
    if (iequals(h.name, name)) return h.value;
  }
  return std::nullopt;
}

void HttpResponse::clear() {
  version = {};
  status = 0;
  reason = {};
  headers.clear();
  content_type = mime_type = charset = {};
  transfer_encoding = content_encoding = {};
  body = {};
  head_complete = false;
}

void split_content_type(std::string_view value, std::string_view& mime, std::string_view& charset) {
  size_t semi = value.find(';');
  mime = trim(value.substr(0, semi));
  charset = {};
  while (semi != std::string_view::npos) {
    std::string_view rest = value.substr(semi + 1);
    size_t next = rest.find(';');
    std::string_view param = trim(rest.substr(0, next));
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && iequals(trim(param.substr(0, eq)), "charset")) {
      std::string_view v = trim(param.substr(eq + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
      }
      charset = trim(v);
      return;
    }
    semi = next == std::string_view::npos ? next : semi + 1 + next;
  }
}

Status parse_http_response(std::string_view block, size_t max_head_bytes, HttpResponse& out) {
  out.clear();
  if (!istarts_with(block, "HTTP/")) return corrupt("HTTP response does not start with HTTP/");
  size_t pos = 0;
  bool first = true;
  while (true) {
    if (pos > max_head_bytes) return limit_exceeded("HTTP head longer than the cap");
    size_t nl = block.find('\n', pos);
    if (nl == std::string_view::npos) {
      // The block ends inside the head: keep what was seen, there is no body.
      out.body = {};
      return Status();
    }
    std::string_view line = block.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {
      first = false;
      size_t sp = line.find(' ');
      out.version = line.substr(0, sp);
      if (sp != std::string_view::npos) {
        std::string_view rest = line.substr(sp + 1);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.size() >= 3 && rest[0] >= '0' && rest[0] <= '9' && rest[1] >= '0' &&
            rest[1] <= '9' && rest[2] >= '0' && rest[2] <= '9' &&
            (rest.size() == 3 || rest[3] == ' ')) {
          out.status = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
          out.reason = trim(rest.substr(3));
        }
      }
      continue;
    }
    if (line.empty()) {
      if (pos > max_head_bytes) return limit_exceeded("HTTP head longer than the cap");
      out.head_complete = true;
      out.body = block.substr(pos);
      break;
    }
    // Obsolete line folding: continuation lines are dropped (no modern server sends them).
    if (is_blank(line.front())) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; browsers skip it too
    out.headers.push_back({trim(line.substr(0, colon)), trim(line.substr(colon + 1))});
  }
  for (const Header& h : out.headers) {
    if (out.content_type.empty() && iequals(h.name, "Content-Type")) {
      out.content_type = h.value;
    } else if (out.transfer_encoding.empty() && iequals(h.name, "Transfer-Encoding")) {
      out.transfer_encoding = h.value;
    } else if (out.content_encoding.empty() && iequals(h.name, "Content-Encoding")) {
      out.content_encoding = h.value;
    }
  }
  split_content_type(out.content_type, out.mime_type, out.charset);
  return Status();
}

bool dechunk(std::string_view body, size_t max_bytes, std::string& out, bool* truncated) {
  // Chunk-size lines longer than this are not chunk framing (16 hex digits plus an extension).
  constexpr size_t kMaxSizeLine = 256;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  size_t pos = 0;
  bool first = true;
  *truncated = false;
  while (true) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos || nl - pos > kMaxSizeLine) {
      if (first) return false;
      *truncated = true;
      return true;
    }
    std::string_view line = body.substr(pos, nl - pos);
    uint64_t size = 0;
    size_t i = 0;
    while (i < line.size() && hex(line[i]) >= 0 && i < 16) size = size * 16 + hex(line[i++]);
    std::string_view after = trim(line.substr(i));
    if (i == 0 || (!after.empty() && after.front() != ';')) {
      if (first) return false;
      *truncated = true;  // framing broke: keep what was decoded
      return true;
    }
    first = false;
    pos = nl + 1;
    if (size == 0) return true;
    size_t take = size_t(std::min<uint64_t>(size, body.size() - pos));
    size_t room = max_bytes > out.size() ? max_bytes - out.size() : 0;
    out.append(body.data() + pos, std::min(take, room));
    if (take < size || take > room) {
      *truncated = true;
      return true;
    }
    pos += take;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
    if (pos >= body.size()) {
      *truncated = true;  // no terminating zero-size chunk
      return true;
    }
  }
}

namespace {

// What one step of a streaming decoder says (see decode_stream).
enum class Step {
  kMore,        // call again with more room
  kDone,        // the stream ended properly
  kInputEnded,  // the input stopped inside the stream: keep what was decoded
  kError,       // invalid data: keep what was decoded, an error if that is nothing
};

// The output loop the content-coding decoders share: grow `out` within max_bytes, let `step`
// decode into the free room (it stores the bytes written in *got), and act on its verdict.
// Decoding stops at max_bytes or at the end of input with *truncated set; invalid data before
// any output is kCorrupt ("WHAT content coding: invalid data"), after some it only truncates.
template <typename StepFn>
Status decode_stream(size_t max_bytes, std::string& out, bool* truncated, const char* what,
                     StepFn&& step) {
  *truncated = false;
  size_t used = out.size();
  size_t produced = 0;
  Status status;
  while (true) {
    size_t room = grow(out, used, max_bytes);
    if (room == 0) {
      *truncated = true;
      break;
    }
    size_t got = 0;
    Step s = step(out.data() + used, room, &got);
    used += got;
    produced += got;
    if (s == Step::kMore) continue;
    if (s == Step::kDone) break;
    if (s == Step::kError && produced == 0)
      status = corrupt(std::string(what) + " content coding: invalid data");
    *truncated = true;
    break;
  }
  out.resize(used);
  return status;
}

// zlib's inflate through decode_stream: window_bits selects gzip (15+16), zlib (15) or raw
// (-15) framing; with multi_member another gzip member after the first is decoded too
// (concatenated gzip is valid HTTP gzip).
Status zlib_into(std::string_view in, int window_bits, bool multi_member, const char* what,
                 size_t max_bytes, std::string& out, bool* truncated) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return internal_error("zlib init failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(std::min<size_t>(in.size(), UINT32_MAX));
  Status status =
      decode_stream(max_bytes, out, truncated, what, [&](char* dst, size_t room, size_t* got) {
        z.next_out = reinterpret_cast<Bytef*>(dst);
        z.avail_out = uInt(std::min<size_t>(room, UINT32_MAX));
        int rc = inflate(&z, Z_NO_FLUSH);
        *got = room - z.avail_out;
        if (rc == Z_STREAM_END) {
          if (multi_member && z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
            inflateReset(&z);
            return Step::kMore;
          }
          return Step::kDone;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0))
          return Step::kInputEnded;
        if (rc != Z_OK) return Step::kError;
        return Step::kMore;
      });
  inflateEnd(&z);
  return status;
}

}  // namespace

Status gunzip_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated) {
  *truncated = false;
  // Fast path: a complete single-member stream whose trailer states the size; libdeflate
  // decodes it in one call about 2.5x faster than zlib.
  if (in.size() >= 18) {
    uint32_t isize;
    std::memcpy(&isize, in.data() + in.size() - 4, 4);  // little-endian hosts only (x86, arm)
    size_t base = out.size();
    if (isize > 0 && isize <= max_bytes - std::min(max_bytes, base) && isize <= in.size() * 1032) {
      thread_local std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> dec(
          libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
      out.resize(base + isize);
      size_t in_used = 0, out_used = 0;
      if (dec &&
          libdeflate_gzip_decompress_ex(dec.get(), in.data(), in.size(), out.data() + base, isize,
                                        &in_used, &out_used) == LIBDEFLATE_SUCCESS &&
          in_used == in.size()) {
        out.resize(base + out_used);
        return Status();
      }
      out.resize(base);
    }
  }
  return zlib_into(in, 15 + 16, true, "gzip", max_bytes, out, truncated);
}

Status inflate_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated) {
  // "deflate" means zlib-wrapped per RFC 9110, but many servers send raw deflate: try zlib
  // framing first and fall back to raw when the first bytes are not a zlib header.
  bool zlib_header = in.size() >= 2 && (uint8_t(in[0]) & 0x0f) == 8 &&
                     ((uint8_t(in[0]) << 8) | uint8_t(in[1])) % 31 == 0;
  return zlib_into(in, zlib_header ? 15 : -15, false, "deflate", max_bytes, out, truncated);
}

Status unbrotli_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated) {
  BrotliDecoderState* st = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!st) return internal_error("brotli init failed");
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  Status status =
      decode_stream(max_bytes, out, truncated, "br", [&](char* dst, size_t room, size_t* got) {
        uint8_t* next_out = reinterpret_cast<uint8_t*>(dst);
        size_t avail_out = room;
        BrotliDecoderResult rc =
            BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, nullptr);
        *got = room - avail_out;
        if (rc == BROTLI_DECODER_RESULT_SUCCESS) return Step::kDone;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) return Step::kMore;
        if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return Step::kInputEnded;
        return Step::kError;
      });
  BrotliDecoderDestroyInstance(st);
  return status;
}

Status unzstd_into(std::string_view in, size_t max_bytes, std::string& out, bool* truncated) {
  ZSTD_DCtx* d = ZSTD_createDCtx();
  if (!d) return internal_error("zstd init failed");
  // Browsers cap the zstd window at 8 MiB for HTTP (RFC 8878 section 3): larger frames are refused.
  ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, 23);
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  Status status =
      decode_stream(max_bytes, out, truncated, "zstd", [&](char* dst, size_t room, size_t* got) {
        ZSTD_outBuffer ob{dst, room, 0};
        size_t r = ZSTD_decompressStream(d, &ob, &ib);
        *got = ob.pos;
        if (ZSTD_isError(r)) return Step::kError;
        if (r == 0 && ib.pos == ib.size) return Step::kDone;
        // Input ended inside a frame.
        if (ib.pos == ib.size && ob.pos < room) return Step::kInputEnded;
        return Step::kMore;
      });
  ZSTD_freeDCtx(d);
  return status;
}

Result<std::string_view> decode_body(std::string_view body, std::string_view transfer_encoding,
                                     std::string_view content_encoding, size_t max_bytes,
                                     std::string& scratch, BodyInfo* info) {
  BodyInfo local;
  BodyInfo& bi = info ? *info : local;
  bi = BodyInfo();
  std::string_view cur = body;
  // Two buffers so each decoding step reads one and writes the other.
  thread_local std::string spare;
  bool in_scratch = false;
  if (!transfer_encoding.empty() && transfer_encoding.find("hunked") != std::string_view::npos) {
    scratch.clear();
    bool trunc = false;
    if (dechunk(cur, max_bytes, scratch, &trunc)) {
      bi.dechunked = true;
      bi.truncated |= trunc;
      cur = scratch;
      in_scratch = true;
    }
  }
  // Codings, listed in the order they were applied: undo from the last one.
  std::array<std::string_view, kMaxCodings> codings;
  int n = 0;
  std::string_view list = content_encoding;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view c = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (c.empty() || iequals(c, "identity") || iequals(c, "none")) continue;
    if (n == kMaxCodings) return unsupported("too many content codings");
    codings[n++] = c;
  }
  for (int i = n - 1; i >= 0; --i) {
    std::string_view c = codings[i];
    std::string& dst = in_scratch ? spare : scratch;
    dst.clear();
    bool trunc = false;
    Status st;
    if (iequals(c, "gzip") || iequals(c, "x-gzip")) {
      if (cur.size() < 2 || uint8_t(cur[0]) != 0x1f || uint8_t(cur[1]) != 0x8b) continue;
      st = gunzip_into(cur, max_bytes, dst, &trunc);
    } else if (iequals(c, "deflate")) {
      st = inflate_into(cur, max_bytes, dst, &trunc);
    } else if (iequals(c, "br")) {
      st = unbrotli_into(cur, max_bytes, dst, &trunc);
    } else if (iequals(c, "zstd")) {
      st = unzstd_into(cur, max_bytes, dst, &trunc);
    } else {
      return unsupported("content coding not supported");
    }
    if (!st.ok()) return st;
    bi.decoded = true;
    bi.truncated |= trunc;
    if (in_scratch) std::swap(scratch, spare);  // result now lives in scratch
    cur = scratch;
    in_scratch = true;
  }
  // The spare buffer lives as long as the thread: do not let one huge body pin its memory.
  // 8 MiB keeps typical pages (and two-coding bodies) allocation-free.
  if (spare.capacity() > (size_t(8) << 20)) std::string().swap(spare);
  if (!in_scratch && cur.size() > max_bytes) {
    bi.truncated = true;
    cur = cur.substr(0, max_bytes);
  }
  return cur;
}

namespace {

// HTML signatures from the WHATWG MIME Sniffing Standard, section 7.1 ("identifying a resource
// with an unknown MIME type"): each must be followed by a space or '>' (a tag-terminating byte).
constexpr std::string_view kHtmlSignatures[] = {
    "<!DOCTYPE HTML", "<HTML", "<HEAD",  "<SCRIPT", "<IFRAME", "<H1",   "<DIV", "<FONT",
    "<TABLE",         "<A",    "<STYLE", "<TITLE",  "<B",      "<BODY", "<BR",  "<P",
    "<!--",
};

// Types whose payload we never sniff as HTML: binary media and formats that look like markup
// (XML feeds) but are not pages. Prefixes; chosen from the WHATWG sniffing rules, which never
// upgrade these to text/html.
constexpr std::string_view kNeverHtmlPrefixes[] = {
    "image/",
    "audio/",
    "video/",
    "font/",
    "application/pdf",
    "application/zip",
    "application/json",
    "application/javascript",
    "text/javascript",
    "text/css",
    "application/rss+xml",
    "application/atom+xml",
};

}  // namespace

bool sniff_html(std::string_view p) {
  if (p.size() >= 3 && p.substr(0, 3) == "\xEF\xBB\xBF") p.remove_prefix(3);
  while (!p.empty() && (p.front() == ' ' || p.front() == '\t' || p.front() == '\n' ||
                        p.front() == '\r' || p.front() == '\f')) {
    p.remove_prefix(1);
  }
  for (std::string_view sig : kHtmlSignatures) {
    if (p.size() > sig.size() && istarts_with(p, sig)) {
      char next = p[sig.size()];
      if (next == ' ' || next == '>') return true;
    }
  }
  return false;
}

bool looks_like_html(std::string_view mime, std::string_view payload) {
  mime = trim(mime);
  if (iequals(mime, "text/html") || iequals(mime, "application/xhtml+xml")) return true;
  for (std::string_view prefix : kNeverHtmlPrefixes) {
    if (istarts_with(mime, prefix)) return false;
  }
  return sniff_html(payload);
}

}  // namespace klartext::warc
