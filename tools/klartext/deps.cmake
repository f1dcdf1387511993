# Libraries the subcommands link: each cmd_*.cc's stages.
list(APPEND KLARTEXT_CLI_DEPS klartext_base)
# eval (cmd_eval.cc): scorers, default data/comparison folders, the extractor once it exists.
list(APPEND KLARTEXT_CLI_DEPS klartext_eval)
add_library(klartext_cli_eval_config INTERFACE)
target_compile_definitions(klartext_cli_eval_config INTERFACE
  KLARTEXT_EVAL_DATA_DIR="${KLARTEXT_DATA_DIR}"
  KLARTEXT_EVAL_COMPARE_DIR="${PROJECT_SOURCE_DIR}/bench/compare")
if(TARGET klartext_api)
  target_compile_definitions(klartext_cli_eval_config INTERFACE KLARTEXT_EVAL_HAS_API=1)
  list(APPEND KLARTEXT_CLI_DEPS klartext_api)
endif()
list(APPEND KLARTEXT_CLI_DEPS klartext_cli_eval_config)
# parse (cmd_parse.cc): the HTML parser, the decoder for input bytes.
list(APPEND KLARTEXT_CLI_DEPS klartext_html klartext_decode)
# extract (cmd_extract.cc): the public API (decode, html, metadata, extract).
list(APPEND KLARTEXT_CLI_DEPS klartext_api)
# encoding (cmd_encoding.cc): the decode stage.
list(APPEND KLARTEXT_CLI_DEPS klartext_decode)
# corpus (cmd_corpus.cc): the corpus pipeline.
list(APPEND KLARTEXT_CLI_DEPS klartext_pipeline)
# dedup (cmd_dedup.cc): the global near-duplicate pass over signature files.
list(APPEND KLARTEXT_CLI_DEPS klartext_dedup)
