# Libraries the subcommands link. Each stage's owner adds its target here when its cmd_*.cc lands.
list(APPEND KLARTEXT_CLI_DEPS klartext_base)
