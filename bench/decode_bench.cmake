# decode_bench: MB/s of UTF-8 validation, windows-1252 and Shift_JIS decoding, against ICU's
# ucnv_convertEx (the reference) in the same run.
add_executable(decode_bench ${CMAKE_CURRENT_SOURCE_DIR}/decode_bench.cc)
target_link_libraries(decode_bench PRIVATE klartext_decode klartext_base)
target_compile_options(decode_bench PRIVATE ${KLARTEXT_WARNINGS})
target_compile_definitions(decode_bench PRIVATE KLARTEXT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
