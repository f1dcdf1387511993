# corpus_bench: the whole corpus job on a Common Crawl-like WARC built from the dev pages, per
# core, against `gzip -dc` of the same file in the same run.
add_executable(corpus_bench ${CMAKE_CURRENT_LIST_DIR}/corpus_bench.cc)
target_link_libraries(corpus_bench PRIVATE klartext_pipeline klartext_warc klartext_base)
target_compile_options(corpus_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(corpus_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
