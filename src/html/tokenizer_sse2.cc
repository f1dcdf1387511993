// The tokenizer's state machine with 16-byte SSE2 scans (x86-64 baseline). Tested in
// tests/html/tokenizer_test.cc.
#include "html/tokenizer_internal.h"

#if defined(__SSE2__)
#define KLARTEXT_TOKENIZER_SIMD 1
#define KLARTEXT_TOKENIZER_OPS kTokenizerSse2
#include "html/tokenizer_impl.inc"
#endif
