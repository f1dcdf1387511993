// MinHash signature file writer and reader. Tested in tests/dedup/signature_file_test.cc.
#include "dedup/signature_file.h"

#include <xxhash.h>

#include <cstring>

#include "base/file.h"

namespace klartext::dedup {
namespace {

constexpr char kMagic[8] = {'K', 'T', 'M', 'H', 'S', 'I', 'G', '1'};
constexpr char kEndMagic[8] = {'K', 'T', 'M', 'H', 'E', 'N', 'D', '1'};
constexpr size_t kHeaderBytes = 32;
constexpr size_t kFooterBytes = 24;

void put_le(unsigned char* p, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
uint64_t get_le(const unsigned char* p, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

Result<std::unique_ptr<SignatureWriter>> SignatureWriter::open(const std::string& path,
                                                               const MinHashConfig& config) {
  std::unique_ptr<SignatureWriter> w(new SignatureWriter());
  w->file_ = std::fopen(path.c_str(), "wb");
  if (w->file_ == nullptr) return io_error("cannot create " + path);
  w->path_ = path;
  w->width_ = static_cast<size_t>(config.num_hashes());
  XXH3_state_t* st = XXH3_createState();
  if (st == nullptr) return internal_error("XXH3_createState failed");
  XXH3_64bits_reset(st);
  w->hash_state_ = st;
  unsigned char h[kHeaderBytes];
  std::memcpy(h, kMagic, 8);
  put_le(h + 8, 1, 4);
  put_le(h + 12, static_cast<uint64_t>(config.num_buckets), 4);
  put_le(h + 16, static_cast<uint64_t>(config.hashes_per_bucket), 4);
  put_le(h + 20, static_cast<uint64_t>(config.n_grams), 4);
  put_le(h + 24, config.seed, 8);
  KLARTEXT_RETURN_IF_ERROR(w->put(h, sizeof h));
  return w;
}

SignatureWriter::~SignatureWriter() {
  if (file_ != nullptr) std::fclose(file_);
  if (hash_state_ != nullptr) XXH3_freeState(static_cast<XXH3_state_t*>(hash_state_));
}

Status SignatureWriter::put(const void* data, size_t n) {
  if (!ok_ || file_ == nullptr) return io_error("signature file " + path_ + " is not open");
  XXH3_64bits_update(static_cast<XXH3_state_t*>(hash_state_), data, n);
  if (std::fwrite(data, 1, n, file_) != n) {
    ok_ = false;
    return io_error("write failed: " + path_);
  }
  return {};
}

Status SignatureWriter::write(uint64_t doc_id, const uint64_t* signature) {
  unsigned char buf[8 * 64];
  put_le(buf, doc_id, 8);
  KLARTEXT_RETURN_IF_ERROR(put(buf, 8));
  // Little-endian, in chunks of 64 values.
  for (size_t i = 0; i < width_;) {
    size_t n = std::min<size_t>(64, width_ - i);
    for (size_t j = 0; j < n; ++j) put_le(buf + 8 * j, signature[i + j], 8);
    KLARTEXT_RETURN_IF_ERROR(put(buf, 8 * n));
    i += n;
  }
  ++count_;
  return {};
}

Status SignatureWriter::finish() {
  if (file_ == nullptr) return io_error("signature file " + path_ + " already finished");
  unsigned char f[kFooterBytes];
  std::memcpy(f, kEndMagic, 8);
  put_le(f + 8, count_, 8);
  put_le(f + 16, XXH3_64bits_digest(static_cast<XXH3_state_t*>(hash_state_)), 8);
  bool ok = ok_ && std::fwrite(f, 1, sizeof f, file_) == sizeof f;
  ok = (std::fclose(file_) == 0) && ok;
  file_ = nullptr;
  if (!ok) return io_error("write failed: " + path_);
  return {};
}

Result<SignatureFile> read_signature_file(const std::string& path, size_t max_bytes) {
  Result<std::string> data = base::read_file(path, max_bytes);
  if (!data.ok()) return data.status();
  const std::string& d = *data;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data());
  if (d.size() < kHeaderBytes + kFooterBytes || std::memcmp(p, kMagic, 8) != 0) {
    return corrupt(path + ": not a klartext signature file");
  }
  SignatureFile f;
  f.header.version = static_cast<uint32_t>(get_le(p + 8, 4));
  f.header.num_buckets = static_cast<uint32_t>(get_le(p + 12, 4));
  f.header.hashes_per_bucket = static_cast<uint32_t>(get_le(p + 16, 4));
  f.header.n_grams = static_cast<uint32_t>(get_le(p + 20, 4));
  f.header.seed = get_le(p + 24, 8);
  if (f.header.version != 1)
    return unsupported(path + ": signature file version " + std::to_string(f.header.version));
  size_t width = f.width();
  if (width == 0 || width > 4096) return corrupt(path + ": bad signature width");
  const unsigned char* foot = p + d.size() - kFooterBytes;
  if (std::memcmp(foot, kEndMagic, 8) != 0) return corrupt(path + ": missing footer (truncated?)");
  uint64_t count = get_le(foot + 8, 8);
  size_t record = 8 * (width + 1);
  size_t body = d.size() - kHeaderBytes - kFooterBytes;
  if (body % record != 0 || body / record != count) {
    return corrupt(path + ": record count does not match the file size");
  }
  if (XXH3_64bits(p, d.size() - kFooterBytes) != get_le(foot + 16, 8)) {
    return corrupt(path + ": checksum mismatch");
  }
  f.doc_ids.resize(count);
  f.values.resize(count * width);
  const unsigned char* r = p + kHeaderBytes;
  for (size_t i = 0; i < count; ++i) {
    f.doc_ids[i] = get_le(r, 8);
    r += 8;
    for (size_t j = 0; j < width; ++j, r += 8) f.values[i * width + j] = get_le(r, 8);
  }
  return f;
}

}  // namespace klartext::dedup
