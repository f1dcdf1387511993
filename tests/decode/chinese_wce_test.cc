// The chinese-wce pages (shared data): GBK/GB2312 and UTF-8 pages, some unlabelled or
// mislabelled. Each must decode into Han characters with U+FFFD only where the bytes are
// damaged.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "base/file.h"
#include "decode/decode.h"

namespace klartext::decode {
namespace {

// Han code points in the decoded text (CJK Unified Ideographs and Extension A).
size_t count_han(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 < 0xE3 || b0 > 0xE9) continue;
    uint32_t cp = (uint32_t(b0 & 0x0F) << 12) | (uint32_t(b1 & 0x3F) << 6) |
                  (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) ++n;
  }
  return n;
}

// Every page of this dataset is a Chinese article: its gold text alone has hundreds of Han
// characters, so fewer than 200 in the whole decoded page means a wrong decoding.
constexpr size_t kMinHanPerPage = 200;

TEST(ChineseWce, AllPagesDecodeCleanly) {
  std::filesystem::path dir = std::filesystem::path(KLARTEXT_DATA_DIR) / "chinese-wce/original";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  size_t pages = 0, clean = 0, han_total = 0, replaced_total = 0, min_han = SIZE_MAX;
  std::map<std::string, int> by_decision;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    auto bytes = base::read_file(entry.path().string());
    ASSERT_TRUE(bytes.ok());
    auto r = decode_html(*bytes);
    ASSERT_TRUE(r.ok()) << entry.path();
    ++pages;
    size_t han = count_han(r->utf8);
    han_total += han;
    min_han = std::min(min_han, han);
    if (r->replaced == 0) ++clean;
    replaced_total += r->replaced;
    ++by_decision[r->encoding + " via " + std::string(encoding_source_name(r->source)) +
                  (r->declared.empty() ? "" : " (declared " + r->declared + ")")];
    // Two pages carry GBK characters cut in half by their own server (before " &quot;" and
    // "..."); any GBK decoder fails there. Allowing one U+FFFD per 100 Han characters accepts
    // such damage (12 per ~10^4 at worst) and still catches any wrong decoding, which
    // yields U+FFFD or non-Han text throughout.
    EXPECT_LE(r->replaced * 100, han)
        << entry.path().filename() << ": " << r->encoding << ", " << r->reason;
    EXPECT_GE(han, kMinHanPerPage)
        << entry.path().filename() << ": " << r->encoding << ", " << r->reason;
  }
  EXPECT_EQ(pages, 69u);
  std::printf(
      "chinese-wce: %zu pages, %zu without U+FFFD, %zu U+FFFD in all, %zu Han characters (min "
      "%zu/page)\n",
      pages, clean, replaced_total, han_total, min_han);
  for (const auto& [decision, n] : by_decision) std::printf("  %3d  %s\n", n, decision.c_str());
}

}  // namespace
}  // namespace klartext::decode
