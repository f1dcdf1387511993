// The tokenizer's state machine with byte-at-a-time scans: the only instance on targets
// without SSE2; on x86-64 tests run it. Tested in tests/html/tokenizer_test.cc.
#include "html/tokenizer_internal.h"

#define KLARTEXT_TOKENIZER_SIMD 0
#define KLARTEXT_TOKENIZER_OPS kTokenizerScalar
#include "html/tokenizer_impl.inc"
