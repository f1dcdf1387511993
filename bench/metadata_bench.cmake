# metadata_bench: metadata::extract_metadata beside html::parse on the same scrapinghub and
# wcxb-dev pages in the same run (ms/page and the metadata/parse ratio; goal under 0.2).
add_executable(metadata_bench ${CMAKE_CURRENT_LIST_DIR}/metadata_bench.cc)
target_link_libraries(metadata_bench PRIVATE klartext_metadata klartext_html klartext_decode
                                             klartext_base)
target_compile_options(metadata_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(metadata_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
