// Whole-file input and atomic output. Tested in tests/base/file_test.cc.
#include "base/file.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace klartext::base {

Result<std::string> read_file(const std::string& path, size_t max_bytes) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return io_error("cannot open " + path + ": " + std::strerror(errno));
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > max_bytes) {
      if (f != stdin) std::fclose(f);
      return limit_exceeded(path + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, n);
  }
  bool failed = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (failed) return io_error("cannot read " + path);
  return out;
}

bool is_gzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> gunzip(std::string_view data, size_t max_bytes) {
  std::string out;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return internal_error("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buf[1 << 16];
  int rc = Z_OK;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&zs);
      return limit_exceeded("gzip output exceeds " + std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated members: continue while gzip magic follows.
      if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc != Z_OK) {
      inflateEnd(&zs);
      if (rc == Z_BUF_ERROR && zs.avail_in == 0)
        return corrupt("gzip data is truncated after " + std::to_string(out.size()) + " bytes");
      return corrupt(std::string("gzip data is corrupt: ") + (zs.msg ? zs.msg : "inflate error"));
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<std::string> read_maybe_gzip(const std::string& path, size_t max_bytes) {
  auto raw = read_file(path, max_bytes);
  if (!raw.ok() || !is_gzip(*raw)) return raw;
  return gunzip(*raw, max_bytes);
}

Status write_file_atomic(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return io_error("cannot create " + tmp + ": " + std::strerror(errno));
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fflush(f) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return io_error("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return io_error("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  return {};
}

}  // namespace klartext::base
