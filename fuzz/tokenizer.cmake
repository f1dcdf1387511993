# fuzz_tokenizer: html::Tokenizer driven directly, with fuzzer-chosen state switches between
# tokens and the Token contract checked on every token. Seeds: fuzz/seeds/tokenizer/.
klartext_fuzzer(fuzz_tokenizer tokenizer_fuzzer.cc klartext_html)
