// Tests for src/text/lang_id_fasttext.h: trains a tiny supervised model with Debian's fasttext
// tool on sentences we wrote (tests/data/langid/train.txt), then identifies with it.
#include "text/lang_id_fasttext.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace klartext::text {
namespace {
namespace fs = std::filesystem;

class FastTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) / "klartext_fasttext_test");
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string train = std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/langid/train.txt";
    // Deterministic: one thread, fixed seed; character n-grams make unseen word forms work.
    std::string cmd = "fasttext supervised -input '" + train + "' -output '" +
                      (*dir_ / "lid").string() +
                      "' -epoch 100 -lr 0.5 -dim 16 -minn 2 -maxn 4 -thread 1 -seed 7 -verbose 0";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << "the fasttext tool (Debian package fasttext) failed";
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path* dir_;
};
fs::path* FastTextTest::dir_ = nullptr;

TEST_F(FastTextTest, IdentifiesTheTrainedLanguages) {
  auto id = make_fasttext_identifier((*dir_ / "lid.bin").string());
  ASSERT_TRUE(id.ok()) << id.status().to_string();
  EXPECT_EQ((*id)->name(), "fasttext");
  LanguageResult de =
      (*id)->identify("Die Kinder gehen nach der Schule in den Park.\nDas Wetter ist schön.");
  EXPECT_EQ(de.code, "de");
  EXPECT_GT(de.score, 0.0);
  EXPECT_LE(de.score, 1.0);
  EXPECT_EQ((*id)->identify("Nous marchons dans le jardin avec les enfants.").code, "fr");
  EXPECT_EQ((*id)->identify("The children walk in the park after school.").code, "en");
  EXPECT_EQ((*id)->identify("12345 --- !!!").code, "und");
}

TEST_F(FastTextTest, MissingOrBrokenModelIsAnError) {
  EXPECT_EQ(make_fasttext_identifier((*dir_ / "absent.bin").string()).status().code(),
            StatusCode::kNotFound);
  std::ofstream((*dir_ / "broken.bin").string()) << "not a model";
  EXPECT_FALSE(make_fasttext_identifier((*dir_ / "broken.bin").string()).ok());
}

}  // namespace
}  // namespace klartext::text
