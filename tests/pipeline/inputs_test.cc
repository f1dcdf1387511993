// Tests for src/pipeline/inputs.h.
#include "pipeline/inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace klartext::pipeline {
namespace {
namespace fs = std::filesystem;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "klartext_inputs_test";
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    for (const char* name : {"b.warc.gz", "a.warc", "sub/c.arc.gz", "notes.txt"})
      std::ofstream(dir_ / name) << "x";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(InputsTest, DirectoryListsArchivesSorted) {
  auto r = expand_inputs({dir_.string()});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].path, (dir_ / "a.warc").string());
  EXPECT_EQ((*r)[1].path, (dir_ / "b.warc.gz").string());
  EXPECT_EQ((*r)[2].path, (dir_ / "sub/c.arc.gz").string());
  EXPECT_EQ((*r)[0].size, 1);
}

TEST_F(InputsTest, GlobListFileAndDuplicates) {
  std::ofstream(dir_ / "list.txt") << "# archives\n"
                                   << (dir_ / "a.warc").string() << "\n\n"
                                   << (dir_ / "*.gz").string() << "\n";
  auto r = expand_inputs({"@" + (dir_ / "list.txt").string(), (dir_ / "a.warc").string()});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].path, (dir_ / "a.warc").string());
  EXPECT_EQ((*r)[1].path, (dir_ / "b.warc.gz").string());
}

TEST_F(InputsTest, MissingInputsAreErrors) {
  EXPECT_EQ(expand_inputs({(dir_ / "nope.warc").string()}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(expand_inputs({(dir_ / "*.nothing").string()}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(expand_inputs({"@/nonexistent/list"}).status().code(), StatusCode::kNotFound);
}

TEST(LooksLikeArchiveTest, Names) {
  EXPECT_TRUE(looks_like_archive("CC-MAIN-1.warc.gz"));
  EXPECT_TRUE(looks_like_archive("x.warc.zst"));
  EXPECT_TRUE(looks_like_archive("x.arc"));
  EXPECT_TRUE(looks_like_archive("x.wet.gz"));
  EXPECT_FALSE(looks_like_archive("x.html.gz"));
  EXPECT_FALSE(looks_like_archive("warc"));
}

}  // namespace
}  // namespace klartext::pipeline
