# fuzz_html: html::parse and html::parse_fragment on arbitrary bytes, with small limits; the tree
# must stay well linked and dumpable. Seeds: fuzz/seeds/html/.
klartext_fuzzer(fuzz_html html_fuzzer.cc klartext_html)
