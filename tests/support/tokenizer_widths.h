// Runs a test once per vector width of the HTML tokenizer (bytes only, SSE2, AVX2), for the
// html5lib suites in tests/html/tokenizer_test.cc and tests/html/tree_builder_test.cc.
#ifndef KLARTEXT_TESTS_SUPPORT_TOKENIZER_WIDTHS_H_
#define KLARTEXT_TESTS_SUPPORT_TOKENIZER_WIDTHS_H_

#include <cstdio>
#include <utility>

#include "html/tokenizer.h"

namespace klartext::html {

// Calls run(label) with each width set in turn; widths this build or CPU lacks are reported and
// skipped. The default (widest) width is set again afterwards.
template <typename Run>
void for_each_tokenizer_width(Run&& run) {
  const std::pair<TokenizerSimd, const char*> kWidths[] = {{TokenizerSimd::kScalar, "bytes"},
                                                           {TokenizerSimd::kSse2, "sse2"},
                                                           {TokenizerSimd::kAvx2, "avx2"}};
  for (auto [simd, label] : kWidths) {
    if (!set_tokenizer_simd(simd)) {
      std::printf("%-6s not in this build or CPU: skipped\n", label);
      continue;
    }
    run(label);
  }
  set_tokenizer_simd(TokenizerSimd::kBest);
}

}  // namespace klartext::html

#endif  // KLARTEXT_TESTS_SUPPORT_TOKENIZER_WIDTHS_H_
