// A small command-line option parser shared by the klartext subcommands.
// Tested in tests/cli/args_test.cc.
#ifndef KLARTEXT_TOOLS_ARGS_H_
#define KLARTEXT_TOOLS_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace klartext::cli {

// Parses "--name value", "--name=value", boolean "--flag" and positionals. Options that take a
// value are declared up front, so "--flag FILE" is never misread. "-" is a positional (stdin),
// "--" ends the options.
class Args {
 public:
  Args(std::set<std::string> value_options, std::set<std::string> flag_options)
      : value_options_(std::move(value_options)), flag_options_(std::move(flag_options)) {}

  // Returns false and sets error() on an unknown option or a missing value.
  bool parse(int argc, char** argv, int first);

  bool has(const std::string& name) const { return values_.count(name) || flags_.count(name); }
  std::string get(const std::string& name, const std::string& fallback = "") const;
  // The option's value read as a positive number, all of it ("100", "2.5"); false, with
  // *value untouched, when the option is missing or its value is anything else.
  bool get_positive(const std::string& name, double* value) const;
  // All values given for a repeatable option, in order.
  std::vector<std::string> get_all(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  const std::string& error() const { return error_; }

 private:
  std::set<std::string> value_options_;
  std::set<std::string> flag_options_;
  std::multimap<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positionals_;
  std::string error_;
};

}  // namespace klartext::cli

#endif  // KLARTEXT_TOOLS_ARGS_H_
