// End-to-end tests of `klartext parse` (tools/klartext/cmd_parse.cc): runs the built binary.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/run_command.h"

namespace {

using klartext::testing::CommandRun;

CommandRun run(const std::string& args) {
  return klartext::testing::run_command(std::string(KLARTEXT_BIN) + " " + args + " 2>/dev/null");
}

std::string write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("klartext_cli_parse_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(CliParseTest, TreeOfAFile) {
  std::string f = write_temp("a.html", "<!doctype html><p class=x>Hi<br>there");
  CommandRun r = run("parse --tree " + f);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|   <body>\n|     <p>\n|       class=\"x\"\n"
            "|       \"Hi\"\n|       <br>\n|       \"there\"\n");
}

TEST(CliParseTest, StdinAndFragments) {
  std::string f = write_temp("frag.html", "<circle r=\"1\"/>");
  CommandRun r = run("parse --tree --fragment 'svg path' - < " + f);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "| <svg circle>\n|   r=\"1\"\n");
  std::string cells = write_temp("cells.html", "<td>a");
  r = run("parse --tree --fragment tr " + cells);
  EXPECT_EQ(r.out, "| <td>\n|   \"a\"\n");
}

TEST(CliParseTest, CharsetOption) {
  std::string f = write_temp("latin1.html", "<p>caf\xe9");
  CommandRun r = run("parse --tree --charset latin1 " + f);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"caf\xc3\xa9\""), std::string::npos) << r.out;
}

TEST(CliParseTest, QuietReportsFailures) {
  std::string ok = write_temp("ok.html", "<p>fine");
  CommandRun good = run("parse --quiet " + ok);
  EXPECT_EQ(good.code, 0);
  EXPECT_EQ(good.out, "");
  CommandRun bad = run("parse --quiet " + ok + " /nonexistent/klartext/file.html");
  EXPECT_EQ(bad.code, 1);
}

TEST(CliParseTest, GzipInputFromSharedData) {
  auto dir = std::filesystem::path(KLARTEXT_DATA_DIR) / "scrapinghub" / "html";
  std::string first;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().string().ends_with(".html.gz")) {
      first = e.path().string();
      break;
    }
  ASSERT_FALSE(first.empty());
  CommandRun r = run("parse --tree " + first);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("|   <body>\n"), std::string::npos);
}

TEST(CliParseTest, UsageErrorsAndHelp) {
  EXPECT_EQ(run("parse --help").code, 0);
  EXPECT_NE(run("parse --help").out.find("--fragment"), std::string::npos);
  EXPECT_EQ(run("parse --no-such-option x").code, 2);
  EXPECT_EQ(run("parse").code, 2);
  EXPECT_EQ(run("parse --max-depth lots x").code, 2);
}

}  // namespace
