// The klartext subcommands. Each lives in its own cmd_<name>.cc and is a thin layer over the
// library stages; main.cc dispatches. Tested end to end in tests/cli/.
#ifndef KLARTEXT_TOOLS_COMMANDS_H_
#define KLARTEXT_TOOLS_COMMANDS_H_

namespace klartext::cli {

// Each gets argv with argv[first] the first argument after the subcommand name, and returns
// the process exit code (0 ok, 1 some input failed, 2 usage error).
int run_parse(int argc, char** argv, int first);
int run_extract(int argc, char** argv, int first);
int run_corpus(int argc, char** argv, int first);
int run_eval(int argc, char** argv, int first);
int run_encoding(int argc, char** argv, int first);
int run_dedup(int argc, char** argv, int first);

}  // namespace klartext::cli

#endif  // KLARTEXT_TOOLS_COMMANDS_H_
