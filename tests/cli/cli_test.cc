// End-to-end tests of the klartext executable (tools/klartext): command dispatch, `klartext
// encoding` and `klartext corpus` on a WARC written here. Run by ctest as cli_test.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/file.h"
#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;

using klartext::testing::CommandRun;

CommandRun run(const std::string& args, bool capture_stderr = false) {
  return klartext::testing::run_command(std::string(KLARTEXT_BIN) + " " + args +
                                        (capture_stderr ? " 2>&1" : " 2>/dev/null"));
}

bool contains(const std::string& h, const std::string& n) { return h.find(n) != std::string::npos; }

// A file's bytes, or "" when it cannot be read (the assertions then fail on its content).
std::string read_file(const fs::path& p) {
  auto data = klartext::base::read_file(p.string());
  return data.ok() ? std::move(data).value() : std::string();
}

const std::string kFixtures = std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/encodings/";

TEST(CliTest, HelpListsEveryCommand) {
  CommandRun r = run("--help");
  EXPECT_EQ(r.code, 0);
  for (const char* c : {"extract", "corpus", "dedup", "parse", "encoding", "eval"})
    EXPECT_TRUE(contains(r.out, std::string("  ") + c + " ")) << c << "\n" << r.out;
}

TEST(CliTest, NoCommandOrUnknownCommandIsAUsageError) {
  CommandRun none = run("", true);
  EXPECT_EQ(none.code, 2);
  EXPECT_TRUE(contains(none.out, "usage: klartext <command>")) << none.out;
  CommandRun unknown = run("frobnicate", true);
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(contains(unknown.out, "unknown command 'frobnicate'")) << unknown.out;
}

TEST(CliTest, EveryCommandHasHelp) {
  for (const char* c : {"extract", "corpus", "dedup", "parse", "encoding", "eval"}) {
    CommandRun r = run(std::string(c) + " --help");
    EXPECT_EQ(r.code, 0) << c;
    EXPECT_TRUE(contains(r.out, std::string("usage: klartext ") + c)) << c << "\n" << r.out;
  }
}

TEST(CliTest, EncodingSaysWhichAndWhy) {
  CommandRun r = run("encoding " + kFixtures + "euc-jp.html " + kFixtures + "koi8-r.html");
  ASSERT_EQ(r.code, 0) << r.out;
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  // FILE<TAB>ENCODING<TAB>SOURCE<TAB>REPLACED<TAB>REASON, one line per file in order.
  EXPECT_EQ(first.rfind(kFixtures + "euc-jp.html\tEUC-JP\tmeta\t0\t", 0), 0u) << first;
  EXPECT_EQ(second.rfind(kFixtures + "koi8-r.html\tKOI8-R\t", 0), 0u) << second;
}

TEST(CliTest, EncodingDecodeWritesUtf8) {
  CommandRun r = run("encoding --decode " + kFixtures + "euc-jp.html");
  ASSERT_EQ(r.code, 0);
  EXPECT_TRUE(contains(r.out, "桜の花がとてもきれいで")) << r.out;
}

TEST(CliTest, EncodingTransportCharsetWinsOverDetection) {
  // The Shift_JIS fixture has no <meta>: without a label the detector decides; with one the
  // label is used and reported as the transport's.
  CommandRun r =
      run("encoding --charset 'text/html; charset=Shift_JIS' " + kFixtures + "shift_jis.html");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "\tShift_JIS\ttransport\t0\t")) << r.out;
}

TEST(CliTest, EncodingMissingFileIsAnError) {
  CommandRun r = run("encoding /nonexistent/page.html", true);
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(contains(r.out, "/nonexistent/page.html")) << r.out;
}

// One WARC 1.1 response record holding an HTML page, as a crawler writes it.
std::string warc_response(const std::string& uri, const std::string& id, const std::string& html) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
      std::to_string(html.size()) + "\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2026-11-29T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

class CliCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "klartext_cli_corpus";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string page =
        "<html><head><title>Harbour ferry timetable</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>New ferry "
        "timetable</h1><p>From Monday the harbour ferry runs every twenty minutes between the "
        "old town pier and the island, and the first boat leaves half an hour earlier.</p>"
        "<p>Write to ferry.office@example.org for the winter timetable.</p></article>"
        "<footer>Imprint</footer></body></html>";
    std::ofstream(dir_ / "in.warc", std::ios::binary)
        << warc_response("https://example.org/ferry", "11111111-2222-3333-4444-555555555555", page)
        << warc_response("https://example.org/ferry?copy", "66666666-7777-8888-9999-000000000000",
                         page);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The kept documents of the run in out/, one JSON line each.
  std::string output_lines() {
    std::string all;
    for (const auto& e : fs::directory_iterator(dir_ / "out")) {
      std::string name = e.path().filename().string();
      if (name.ends_with(".jsonl") && !contains(name, "-dropped")) all += read_file(e.path());
    }
    return all;
  }

  fs::path dir_;
};

TEST_F(CliCorpusTest, WritesKeptPagesStatsAndResumes) {
  const std::string cmd = "corpus --filters none --compression none -o " + (dir_ / "out").string() +
                          " " + (dir_ / "in.warc").string();
  CommandRun r = run(cmd, true);
  ASSERT_EQ(r.code, 0) << r.out;
  std::string lines = output_lines();
  // The page is kept once (its copy is an exact duplicate), without the menu and footer, with
  // the e-mail address masked and its capture recorded.
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 1) << lines;
  EXPECT_TRUE(contains(lines, "\"url\":\"https://example.org/ferry\"")) << lines;
  EXPECT_TRUE(contains(lines, "runs every twenty minutes")) << lines;
  EXPECT_FALSE(contains(lines, "Imprint")) << lines;
  EXPECT_FALSE(contains(lines, "ferry.office@example.org")) << lines;
  EXPECT_TRUE(contains(lines, "\"warc_record_id\":\"<urn:uuid:11111111-2222-3333-4444-")) << lines;
  ASSERT_TRUE(fs::exists(dir_ / "out/stats.json"));
  EXPECT_TRUE(contains(read_file(dir_ / "out/stats.json"), "\"kept\"")) << "stats.json";

  // The same command again finds the input complete and changes nothing.
  CommandRun again = run(cmd, true);
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(output_lines(), lines);
  EXPECT_TRUE(contains(again.out, "already complete")) << again.out;

  // Other options into the same folder are refused unless the run is restarted.
  CommandRun other = run("corpus --quiet --filters c4 --compression none -o " +
                             (dir_ / "out").string() + " " + (dir_ / "in.warc").string(),
                         true);
  EXPECT_NE(other.code, 0) << other.out;
}

TEST_F(CliCorpusTest, UsageErrors) {
  EXPECT_EQ(run("corpus " + (dir_ / "in.warc").string()).code, 2);  // no -o
  EXPECT_EQ(run("corpus -o " + (dir_ / "out").string()).code, 2);   // no input
  EXPECT_EQ(run("corpus --compression lz4 -o " + (dir_ / "out").string() + " " +
                (dir_ / "in.warc").string())
                .code,
            2);
  EXPECT_EQ(
      run("corpus -j 0 -o " + (dir_ / "out").string() + " " + (dir_ / "in.warc").string()).code, 2);
}

}  // namespace
