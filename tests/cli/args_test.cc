// Tests of the CLI option parser (tools/klartext/args.h): values, flags, positionals, errors.
#include "args.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace klartext::cli {
namespace {

// Parses argv-style words after a leading program and command name, as main.cc hands them on.
bool parse_words(Args& args, std::vector<std::string> words) {
  words.insert(words.begin(), {"klartext", "cmd"});
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return args.parse(int(argv.size()), argv.data(), 2);
}

// Names are declared without dashes; "--name" and "-name" both reach them.
Args make_args() { return Args({"format", "o", "url"}, {"quiet", "help"}); }

TEST(ArgsTest, ValuesFlagsAndPositionals) {
  Args a = make_args();
  ASSERT_TRUE(parse_words(a, {"--format", "json", "page.html", "--quiet", "-o=out", "b.html"}))
      << a.error();
  EXPECT_EQ(a.get("format"), "json");
  EXPECT_EQ(a.get("o"), "out");
  EXPECT_TRUE(a.has("quiet"));
  EXPECT_FALSE(a.has("help"));
  EXPECT_FALSE(a.has("url"));
  EXPECT_EQ(a.get("url", "none"), "none");
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"page.html", "b.html"}));
}

TEST(ArgsTest, ValueOptionTakesTheNextWordEvenIfItLooksLikeAFlag) {
  Args a = make_args();
  ASSERT_TRUE(parse_words(a, {"--url", "--quiet"})) << a.error();
  EXPECT_EQ(a.get("url"), "--quiet");
  EXPECT_FALSE(a.has("quiet"));
}

TEST(ArgsTest, RepeatedValuesKeepTheirOrder) {
  Args a = make_args();
  ASSERT_TRUE(parse_words(a, {"--url", "a", "--url=b", "--url", "c"})) << a.error();
  EXPECT_EQ(a.get_all("url"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ArgsTest, DashIsStdinAndDoubleDashEndsOptions) {
  Args a = make_args();
  ASSERT_TRUE(parse_words(a, {"-", "--", "--quiet", "--format"})) << a.error();
  EXPECT_EQ(a.positionals(), (std::vector<std::string>{"-", "--quiet", "--format"}));
  EXPECT_FALSE(a.has("quiet"));
}

TEST(ArgsTest, UnknownOptionIsAnError) {
  Args a = make_args();
  EXPECT_FALSE(parse_words(a, {"--colour", "red"}));
  EXPECT_NE(a.error().find("--colour"), std::string::npos) << a.error();
}

TEST(ArgsTest, MissingValueIsAnError) {
  Args a = make_args();
  EXPECT_FALSE(parse_words(a, {"page.html", "--format"}));
  EXPECT_NE(a.error().find("--format"), std::string::npos) << a.error();
}

TEST(ArgsTest, PositiveNumberMustBeTheWholeValue) {
  Args a({"ms", "n", "z", "neg", "empty"}, {});
  ASSERT_TRUE(
      parse_words(a, {"--ms", "2.5", "--n", "100ms", "--z", "0", "--neg", "-3", "--empty="}))
      << a.error();
  double v = -1;
  EXPECT_TRUE(a.get_positive("ms", &v));
  EXPECT_EQ(v, 2.5);
  for (const char* bad : {"n", "z", "neg", "empty", "missing"}) {
    double w = -1;
    EXPECT_FALSE(a.get_positive(bad, &w)) << bad;
    EXPECT_EQ(w, -1) << bad;
  }
}

}  // namespace
}  // namespace klartext::cli
