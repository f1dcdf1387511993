// parse_bench: MB/s of html::parse over the scrapinghub pages, beside Gumbo and libxml2's
// htmlReadMemory run on the same bytes in the same process, and our DOM memory per HTML byte.
// Usage: parse_bench [ROUNDS] [DATA_DIR]. Built with -DKLARTEXT_BENCH=ON.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "html/parser.h"

#ifdef KLARTEXT_HAVE_GUMBO
#include <gumbo.h>
#endif
#ifdef KLARTEXT_HAVE_LIBXML2
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;

struct Row {
  const char* name;
  double seconds = 0;  // best round
};

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

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::filesystem::path dir =
      argc > 2 ? std::filesystem::path(argv[2])
               : std::filesystem::path(KLARTEXT_DATA_DIR) / "scrapinghub" / "html";
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().string().ends_with(".html.gz")) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    std::fprintf(stderr, "parse_bench: no *.html.gz in %s\n", dir.c_str());
    return 1;
  }
  // Decompressed before timing. The pages are treated as UTF-8 (decoding is decode_bench's
  // job); all three parsers get the same bytes.
  std::vector<std::string> pages;
  size_t total = 0;
  for (const auto& p : paths) {
    auto data = klartext::base::read_maybe_gzip(p.string());
    if (!data.ok()) {
      std::fprintf(stderr, "parse_bench: %s: %s\n", p.c_str(), data.status().to_string().c_str());
      return 1;
    }
    total += data->size();
    pages.push_back(std::move(*data));
  }
  std::printf("parse_bench: %zu pages, %.1f MB, best of %d rounds\n\n", pages.size(),
              static_cast<double>(total) / 1e6, rounds);

  std::vector<Row> rows;
  size_t dom_bytes = 0, nodes = 0;
  size_t sink = 0;
  rows.push_back({"klartext html::parse"});
  {
    // parse() takes its input by value; the pipeline moves the decoder's output in, so the
    // copies are made before each timed round, as the decoder would have made them.
    double best = 1e300;
    for (int r = 0; r < rounds; ++r) {
      std::vector<std::string> inputs(pages.begin(), pages.end());
      dom_bytes = 0;
      nodes = 0;
      auto start = Clock::now();
      for (auto& input : inputs) {
        auto doc = klartext::html::parse(std::move(input));
        if (!doc.ok()) std::abort();
        dom_bytes += (*doc)->memory_bytes();
        nodes += (*doc)->node_count();
      }
      best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    rows.back().seconds = best;
  }
#ifdef KLARTEXT_HAVE_GUMBO
  rows.push_back({"gumbo_parse"});
  rows.back().seconds = best_round(rounds, [&] {
    for (const auto& page : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
      sink += out->root->v.element.children.length;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  });
#endif
#ifdef KLARTEXT_HAVE_LIBXML2
  rows.push_back({"libxml2 htmlReadMemory"});
  rows.back().seconds = best_round(rounds, [&] {
    for (const auto& page : pages) {
      htmlDocPtr doc = htmlReadMemory(
          page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
          HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER);
      if (doc) sink += doc->children != nullptr;
      xmlFreeDoc(doc);
    }
  });
#endif
  double mb = static_cast<double>(total) / 1e6;
  double xml_seconds = 0;
  for (const auto& r : rows)
    if (std::string(r.name).starts_with("libxml2")) xml_seconds = r.seconds;
  std::printf("%-24s %10s %10s %14s\n", "parser", "MB/s", "ms/round", "vs libxml2");
  for (const auto& r : rows) {
    std::printf("%-24s %10.1f %10.1f", r.name, mb / r.seconds, r.seconds * 1e3);
    if (xml_seconds > 0)
      std::printf(" %13.2fx\n", xml_seconds / r.seconds);
    else
      std::printf(" %14s\n", "-");
  }
  std::printf("\nklartext DOM: %zu nodes, %.1f MB = %.2fx the HTML size (goal <= 3x)\n", nodes,
              static_cast<double>(dom_bytes) / 1e6,
              static_cast<double>(dom_bytes) / static_cast<double>(total));
  if (sink == 42) std::printf(" ");
  return 0;
}
