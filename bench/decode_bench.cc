// Decode-stage throughput (bench/decode_bench.cmake): our UTF-8 validation, windows-1252 table
// and Shift_JIS path against ICU's ucnv_convertEx to UTF-8 on the same bytes, in the same run.
// Input: our fixture pages (tests/data/encodings/) repeated to 8 MiB. Times are CPU times.
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <string>

#include "base/file.h"
#include "decode/decode.h"
#include "decode/internal.h"

namespace {

using namespace klartext;

constexpr size_t kInputBytes = 8 << 20;
constexpr int kRounds = 5;  // best of 5: enough to hide scheduler noise on a shared machine

std::string load(const char* name) {
  auto r = base::read_file(std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/encodings/" + name);
  if (!r.ok()) {
    std::fprintf(stderr, "%s\n", r.status().to_string().c_str());
    std::exit(1);
  }
  std::string out;
  while (out.size() < kInputBytes) out += *r;
  return out;
}

// This thread's CPU time: the machine is shared, and wall time would measure the neighbours.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Best MB/s (CPU time) of fn over kRounds runs on `bytes`.
double mb_per_s(const std::string& bytes, const std::function<size_t()>& fn) {
  double best = 0;
  size_t sink = 0;
  for (int i = 0; i < kRounds; ++i) {
    double t0 = cpu_seconds();
    sink += fn();
    double s = std::max(cpu_seconds() - t0, 1e-9);
    best = std::max(best, double(bytes.size()) / 1e6 / s);
  }
  if (sink == 42) std::printf(" ");  // keeps the work observable
  return best;
}

size_t icu_to_utf8(const char* from, const std::string& bytes, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* src = ucnv_open(from, &err);
  UConverter* dst = ucnv_open("UTF-8", &err);
  out.resize(bytes.size() * 3 + 16);
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(dst, src, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &err);
  out.resize(size_t(target - out.data()));
  ucnv_close(src);
  ucnv_close(dst);
  return U_SUCCESS(err) ? out.size() : 0;
}

void report(const char* what, double ours, double icu) {
  std::printf("%-34s klartext %8.0f MB/s   ICU %7.0f MB/s   ratio %5.2fx\n", what, ours, icu,
              ours / icu);
}

}  // namespace

int main() {
  std::string out;
  std::string utf8 = load("utf-8.html");
  report("UTF-8 validate (scan_utf8)",
         mb_per_s(utf8, [&] { return decode::internal::scan_utf8(utf8).multibyte; }),
         mb_per_s(utf8, [&] { return icu_to_utf8("UTF-8", utf8, out); }));
  report("UTF-8 decode_html (labelled)",
         mb_per_s(utf8, [&] { return decode::decode_html(utf8)->utf8.size(); }),
         mb_per_s(utf8, [&] { return icu_to_utf8("UTF-8", utf8, out); }));

  std::string w1252 = load("windows-1252.html");
  report("windows-1252 decode_html",
         mb_per_s(w1252, [&] { return decode::decode_html(w1252)->utf8.size(); }),
         mb_per_s(w1252, [&] { return icu_to_utf8("windows-1252", w1252, out); }));

  report("windows-1252 decode_as (table only)",
         mb_per_s(w1252, [&] { return decode::decode_as(w1252, "windows-1252")->utf8.size(); }),
         mb_per_s(w1252, [&] { return icu_to_utf8("windows-1252", w1252, out); }));

  std::string sjis = load("shift_jis.html");
  report("Shift_JIS decode_html",
         mb_per_s(sjis, [&] { return decode::decode_html(sjis)->utf8.size(); }),
         mb_per_s(sjis, [&] { return icu_to_utf8("windows-31j", sjis, out); }));

  // The detector path: the same Shift_JIS bytes without a label (uchardet on 64 KiB).
  std::string unlabelled = sjis;
  for (size_t at; (at = unlabelled.find("<meta charset=")) != std::string::npos;)
    unlabelled.erase(at, unlabelled.find('>', at) - at + 1);
  report("Shift_JIS decode_html (detected)",
         mb_per_s(unlabelled, [&] { return decode::decode_html(unlabelled)->utf8.size(); }),
         mb_per_s(sjis, [&] { return icu_to_utf8("windows-31j", sjis, out); }));

  // Worst case for the no-label path: random high bytes (full error count, capped detector).
  std::string noise(kInputBytes, ' ');
  std::mt19937 rng(7);
  for (auto& c : noise) c = char(0x80 | rng());
  report("random bytes decode_html (no label)",
         mb_per_s(noise, [&] { return decode::decode_html(noise)->utf8.size(); }),
         mb_per_s(noise, [&] { return icu_to_utf8("windows-1252", noise, out); }));
  return 0;
}
