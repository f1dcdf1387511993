# fuzz_extract: the whole public extract() (decode, parse, metadata, extraction, Markdown, JSON)
# on arbitrary bytes. Seeds: fuzz/seeds/extract/.
klartext_fuzzer(fuzz_extract extract_fuzzer.cc klartext_api)
