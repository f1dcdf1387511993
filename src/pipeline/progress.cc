// Progress line. Tested in tests/pipeline/progress_test.cc.
#include "pipeline/progress.h"

namespace klartext::pipeline {

Progress::Progress(FILE* out, uint64_t total_bytes, bool enabled)
    : out_(out), total_bytes_(total_bytes), enabled_(enabled) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

std::string Progress::format(uint64_t bytes_done, uint64_t total_bytes, uint64_t records,
                             uint64_t pages, uint64_t kept, double seconds) {
  double s = seconds > 1e-9 ? seconds : 1e-9;
  char buf[200];
  int n = std::snprintf(
      buf, sizeof buf, "%llu records %.0f rec/s  %.1f MB/s  %llu pages, %.1f%% kept",
      static_cast<unsigned long long>(records), double(records) / s, double(bytes_done) / 1e6 / s,
      static_cast<unsigned long long>(pages), pages ? 100.0 * double(kept) / double(pages) : 0.0);
  std::string line(buf, n > 0 ? size_t(n) : 0);
  if (total_bytes > 0 && bytes_done > 0) {
    double share = double(bytes_done) / double(total_bytes);
    if (share > 1) share = 1;
    double eta = seconds * (1 - share) / share;
    std::snprintf(buf, sizeof buf, "  %.0f%%  ETA %d:%02d", 100 * share, int(eta) / 60,
                  int(eta) % 60);
    line += buf;
  }
  return line;
}

void Progress::update(uint64_t bytes_done, uint64_t records, uint64_t pages, uint64_t kept) {
  bytes_ = bytes_done;
  records_ = records;
  pages_ = pages;
  kept_ = kept;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  // Four redraws a second: readable, and the cost stays invisible next to extraction.
  if (now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = format(bytes_, total_bytes_, records_, pages_, kept_, seconds);
  size_t width = line.size();
  if (width < last_width_) line.append(last_width_ - width, ' ');
  last_width_ = width;
  std::fprintf(out_, "\r%s", line.c_str());
  std::fflush(out_);
}

void Progress::finish() {
  if (!enabled_) return;
  draw();
  std::fprintf(out_, "\n");
}

}  // namespace klartext::pipeline
