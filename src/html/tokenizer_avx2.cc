// The tokenizer's state machine with 32-byte AVX2 scans, for x86-64 CPUs that have AVX2 and
// BMI1 (tzcnt; every AVX2 CPU has it; tokenizer.cc checks both before using it). Tested in
// tests/html/tokenizer_test.cc.
#include "html/tokenizer_internal.h"

#if KLARTEXT_TOKENIZER_HAS_AVX2
// Every function defined from here on is compiled for AVX2 and BMI1. All library headers are
// included above, so their inline functions and templates keep the default target: no code another
// file shares can come out with AVX2 instructions in it.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,bmi"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2,bmi")
#endif

#define KLARTEXT_TOKENIZER_SIMD 2
#define KLARTEXT_TOKENIZER_OPS kTokenizerAvx2
#include "html/tokenizer_impl.inc"

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#endif
