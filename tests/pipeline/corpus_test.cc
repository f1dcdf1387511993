// Tests for src/pipeline/corpus.h: the corpus job end to end on WARC files we build here from
// pages written for this test.
#include "pipeline/corpus.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/file.h"
#include "warc/writer.h"

namespace klartext::pipeline {
namespace {
namespace fs = std::filesystem;

// Article prose of our own, long enough to pass the FineWeb filters (50+ words, 5+ sentences,
// stop words, punctuation at line ends).
const char* const kParagraphs[] = {
    "The town council met on Monday evening to discuss the future of the old railway station. "
    "Many residents came to the meeting, and the hall was full long before the start.",
    "The station has been empty for more than ten years. Its roof leaks, and the waiting room "
    "is closed to the public because the floor is no longer safe to walk on.",
    "A local group of volunteers has proposed to turn the building into a library and a small "
    "cafe. They have collected signatures from over two thousand people in the district.",
    "The mayor said that the council would look at the costs of the repairs before the end of "
    "the year. She thanked the volunteers for the work they had already done.",
    "Several speakers asked whether the trains could return one day. The regional transport "
    "authority has said that a study of the line will be published in the spring.",
    "The next meeting of the council will take place in the same hall in four weeks, and all "
    "residents are welcome to attend and to ask questions about the plans.",
};

const char* const kOtherParagraphs[] = {
    "Gardeners in the valley have had an unusual season with a warm spring and a very dry "
    "summer. Many of them watered their vegetables every evening to keep them alive.",
    "The apple harvest was early this year, and the fruit was smaller than usual. Growers say "
    "that the taste is good, but that the yield fell by almost a third.",
    "Experts recommend covering the soil with straw or leaves to keep the moisture in. This "
    "also protects the roots of young plants from the heat of the afternoon sun.",
    "The garden club will hold its autumn market on the first Saturday of October. Members "
    "will sell seeds, bulbs and young trees, and there will be advice for beginners.",
    "Anyone who wants to join the club can come to the market or write to the secretary. The "
    "yearly fee is small, and it includes a visit to two gardens in the region.",
};

std::string page(const std::string& title, const std::vector<std::string>& paragraphs) {
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                     title +
                     "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">"
                     "News</a> <a href=\"/contact\">Contact</a></nav><main><article><h1>" +
                     title + "</h1>";
  for (const auto& p : paragraphs) html += "<p>" + p + "</p>";
  html += "</article></main><footer>Imprint | Privacy</footer></body></html>";
  return html;
}

std::vector<std::string> station_paragraphs() {
  return std::vector<std::string>(std::begin(kParagraphs), std::end(kParagraphs));
}

void add_response(warc::Writer& w, const std::string& url, const std::string& content_type,
                  const std::string& body, int status = 200) {
  std::vector<warc::Header> req = {{"WARC-Target-URI", url},
                                   {"Content-Type", "application/http; msgtype=request"}};
  ASSERT_TRUE(w.write("request", req, "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n").ok());
  std::vector<warc::Header> h = {{"WARC-Target-URI", url},
                                 {"Content-Type", "application/http; msgtype=response"}};
  std::string block = warc::http_response_block(status, status == 200 ? "OK" : "Not Found",
                                                {{"Content-Type", content_type}}, body);
  ASSERT_TRUE(w.write("response", h, block).ok());
  std::vector<warc::Header> m = {{"WARC-Target-URI", url},
                                 {"Content-Type", "application/warc-fields"}};
  ASSERT_TRUE(w.write("metadata", m, "fetchTimeMs: 12\r\n").ok());
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "klartext_corpus_test";
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    // First archive: an article, its exact copy at another URL, a near copy (one word
    // changed), a PDF and a 404.
    {
      auto w = warc::Writer::open((dir_ / "in/a.warc.gz").string());
      ASSERT_TRUE(w.ok());
      auto paragraphs = station_paragraphs();
      add_response(**w, "https://example.org/station", "text/html; charset=utf-8",
                   page("Council discusses the old station", paragraphs));
      add_response(**w, "https://example.org/station?copy=1", "text/html",
                   page("Council discusses the old station", paragraphs));
      auto near = paragraphs;
      near[5].replace(near[5].find("four weeks"), 10, "five weeks");
      add_response(**w, "https://mirror.example.net/station", "text/html",
                   page("Council discusses the old station", near));
      add_response(**w, "https://example.org/report.pdf", "application/pdf", "%PDF-1.4 ...");
      add_response(**w, "https://example.org/missing", "text/html", "<p>Not found</p>", 404);
      ASSERT_TRUE((*w)->close().ok());
    }
    // Second archive: another article, and a broken tail.
    {
      auto w = warc::Writer::open((dir_ / "in/b.warc.gz").string());
      ASSERT_TRUE(w.ok());
      add_response(
          **w, "https://garden.example.com/season", "text/html",
          page("A dry summer in the valley",
               std::vector<std::string>(std::begin(kOtherParagraphs), std::end(kOtherParagraphs))));
      ASSERT_TRUE((*w)->close().ok());
      std::ofstream((dir_ / "in/b.warc.gz").string(), std::ios::app)
          << "WARC/1.1\r\nWARC-Type: resp";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  CorpusOptions options(const std::string& out, int threads) {
    CorpusOptions o;
    o.inputs = {(dir_ / "in").string()};
    o.output_dir = (dir_ / out).string();
    o.threads = threads;
    o.keep_dropped = true;
    return o;
  }

  // Every output file's decompressed content by file name.
  std::map<std::string, std::string> outputs(const std::string& out) {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::directory_iterator(dir_ / out)) {
      if (!e.is_regular_file()) continue;
      auto data = base::read_maybe_gzip(e.path().string());
      EXPECT_TRUE(data.ok());
      m[e.path().filename().string()] = data.ok() ? *data : "";
    }
    return m;
  }

  fs::path dir_;
};

TEST_F(CorpusTest, KeepsFiltersAndDeduplicates) {
  auto r = run_corpus(options("out", 1), nullptr);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  const CorpusStats& s = r->stats;
  EXPECT_EQ(s.input_files, 2u);
  EXPECT_EQ(s.records_by_type.at("response"), 6u);
  EXPECT_EQ(s.records_by_type.at("request"), 6u);
  EXPECT_EQ(s.html_pages, 4u);  // the PDF and the 404 are not pages
  EXPECT_EQ(s.skipped_not_html, 2u);
  EXPECT_EQ(s.exact_duplicates, 1u);  // the ?copy=1 page
  EXPECT_EQ(s.near_duplicates, 1u);   // the mirror with one phrase changed
  EXPECT_EQ(s.kept, 2u);
  EXPECT_EQ(s.pages_by_language.at("en"), 2u);
  EXPECT_GE(s.error_count, 1u);  // the broken tail of b.warc.gz
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].file, (dir_ / "in/b.warc.gz").string());

  auto files = outputs("out");
  std::string kept;
  for (const auto& [name, content] : files)
    if (name.find("-dropped") == std::string::npos && name.find(".jsonl") != std::string::npos)
      kept += content;
  EXPECT_NE(kept.find("\"url\":\"https://example.org/station\""), std::string::npos);
  EXPECT_NE(kept.find("\"url\":\"https://garden.example.com/season\""), std::string::npos);
  EXPECT_EQ(kept.find("mirror.example.net"), std::string::npos);
  EXPECT_NE(kept.find("The town council met on Monday evening"), std::string::npos);
  EXPECT_EQ(kept.find("Imprint"), std::string::npos);  // boilerplate is not main content
  EXPECT_NE(kept.find("\"language\":\"en\""), std::string::npos);
  EXPECT_NE(kept.find("\"warc_offset\":"), std::string::npos);
  EXPECT_NE(kept.find("\"id\":\"urn:uuid:"), std::string::npos);
  std::string dropped;
  for (const auto& [name, content] : files)
    if (name.find("-dropped") != std::string::npos) dropped += content;
  EXPECT_NE(dropped.find("\"drop_rule\":\"exact_duplicate\""), std::string::npos);
  EXPECT_NE(dropped.find("\"drop_rule\":\"near_duplicate\""), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_ / "out/stats.json"));
}

TEST_F(CorpusTest, ThreadCountDoesNotChangeOutput) {
  ASSERT_TRUE(run_corpus(options("one", 1), nullptr).ok());
  ASSERT_TRUE(run_corpus(options("three", 3), nullptr).ok());
  auto a = outputs("one"), b = outputs("three");
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, content] : a) {
    if (name == "stats.json") continue;
    ASSERT_TRUE(b.count(name)) << name;
    EXPECT_EQ(content, b[name]) << name;
  }
  EXPECT_EQ(a["stats.json"], b["stats.json"]);
}

TEST_F(CorpusTest, ResumeAfterInterruptionGivesTheSameResult) {
  auto full = run_corpus(options("full", 1), nullptr);
  ASSERT_TRUE(full.ok());
  auto reference = outputs("full");

  // Simulate a run killed while working on the second input: its outputs, state and marker
  // are missing, and a half-written shard is left behind.
  auto first = run_corpus(options("resumed", 2), nullptr);
  ASSERT_TRUE(first.ok());
  std::string b_stem;  // "b-" plus the path hash, as the job names the second input's files
  for (const auto& [name, content] : reference)
    if (name.rfind("b-", 0) == 0) b_stem = name.substr(0, name.find('-', 2));
  ASSERT_FALSE(b_stem.empty());
  for (const auto& e : fs::directory_iterator(dir_ / "resumed")) {
    std::string name = e.path().filename().string();
    if (name.rfind("b-", 0) == 0) fs::remove(e.path());
  }
  for (const auto& e : fs::directory_iterator(dir_ / "resumed/.klartext")) {
    std::string name = e.path().filename().string();
    if (name.rfind("b-", 0) == 0) fs::remove(e.path());
  }
  fs::remove(dir_ / "resumed/stats.json");
  std::ofstream((dir_ / "resumed" / (b_stem + "-00000.jsonl.gz.tmp")).string()) << "partial";

  auto again = run_corpus(options("resumed", 2), nullptr);
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ(again->inputs_resumed, 1u);
  auto resumed = outputs("resumed");
  ASSERT_EQ(resumed.size(), reference.size());
  for (const auto& [name, content] : reference) EXPECT_EQ(resumed[name], content) << name;
}

TEST_F(CorpusTest, RefusesToMixOptionsInOneDirectory) {
  ASSERT_TRUE(run_corpus(options("out", 1), nullptr).ok());
  CorpusOptions other = options("out", 1);
  other.filter_preset = "none";
  auto r = run_corpus(other, nullptr);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  other.restart = true;
  auto restarted = run_corpus(other, nullptr);
  ASSERT_TRUE(restarted.ok()) << restarted.status().to_string();
  EXPECT_EQ(restarted->inputs_resumed, 0u);
}

TEST_F(CorpusTest, BadOptionsAreErrors) {
  CorpusOptions o = options("out", 0);
  EXPECT_EQ(run_corpus(o, nullptr).status().code(), StatusCode::kInvalidArgument);
  o = options("out", 1);
  o.filter_preset = "no-such-preset";
  EXPECT_FALSE(run_corpus(o, nullptr).ok());
  o = options("out", 1);
  o.inputs = {(dir_ / "nothing-here.warc").string()};
  EXPECT_EQ(run_corpus(o, nullptr).status().code(), StatusCode::kNotFound);
}

// A page bigger than the per-document input cap (6.25 MiB at the default 100 ms budget) is
// kept as far as it was read, marked "truncated" in its line and counted in the statistics.
TEST_F(CorpusTest, PageCutByTheWorkCapIsMarkedAndCounted) {
  fs::create_directories(dir_ / "big");
  {
    auto w = warc::Writer::open((dir_ / "big/c.warc.gz").string());
    ASSERT_TRUE(w.ok());
    std::vector<std::string> many;
    while (many.size() * 170 < (size_t(7) << 20))
      for (const char* p : kParagraphs) many.push_back(p + (" " + std::to_string(many.size())));
    add_response(**w, "https://example.org/huge", "text/html", page("A very long page", many));
    add_response(
        **w, "https://garden.example.com/season", "text/html",
        page("A dry summer in the valley",
             std::vector<std::string>(std::begin(kOtherParagraphs), std::end(kOtherParagraphs))));
    ASSERT_TRUE((*w)->close().ok());
  }
  CorpusOptions o = options("out", 1);
  o.inputs = {(dir_ / "big").string()};
  o.filter_preset = "none";
  auto r = run_corpus(o, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->stats.truncated, 1u);
  EXPECT_EQ(r->stats.kept, 2u);
  std::string kept;
  for (const auto& [name, data] : outputs("out"))
    if (name.find(".jsonl") != std::string::npos && name.find("-dropped") == std::string::npos)
      kept += data;
  // The JSON line that holds a URL.
  auto line_of = [&](const std::string& url) {
    size_t at = kept.find(url);
    if (at == std::string::npos) return std::string();
    size_t start = kept.rfind('\n', at);
    start = start == std::string::npos ? 0 : start + 1;
    return kept.substr(start, kept.find('\n', at) - start);
  };
  std::string huge = line_of("https://example.org/huge");
  std::string garden = line_of("https://garden.example.com/season");
  ASSERT_FALSE(huge.empty());
  ASSERT_FALSE(garden.empty());
  EXPECT_NE(huge.find("\"truncated\":true"), std::string::npos);
  EXPECT_EQ(garden.find("\"truncated\""), std::string::npos);
  EXPECT_NE(r->stats.to_table().find("cut by a work cap"), std::string::npos);

  // A larger budget reads the page whole (its byte cap grows with it; a minute of CPU time is
  // far more than the page takes, even in a sanitizer build), and a directory started with one
  // budget is not resumed with another.
  o.max_milliseconds = 60000;
  auto refused = run_corpus(o, nullptr);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  o.restart = true;
  auto whole = run_corpus(o, nullptr);
  ASSERT_TRUE(whole.ok()) << whole.status().to_string();
  EXPECT_EQ(whole->stats.truncated, 0u);
  EXPECT_EQ(whole->stats.kept, 2u);
}

}  // namespace
}  // namespace klartext::pipeline
