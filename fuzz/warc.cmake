# fuzz_warc: the WARC/ARC reader (all compressions) and HTTP payload decoding over arbitrary bytes.
klartext_fuzzer(fuzz_warc warc_fuzzer.cc klartext_warc)
