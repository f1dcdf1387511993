// The html5lib encoding tests (tests1.dat, tests2.dat, test-yahoo-jp.dat from the shared data):
// the encoding our sniffing picks must be the expected one, in every case.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/file.h"
#include "decode/decode.h"

namespace klartext::decode {
namespace {

struct Case {
  std::string data;
  std::string expected;
};

// The .dat format: "#data\n" <bytes> "\n#encoding\n" <label> "\n" (blank line between cases).
std::vector<Case> parse_dat(const std::string& text) {
  std::vector<Case> cases;
  size_t pos = 0;
  const std::string data_mark = "#data\n", enc_mark = "\n#encoding\n";
  while ((pos = text.find(data_mark, pos)) != std::string::npos) {
    size_t start = pos + data_mark.size();
    size_t enc = text.find(enc_mark, start);
    if (enc == std::string::npos) break;
    size_t label_start = enc + enc_mark.size();
    size_t label_end = text.find('\n', label_start);
    if (label_end == std::string::npos) label_end = text.size();
    cases.push_back(
        {text.substr(start, enc - start), text.substr(label_start, label_end - label_start)});
    pos = label_end;
  }
  return cases;
}

// Runs one file and returns the number of passing cases. With the strict 1024-byte prescan,
// a case may only fail when its <meta> lies beyond the first 1024 bytes: those cases test the
// parser's "change the encoding" step, which our late <meta> scan stands in for.
int run_file(const std::string& name, const DecodeOptions& options, int expected_cases) {
  auto text = base::read_file(std::string(KLARTEXT_DATA_DIR) + "/html5lib-tests/encoding/" + name);
  EXPECT_TRUE(text.ok()) << text.status().to_string();
  if (!text.ok()) return 0;
  auto cases = parse_dat(*text);
  EXPECT_EQ(int(cases.size()), expected_cases);
  int pass = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    auto r = sniff_encoding(cases[i].data, options);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    if (!r.ok()) continue;
    std::string_view want = canonical_encoding(cases[i].expected);
    EXPECT_FALSE(want.empty()) << "unknown expected label " << cases[i].expected;
    if (r->encoding == want) {
      ++pass;
      continue;
    }
    bool late_meta_case = false;
    if (options.late_meta_bytes == 0) {
      DecodeOptions late = options;
      late.late_meta_bytes = 64 * 1024;
      auto r2 = sniff_encoding(cases[i].data, late);
      late_meta_case = r2.ok() && r2->encoding == want && r2->source == EncodingSource::kMetaTag;
    }
    if (!late_meta_case)
      ADD_FAILURE() << name << " case " << i << ": got " << r->encoding << " (" << r->reason
                    << "), want " << want << "\n"
                    << cases[i].data.substr(0, 200);
  }
  std::printf("html5lib encoding %s (late meta %s, verify %s): %d/%zu pass\n", name.c_str(),
              options.late_meta_bytes ? "on" : "off", options.verify_labels ? "on" : "off", pass,
              cases.size());
  return pass;
}

DecodeOptions browser() {
  DecodeOptions o;
  o.verify_labels = false;
  return o;
}
DecodeOptions strict() {
  DecodeOptions o = browser();
  o.late_meta_bytes = 0;
  return o;
}

// What a browser decides, with the late <meta> scan standing in for "change the encoding".
TEST(Html5libEncoding, Tests1) { EXPECT_EQ(run_file("tests1.dat", browser(), 59), 59); }
TEST(Html5libEncoding, Tests2) { EXPECT_EQ(run_file("tests2.dat", browser(), 22), 22); }
TEST(Html5libEncoding, YahooJp) { EXPECT_EQ(run_file("test-yahoo-jp.dat", browser(), 1), 1); }

// The 1024-byte prescan alone: seven tests1 cases put their <meta> after a long comment.
TEST(Html5libEncoding, Tests1PrescanOnly) { EXPECT_EQ(run_file("tests1.dat", strict(), 59), 52); }
TEST(Html5libEncoding, Tests2PrescanOnly) { EXPECT_EQ(run_file("tests2.dat", strict(), 22), 22); }

// Our defaults verify labels against the bytes. They change no tests1/tests2 answer; the
// yahoo page is stored in the suite as UTF-8 under an EUC-JP label, so verification (rightly,
// for text) reads it as UTF-8 and records the overruled label.
TEST(Html5libEncoding, Tests1Verified) { EXPECT_EQ(run_file("tests1.dat", {}, 59), 59); }
TEST(Html5libEncoding, Tests2Verified) { EXPECT_EQ(run_file("tests2.dat", {}, 22), 22); }
TEST(Html5libEncoding, YahooJpVerified) {
  auto text = base::read_file(std::string(KLARTEXT_DATA_DIR) +
                              "/html5lib-tests/encoding/test-yahoo-jp.dat");
  ASSERT_TRUE(text.ok());
  auto cases = parse_dat(*text);
  ASSERT_EQ(cases.size(), 1u);
  auto r = decode_html(cases[0].data);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, "UTF-8");
  EXPECT_EQ(r->declared, "EUC-JP");
  EXPECT_EQ(r->replaced, 0u);
  EXPECT_NE(r->utf8.find("\xE6\x97\xA5\xE6\x9C\xAC"), std::string::npos);  // 日本
}

}  // namespace
}  // namespace klartext::decode
