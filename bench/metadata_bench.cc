// metadata_bench: ms/page of metadata::extract_metadata beside html::parse of the same pages
// (scrapinghub and wcxb-dev), measured page by page in the same run, and their ratio; and a
// bare walk over every DOM node, the floor for any stage that reads the whole tree.
// Usage: metadata_bench [ROUNDS] [EVERY] [DUMP_FILE]. Built with -DKLARTEXT_BENCH=ON.
//   ROUNDS    timed repetitions per page; each page keeps its fastest (default 3)
//   EVERY     take every EVERY-th page only, e.g. for callgrind (default 1: all)
//   DUMP_FILE write every page's metadata, one tab-separated line each, to compare outputs
//             before and after a change (identical files: identical results on these pages)
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/file.h"
#include "decode/decode.h"
#include "html/parser.h"
#include "metadata/metadata.h"

namespace {

// This thread's CPU time: the machine is shared, and CPU time leaves out the time other
// processes hold the core (wall time does not).
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The floor for any stage that reads the whole DOM: one visit of every node in document order,
// reading what every stage reads (kind, attributes, text size).
size_t bare_walk(const klartext::dom::Document& doc) {
  size_t sum = 0;
  const klartext::dom::Node* root = doc.root();
  const klartext::dom::Node* n = root->first_child;
  while (n) {
    sum += size_t(n->kind) + n->attr_count + n->data.size();
    for (uint32_t i = 0; i < n->attr_count; ++i) sum += n->attrs[i].value.size();
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n && !n->next_sibling) {
      n = n->parent;
      if (n == root) n = nullptr;
    }
    if (n) n = n->next_sibling;
  }
  return sum;
}

struct Totals {
  size_t pages = 0;
  double bytes = 0;
  double parse_ms = 0, metadata_ms = 0;  // sums of each page's fastest round
  double walk_ms = 0;
};

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : "; ") + x;
  return out;
}

void print(const char* name, const Totals& t) {
  if (!t.pages) return;
  double p = t.parse_ms / double(t.pages), m = t.metadata_ms / double(t.pages);
  double w = t.walk_ms / double(t.pages);
  std::printf(
      "%-12s %5zu pages %6.1f MB  html::parse %6.3f ms/page  extract_metadata %6.3f "
      "ms/page  metadata/parse %.3f  bare DOM walk %6.3f ms/page (walk/parse %.3f)\n",
      name, t.pages, t.bytes / 1e6, p, m, m / p, w, w / p);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  size_t every = argc > 2 ? size_t(std::max(1, std::atoi(argv[2]))) : 1;
  FILE* dump = nullptr;
  if (argc > 3) {
    dump = std::fopen(argv[3], "w");
    if (!dump) {
      std::fprintf(stderr, "metadata_bench: cannot write %s\n", argv[3]);
      return 1;
    }
  }
  const std::filesystem::path data(KLARTEXT_DATA_DIR);
  struct Set {
    const char* name;
    std::filesystem::path dir;
    Totals totals;
  };
  Set sets[] = {{"scrapinghub", data / "scrapinghub" / "html", {}},
                {"wcxb-dev", data / "wcxb-dev" / "html", {}}};
  klartext::metadata::MetadataOptions options;
  // A fixed reference day, so the plausibility cut and hence the output do not depend on
  // the day the benchmark runs.
  options.reference_date = "2026-11-29";
  size_t sink = 0;
  struct Slow {
    double metadata_ms, parse_ms;
    std::string page;
  };
  std::vector<Slow> slow;  // per page, for the list of the slowest
  for (Set& set : sets) {
    std::vector<std::filesystem::path> paths;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(set.dir, ec))
      if (e.path().string().ends_with(".html.gz")) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) {
      std::fprintf(stderr, "metadata_bench: no *.html.gz in %s\n", set.dir.c_str());
      return 1;
    }
    for (size_t i = 0; i < paths.size(); i += every) {
      auto bytes = klartext::base::read_maybe_gzip(paths[i].string(), size_t(64) << 20);
      if (!bytes.ok()) continue;
      // Decoding is decode_bench's subject and is not timed: both stages start from UTF-8.
      auto decoded = klartext::decode::decode_html(bytes.value());
      if (!decoded.ok()) continue;
      // Page by page, both stages in turn: load on the machine changes over a run, and this
      // way it weighs on both alike. Each page keeps its fastest round of each stage.
      double best_parse = 1e300, best_meta = 1e300, best_walk = 1e300;
      klartext::metadata::Metadata m;
      for (int r = 0; r < rounds; ++r) {
        std::string input = decoded->utf8;  // parse() consumes its input, as the pipeline's
        double t0 = thread_cpu_ms();
        auto doc = klartext::html::parse(std::move(input));
        double t1 = thread_cpu_ms();
        if (!doc.ok()) break;
        m = klartext::metadata::extract_metadata(*doc.value(), options);
        double t2 = thread_cpu_ms();
        sink += bare_walk(*doc.value());
        double t3 = thread_cpu_ms();
        best_walk = std::min(best_walk, t3 - t2);
        best_parse = std::min(best_parse, t1 - t0);
        best_meta = std::min(best_meta, t2 - t1);
        sink += m.title.size();
      }
      if (best_parse >= 1e300) continue;
      ++set.totals.pages;
      set.totals.bytes += double(decoded->utf8.size());
      set.totals.parse_ms += best_parse;
      set.totals.metadata_ms += best_meta;
      set.totals.walk_ms += best_walk;
      slow.push_back({best_meta, best_parse, paths[i].filename().string()});
      if (dump)
        std::fprintf(dump, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
                     paths[i].filename().c_str(), one_line(m.title).c_str(),
                     one_line(m.author).c_str(), m.date.c_str(), one_line(m.sitename).c_str(),
                     one_line(m.description).c_str(), one_line(m.language).c_str(),
                     one_line(m.canonical_url).c_str(), one_line(m.image).c_str(),
                     one_line(join(m.tags)).c_str(), one_line(join(m.categories)).c_str());
    }
  }
  if (dump) std::fclose(dump);
  std::printf("metadata_bench: thread CPU time, fastest of %d rounds per page, every %zu page(s)\n",
              rounds, every);
  Totals all;
  for (const Set& s : sets) {
    print(s.name, s.totals);
    all.pages += s.totals.pages;
    all.bytes += s.totals.bytes;
    all.parse_ms += s.totals.parse_ms;
    all.metadata_ms += s.totals.metadata_ms;
    all.walk_ms += s.totals.walk_ms;
  }
  print("all", all);
  // The pages that cost most: where a change helps most, and where a regression shows first.
  std::sort(slow.begin(), slow.end(),
            [](const Slow& a, const Slow& b) { return a.metadata_ms > b.metadata_ms; });
  for (size_t i = 0; i < slow.size() && i < 5; ++i)
    std::printf("slowest %zu: %s extract_metadata %.3f ms, html::parse %.3f ms\n", i + 1,
                slow[i].page.c_str(), slow[i].metadata_ms, slow[i].parse_ms);
  std::printf("goal: metadata/parse under 0.200\n");
  if (sink == 42) std::printf(" ");
  return 0;
}
