// The WHATWG HTML tokenizer (§13.2.5): picks the instance of the state machine
// (tokenizer_impl.inc) with the widest vector code this build and CPU run, and forwards to it.
// Tested in tests/html/tokenizer_test.cc (html5lib tokenizer suite with each width, plus
// zero-copy and robustness tests).
#include "html/tokenizer.h"

#include <atomic>

#include "html/tokenizer_internal.h"

namespace klartext::html {
namespace {

// The width set_tokenizer_simd chose for tokenizers constructed from now on.
std::atomic<TokenizerSimd> g_simd{TokenizerSimd::kBest};

bool cpu_has_avx2() {
#if KLARTEXT_TOKENIZER_HAS_AVX2
  // tokenizer_avx2.cc is compiled for AVX2 and BMI1. __builtin_cpu_supports also checks that
  // the OS saves the YMM registers.
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi");
  }();
  return has;
#else
  return false;
#endif
}

// The instance for `simd`, or null when this build or CPU lacks it.
const TokenizerOps* ops_for(TokenizerSimd simd) {
  switch (simd) {
    case TokenizerSimd::kBest:
      if (const TokenizerOps* avx2 = ops_for(TokenizerSimd::kAvx2)) return avx2;
      if (const TokenizerOps* sse2 = ops_for(TokenizerSimd::kSse2)) return sse2;
      return &kTokenizerScalar;
    case TokenizerSimd::kScalar:
      return &kTokenizerScalar;
    case TokenizerSimd::kSse2:
#if defined(__SSE2__)
      return &kTokenizerSse2;
#else
      return nullptr;
#endif
    case TokenizerSimd::kAvx2:
#if KLARTEXT_TOKENIZER_HAS_AVX2
      return cpu_has_avx2() ? &kTokenizerAvx2 : nullptr;
#else
      return nullptr;
#endif
  }
  return nullptr;
}

}  // namespace

bool set_tokenizer_simd(TokenizerSimd simd) {
  if (!ops_for(simd)) return false;
  g_simd.store(simd, std::memory_order_relaxed);
  return true;
}

Tokenizer::Tokenizer(std::string_view input)
    : ops_(ops_for(g_simd.load(std::memory_order_relaxed))),
      impl_(ops_->create(input)),
      next_(ops_->next) {}
Tokenizer::~Tokenizer() { ops_->destroy(impl_); }

void Tokenizer::set_state(TokenizerState state) { ops_->set_state(impl_, state); }

void Tokenizer::set_last_start_tag(std::string_view name) { ops_->set_last_start_tag(impl_, name); }

void Tokenizer::set_allow_cdata(bool allow) { ops_->set_allow_cdata(impl_, allow); }

bool Tokenizer::end_unclosed_text_at(std::string_view fallback) {
  return ops_->end_unclosed_text_at(impl_, fallback);
}

size_t Tokenizer::error_count() const { return ops_->error_count(impl_); }

}  // namespace klartext::html
