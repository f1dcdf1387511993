// End-to-end tests of `klartext extract` (tools/klartext/cmd_extract.cc): formats, stdin, gzip,
// many files with per-file errors.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "support/run_command.h"

namespace {

using klartext::testing::CommandRun;

CommandRun run(const std::string& args) {
  return klartext::testing::run_command(std::string(KLARTEXT_CLI_PATH) + " extract " + args +
                                        " 2>/dev/null");
}

const std::string kExample = std::string(KLARTEXT_SOURCE_DIR) + "/examples/press-release.html";

bool contains(const std::string& h, const std::string& n) { return h.find(n) != std::string::npos; }

TEST(CliExtractTest, TextStartsWithHeadline) {
  CommandRun r = run(kExample);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("New cycle paths for the river valley\n\nThe state will invest", 0), 0u)
      << r.out;
  EXPECT_TRUE(contains(r.out, "Press contact: Clara Brenner, telephone +49 511 0000 117\n"));
  EXPECT_FALSE(contains(r.out, "Jump to"));
  EXPECT_FALSE(contains(r.out, "cookies"));
}

TEST(CliExtractTest, MarkdownAndStdin) {
  CommandRun r = run("--format markdown - < " + kExample);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("# New cycle paths for the river valley\n", 0), 0u) << r.out;
  EXPECT_TRUE(contains(r.out, "## Costs and funding"));
}

TEST(CliExtractTest, JsonlKeepsOrderAndReportsErrors) {
  std::string gz = ::testing::TempDir() + "/klartext_cli_page.html.gz";
  {
    std::ifstream in(kExample, std::ios::binary);
    std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    gzFile f = gzopen(gz.c_str(), "wb");
    gzwrite(f, html.data(), unsigned(html.size()));
    gzclose(f);
  }
  CommandRun r =
      run("--format jsonl --url https://example.org/p " + kExample + " /nonexistent.html " + gz);
  EXPECT_EQ(r.code, 1);  // one input failed
  size_t first = r.out.find('\n');
  size_t second = r.out.find('\n', first + 1);
  ASSERT_NE(second, std::string::npos) << r.out;
  std::string l1 = r.out.substr(0, first);
  std::string l2 = r.out.substr(first + 1, second - first - 1);
  std::string l3 = r.out.substr(second + 1);
  EXPECT_TRUE(contains(l1, "\"source\":\"" + kExample + "\""));
  EXPECT_TRUE(contains(l1, "\"url\":\"https://example.org/p\""));
  EXPECT_TRUE(contains(l1, "\"title\":\"New cycle paths for the river valley\""));
  EXPECT_TRUE(contains(l2, "\"source\":\"/nonexistent.html\""));
  EXPECT_TRUE(contains(l2, "\"error\":"));
  EXPECT_TRUE(contains(l3, "\"source\":\"" + gz + "\""));
  EXPECT_TRUE(contains(l3, "The state will invest 14 million euros"));
  std::remove(gz.c_str());
}

// The per-page budget has one name in extract and corpus (--max-milliseconds); --budget-ms, its
// older name in extract, still works. A 1 ms budget reads 64 KiB, so a 200 KB page is cut.
TEST(CliExtractTest, MaxMillisecondsCutsBigPages) {
  std::string big = ::testing::TempDir() + "/klartext_cli_big.html";
  {
    std::ofstream out(big, std::ios::binary);
    out << "<html><head><title>Long</title></head><body>";
    for (int i = 0; i < 4000; ++i) out << "<p>Paragraph " << i << " of a long page of prose.</p>";
    out << "</body></html>";
  }
  for (const char* name : {"--max-milliseconds", "--budget-ms"}) {
    CommandRun cut = run(std::string("--format json ") + name + " 1 " + big);
    EXPECT_EQ(cut.code, 0) << name;
    EXPECT_TRUE(contains(cut.out, "\"truncated\":true")) << name << cut.out.substr(0, 300);
    EXPECT_TRUE(contains(cut.out, "max_milliseconds 1 reads at most 65536 bytes")) << name;
  }
  CommandRun whole = run("--format json " + big);
  EXPECT_EQ(whole.code, 0);
  EXPECT_FALSE(contains(whole.out, "\"truncated\":true"));
  EXPECT_TRUE(contains(whole.out, "Paragraph 3999 of a long page"));
  EXPECT_EQ(run("--max-milliseconds 5x " + big).code, 2);
  EXPECT_EQ(run("--max-milliseconds 5 --budget-ms 5 " + big).code, 2);
  std::remove(big.c_str());
}

TEST(CliExtractTest, UsageErrors) {
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("--format pdf " + kExample).code, 2);
  EXPECT_EQ(run("--bogus " + kExample).code, 2);
  CommandRun h = run("--help");
  EXPECT_EQ(h.code, 0);
  EXPECT_TRUE(contains(h.out, "--format"));
}

}  // namespace
