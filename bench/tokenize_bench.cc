// Tokenizer throughput on real pages (KLARTEXT_DATA_DIR/scrapinghub/html/*.html.gz), with the
// state switches a tree builder makes. Usage: tokenize_bench [rounds]. Built by
// bench/tokenize_bench.cmake; checks itself only by printing token counts.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "html/parser.h"
#include "html/tokenizer.h"

#if defined(KLARTEXT_HAVE_GUMBO)
#include <gumbo.h>
#endif

namespace {

using klartext::html::Token;
using klartext::html::TokenizerState;
using klartext::html::TokenType;
namespace dom = klartext::dom;

// What the tree builder does after these start tags (scripting off, HTML namespace).
void switch_state(klartext::html::Tokenizer& tok, dom::Tag tag) {
  switch (tag) {
    case dom::Tag::kScript:
      tok.set_state(TokenizerState::kScriptData);
      break;
    case dom::Tag::kStyle:
    case dom::Tag::kXmp:
    case dom::Tag::kIframe:
    case dom::Tag::kNoembed:
    case dom::Tag::kNoframes:
      tok.set_state(TokenizerState::kRawtext);
      break;
    case dom::Tag::kTitle:
    case dom::Tag::kTextarea:
      tok.set_state(TokenizerState::kRcdata);
      break;
    case dom::Tag::kPlaintext:
      tok.set_state(TokenizerState::kPlaintext);
      break;
    default:
      break;
  }
}

size_t tokenize(const std::string& page, size_t* tokens) {
  klartext::html::Tokenizer tok(page);
  Token t;
  size_t sum = 0;
  for (;;) {
    tok.next(t);
    ++*tokens;
    if (t.type == TokenType::kEof) break;
    if (t.type == TokenType::kStartTag) {
      sum += t.attrs.size();
      switch_state(tok, t.tag);
    }
    sum += t.data.size();
  }
  return sum;
}

// Thread CPU time: the benchmark machine is shared, and wall time would count other processes.
double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double seconds_since(double start) { return cpu_now() - start; }

}  // namespace

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  std::vector<std::string> pages;
  size_t bytes = 0;
  std::filesystem::path dir = std::filesystem::path(KLARTEXT_DATA_DIR) / "scrapinghub" / "html";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    auto page = klartext::base::read_maybe_gzip(e.path().string());
    if (!page.ok()) continue;
    bytes += page.value().size();
    pages.push_back(std::move(page.value()));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no pages under %s\n", dir.c_str());
    return 1;
  }
  double mb = static_cast<double>(bytes) * rounds / 1e6;

  // The best round is reported beside the mean: on a shared machine it is the stable figure.
  size_t tokens = 0, sum = 0;
  double tok_s = 0, best_s = 1e30;
  for (int r = 0; r < rounds; ++r) {
    double start = cpu_now();
    for (const std::string& p : pages) sum += tokenize(p, &tokens);
    double s = seconds_since(start);
    tok_s += s;
    best_s = std::min(best_s, s);
  }

  // Each vector width of the tokenizer (html::set_tokenizer_simd) on the same pages, best round:
  // the widths tokenize alike (tokenizer_test), so this is their speed alone.
  struct Width {
    klartext::html::TokenizerSimd simd;
    const char* name;
    double best = 0;  // 0: not in this build or CPU
  };
  Width widths[] = {{klartext::html::TokenizerSimd::kScalar, "bytes only"},
                    {klartext::html::TokenizerSimd::kSse2, "SSE2"},
                    {klartext::html::TokenizerSimd::kAvx2, "AVX2"}};
  // Rounds alternate between the widths, so a change in the machine's load hits them alike.
  for (Width& w : widths)
    if (klartext::html::set_tokenizer_simd(w.simd)) w.best = 1e30;
  for (int r = 0; r < rounds; ++r) {
    for (Width& w : widths) {
      if (w.best == 0) continue;
      klartext::html::set_tokenizer_simd(w.simd);
      size_t width_tokens = 0, width_sum = 0;
      double start = cpu_now();
      for (const std::string& p : pages) width_sum += tokenize(p, &width_tokens);
      w.best = std::min(w.best, seconds_since(start));
      if (width_sum * rounds != sum)
        std::fprintf(stderr, "width %s: checksum %zu, not %zu\n", w.name, width_sum * rounds, sum);
    }
  }
  klartext::html::set_tokenizer_simd(klartext::html::TokenizerSimd::kBest);

  // The whole parser (tokenizer + tree builder) on the same pages, for scale.
  double parse_best = 1e30;
  size_t parsed = 0;
  for (int r = 0; r < rounds; ++r) {
    double start = cpu_now();
    for (const std::string& p : pages) parsed += klartext::html::parse(p).ok();
    parse_best = std::min(parse_best, seconds_since(start));
  }

  // Reference floor: one memchr pass for '<' over the same bytes.
  size_t lts = 0;
  double start = cpu_now();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& p : pages) {
      const char* s = p.data();
      const char* end = s + p.size();
      while ((s = static_cast<const char*>(std::memchr(s, '<', static_cast<size_t>(end - s))))) {
        ++lts;
        ++s;
      }
    }
  }
  double memchr_s = seconds_since(start);

  std::printf("pages %zu, %.1f MB x %d rounds, %zu tokens/round (checksum %zu, '<' %zu)\n",
              pages.size(), static_cast<double>(bytes) / 1e6, rounds, tokens / rounds, sum, lts);
  std::printf("klartext tokenizer : %8.1f MB/s mean, %8.1f MB/s best round\n", mb / tok_s,
              static_cast<double>(bytes) / 1e6 / best_s);
  for (const Width& w : widths) {
    if (w.best == 0) {
      std::printf("  width %-10s : not in this build or CPU\n", w.name);
      continue;
    }
    std::printf("  width %-10s : %8.1f MB/s best round (%.3fx the time of SSE2)\n", w.name,
                static_cast<double>(bytes) / 1e6 / w.best,
                widths[1].best > 0 ? w.best / widths[1].best : 0.0);
  }
  std::printf("html::parse        : %8.1f MB/s best round (%zu documents)\n",
              static_cast<double>(bytes) / 1e6 / parse_best, parsed);
  std::printf("memchr('<') scan   : %8.1f MB/s  (tokenizer = %.2fx of it)\n", mb / memchr_s,
              memchr_s / tok_s);
#if defined(KLARTEXT_HAVE_GUMBO)
  int gumbo_rounds = rounds < 3 ? rounds : 3;
  start = cpu_now();
  size_t nodes = 0;
  for (int r = 0; r < gumbo_rounds; ++r) {
    for (const std::string& p : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
      nodes += out->root->v.element.children.length;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
  }
  double gumbo_s = seconds_since(start);
  double gumbo_mb = static_cast<double>(bytes) * gumbo_rounds / 1e6;
  std::printf("gumbo full parse   : %8.1f MB/s  (tokenizer = %.1fx of it; %zu)\n",
              gumbo_mb / gumbo_s, (mb / tok_s) / (gumbo_mb / gumbo_s), nodes);
#endif
  return 0;
}
