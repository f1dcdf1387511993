# fuzz_decode: decode_html and decode_as on arbitrary bytes; the output must always be valid UTF-8.
klartext_fuzzer(fuzz_decode decode_fuzzer.cc klartext_decode)
