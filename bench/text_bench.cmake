# text_bench: docs/s and MB/s of language ID, word segmentation, the FineWeb filter preset,
# normalisation and MinHash on the scrapinghub gold texts, against naive references in the
# same run (whitespace split; scalar MinHash with the % operator).
add_executable(text_bench ${CMAKE_CURRENT_LIST_DIR}/text_bench.cc)
target_link_libraries(text_bench PRIVATE klartext_text klartext_dedup klartext_base
                                         simdjson::simdjson)
target_compile_options(text_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(text_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
