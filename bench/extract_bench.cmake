# extract_bench: end-to-end klartext::extract (decode, parse, metadata, extraction, JSON) on the
# scrapinghub pages, with libxml2's bare htmlReadMemory on the same bytes in the same run.
add_executable(extract_bench ${CMAKE_CURRENT_LIST_DIR}/extract_bench.cc)
target_link_libraries(extract_bench PRIVATE klartext_api klartext_html klartext_base)
target_compile_options(extract_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(extract_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
if(LibXml2_FOUND)
  target_link_libraries(extract_bench PRIVATE LibXml2::LibXml2)
  target_compile_definitions(extract_bench PRIVATE KLARTEXT_HAVE_LIBXML2=1)
endif()
