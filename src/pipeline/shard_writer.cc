// Sharded compressed output. Tested in tests/pipeline/shard_writer_test.cc.
#include "pipeline/shard_writer.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace klartext::pipeline {

Result<Compression> parse_compression(std::string_view name) {
  if (name == "none" || name.empty()) return Compression::kNone;
  if (name == "gz" || name == "gzip") return Compression::kGzip;
  if (name == "zst" || name == "zstd") return Compression::kZstd;
  return invalid_argument("unknown compression '" + std::string(name) + "' (none, gz, zst)");
}

std::string_view compression_suffix(Compression c) {
  switch (c) {
    case Compression::kNone:
      return "";
    case Compression::kGzip:
      return ".gz";
    case Compression::kZstd:
      return ".zst";
  }
  return "";
}

// One open shard: a FILE plus the compressor state.
struct ShardWriter::Stream {
  FILE* file = nullptr;
  Compression compression = Compression::kNone;
  z_stream gz{};
  ZSTD_CCtx* zstd = nullptr;
  size_t raw_bytes = 0;
  std::string buffer;

  Status put(const char* data, size_t n, bool finish) {
    if (compression == Compression::kNone) {
      if (n && std::fwrite(data, 1, n, file) != n) return io_error("write failed");
      return {};
    }
    buffer.resize(1 << 16);
    if (compression == Compression::kGzip) {
      gz.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
      gz.avail_in = static_cast<uInt>(n);
      int rc;
      do {
        gz.next_out = reinterpret_cast<Bytef*>(buffer.data());
        gz.avail_out = static_cast<uInt>(buffer.size());
        rc = deflate(&gz, finish ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR) return internal_error("deflate failed");
        size_t produced = buffer.size() - gz.avail_out;
        if (produced && std::fwrite(buffer.data(), 1, produced, file) != produced)
          return io_error("write failed");
      } while (gz.avail_out == 0 || (finish && rc != Z_STREAM_END));
      return {};
    }
    ZSTD_inBuffer in{data, n, 0};
    for (;;) {
      ZSTD_outBuffer out{buffer.data(), buffer.size(), 0};
      size_t left = ZSTD_compressStream2(zstd, &out, &in, finish ? ZSTD_e_end : ZSTD_e_continue);
      if (ZSTD_isError(left)) return internal_error(ZSTD_getErrorName(left));
      if (out.pos && std::fwrite(buffer.data(), 1, out.pos, file) != out.pos)
        return io_error("write failed");
      if (finish ? left == 0 : in.pos == in.size) break;
    }
    return {};
  }

  ~Stream() {
    if (compression == Compression::kGzip) deflateEnd(&gz);
    if (zstd) ZSTD_freeCCtx(zstd);
    if (file) std::fclose(file);
  }
};

ShardWriter::ShardWriter(ShardWriterOptions options) : options_(std::move(options)) {}

ShardWriter::~ShardWriter() { abandon(); }

Status ShardWriter::open_next() {
  char index[16];
  std::snprintf(index, sizeof index, "-%05zu.", final_paths_.size());
  std::string final_path = options_.directory + "/" + options_.stem + index + options_.extension +
                           std::string(compression_suffix(options_.compression));
  std::string temp_path = final_path + ".tmp";
  auto s = std::make_unique<Stream>();
  s->compression = options_.compression;
  s->file = std::fopen(temp_path.c_str(), "wb");
  if (!s->file) return io_error("cannot create " + temp_path + ": " + std::strerror(errno));
  if (s->compression == Compression::kGzip) {
    if (deflateInit2(&s->gz, options_.level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      return internal_error("deflateInit2 failed");
  } else if (s->compression == Compression::kZstd) {
    s->zstd = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(s->zstd, ZSTD_c_compressionLevel, options_.level);
  }
  current_ = std::move(s);
  temp_paths_.push_back(temp_path);
  final_paths_.push_back(final_path);
  return {};
}

Status ShardWriter::close_current() {
  if (!current_) return {};
  Status s = current_->put(nullptr, 0, true);
  bool ok = s.ok() && std::fflush(current_->file) == 0;
  current_.reset();
  if (!ok) return s.ok() ? io_error("cannot flush " + temp_paths_.back()) : s;
  return {};
}

Status ShardWriter::write_line(std::string_view line) {
  if (!current_ || (options_.max_shard_bytes && current_->raw_bytes >= options_.max_shard_bytes)) {
    KLARTEXT_RETURN_IF_ERROR(close_current());
    KLARTEXT_RETURN_IF_ERROR(open_next());
  }
  KLARTEXT_RETURN_IF_ERROR(current_->put(line.data(), line.size(), false));
  KLARTEXT_RETURN_IF_ERROR(current_->put("\n", 1, false));
  current_->raw_bytes += line.size() + 1;
  ++lines_;
  return {};
}

Result<std::vector<std::string>> ShardWriter::commit() {
  KLARTEXT_RETURN_IF_ERROR(close_current());
  for (size_t i = 0; i < temp_paths_.size(); ++i) {
    if (std::rename(temp_paths_[i].c_str(), final_paths_[i].c_str()) != 0)
      return io_error("cannot rename " + temp_paths_[i] + ": " + std::strerror(errno));
  }
  temp_paths_.clear();
  std::vector<std::string> out;
  out.swap(final_paths_);
  return out;
}

void ShardWriter::abandon() {
  current_.reset();
  for (const auto& p : temp_paths_) std::remove(p.c_str());
  temp_paths_.clear();
  final_paths_.clear();
}

}  // namespace klartext::pipeline
