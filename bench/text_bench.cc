// Throughput of the text-level corpus stages on real article texts (the articleBody gold texts
// of KLARTEXT_DATA_DIR/scrapinghub/ground-truth.json, or the "text" fields of a JSONL file).
// Usage: text_bench [rounds [stage-name-substring ("" for all) [file.jsonl]]]. Built by
// bench/text_bench.cmake; prints docs/s, MB/s and ratios to naive references.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/file.h"
#include "dedup/exact.h"
#include "dedup/lsh.h"
#include "dedup/minhash.h"
#include "dedup/normalize.h"
#include "text/filters.h"
#include "text/lang_id.h"
#include "text/pii.h"
#include "text/words.h"

namespace {

// Thread CPU time: the machine is shared, wall time would count other processes.
double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

size_t g_sink = 0;             // keeps results alive so the optimiser cannot drop the work
const char* g_only = nullptr;  // run only stages whose name contains this (for profiling)

struct Measure {
  double seconds;
  double docs_per_s;
  double mb_per_s;
};

Measure run(const char* name, const std::vector<std::string>& docs, size_t bytes, int rounds,
            const std::function<size_t(const std::string&)>& fn) {
  if (g_only != nullptr && std::strstr(name, g_only) == nullptr) return {1, 1, 1};
  double start = cpu_now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& d : docs) g_sink += fn(d);
  }
  double s = cpu_now() - start;
  Measure m{s, static_cast<double>(docs.size()) * rounds / s,
            static_cast<double>(bytes) * rounds / s / 1e6};
  std::printf("%-34s %10.0f docs/s %9.1f MB/s\n", name, m.docs_per_s, m.mb_per_s);
  return m;
}

// The reference MinHash: the obvious scalar loop, with the % operator.
void naive_minhash(const uint64_t* h, size_t n, const std::vector<uint64_t>& a,
                   const std::vector<uint64_t>& b, uint64_t* sig) {
  for (size_t j = 0; j < a.size(); ++j) {
    uint64_t best = ~uint64_t(0);
    for (size_t i = 0; i < n; ++i)
      best = std::min(best, (h[i] * a[j] + b[j]) % klartext::dedup::kMersenne61);
    sig[j] = best;
  }
}

int run_stages(const std::vector<std::string>& docs, size_t bytes, int rounds);

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  if (argc > 2 && argv[2][0] != 0) g_only = argv[2];
  std::vector<std::string> docs;
  size_t bytes = 0;
  if (argc > 3) {
    // A JSONL file whose lines hold a "text" field (a klartext corpus shard, uncompressed): the
    // texts a corpus run filters and hashes, longer than the gold article bodies.
    auto jsonl = klartext::base::read_file(argv[3]);
    if (!jsonl.ok()) {
      std::fprintf(stderr, "text_bench: %s\n", jsonl.status().to_string().c_str());
      return 1;
    }
    simdjson::dom::parser line_parser;
    std::string_view all = *jsonl;
    while (!all.empty()) {
      size_t nl = all.find('\n');
      std::string_view line = all.substr(0, nl);
      all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
      simdjson::dom::element doc;
      std::string_view text;
      if (line.empty() || line_parser.parse(line).get(doc) != simdjson::SUCCESS ||
          doc["text"].get_string().get(text) != simdjson::SUCCESS)
        continue;
      docs.emplace_back(text);
      bytes += text.size();
    }
    std::printf("text_bench: %zu texts of %s, %.2f MB, %d rounds\n", docs.size(), argv[3],
                bytes / 1e6, rounds);
    return run_stages(docs, bytes, rounds);
  }
  std::string path = std::string(KLARTEXT_DATA_DIR) + "/scrapinghub/ground-truth.json";
  auto json = klartext::base::read_file(path);
  if (!json.ok()) {
    std::fprintf(stderr, "text_bench: %s\n", json.status().to_string().c_str());
    return 1;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(*json).get(root) != simdjson::SUCCESS) {
    std::fprintf(stderr, "text_bench: cannot parse %s\n", path.c_str());
    return 1;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return 1;
  for (auto field : obj) {
    std::string_view body;
    if (field.value["articleBody"].get_string().get(body) != simdjson::SUCCESS) continue;
    docs.emplace_back(body);
    bytes += body.size();
  }
  std::printf("text_bench: %zu gold texts, %.2f MB, %d rounds\n", docs.size(), bytes / 1e6, rounds);
  return run_stages(docs, bytes, rounds);
}

namespace {

int run_stages(const std::vector<std::string>& docs, size_t bytes, int rounds) {
  namespace text = klartext::text;
  namespace dedup = klartext::dedup;

  // Word segmentation against a plain whitespace split.
  Measure ws_ref =
      run("reference: whitespace split", docs, bytes, rounds, [](const std::string& d) {
        size_t n = 0;
        bool in = false;
        for (char c : d) {
          bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
          n += !sp && !in;
          in = !sp;
        }
        return n;
      });
  text::WordSegmenter seg;
  std::vector<std::string_view> words;
  Measure ws = run("segment words", docs, bytes, rounds, [&](const std::string& d) {
    seg.words(d, &words);
    return words.size();
  });
  if (g_only == nullptr)
    std::printf("  segmentation / whitespace split: %.2fx the time\n",
                ws_ref.docs_per_s / ws.docs_per_s);

  auto lid = text::make_cld2_identifier();
  text::LangIdOptions whole;
  whole.max_prefix_bytes = 0;
  auto lid_whole = text::make_cld2_identifier(whole);
  Measure l2k = run("language ID (CLD2, 2 KB prefix)", docs, bytes, rounds,
                    [&](const std::string& d) { return lid->identify(d).code.size(); });
  Measure lall = run("language ID (CLD2, whole text)", docs, bytes, rounds,
                     [&](const std::string& d) { return lid_whole->identify(d).code.size(); });
  size_t agree = 0;
  if (g_only == nullptr) {
    for (const std::string& d : docs) agree += lid->identify(d).code == lid_whole->identify(d).code;
  }
  if (g_only == nullptr)
    std::printf("  2 KB prefix: %.2fx faster, same answer on %zu of %zu\n",
                l2k.docs_per_s / lall.docs_per_s, agree, docs.size());

  text::QualityFilter fineweb(*text::filter_preset("fineweb"));
  text::FilterWorkspace fws;
  size_t kept = 0;
  std::map<std::string, int> reasons;
  for (const std::string& d : docs) {
    text::FilterOutcome o = fineweb.run(d, fws);
    kept += o.keep;
    if (!o.keep) ++reasons[o.filter + "/" + o.reason];
  }
  run("FineWeb filter preset", docs, bytes, rounds,
      [&](const std::string& d) { return fineweb.run(d, fws).keep ? 1 : 0; });
  std::printf("  kept %zu of %zu gold texts; dropped by:", kept, docs.size());
  for (const auto& [reason, count] : reasons) std::printf(" %s %d", reason.c_str(), count);
  std::printf("\n");

  text::PiiOptions pii_options;
  std::string pii_out;
  run("PII masking", docs, bytes, rounds,
      [&](const std::string& d) { return text::mask_pii(d, pii_options, &pii_out).total(); });

  std::string norm;
  run("normalise for dedup", docs, bytes, rounds, [&](const std::string& d) {
    dedup::normalize_for_dedup(d, &norm);
    return norm.size();
  });
  run("exact hash (normalised XXH3)", docs, bytes, rounds,
      [&](const std::string& d) { return static_cast<size_t>(dedup::exact_hash(d, &norm) & 1); });

  dedup::MinHasher hasher = *dedup::MinHasher::create({});
  dedup::MinHashWorkspace mws;
  std::vector<uint64_t> sig(hasher.num_hashes());
  Measure mh =
      run("MinHash signature (112 hashes)", docs, bytes, rounds, [&](const std::string& d) {
        return hasher.signature(d, mws, sig.data()) ? static_cast<size_t>(sig[0] & 1) : 0;
      });
  // The permutation kernel alone, on the same shingle hashes: ours against the naive loop.
  std::vector<std::vector<uint64_t>> shingles;
  for (const std::string& d : docs) {
    if (hasher.signature(d, mws, sig.data())) shingles.push_back(mws.shingles);
  }
  auto kernel_run = [&](const char* name, bool naive) {
    if (g_only != nullptr && std::strstr(name, g_only) == nullptr) return 1.0;
    double start = cpu_now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& h : shingles) {
        if (naive) {
          naive_minhash(h.data(), h.size(), hasher.perm_a(), hasher.perm_b(), sig.data());
        } else {
          hasher.signature_from_hashes(h.data(), h.size(), sig.data());
        }
        g_sink += sig[0] & 1;
      }
    }
    double s = cpu_now() - start;
    double dps = static_cast<double>(shingles.size()) * rounds / s;
    std::printf("%-34s %10.0f docs/s\n", name, dps);
    return dps;
  };
  double ours = kernel_run("MinHash kernel only", false);
  double ref = kernel_run("reference: naive kernel (% op)", true);
  if (g_only == nullptr)
    std::printf("  MinHash kernel: %.2fx the naive loop's speed; full signature %.0f docs/s\n",
                ours / ref, mh.docs_per_s);
  // LSH index memory and speed per million documents (random signatures: all new, the worst
  // case for memory).
  if (g_only == nullptr || std::strstr("LSH index", g_only) != nullptr) {
    dedup::LshIndex index(hasher.config());
    uint64_t state = 12345;
    std::vector<uint64_t> rs(hasher.num_hashes());
    const int kDocs = 1000000;
    double start = cpu_now();
    for (int d = 0; d < kDocs; ++d) {
      for (auto& v : rs) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        v = (state >> 3) % dedup::kMersenne61;
      }
      g_sink += index.add(rs.data())->duplicate;
    }
    double s = cpu_now() - start;
    std::printf("LSH index, 1M new documents        %10.0f docs/s, %.0f MB (%.0f bytes/doc)\n",
                kDocs / s, index.memory_bytes() / 1e6,
                static_cast<double>(index.memory_bytes()) / kDocs);
  }
  return g_sink == 42 ? 1 : 0;
}
}  // namespace
