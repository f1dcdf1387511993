// The corpus job's WET-style output compared with Common Crawl's own WET text for the same
// capture (../shared/data/warc/commoncrawl-whirlwind): ours must be a clean subset of theirs,
// without the navigation CC keeps.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "pipeline/corpus.h"
#include "warc/reader.h"

namespace klartext::pipeline {
namespace {
namespace fs = std::filesystem;

// The text of the first conversion record of a WET file.
std::string conversion_text(const std::string& path) {
  auto reader = warc::Reader::open(path);
  EXPECT_TRUE(reader.ok()) << path;
  if (!reader.ok()) return "";
  warc::Record rec;
  for (;;) {
    auto r = (*reader)->next(rec);
    if (!r.ok()) continue;
    if (!*r) break;
    if (rec.type() == warc::RecordType::kConversion) return std::string(rec.block());
  }
  return "";
}

std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!w.empty()) out.insert(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) out.insert(w);
  return out;
}

TEST(WetOutputTest, CleanerSubsetOfCommonCrawlsWet) {
  std::string dir = std::string(KLARTEXT_DATA_DIR) + "/warc/commoncrawl-whirlwind/";
  fs::path out = fs::path(::testing::TempDir()) / "klartext_wet_test";
  fs::remove_all(out);
  CorpusOptions o;
  o.inputs = {dir + "whirlwind.warc.gz"};
  o.output_dir = out.string();
  o.filter_preset = "none";  // a short encyclopedia stub: we compare extraction, not filtering
  o.wet_output = true;
  o.pass_conversion_records = false;
  auto r = run_corpus(o, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->stats.kept, 1u);

  std::string ours_path;
  for (const auto& p : r->outputs)
    if (p.find("-wet.warc.gz") != std::string::npos) ours_path = p;
  ASSERT_FALSE(ours_path.empty());
  std::string ours = conversion_text(ours_path);
  std::string theirs = conversion_text(dir + "whirlwind.warc.wet.gz");
  ASSERT_FALSE(ours.empty());
  ASSERT_FALSE(theirs.empty());

  // CC's WET keeps the page chrome; we must not.
  for (const char* chrome : {"Ir al contenido", "Menú principal", "Creyar cuenta"}) {
    EXPECT_NE(theirs.find(chrome), std::string::npos) << chrome;
    EXPECT_EQ(ours.find(chrome), std::string::npos) << chrome;
  }
  // Nearly every word we keep is in CC's text of the page, and ours is much shorter.
  std::set<std::string> our_words = words(ours), their_words = words(theirs);
  size_t shared = 0;
  for (const auto& w : our_words) shared += their_words.count(w);
  EXPECT_GE(double(shared) / double(our_words.size()), 0.9);
  EXPECT_LT(ours.size(), theirs.size());
  EXPECT_GT(ours.size(), theirs.size() / 10);
  fs::remove_all(out);
}

}  // namespace
}  // namespace klartext::pipeline
