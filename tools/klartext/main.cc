// The klartext command line: one executable, one subcommand per job.
// Tested end to end in tests/cli/cli_test.cc.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**, int);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"extract", klartext::cli::run_extract,
     "main content and metadata of web pages, as text, Markdown or JSON"},
    {"corpus", klartext::cli::run_corpus, "WARC archives to a clean, deduplicated JSONL corpus"},
    {"dedup", klartext::cli::run_dedup, "near duplicates across corpus runs (signature files)"},
    {"parse", klartext::cli::run_parse, "parse HTML into a DOM (html5lib tree format, checks)"},
    {"encoding", klartext::cli::run_encoding, "detect a page's character encoding, and why"},
    {"eval", klartext::cli::run_eval, "score extraction on the benchmark datasets"},
};

void print_help(FILE* out) {
  std::fprintf(out,
               "klartext - turns the raw web into clean text\n\n"
               "usage: klartext <command> [options] [FILE...]\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\n'klartext <command> --help' explains a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_help(stderr);
    return 2;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    print_help(stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("klartext 0.1.0\n");
    return 0;
  }
  for (const auto& c : kCommands)
    if (cmd == c.name) return c.run(argc, argv, 2);
  std::fprintf(stderr, "klartext: unknown command '%s'\n\n", argv[1]);
  print_help(stderr);
  return 2;
}
