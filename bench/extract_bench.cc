// extract_bench: pages/s, MB/s and p50/p99/max ms per page of the whole klartext::extract
// (bytes to JSON with metadata) and of html::parse alone, on the scrapinghub pages decompressed
// in memory, beside libxml2's htmlReadMemory on the same bytes in the same process (the
// reference ratio). Usage: extract_bench [ROUNDS] [DATA_DIR]. Built with -DKLARTEXT_BENCH=ON.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "html/parser.h"
#include "klartext/klartext.h"

#ifdef KLARTEXT_HAVE_LIBXML2
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double total_s = 1e300;           // best round, wall clock
  double cpu_s = 1e300;             // best round, this thread's CPU time (robust on a shared box)
  std::vector<double> page_ms;      // per page, from the best round
  std::vector<double> page_cpu_ms;  // per page CPU time, from the best round
};

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Runs fn(page) over all pages `rounds` times; keeps the best round's total and per-page times.
template <typename Fn>
Timing measure(const std::vector<std::string>& pages, int rounds, Fn&& fn) {
  Timing best;
  for (int r = 0; r < rounds; ++r) {
    std::vector<double> ms, cpu_ms;
    ms.reserve(pages.size());
    cpu_ms.reserve(pages.size());
    auto start = Clock::now();
    double cpu_start = thread_cpu_seconds();
    for (const auto& p : pages) {
      auto t0 = Clock::now();
      double c0 = thread_cpu_seconds();
      fn(p);
      cpu_ms.push_back((thread_cpu_seconds() - c0) * 1e3);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    double s = std::chrono::duration<double>(Clock::now() - start).count();
    best.cpu_s = std::min(best.cpu_s, thread_cpu_seconds() - cpu_start);
    if (s < best.total_s) {
      best.total_s = s;
      best.page_ms = std::move(ms);
      best.page_cpu_ms = std::move(cpu_ms);
    }
  }
  return best;
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5));
  return v[i];
}

void print(const char* name, const Timing& t, double mb, size_t pages) {
  std::printf(
      "%-28s %8.1f pages/s %7.1f MB/s (CPU time: %7.1f MB/s)  p50 %6.2f ms  p99 %6.2f ms  "
      "max %6.2f ms\n",
      name, double(pages) / t.total_s, mb / t.total_s, mb / t.cpu_s, percentile(t.page_ms, 0.5),
      percentile(t.page_ms, 0.99), percentile(t.page_ms, 1.0));
  std::printf("%-28s per-page CPU time: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n", "",
              percentile(t.page_cpu_ms, 0.5), percentile(t.page_cpu_ms, 0.99),
              percentile(t.page_cpu_ms, 1.0));
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  std::filesystem::path dir =
      argc > 2 ? std::filesystem::path(argv[2])
               : std::filesystem::path(KLARTEXT_DATA_DIR) / "scrapinghub" / "html";
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().string().ends_with(".html.gz")) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& p : paths) {
    auto r = klartext::base::read_maybe_gzip(p.string());
    if (!r.ok()) continue;
    bytes += r->size();
    pages.push_back(std::move(r.value()));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "extract_bench: no *.html.gz in %s\n", dir.c_str());
    return 1;
  }
  double mb = double(bytes) / 1e6;
  std::printf("extract_bench: %zu pages, %.1f MB of HTML, best of %d rounds\n", pages.size(), mb,
              rounds);

  size_t sink = 0;
  Timing full = measure(pages, rounds, [&](const std::string& p) {
    auto doc = klartext::extract(p);
    if (doc.ok()) sink += klartext::to_json(*doc).size();
  });
  Timing parse = measure(pages, rounds, [&](const std::string& p) {
    auto doc = klartext::html::parse(p);
    if (doc.ok()) sink += doc.value()->node_count();
  });
  print("klartext extract (to JSON)", full, mb, pages.size());
  print("klartext html::parse", parse, mb, pages.size());
#ifdef KLARTEXT_HAVE_LIBXML2
  Timing xml = measure(pages, rounds, [&](const std::string& p) {
    htmlDocPtr d = htmlReadMemory(
        p.data(), int(p.size()), nullptr, "utf-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (d) {
      sink += 1;
      xmlFreeDoc(d);
    }
  });
  print("libxml2 htmlReadMemory", xml, mb, pages.size());
  std::printf(
      "ratio: klartext extract is %.2fx libxml2's bare parse speed by wall clock, %.2fx by CPU "
      "time (target >= 2)\n",
      xml.total_s / full.total_s, xml.cpu_s / full.cpu_s);
#endif
  return sink == 0;
}
