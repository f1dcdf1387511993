// WARC/ARC record parser over the decompressed stream, with resync after damage.
// Tested in tests/warc/reader_test.cc and tests/warc/data_test.cc.
#include "warc/reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "base/file.h"

namespace klartext::warc {
namespace {

// Record types of WARC 1.1 section 6 (plus "continuation" from 1.0), by their WARC-Type value.
struct TypeName {
  std::string_view name;
  RecordType type;
};
constexpr TypeName kTypeNames[] = {
    {"response", RecordType::kResponse},     {"request", RecordType::kRequest},
    {"metadata", RecordType::kMetadata},     {"warcinfo", RecordType::kWarcinfo},
    {"resource", RecordType::kResource},     {"revisit", RecordType::kRevisit},
    {"conversion", RecordType::kConversion}, {"continuation", RecordType::kContinuation},
};

RecordType type_from_name(std::string_view name) {
  for (const TypeName& t : kTypeNames) {
    if (iequals(t.name, name)) return t.type;
  }
  return RecordType::kUnknown;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Parses a decimal length; Content-Length values above 2^60 are nonsense and refused.
bool parse_length(std::string_view s, uint64_t& out) {
  s = trim(s);
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint64_t(c - '0');
  }
  out = v;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The stream window is re-requested in steps of this size while scanning for a header end or a
// resync point: big enough for almost every WARC head in one go (they are ~300-1000 bytes).
constexpr size_t kScanStep = 16 << 10;

// Fields of an ARC header line ("URL IP date mime length"; v2 has 10 fields).
struct ArcLine {
  std::string_view url, ip, date, mime;
  uint64_t length = 0;
};

bool parse_arc_line(std::string_view line, int version, ArcLine& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string_view fields[16];
  size_t n = 0;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t sp = line.find(' ', pos);
    if (sp == std::string_view::npos) sp = line.size();
    if (sp > pos) {
      if (n == 16) return false;
      fields[n++] = line.substr(pos, sp - pos);
    }
    pos = sp + 1;
  }
  if (n < 5) return false;
  if (!parse_length(fields[n - 1], out.length)) return false;
  // v1 (5 fields; URLs with unescaped spaces happen, the last four fields are fixed) or v2
  // (10 fields). The file's version is tried first; the filedesc line itself comes before the
  // version is known, so the other layout is the fallback.
  auto try_layout = [&](int v) {
    size_t url_fields;
    if (v == 2) {
      if (n < 10) return false;
      url_fields = n - 9;
      out.ip = fields[url_fields];
      out.date = fields[url_fields + 1];
      out.mime = fields[url_fields + 2];
    } else {
      url_fields = n - 4;
      out.ip = fields[n - 4];
      out.date = fields[n - 3];
      out.mime = fields[n - 2];
    }
    std::string_view first = fields[0], last = fields[url_fields - 1];
    out.url = std::string_view(first.data(), size_t(last.data() + last.size() - first.data()));
    if (out.url.find(':') == std::string_view::npos) return false;
    if (out.date.size() < 8) return false;
    for (char c : out.date) {
      if (!is_digit(c)) return false;
    }
    return true;
  };
  return try_layout(version) || try_layout(version == 2 ? 1 : 2);
}

// Bytes looked at after a record's block to confirm the next record starts there: the
// CRLF CRLF trailer plus "WARC/1." with room for lax writers' extra line ends.
constexpr size_t kPeekBytes = 16;
// How far past a wrong Content-Length the next record is searched for: length errors seen in
// the fixtures are a few bytes (trailer counted or not) up to a few hundred (characters counted
// instead of bytes); 64 KiB covers those without rescanning whole records.
constexpr size_t kMaxLengthSlack = 64 << 10;
constexpr size_t kNotFound = size_t(-1);

// First "WARC/<digit>.<digits>" line starting in p[from, to) (reading up to p[limit]).
size_t find_warc_line(const char* p, size_t from, size_t to, size_t limit) {
  size_t i = from;
  while (i < to) {
    const void* hit = memmem(p + i, std::min(limit, to + 5) - i, "WARC/", 5);
    if (!hit) return kNotFound;
    size_t k = size_t(static_cast<const char*>(hit) - p);
    if (k >= to || k + 8 > limit) return kNotFound;
    if (k > 0 && p[k - 1] == '\n' && is_digit(p[k + 5]) && p[k + 6] == '.') {
      size_t e = k + 7;
      while (e < limit && e < k + 12 && is_digit(p[e])) ++e;
      if (e < limit && (p[e] == '\r' || p[e] == '\n')) return k;
    }
    i = k + 1;
  }
  return kNotFound;
}

// End of a block that runs up to the next record at q: without the record trailer before q.
size_t strip_trailer(const char* p, size_t begin, size_t q) {
  auto ends_with = [&](std::string_view t) {
    return q - begin >= t.size() && std::memcmp(p + q - t.size(), t.data(), t.size()) == 0;
  };
  for (std::string_view t : {"\r\n\r\n", "\n\n", "\r\n", "\n"}) {
    if (ends_with(t)) return q - t.size();
  }
  return q;
}

}  // namespace

std::string_view record_type_name(RecordType type) {
  for (const TypeName& t : kTypeNames) {
    if (t.type == type) return t.name;
  }
  return "unknown";
}

// ---------------------------------------------------------------------------------------------
// Record

void Record::clear() {
  type_ = RecordType::kUnknown;
  format_ = Format::kWarc;
  type_name_ = version_ = {};
  headers_.clear();
  target_uri_ = date_ = record_id_ = content_type_ = truncated_ = identified_payload_type_ = {};
  content_length_ = 0;
  offset_ = stream_offset_ = file_length_ = 0;
  block_ = {};
  block_incomplete_ = false;
  has_http_ = false;
  http_.clear();
  payload_done_ = false;
  payload_ = {};
  payload_status_ = Status();
  payload_info_ = BodyInfo();
  arc_head_.clear();
}

Result<std::string_view> Record::payload() {
  if (!payload_done_) {
    payload_done_ = true;
    if (has_http_) {
      Result<std::string_view> r =
          decode_body(http_.body, http_.transfer_encoding, http_.content_encoding,
                      max_payload_bytes_, payload_buf_, &payload_info_);
      if (r.ok()) {
        payload_ = *r;
      } else {
        payload_status_ = r.status();
      }
    } else {
      payload_ = block_.substr(0, max_payload_bytes_);
      payload_info_.truncated = block_.size() > max_payload_bytes_;
    }
    payload_info_.truncated |= block_incomplete_;
  }
  if (!payload_status_.ok()) return payload_status_;
  return payload_;
}

bool Record::is_html() {
  std::string_view ipt = identified_payload_type_;
  size_t semi = ipt.find(';');
  ipt = trim(ipt.substr(0, semi));
  if (iequals(ipt, "text/html") || iequals(ipt, "application/xhtml+xml")) return true;
  std::string_view mime;
  if (has_http_) {
    mime = http_.mime_type;
  } else {
    std::string_view charset;
    split_content_type(content_type_, mime, charset);
  }
  if (looks_like_html(mime, {})) return true;
  // Sniffing needs the decoded payload only when a coding hides it.
  std::string_view sample = has_http_ ? http_.body : block_;
  if (has_http_ && (!http_.content_encoding.empty() || !http_.transfer_encoding.empty())) {
    Result<std::string_view> p = payload();
    if (!p.ok()) return false;
    sample = *p;
  }
  // 512 bytes: the WHATWG sniffing algorithm's resource header size.
  return looks_like_html(mime, sample.substr(0, 512));
}

// ---------------------------------------------------------------------------------------------
// Reader

Result<std::unique_ptr<Reader>> Reader::open(const std::string& path, ReaderOptions options) {
  std::unique_ptr<Reader> r(new Reader());
  r->name_ = path;
  r->options_ = options;
  if (path == "-") {
    Result<std::string> data = base::read_file(path, size_t(options.max_unmapped_bytes));
    if (!data.ok()) return data.status();
    r->owned_ = std::move(*data);
    KLARTEXT_RETURN_IF_ERROR(r->init(r->owned_));
    return r;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno == ENOENT ? not_found(path + ": no such file")
                           : io_error(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return io_error(path + ": cannot stat");
  }
  if (!S_ISREG(st.st_mode)) {
    // Pipes and devices cannot be mapped: read them whole, within the decompressed cap.
    ::close(fd);
    Result<std::string> data = base::read_file(path, size_t(options.max_unmapped_bytes));
    if (!data.ok()) return data.status();
    r->owned_ = std::move(*data);
    KLARTEXT_RETURN_IF_ERROR(r->init(r->owned_));
    return r;
  }
  size_t size = size_t(st.st_size);
  if (size > 0) {
    void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      ::close(fd);
      return io_error(path + ": cannot map: " + std::strerror(errno));
    }
    madvise(map, size, MADV_SEQUENTIAL);
    r->map_ = map;
    r->map_size_ = size;
  }
  ::close(fd);
  KLARTEXT_RETURN_IF_ERROR(
      r->init(std::string_view(static_cast<const char*>(r->map_), r->map_size_)));
  return r;
}

Result<std::unique_ptr<Reader>> Reader::from_buffer(std::string_view data, std::string name,
                                                    ReaderOptions options) {
  std::unique_ptr<Reader> r(new Reader());
  r->name_ = std::move(name);
  r->options_ = options;
  KLARTEXT_RETURN_IF_ERROR(r->init(data));
  return r;
}

Reader::~Reader() {
  stream_.reset();
  if (map_) munmap(map_, map_size_);
}

Status Reader::init(std::string_view data) {
  input_ = data;
  // Header fields are kept as 32-bit offsets while a record is assembled.
  options_.max_header_bytes = std::min<size_t>(options_.max_header_bytes, size_t(1) << 30);
  Result<Compression> c = detect_compression(data.substr(0, 8));
  if (!c.ok()) return Status(c.status().code(), name_ + ": " + c.status().message());
  // One gzip member/zstd frame is decoded in one go up to a full record plus its head; larger
  // members (a whole file in one member) are streamed.
  uint64_t member = options_.max_record_bytes + options_.max_header_bytes + (1 << 20);
  stream_ = std::make_unique<Stream>(data, *c,
                                     Stream::Limits{std::min<uint64_t>(member, uint64_t(1) << 31),
                                                    options_.max_decompressed_bytes});
  size_t n = stream_->fill(11);
  size_t i = 0;
  while (i < n && (stream_->data()[i] == '\r' || stream_->data()[i] == '\n')) ++i;
  std::string_view head(stream_->data() + i, n - i);
  format_ = head.substr(0, std::min<size_t>(head.size(), 11)) == "filedesc://" ? Format::kArc
                                                                               : Format::kWarc;
  if (format_ == Format::kWarc && head.substr(0, std::min<size_t>(head.size(), 5)) != "WARC/") {
    // ARC fragments (split files) start with a record line rather than the filedesc record.
    n = stream_->fill(i + kScanStep);
    const char* p = stream_->data() + i;
    const void* nl = n > i ? std::memchr(p, '\n', n - i) : nullptr;
    ArcLine line;
    if (nl &&
        parse_arc_line(std::string_view(p, size_t(static_cast<const char*>(nl) - p)), 1, line)) {
      format_ = Format::kArc;
    }
  }
  return Status();
}

uint64_t Reader::file_length(uint64_t offset, uint64_t stream_end) const {
  uint64_t end = stream_->end_offset(stream_end);
  return end > offset ? end - offset : 0;
}

Status Reader::error(uint64_t stream_pos, Status s) {
  ++errors_;
  uint64_t off = stream_->compressed_offset(stream_pos);
  last_error_offset_ = off;
  std::string msg = name_ + ": offset " + std::to_string(off) + ": " + s.message();
  if (stream_->compression() != Compression::kNone) {
    msg += " (decompressed offset " + std::to_string(stream_pos) + ")";
  }
  return Status(s.code(), std::move(msg));
}

bool Reader::skip_separators() {
  // Records end with CRLF CRLF (WARC) or LF (ARC); writers vary, so any run of line ends
  // between records is accepted.
  while (true) {
    if (stream_->available() == 0 && stream_->fill(1) == 0) return false;
    const char* p = stream_->data();
    size_t n = stream_->available();
    size_t i = 0;
    while (i < n && (p[i] == '\r' || p[i] == '\n')) ++i;
    stream_->advance(i);
    if (i < n) return true;
  }
}

// A mapped file's pages stay in the process's resident set once touched, so reading a 1 GB
// archive would show 1 GB resident. The input is read front to back: drop the mapping of what
// lies well behind the read position (ReaderOptions::release_behind_bytes). The mapping is
// read-only, so a dropped page that is touched again is simply read back from the file; only
// memory accounting changes.
void Reader::release_consumed() {
  uint64_t step = options_.release_behind_bytes;
  uint64_t consumed = stream_->input_consumed();
  if (step == 0 || consumed < released_ + 2 * step) return;
  uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  uint64_t upto = (consumed - step) / page * page;
  if (upto <= released_) return;
  madvise(static_cast<char*>(map_) + released_, size_t(upto - released_), MADV_DONTNEED);
  released_ = upto;
}

Result<bool> Reader::next(Record& record) {
  record.clear();
  record.max_payload_bytes_ = options_.max_payload_bytes;
  if (pending_advance_) {
    stream_->advance(pending_advance_);
    pending_advance_ = 0;
  }
  if (map_) release_consumed();
  if (!pending_error_.ok()) {
    Status e = std::move(pending_error_);
    pending_error_ = Status();
    return e;
  }
  if (!skip_separators()) {
    if (stream_->broken()) {
      Status s = stream_->break_status();
      uint64_t off = stream_->break_offset();
      stream_->resume();
      ++errors_;
      last_error_offset_ = off;
      return Status(s.code(), name_ + ": offset " + std::to_string(off) + ": " + s.message());
    }
    return false;
  }
  return format_ == Format::kArc ? next_arc(record) : next_warc(record);
}

void Reader::resync_warc() {
  // Step past the bad spot, then look for "WARC/<digit>" at a line start or member start.
  stream_->advance(1);
  char prev = 0;
  while (true) {
    size_t n = stream_->fill(kScanStep);
    if (n == 0) return;
    const char* p = stream_->data();
    size_t i = 0;
    while (i < n) {
      const void* hit = std::memchr(p + i, 'W', n - i);
      if (!hit) {
        i = n;
        break;
      }
      i = size_t(static_cast<const char*>(hit) - p);
      if (i + 6 > n && !stream_->exhausted()) break;  // need more bytes to decide
      bool line_start = i == 0 ? prev == '\n' : p[i - 1] == '\n';
      if (i + 6 <= n && std::memcmp(p + i, "WARC/", 5) == 0 && is_digit(p[i + 5]) &&
          (line_start || stream_->is_member_start(stream_->position() + i))) {
        stream_->advance(i);
        return;
      }
      ++i;
    }
    if (i == 0) {
      if (stream_->exhausted()) {
        stream_->advance(n);
        return;
      }
      continue;  // the window was too short to decide; fill() grows it
    }
    prev = p[i - 1];
    stream_->advance(i);
    if (stream_->exhausted() && stream_->available() == 0) return;
  }
}

Result<bool> Reader::next_warc(Record& record) {
  uint64_t start = stream_->position();
  size_t avail = stream_->fill(6);
  const char* p = stream_->data();
  if (avail < 6 || std::memcmp(p, "WARC/", 5) != 0 || !is_digit(p[5])) {
    Status e = error(start, corrupt("no WARC record starts here"));
    resync_warc();
    return e;
  }
  // Find the blank line ending the head (CRLF CRLF, or LF LF from lax writers).
  size_t head_len = 0;
  size_t from = 0;
  size_t want = std::min(kScanStep, options_.max_header_bytes + 4);
  while (true) {
    avail = stream_->fill(want);
    p = stream_->data();
    size_t limit = std::min(avail, options_.max_header_bytes + 4);
    while (from < limit) {
      const void* hit = std::memchr(p + from, '\n', limit - from);
      if (!hit) {
        from = limit;
        break;
      }
      size_t i = size_t(static_cast<const char*>(hit) - p);
      if (i + 1 < limit && p[i + 1] == '\n') {
        head_len = i + 2;
        break;
      }
      if (i + 2 < limit && p[i + 1] == '\r' && p[i + 2] == '\n') {
        head_len = i + 3;
        break;
      }
      if (i + 2 >= limit && limit == avail && !stream_->exhausted()) {
        from = i;  // decide once more bytes are in
        break;
      }
      from = i + 1;
    }
    if (head_len) break;
    if (avail >= options_.max_header_bytes + 4) {
      Status e = error(start, limit_exceeded("WARC head longer than the cap"));
      resync_warc();
      return e;
    }
    if (stream_->exhausted()) {
      Status e = error(start, corrupt("input ends inside a WARC head"));
      stream_->advance(avail);
      return e;
    }
    want = std::min(std::max(want * 2, avail + 1), options_.max_header_bytes + 4);
  }
  // Header lines as offsets: the window may move when the block is filled in below.
  spans_.clear();
  size_t line_start = 0;
  size_t version_end = 0;
  bool first = true;
  uint64_t content_length = 0;
  bool have_length = false;
  while (line_start < head_len) {
    size_t nl = size_t(
        static_cast<const char*>(std::memchr(p + line_start, '\n', head_len - line_start)) - p);
    std::string_view line(p + line_start, nl - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      first = false;
      version_end = line_start + trim(line).size();
    } else if (!line.empty() && line.front() != ' ' && line.front() != '\t') {
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string_view name = trim(line.substr(0, colon));
        std::string_view value = trim(line.substr(colon + 1));
        spans_.push_back({uint32_t(name.data() - p), uint32_t(name.size()),
                          uint32_t(value.data() - p), uint32_t(value.size())});
        if (!have_length && iequals(name, "Content-Length")) {
          have_length = parse_length(value, content_length);
          if (!have_length) break;
        }
      }
    }
    line_start = nl + 1;
  }
  if (!have_length) {
    Status e = error(start, corrupt("WARC record without a valid Content-Length"));
    resync_warc();
    return e;
  }
  if (content_length > options_.max_record_bytes) {
    Status e = error(start, limit_exceeded("WARC record of " + std::to_string(content_length) +
                                           " bytes is above the record cap; skipped"));
    uint64_t left = head_len + content_length;
    while (left > 0) {
      size_t n = stream_->fill(size_t(std::min<uint64_t>(left, 1 << 20)));
      if (n == 0) break;
      size_t step = size_t(std::min<uint64_t>(left, n));
      stream_->advance(step);
      left -= step;
    }
    return e;
  }
  size_t total = head_len + size_t(content_length);
  avail = stream_->fill(total);
  p = stream_->data();
  // Check that the next record starts where Content-Length says. Writers get it wrong (hand-
  // edited files count characters, some count the trailer): when the declared length is off
  // and a "WARC/" line nearby explains it, the block is cut or extended to that line and the
  // mismatch is reported by the following call.
  size_t block_end = std::min(avail, total);
  size_t next_pos = block_end;
  size_t record_end = block_end;  // past the trailer, for file_length()
  if (avail >= total) {
    avail = stream_->fill(total + kPeekBytes);
    p = stream_->data();
    size_t i = total;
    while (i < avail && i < total + kPeekBytes && (p[i] == '\r' || p[i] == '\n')) ++i;
    record_end = i;
    bool at_end = i == avail && stream_->exhausted();
    bool next_ok = at_end || i == total + kPeekBytes ||
                   (i + 6 <= avail && std::memcmp(p + i, "WARC/", 5) == 0 && is_digit(p[i + 5]));
    // A proper trailer right at the declared end vouches for Content-Length: whatever follows
    // it is junk between records, reported and skipped by the next call.
    std::string_view tail(p + total, avail - total);
    bool trailer_ok = tail.substr(0, 4) == "\r\n\r\n" || tail.substr(0, 2) == "\n\n";
    if (!next_ok && !trailer_ok) {
      size_t q = find_warc_line(p, head_len, total, avail);
      if (q == kNotFound) {
        avail = stream_->fill(total + kMaxLengthSlack);
        p = stream_->data();
        q = find_warc_line(p, total, avail, avail);
      }
      if (q != kNotFound) {
        next_pos = q;
        record_end = q;
        block_end = strip_trailer(p, head_len, q);
        ++errors_;
        uint64_t at = start + total;
        last_error_offset_ = stream_->compressed_offset(at);
        pending_error_ = Status(
            StatusCode::kCorrupt,
            name_ + ": offset " + std::to_string(stream_->compressed_offset(start)) +
                ": Content-Length " + std::to_string(content_length) +
                " disagrees with the next record, found " +
                std::to_string(int64_t(q) - int64_t(total)) + " bytes from where it says; block " +
                "taken as " + std::to_string(block_end - head_len) + " bytes");
      }
    }
  }

  record.format_ = Format::kWarc;
  record.version_ = std::string_view(p, version_end);
  record.headers_.reserve(spans_.size());
  for (const Span& s : spans_) {
    record.headers_.push_back({std::string_view(p + s.name_off, s.name_len),
                               std::string_view(p + s.value_off, s.value_len)});
  }
  for (const Header& h : record.headers_) {
    std::string_view n = h.name;
    // Only names starting "WARC-" or "Content-" matter here; skip the rest cheaply.
    if (n.size() < 8) continue;
    if (iequals(n, "WARC-Type")) {
      if (record.type_name_.empty()) record.type_name_ = h.value;
    } else if (iequals(n, "WARC-Target-URI")) {
      std::string_view v = h.value;
      if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = trim(v.substr(1, v.size() - 2));
      if (record.target_uri_.empty()) record.target_uri_ = v;
    } else if (iequals(n, "WARC-Date")) {
      if (record.date_.empty()) record.date_ = h.value;
    } else if (iequals(n, "WARC-Record-ID")) {
      if (record.record_id_.empty()) record.record_id_ = h.value;
    } else if (iequals(n, "Content-Type")) {
      if (record.content_type_.empty()) record.content_type_ = h.value;
    } else if (iequals(n, "WARC-Truncated")) {
      if (record.truncated_.empty()) record.truncated_ = h.value;
    } else if (iequals(n, "WARC-Identified-Payload-Type")) {
      if (record.identified_payload_type_.empty()) record.identified_payload_type_ = h.value;
    }
  }
  record.type_ = type_from_name(record.type_name_);
  record.content_length_ = content_length;
  record.offset_ = stream_->compressed_offset(start);
  record.stream_offset_ = start;
  record.file_length_ = file_length(record.offset_, start + record_end);
  record.block_ = std::string_view(p + head_len, block_end - head_len);
  record.block_incomplete_ = avail < total && next_pos == block_end;
  pending_advance_ = next_pos;
  if (record.block_incomplete_ && !stream_->broken()) {
    // Plain input simply ends; compressed input that breaks reports the break instead.
    ++errors_;
    last_error_offset_ = record.offset_;
    pending_error_ =
        Status(StatusCode::kCorrupt, name_ + ": offset " + std::to_string(record.offset_) +
                                         ": input ends inside the record (" +
                                         std::to_string(record.block_.size()) + " of " +
                                         std::to_string(content_length) + " block bytes)");
  }
  finish_http(record);
  ++records_;
  return true;
}

void Reader::finish_http(Record& record) {
  if (!options_.parse_http) return;
  if (record.type_ != RecordType::kResponse && record.type_ != RecordType::kRevisit) return;
  std::string_view b = record.block_;
  if (b.size() < 5 || std::memcmp(b.data(), "HTTP/", 5) != 0) return;
  record.has_http_ = parse_http_response(b, options_.max_header_bytes, record.http_).ok();
  if (!record.has_http_) record.http_.clear();
}

void Reader::resync_arc() {
  // Skip the current line, then stop at the first line that parses as an ARC header.
  while (true) {
    // Past the current line.
    while (true) {
      size_t n = stream_->fill(kScanStep);
      if (n == 0) return;
      const void* nl = std::memchr(stream_->data(), '\n', n);
      if (nl) {
        stream_->advance(size_t(static_cast<const char*>(nl) - stream_->data()) + 1);
        break;
      }
      stream_->advance(n);
    }
    size_t n = stream_->fill(std::min(kScanStep, options_.max_header_bytes));
    if (n == 0) return;
    const char* p = stream_->data();
    const void* nl = std::memchr(p, '\n', std::min(n, options_.max_header_bytes));
    if (!nl) continue;
    ArcLine line;
    if (parse_arc_line(std::string_view(p, size_t(static_cast<const char*>(nl) - p)), arc_version_,
                       line)) {
      return;
    }
  }
}

Result<bool> Reader::next_arc(Record& record) {
  uint64_t start = stream_->position();
  size_t want = std::min(kScanStep, options_.max_header_bytes);
  size_t line_len = 0;
  while (true) {
    size_t avail = stream_->fill(want);
    size_t limit = std::min(avail, options_.max_header_bytes);
    const void* nl = std::memchr(stream_->data(), '\n', limit);
    if (nl) {
      line_len = size_t(static_cast<const char*>(nl) - stream_->data());
      break;
    }
    if (avail >= options_.max_header_bytes) {
      Status e = error(start, limit_exceeded("ARC header line longer than the cap"));
      resync_arc();
      return e;
    }
    if (stream_->exhausted()) {
      Status e = error(start, corrupt("input ends inside an ARC header line"));
      stream_->advance(avail);
      return e;
    }
    want = std::min(want * 2, options_.max_header_bytes);
  }
  ArcLine arc;
  if (!parse_arc_line(std::string_view(stream_->data(), line_len), arc_version_, arc)) {
    Status e = error(start, corrupt("invalid ARC header line"));
    resync_arc();
    return e;
  }
  if (arc.length > options_.max_record_bytes) {
    Status e = error(start, limit_exceeded("ARC record above the record cap; skipped"));
    uint64_t left = line_len + 1 + arc.length;
    while (left > 0) {
      size_t n = stream_->fill(size_t(std::min<uint64_t>(left, 1 << 20)));
      if (n == 0) break;
      size_t step = size_t(std::min<uint64_t>(left, n));
      stream_->advance(step);
      left -= step;
    }
    return e;
  }
  size_t head_len = line_len + 1;
  size_t total = head_len + size_t(arc.length);
  size_t avail = stream_->fill(total);
  const char* p = stream_->data();
  std::string_view line(p, line_len);
  if (!parse_arc_line(line, arc_version_, arc)) return internal_error("ARC line changed");
  std::string_view block(p + head_len, std::min(avail, total) - head_len);

  bool filedesc = arc.url.substr(0, 9) == "filedesc:";
  std::string_view type = "resource";
  if (filedesc) {
    type = "warcinfo";
    // The filedesc block starts "<major> <minor> <origin>": the major is the ARC version.
    if (!block.empty() && (block[0] == '1' || block[0] == '2')) arc_version_ = block[0] - '0';
  } else if (block.size() >= 5 && std::memcmp(block.data(), "HTTP/", 5) == 0) {
    type = "response";
  }
  // WARC-style headers, so callers treat both formats alike. Built first, viewed after: the
  // string must not grow once views into it exist.
  std::string& h = record.arc_head_;
  h.clear();
  std::string date;
  if (arc.date.size() >= 14) {
    date.assign(arc.date.substr(0, 4)).append("-").append(arc.date.substr(4, 2)).append("-");
    date.append(arc.date.substr(6, 2)).append("T").append(arc.date.substr(8, 2)).append(":");
    date.append(arc.date.substr(10, 2)).append(":").append(arc.date.substr(12, 2)).append("Z");
  } else {
    date.assign(arc.date);
  }
  struct Field {
    std::string_view name, value;
  };
  std::string length = std::to_string(arc.length);
  const Field fields[] = {{"WARC-Type", type},        {"WARC-Target-URI", arc.url},
                          {"WARC-Date", date},        {"WARC-IP-Address", arc.ip},
                          {"Content-Type", arc.mime}, {"Content-Length", length}};
  size_t offs[6][2];
  int k = 0;
  for (const Field& f : fields) {
    offs[k][0] = h.size();
    h.append(f.name).append(": ");
    offs[k][1] = h.size();
    h.append(f.value).append("\r\n");
    ++k;
  }
  k = 0;
  for (const Field& f : fields) {
    record.headers_.push_back({std::string_view(h.data() + offs[k][0], f.name.size()),
                               std::string_view(h.data() + offs[k][1], f.value.size())});
    ++k;
  }
  record.format_ = Format::kArc;
  record.version_ = arc_version_ == 2 ? "ARC/2" : "ARC/1";
  record.type_name_ = record.headers_[0].value;
  record.type_ = type_from_name(record.type_name_);
  record.target_uri_ = record.headers_[1].value;
  record.date_ = record.headers_[2].value;
  record.content_type_ = record.headers_[4].value;
  record.content_length_ = arc.length;
  record.offset_ = stream_->compressed_offset(start);
  record.stream_offset_ = start;
  {
    size_t end = std::min(avail, total);
    if (end < avail && p[end] == '\n') ++end;  // the LF closing an ARC record
    record.file_length_ = file_length(record.offset_, start + end);
  }
  record.block_ = block;
  record.block_incomplete_ = avail < total;
  pending_advance_ = std::min(avail, total);
  if (record.block_incomplete_ && !stream_->broken()) {
    ++errors_;
    last_error_offset_ = record.offset_;
    pending_error_ =
        Status(StatusCode::kCorrupt, name_ + ": offset " + std::to_string(record.offset_) +
                                         ": input ends inside the ARC record (" +
                                         std::to_string(block.size()) + " of " +
                                         std::to_string(arc.length) + " bytes)");
  }
  finish_http(record);
  ++records_;
  return true;
}

}  // namespace klartext::warc
