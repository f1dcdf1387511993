# warc_bench: records/s and MB/s of reading a per-record-gzip WARC built from the scrapinghub
# pages, against plain zlib and libdeflate decompression of the same bytes in the same run.
add_executable(warc_bench ${CMAKE_CURRENT_LIST_DIR}/warc_bench.cc)
target_link_libraries(warc_bench PRIVATE klartext_warc klartext_base ZLIB::ZLIB klartext_libdeflate)
target_compile_options(warc_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(warc_bench PRIVATE KLARTEXT_DATA_DIR="${KLARTEXT_DATA_DIR}")
