// WARC/1.1 writer with per-record gzip members (libdeflate) or zstd frames.
// Tested in tests/warc/writer_test.cc.
#include "warc/writer.h"

#include <libdeflate.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <random>

namespace klartext::warc {
namespace {

// IIPC WARC zstd spec: the dictionary travels in a skippable frame with this magic.
constexpr uint32_t kZstdDictFrameMagic = 0x184D2A5D;

void put_le32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(char((v >> (8 * i)) & 0xff));
}

}  // namespace

std::string make_record_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  uint64_t a = rng(), b = rng();
  a = (a & ~0xf000ull) | 0x4000ull;        // version 4
  b = (b & ~(3ull << 62)) | (2ull << 62);  // RFC 4122 variant
  char buf[64];
  std::snprintf(buf, sizeof(buf), "<urn:uuid:%08x-%04x-%04x-%04x-%012llx>", unsigned(a >> 32),
                unsigned((a >> 16) & 0xffff), unsigned(a & 0xffff), unsigned(b >> 48),
                static_cast<unsigned long long>(b & 0xffffffffffffull));
  return buf;
}

std::string warc_date_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string http_response_block(int status, std::string_view reason,
                                const std::vector<Header>& headers, std::string_view body) {
  std::string s = "HTTP/1.1 " + std::to_string(status) + " ";
  s.append(reason).append("\r\n");
  for (const Header& h : headers) s.append(h.name).append(": ").append(h.value).append("\r\n");
  s.append("\r\n").append(body);
  return s;
}

Result<std::unique_ptr<Writer>> Writer::open(const std::string& path, WriterOptions options) {
  std::unique_ptr<Writer> w(new Writer());
  w->options_ = std::move(options);
  w->path_ = path;
  w->file_ = std::fopen(path.c_str(), "wb");
  if (!w->file_) return io_error(path + ": cannot create: " + std::strerror(errno));
  KLARTEXT_RETURN_IF_ERROR(w->init());
  return w;
}

Result<std::unique_ptr<Writer>> Writer::to_string(std::string* out, WriterOptions options) {
  std::unique_ptr<Writer> w(new Writer());
  w->options_ = std::move(options);
  w->path_ = "<memory>";
  w->sink_ = out;
  KLARTEXT_RETURN_IF_ERROR(w->init());
  return w;
}

Writer::~Writer() {
  if (file_) std::fclose(file_);
  if (deflate_) libdeflate_free_compressor(deflate_);
  if (zstd_) ZSTD_freeCCtx(zstd_);
}

Status Writer::init() {
  if (options_.compression == Compression::kGzip) {
    deflate_ = libdeflate_alloc_compressor(options_.level < 0 ? 6 : options_.level);
    if (!deflate_) return invalid_argument("bad gzip level");
  } else if (options_.compression == Compression::kZstd) {
    zstd_ = ZSTD_createCCtx();
    if (!zstd_) return internal_error("zstd init failed");
    ZSTD_CCtx_setParameter(zstd_, ZSTD_c_compressionLevel, options_.level < 0 ? 3 : options_.level);
    ZSTD_CCtx_setParameter(zstd_, ZSTD_c_checksumFlag, 1);
    if (!options_.zstd_dictionary.empty()) {
      const std::string& dict = options_.zstd_dictionary;
      if (ZSTD_isError(ZSTD_CCtx_loadDictionary(zstd_, dict.data(), dict.size()))) {
        return invalid_argument("zstd dictionary rejected");
      }
      std::string stored = dict;
      if (options_.compress_dictionary) {
        stored.resize(ZSTD_compressBound(dict.size()));
        size_t n = ZSTD_compress(stored.data(), stored.size(), dict.data(), dict.size(), 19);
        if (ZSTD_isError(n)) return internal_error("zstd dictionary compression failed");
        stored.resize(n);
      }
      std::string frame;
      put_le32(frame, kZstdDictFrameMagic);
      put_le32(frame, uint32_t(stored.size()));
      frame += stored;
      KLARTEXT_RETURN_IF_ERROR(emit(frame));
    }
  }
  return Status();
}

Status Writer::emit(std::string_view bytes) {
  if (sink_) {
    sink_->append(bytes);
  } else {
    if (!file_) return io_error(path_ + ": writer is closed");
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      return io_error(path_ + ": write failed: " + std::strerror(errno));
    }
  }
  written_ += bytes.size();
  return Status();
}

Result<uint64_t> Writer::write(std::string_view type, const std::vector<Header>& headers,
                               std::string_view block) {
  std::string& r = record_;
  r.assign("WARC/1.1\r\nWARC-Type: ").append(type).append("\r\n");
  bool have_id = false, have_date = false;
  for (const Header& h : headers) {
    if (iequals(h.name, "Content-Length")) continue;
    have_id |= iequals(h.name, "WARC-Record-ID");
    have_date |= iequals(h.name, "WARC-Date");
    r.append(h.name).append(": ").append(h.value).append("\r\n");
  }
  if (!have_id) r.append("WARC-Record-ID: ").append(make_record_id()).append("\r\n");
  if (!have_date) r.append("WARC-Date: ").append(warc_date_now()).append("\r\n");
  r.append("Content-Length: ").append(std::to_string(block.size())).append("\r\n\r\n");
  r.append(block).append("\r\n\r\n");
  uint64_t offset = written_;
  if (options_.compression == Compression::kGzip) {
    packed_.resize(libdeflate_gzip_compress_bound(deflate_, r.size()));
    size_t n =
        libdeflate_gzip_compress(deflate_, r.data(), r.size(), packed_.data(), packed_.size());
    if (n == 0) return internal_error("gzip compression failed");
    KLARTEXT_RETURN_IF_ERROR(emit(std::string_view(packed_.data(), n)));
  } else if (options_.compression == Compression::kZstd) {
    packed_.resize(ZSTD_compressBound(r.size()));
    size_t n = ZSTD_compress2(zstd_, packed_.data(), packed_.size(), r.data(), r.size());
    if (ZSTD_isError(n)) return internal_error("zstd compression failed");
    KLARTEXT_RETURN_IF_ERROR(emit(std::string_view(packed_.data(), n)));
  } else {
    KLARTEXT_RETURN_IF_ERROR(emit(r));
  }
  return offset;
}

Status Writer::close() {
  if (!file_) return Status();
  int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0) return io_error(path_ + ": close failed");
  return Status();
}

}  // namespace klartext::warc
