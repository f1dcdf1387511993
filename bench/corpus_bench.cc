// Benchmark of `klartext corpus` end to end: builds a WARC laid out as Common Crawl's (warcinfo,
// then request, response and metadata records per page, one gzip member each) from the dev
// pages in ../shared/data (scrapinghub and wcxb-dev), then times, in the same run, plain
// `gzip -dc` of that file and the corpus job on it with one thread (and with --threads N beside
// it when N > 1). Reports pages/s, MB/s of gzipped WARC, the time ratio to gzip -dc, and peak
// resident memory. Wall time and CPU time are both shown: on a loaded machine CPU seconds are
// the steadier measure of per-core speed.
// Usage: corpus_bench [--repeat N] [--threads N] [--limit PAGES] [--keep DIR]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "pipeline/corpus.h"
#include "warc/writer.h"

namespace fs = std::filesystem;
using klartext::warc::Header;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// User + system CPU seconds of this process (who = RUSAGE_SELF) or its waited-for children.
double cpu_seconds(int who) {
  struct rusage ru {};
  getrusage(who, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

std::vector<std::string> page_files() {
  std::vector<std::string> files;
  for (const char* sub : {"scrapinghub/html", "wcxb-dev/html"}) {
    fs::path dir = fs::path(KLARTEXT_DATA_DIR) / sub;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A WARC as Common Crawl writes it: per page a request, a response with HTTP headers, and a
// metadata record; each record its own gzip member.
size_t build_warc(const std::string& path, const std::vector<std::string>& files, int repeat) {
  auto w = klartext::warc::Writer::open(path);
  if (!w.ok()) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  (*w)->write("warcinfo", {{"Content-Type", "application/warc-fields"}},
              "software: klartext corpus_bench\r\nformat: WARC File Format 1.1\r\n");
  size_t pages = 0;
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < files.size(); ++i) {
      auto html = klartext::base::read_maybe_gzip(files[i]);
      if (!html.ok()) continue;
      std::string url = "https://site" + std::to_string(i % 97) + ".example/" + std::to_string(r) +
                        "/page" + std::to_string(i);
      std::string request = "GET /page" + std::to_string(i) +
                            " HTTP/1.1\r\nHost: example\r\nUser-Agent: CCBot/2.0\r\n"
                            "Accept: text/html\r\n\r\n";
      (*w)->write("request",
                  {{"WARC-Target-URI", url}, {"Content-Type", "application/http; msgtype=request"}},
                  request);
      std::string block =
          klartext::warc::http_response_block(200, "OK",
                                              {{"Content-Type", "text/html"},
                                               {"Server", "nginx"},
                                               {"Date", "Sun, 29 Nov 2026 10:00:00 GMT"},
                                               {"Content-Length", std::to_string(html->size())}},
                                              *html);
      (*w)->write("response",
                  {{"WARC-Target-URI", url},
                   {"Content-Type", "application/http; msgtype=response"},
                   {"WARC-Identified-Payload-Type", "text/html"}},
                  block);
      (*w)->write("metadata",
                  {{"WARC-Target-URI", url}, {"Content-Type", "application/warc-fields"}},
                  "fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n");
      ++pages;
    }
  }
  (*w)->close();
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 1, threads = 1;
  size_t limit = 0;
  std::string keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
    if (a == "--threads") threads = std::atoi(argv[i + 1]);
    if (a == "--keep") keep = argv[i + 1];
    if (a == "--limit") limit = size_t(std::atol(argv[i + 1]));
  }
  auto files = page_files();
  if (limit && files.size() > limit) files.resize(limit);  // smaller runs for callgrind
  if (files.empty()) {
    std::fprintf(stderr, "no pages under %s\n", KLARTEXT_DATA_DIR);
    return 1;
  }
  // A fresh directory per run (mkdtemp): two runs at once must not clobber each other's WARC.
  fs::path work;
  if (keep.empty()) {
    std::string tmpl = (fs::temp_directory_path() / "klartext_corpus_bench.XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      std::perror("corpus_bench: mkdtemp");
      return 1;
    }
    work = tmpl;
  } else {
    work = keep;
    fs::remove_all(work);
    fs::create_directories(work);
  }
  std::string warc = (work / "bench.warc.gz").string();
  size_t pages = build_warc(warc, files, repeat);
  double gz_mb = double(fs::file_size(warc)) / 1e6;

  // Reference: plain decompression of the same file by the gzip tool.
  std::string cmd = "gzip -dc '" + warc + "' > /dev/null";
  double c0 = cpu_seconds(RUSAGE_CHILDREN);
  auto t0 = std::chrono::steady_clock::now();
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "gzip -dc failed\n");
    return 1;
  }
  double gzip_s = seconds_since(t0);
  double gzip_cpu = cpu_seconds(RUSAGE_CHILDREN) - c0;

  std::printf("corpus_bench: %zu HTML pages (%zu files x %d), WARC.gz %.1f MB\n", pages,
              files.size(), repeat, gz_mb);
  std::printf("%-28s %10s %10s %10s %10s\n", "", "wall s", "cpu s", "pages/s", "MB/s gz");
  std::printf("%-28s %10.3f %10.3f %10s %10.1f\n", "gzip -dc (reference)", gzip_s, gzip_cpu, "-",
              gz_mb / gzip_s);
  // One thread always (the per-core figure), then --threads N beside it when N > 1.
  std::vector<int> runs = {1};
  if (threads > 1) runs.push_back(threads);
  for (int t : runs) {
    klartext::pipeline::CorpusOptions o;
    o.inputs = {warc};
    o.output_dir = (work / ("out-j" + std::to_string(t))).string();
    o.threads = t;
    c0 = cpu_seconds(RUSAGE_SELF);
    t0 = std::chrono::steady_clock::now();
    auto r = klartext::pipeline::run_corpus(o, nullptr);
    double run_s = seconds_since(t0);
    double run_cpu = cpu_seconds(RUSAGE_SELF) - c0;
    if (!r.ok()) {
      std::fprintf(stderr, "corpus failed: %s\n", r.status().to_string().c_str());
      return 1;
    }
    std::string label = "klartext corpus -j " + std::to_string(t);
    std::printf("%-28s %10.3f %10.3f %10.0f %10.1f\n", label.c_str(), run_s, run_cpu,
                double(pages) / run_s, gz_mb / run_s);
    // Per core: pages per CPU second (all threads), which a loaded machine does not distort.
    std::printf(
        "  per core: %.0f pages/s wall, %.0f pages per CPU s; time / gzip -dc = %.1fx wall, "
        "%.1fx cpu (goal: >= 700 pages/s, <= 8x)\n",
        double(pages) / run_s / t, double(pages) / run_cpu, run_s / gzip_s, run_cpu / gzip_cpu);
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("  kept %llu of %llu pages; peak RSS so far %.0f MB (goal < 1024)\n",
                static_cast<unsigned long long>(r->stats.kept),
                static_cast<unsigned long long>(r->stats.html_pages), double(ru.ru_maxrss) / 1024);
  }
  if (keep.empty()) fs::remove_all(work);
  return 0;
}
