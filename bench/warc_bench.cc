// warc_bench: reads a WARC.gz (one gzip member per record, as Common Crawl writes them) built
// in memory from the scrapinghub pages, and compares records/s and MB/s with zlib and
// libdeflate decompressing the same members in the same process (the "gzip -dc" floor).
// Usage: warc_bench [ROUNDS] [COPIES] [DATA_DIR]. Built with -DKLARTEXT_BENCH=ON.
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "warc/reader.h"
#include "warc/writer.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace warc = klartext::warc;

template <typename Fn>
double best_round(int rounds, Fn&& fn) {
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    auto start = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

// Decompresses every member with zlib, as `gzip -dc` does; returns the output size.
size_t zlib_all(const std::string& gz, std::string& out) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = uInt(gz.size());
  size_t total = 0;
  while (z.avail_in > 0) {
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    int rc = inflate(&z, Z_NO_FLUSH);
    total += out.size() - z.avail_out;
    if (rc == Z_STREAM_END) {
      inflateReset(&z);
    } else if (rc != Z_OK) {
      break;
    }
  }
  inflateEnd(&z);
  return total;
}

// Member by member with libdeflate into one reused buffer.
size_t libdeflate_all(const std::string& gz, std::string& out, libdeflate_decompressor* d) {
  size_t pos = 0, total = 0;
  while (pos < gz.size()) {
    size_t in_used = 0, out_used = 0;
    if (libdeflate_gzip_decompress_ex(d, gz.data() + pos, gz.size() - pos, out.data(), out.size(),
                                      &in_used, &out_used) != LIBDEFLATE_SUCCESS) {
      break;
    }
    pos += in_used;
    total += out_used;
  }
  return total;
}

struct Count {
  size_t records = 0, responses = 0, html = 0, bytes = 0, errors = 0;
};

Count read_all(const std::string& data, bool payloads) {
  Count c;
  auto reader = warc::Reader::from_buffer(data);
  if (!reader.ok()) return c;
  warc::Record rec;
  while (true) {
    auto r = (*reader)->next(rec);
    if (!r.ok()) {
      ++c.errors;
      continue;
    }
    if (!*r) break;
    ++c.records;
    c.bytes += rec.block().size();
    if (payloads && rec.type() == warc::RecordType::kResponse) {
      ++c.responses;
      auto p = rec.payload();
      if (p.ok() && rec.is_html()) {
        ++c.html;
        c.bytes += p->size();
      }
    }
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  int copies = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::filesystem::path dir =
      argc > 3 ? std::filesystem::path(argv[3])
               : std::filesystem::path(KLARTEXT_DATA_DIR) / "scrapinghub" / "html";
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().string().ends_with(".html.gz")) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    std::fprintf(stderr, "warc_bench: no *.html.gz in %s\n", dir.c_str());
    return 1;
  }
  std::vector<std::string> pages;
  for (const auto& p : paths) {
    auto data = klartext::base::read_maybe_gzip(p.string());
    if (!data.ok()) {
      std::fprintf(stderr, "warc_bench: %s: %s\n", p.c_str(), data.status().to_string().c_str());
      return 1;
    }
    pages.push_back(std::move(*data));
  }

  // A Common Crawl-like layout: request, response, metadata per capture; the pages repeated
  // `copies` times under different URLs so the file is larger than the caches.
  std::string plain, gz, zst;
  {
    warc::WriterOptions op, og, oz;
    op.compression = warc::Compression::kNone;
    og.compression = warc::Compression::kGzip;
    oz.compression = warc::Compression::kZstd;
    auto wp = warc::Writer::to_string(&plain, op);
    auto wg = warc::Writer::to_string(&gz, og);
    auto wz = warc::Writer::to_string(&zst, oz);
    if (!wp.ok() || !wg.ok() || !wz.ok()) return 1;
    for (int c = 0; c < copies; ++c) {
      for (size_t i = 0; i < pages.size(); ++i) {
        std::string uri = "https://bench.test/" + std::to_string(c) + "/" + std::to_string(i);
        std::string req = "GET /" + std::to_string(i) + " HTTP/1.1\r\nHost: bench.test\r\n" +
                          "User-Agent: klartext-bench\r\nAccept: text/html\r\n\r\n";
        std::string resp =
            warc::http_response_block(200, "OK",
                                      {{"Content-Type", "text/html; charset=utf-8"},
                                       {"Content-Length", std::to_string(pages[i].size())}},
                                      pages[i]);
        std::string meta = "fetchTimeMs: 100\r\ncharset-detected: UTF-8\r\n";
        std::vector<warc::Header> h = {{"WARC-Target-URI", uri}};
        std::vector<warc::Header> hr = {{"WARC-Target-URI", uri},
                                        {"Content-Type", "application/http; msgtype=response"},
                                        {"WARC-Identified-Payload-Type", "text/html"}};
        for (auto* w : {&*wp, &*wg, &*wz}) {
          (void)(*w)->write("request", h, req);
          (void)(*w)->write("response", hr, resp);
          (void)(*w)->write("metadata", h, meta);
        }
      }
    }
  }
  size_t records = pages.size() * size_t(copies) * 3;
  double mb = double(plain.size()) / 1e6;
  std::printf(
      "warc_bench: %zu records (%zu responses), %.1f MB uncompressed, %.1f MB gzip, "
      "%.1f MB zstd; best of %d rounds\n\n",
      records, records / 3, mb, double(gz.size()) / 1e6, double(zst.size()) / 1e6, rounds);

  std::string out(size_t(64) << 20, '\0');
  size_t sink = 0;
  double t_zlib = best_round(rounds, [&] { sink += zlib_all(gz, out); });
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  double t_deflate = best_round(rounds, [&] { sink += libdeflate_all(gz, out, d); });
  libdeflate_free_decompressor(d);
  Count c_gz, c_gz_payload, c_plain, c_zst;
  double t_read = best_round(rounds, [&] { c_gz = read_all(gz, false); });
  double t_payload = best_round(rounds, [&] { c_gz_payload = read_all(gz, true); });
  double t_plain = best_round(rounds, [&] { c_plain = read_all(plain, true); });
  double t_zst = best_round(rounds, [&] { c_zst = read_all(zst, true); });
  // Through a file, as `klartext corpus` reads (mmap).
  std::string path =
      (std::filesystem::temp_directory_path() / "klartext_warc_bench.warc.gz").string();
  Count c_file;
  double t_file = 1e300;
  if (klartext::base::write_file_atomic(path, gz).ok()) {
    t_file = best_round(rounds, [&] {
      auto reader = warc::Reader::open(path);
      if (!reader.ok()) return;
      warc::Record rec;
      c_file = Count();
      while (true) {
        auto r = (*reader)->next(rec);
        if (!r.ok()) continue;
        if (!*r) break;
        ++c_file.records;
        if (rec.type() == warc::RecordType::kResponse) {
          auto p = rec.payload();
          if (p.ok() && rec.is_html()) ++c_file.html;
        }
      }
    });
    std::filesystem::remove(path);
  }

  auto row = [&](const char* name, double t, const char* note) {
    std::printf("%-40s %9.0f rec/s %8.0f MB/s %6.2fx zlib %6.2fx libdeflate  %s\n", name,
                double(records) / t, mb / t, t_zlib / t, t_deflate / t, note);
  };
  row("zlib inflate, all members (gzip -dc)", t_zlib, "reference");
  row("libdeflate, member by member", t_deflate, "reference");
  row("Reader: records (gzip)", t_read, "");
  row("Reader: records + HTML payloads (gzip)", t_payload, "");
  row("Reader: same, from a file (mmap)", t_file, "");
  row("Reader: records + HTML payloads (plain)", t_plain, "");
  row("Reader: records + HTML payloads (zstd)", t_zst, "");
  std::printf(
      "\nrecords seen: gzip %zu, +payloads %zu (html %zu), plain %zu, zstd %zu, file %zu; "
      "errors %zu (sink %zu)\n",
      c_gz.records, c_gz_payload.records, c_gz_payload.html, c_plain.records, c_zst.records,
      c_file.records, c_gz.errors + c_plain.errors + c_zst.errors, sink % 10);
  bool ok = c_gz.records == records && c_gz_payload.html == records / 3 &&
            c_plain.records == records && c_zst.records == records;
  return ok ? 0 : 1;
}
