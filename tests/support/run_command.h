// Runs a shell command from a test and captures its standard output and exit code; used by the
// end-to-end tests of the klartext executable (tests/cli, tests/api, tests/html, tests/eval).
#ifndef KLARTEXT_TESTS_SUPPORT_RUN_COMMAND_H_
#define KLARTEXT_TESTS_SUPPORT_RUN_COMMAND_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace klartext::testing {

struct CommandRun {
  int code = -1;    // exit code; -1 when the command could not start or was killed
  std::string out;  // everything it wrote to standard output
};

// `command` goes to /bin/sh as it is, so it may redirect ("2>&1", "< file").
inline CommandRun run_command(const std::string& command) {
  CommandRun r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace klartext::testing

#endif  // KLARTEXT_TESTS_SUPPORT_RUN_COMMAND_H_
