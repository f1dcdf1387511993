// Shared by the tokenizer's files: the entry points of each compiled instance of the state
// machine (tokenizer_impl.inc) and the headers it needs. Tested through
// tests/html/tokenizer_test.cc.
#ifndef KLARTEXT_HTML_TOKENIZER_INTERNAL_H_
#define KLARTEXT_HTML_TOKENIZER_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "html/entities.h"
#include "html/token.h"
#include "html/tokenizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// AVX2 code is built on x86-64 with GCC or Clang (target pragmas) and run after a CPU check.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KLARTEXT_TOKENIZER_HAS_AVX2 1
#include <immintrin.h>
#else
#define KLARTEXT_TOKENIZER_HAS_AVX2 0
#endif

namespace klartext::html {

// One instance of the state machine: the Tokenizer's methods, on its opaque state.
struct TokenizerOps {
  void* (*create)(std::string_view input);
  void (*destroy)(void* state);
  void (*next)(void* state, Token& token);
  void (*set_state)(void* state, TokenizerState s);
  void (*set_last_start_tag)(void* state, std::string_view name);
  void (*set_allow_cdata)(void* state, bool allow);
  bool (*end_unclosed_text_at)(void* state, std::string_view fallback);
  size_t (*error_count)(const void* state);
};

extern const TokenizerOps kTokenizerScalar;  // tokenizer_scalar.cc: every target
#if defined(__SSE2__)
extern const TokenizerOps kTokenizerSse2;  // tokenizer_sse2.cc
#endif
#if KLARTEXT_TOKENIZER_HAS_AVX2
extern const TokenizerOps kTokenizerAvx2;  // tokenizer_avx2.cc: only where the CPU has AVX2
#endif

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_TOKENIZER_INTERNAL_H_
