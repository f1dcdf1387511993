// Tests for src/dedup/global.h: the cross-run near-duplicate pass over signature files.
#include "dedup/global.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "base/file.h"
#include "dedup/minhash.h"

namespace klartext::dedup {
namespace {

std::string temp_path(const std::string& name) { return ::testing::TempDir() + "/" + name; }

// About 200 words, distinct per `topic`: words drawn from a small vocabulary in an order set
// by the topic (normalisation folds digits, so numbers alone would not tell texts apart).
std::string article(uint32_t topic) {
  static const char* const kWords[] = {"harbour", "works",  "people", "built",  "river",   "bridge",
                                       "council", "market", "summer", "winter", "stone",   "timber",
                                       "road",    "school", "garden", "tower",  "village", "ferry",
                                       "mill",    "church", "square", "street", "wall",    "gate"};
  std::string s = "harbour";
  uint32_t x = topic * 2654435761u + 12345u;
  for (int i = 0; i < 200; ++i) {
    x = x * 1664525u + 1013904223u;  // Numerical Recipes LCG: a fixed, portable sequence
    s += ' ';
    s += kWords[(x >> 16) % std::size(kWords)];
  }
  return s;
}

// Writes one signature file of `texts` (doc ids 0, 1, ...) with FineWeb's parameters.
void write_run(const std::string& path, const std::vector<std::string>& texts,
               MinHashConfig config = {}) {
  auto hasher = MinHasher::create(config);
  ASSERT_TRUE(hasher.ok());
  auto w = SignatureWriter::open(path, config);
  ASSERT_TRUE(w.ok());
  MinHashWorkspace ws;
  std::vector<uint64_t> sig(hasher->num_hashes());
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(hasher->signature(texts[i], ws, sig.data()));
    ASSERT_TRUE((*w)->write(i, sig.data()).ok());
  }
  ASSERT_TRUE((*w)->finish().ok());
}

struct Collected {
  std::vector<GlobalDrop> drops;
  GlobalDeduplicator::Sink sink() {
    return [this](const GlobalDrop& d) {
      drops.push_back(d);
      return Status();
    };
  }
};

TEST(GlobalDedup, NearDuplicatesAcrossRunsKeepTheFirstInInputOrder) {
  std::string edited = article(1);
  edited.replace(0, 7, "seaport");  // one word of ~200 changed
  std::string run_a = temp_path("global_a.minhash"), run_b = temp_path("global_b.minhash");
  write_run(run_a, {article(1), article(2)});
  write_run(run_b, {edited, article(3), article(2), article(3)});

  Collected c;
  GlobalDeduplicator g({}, c.sink());
  ASSERT_TRUE(g.add_path(run_a).ok());
  ASSERT_TRUE(g.add_path(run_b).ok());
  EXPECT_EQ(g.documents(), 6u);
  EXPECT_EQ(g.files(), 2u);
  ASSERT_EQ(c.drops.size(), 3u);
  // b0 ~ a0, b2 = a1, b3 = b1 (a duplicate inside one run counts too).
  EXPECT_EQ(c.drops[0].drop.file, 1u);
  EXPECT_EQ(c.drops[0].drop.doc_id, 0u);
  EXPECT_EQ(c.drops[0].kept.file, 0u);
  EXPECT_EQ(c.drops[0].kept.doc_id, 0u);
  EXPECT_EQ(c.drops[1].drop.doc_id, 2u);
  EXPECT_EQ(c.drops[1].kept.file, 0u);
  EXPECT_EQ(c.drops[1].kept.doc_id, 1u);
  EXPECT_EQ(c.drops[2].drop.file, 1u);
  EXPECT_EQ(c.drops[2].drop.doc_id, 3u);
  EXPECT_EQ(c.drops[2].kept.file, 1u);
  EXPECT_EQ(c.drops[2].kept.doc_id, 1u);
  EXPECT_EQ(g.dropped(), 3u);
  EXPECT_GT(g.index_memory_bytes(), 0u);

  // The other order keeps the other copies: the first in input order wins, deterministically.
  Collected r;
  GlobalDeduplicator g2({}, r.sink());
  ASSERT_TRUE(g2.add_path(run_b).ok());
  ASSERT_TRUE(g2.add_path(run_a).ok());
  ASSERT_EQ(r.drops.size(), 3u);
  EXPECT_EQ(r.drops[0].drop.file, 0u);  // b3 = b1 inside run b
  EXPECT_EQ(r.drops[0].drop.doc_id, 3u);
  EXPECT_EQ(r.drops[1].drop.file, 1u);  // a0 ~ b0
  EXPECT_EQ(r.drops[1].drop.doc_id, 0u);
  EXPECT_EQ(r.drops[1].kept.file, 0u);
  EXPECT_EQ(r.drops[1].kept.doc_id, 0u);
  EXPECT_EQ(r.drops[2].drop.doc_id, 1u);  // a1 = b2
  EXPECT_EQ(r.drops[2].kept.doc_id, 2u);
}

// Hand-made signatures: b shares only band 0 with a, c only band 1 with b. As in the corpus
// run, a duplicate's bands are indexed too, so c joins a's cluster and names a as kept.
TEST(GlobalDedup, ChainsFormOneClusterKeptByItsFirst) {
  SignatureFile f;
  f.header.num_buckets = 3;
  f.header.hashes_per_bucket = 2;
  f.header.n_grams = 5;
  f.header.seed = 1;
  auto add = [&](uint64_t id, std::vector<uint64_t> v) {
    f.doc_ids.push_back(id);
    f.values.insert(f.values.end(), v.begin(), v.end());
  };
  add(10, {1, 2, 3, 4, 5, 6});
  add(11, {1, 2, 30, 40, 50, 60});  // band 0 as a
  add(12, {7, 8, 30, 40, 70, 80});  // band 1 as b
  add(13, {9, 9, 9, 9, 9, 9});      // alone
  Collected c;
  GlobalDeduplicator g({}, c.sink());
  ASSERT_TRUE(g.add_file(f, "hand-made").ok());
  ASSERT_EQ(c.drops.size(), 2u);
  EXPECT_EQ(c.drops[0].drop.doc_id, 11u);
  EXPECT_EQ(c.drops[0].kept.doc_id, 10u);
  EXPECT_EQ(c.drops[1].drop.doc_id, 12u);
  EXPECT_EQ(c.drops[1].kept.doc_id, 10u);
}

TEST(GlobalDedup, DifferentParametersAreRefused) {
  std::string a = temp_path("global_p1.minhash"), b = temp_path("global_p2.minhash");
  write_run(a, {article(1)});
  MinHashConfig other;
  other.num_buckets = 9;
  other.hashes_per_bucket = 13;
  write_run(b, {article(1)}, other);
  Collected c;
  GlobalDeduplicator g({}, c.sink());
  ASSERT_TRUE(g.add_path(a).ok());
  Status s = g.add_path(b);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("9 bands x 13 rows"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("14 bands x 8 rows"), std::string::npos) << s.message();
  EXPECT_TRUE(c.drops.empty());
}

TEST(GlobalDedup, LimitsAndBadFilesAreErrors) {
  std::string a = temp_path("global_l.minhash");
  write_run(a, {article(1), article(2), article(3)});
  GlobalDedupOptions small;
  small.max_docs = 2;
  Collected c;
  GlobalDeduplicator g(small, c.sink());
  Status s = g.add_path(a);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_NE(s.message().find(a), std::string::npos) << s.message();

  // A truncated file is corrupt; a missing one an I/O error; nothing is half-added silently.
  std::string data = *base::read_file(a);
  std::string cut = temp_path("global_cut.minhash");
  ASSERT_TRUE(base::write_file_atomic(cut, data.substr(0, data.size() - 10)).ok());
  GlobalDeduplicator g2({}, c.sink());
  EXPECT_EQ(g2.add_path(cut).code(), StatusCode::kCorrupt);
  EXPECT_FALSE(g2.add_path(temp_path("no-such.minhash")).ok());
  EXPECT_EQ(g2.documents(), 0u);

  // The same file twice (here once through "dir/../dir") is refused, not emptied.
  GlobalDeduplicator twice({}, c.sink());
  ASSERT_TRUE(twice.add_path(a).ok());
  std::string dir = ::testing::TempDir();
  std::string other_spelling = dir + "/../" +
                               std::filesystem::path(dir).lexically_normal().filename().string() +
                               "/global_l.minhash";
  if (std::filesystem::path(dir).lexically_normal().filename().empty())
    other_spelling = dir + "/./global_l.minhash";
  Status again = twice.add_path(other_spelling);
  EXPECT_EQ(again.code(), StatusCode::kInvalidArgument) << other_spelling;
  EXPECT_NE(again.message().find("given twice"), std::string::npos) << again.message();

  // A failing sink stops the pass with its status.
  GlobalDeduplicator g3({}, [](const GlobalDrop&) { return io_error("disk full"); });
  std::string dup = temp_path("global_dup.minhash");
  write_run(dup, {article(4), article(4)});
  Status sink_status = g3.add_path(dup);
  EXPECT_EQ(sink_status.code(), StatusCode::kIoError);
}

#ifdef KLARTEXT_CLI
// The command end to end: a directory of one run and a file of another, in that order; the
// drop list names shard prefixes and lines, and is written atomically with -o.
TEST(GlobalDedupCli, WritesTheDropList) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / "global_cli";
  fs::remove_all(dir);
  fs::create_directories(dir / "run1");
  fs::create_directories(dir / "run2");
  std::string edited = article(7);
  edited.replace(0, 7, "seaport");
  write_run((dir / "run1/CC-a-signatures.minhash").string(), {article(7), article(8)});
  write_run((dir / "run2/CC-b-signatures.minhash").string(), {article(9), edited});
  std::string out = (dir / "drop.tsv").string();
  std::string cmd = std::string(KLARTEXT_CLI) + " dedup -o " + out + " " + (dir / "run1").string() +
                    " " + (dir / "run2/CC-b-signatures.minhash").string() + " 2>" +
                    (dir / "log").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << *base::read_file((dir / "log").string());
  std::string want =
      (dir / "run2/CC-b").string() + "\t1\t" + (dir / "run1/CC-a").string() + "\t0\n";
  EXPECT_EQ(*base::read_file(out), want);
  EXPECT_FALSE(fs::exists(out + ".tmp"));
  std::string log = *base::read_file((dir / "log").string());
  EXPECT_NE(log.find("2 files, 4 documents, 1 near duplicates to drop, 3 kept"), std::string::npos)
      << log;

  // Mismatched parameters: exit 1, a message, and no output file left behind.
  MinHashConfig other;
  other.num_buckets = 20;
  other.hashes_per_bucket = 5;
  write_run((dir / "other-signatures.minhash").string(), {article(1)}, other);
  fs::remove(out);
  cmd = std::string(KLARTEXT_CLI) + " dedup -o " + out + " " + (dir / "run1").string() + " " +
        (dir / "other-signatures.minhash").string() + " 2>" + (dir / "log").string();
  EXPECT_NE(std::system(cmd.c_str()), 0);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_NE(base::read_file((dir / "log").string())->find("differ from"), std::string::npos);
}
#endif

}  // namespace
}  // namespace klartext::dedup
