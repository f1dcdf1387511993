# tokenize_bench: tokenizer-only throughput on the scrapinghub pages, against a memchr scan of
# the same bytes (and Gumbo's full parse when available) measured in the same run.
add_executable(tokenize_bench ${CMAKE_CURRENT_LIST_DIR}/tokenize_bench.cc)
target_link_libraries(tokenize_bench PRIVATE klartext_html klartext_base)
target_compile_options(tokenize_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(tokenize_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
if(GUMBO_FOUND)
  target_link_libraries(tokenize_bench PRIVATE PkgConfig::GUMBO)
  target_compile_definitions(tokenize_bench PRIVATE KLARTEXT_HAVE_GUMBO=1)
endif()
