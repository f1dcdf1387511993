# parse_bench: full-parse throughput (tokenizer + tree builder) on the scrapinghub pages against
# Gumbo and libxml2's htmlReadMemory in the same run, plus DOM memory per input byte.
add_executable(parse_bench ${CMAKE_CURRENT_LIST_DIR}/parse_bench.cc)
target_link_libraries(parse_bench PRIVATE klartext_html klartext_base)
target_compile_options(parse_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(parse_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
if(GUMBO_FOUND)
  target_link_libraries(parse_bench PRIVATE PkgConfig::GUMBO)
  target_compile_definitions(parse_bench PRIVATE KLARTEXT_HAVE_GUMBO=1)
endif()
if(LibXml2_FOUND)
  target_link_libraries(parse_bench PRIVATE LibXml2::LibXml2)
  target_compile_definitions(parse_bench PRIVATE KLARTEXT_HAVE_LIBXML2=1)
endif()
