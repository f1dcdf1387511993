// Tests for src/text/lang_id.h: CLD2 on short texts of our own in several scripts.
#include "text/lang_id.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace klartext::text {
namespace {

struct Case {
  const char* expected;
  const char* text;
};

TEST(LangId, IdentifiesShortTexts) {
  auto lid = make_cld2_identifier();
  const Case cases[] = {
      {"en",
       "The city council met on Tuesday evening to discuss the new budget for public schools and "
       "the repair of several bridges."},
      {"de",
       "Der Stadtrat hat am Dienstagabend über den neuen Haushalt für die Schulen und die "
       "Reparatur mehrerer Brücken beraten."},
      {"fr",
       "Le conseil municipal s'est réuni mardi soir pour discuter du nouveau budget des écoles "
       "publiques et de la réparation de plusieurs ponts."},
      {"zh", "市议会周二晚上开会，讨论了公立学校的新预算以及几座桥梁的维修问题。"},
      {"ja",
       "市議会は火曜日の夜に会合を開き、公立学校の新しい予算といくつかの橋の修理について話し合った"
       "。"},
      {"ko",
       "시의회는 화요일 저녁에 회의를 열어 공립학교의 새 예산과 여러 다리의 보수에 대해 논의했다."},
      {"ar",
       "اجتمع مجلس المدينة مساء الثلاثاء لمناقشة الميزانية الجديدة للمدارس العامة وإصلاح عدة "
       "جسور."},
      {"ru",
       "Городской совет собрался во вторник вечером, чтобы обсудить новый бюджет государственных "
       "школ и ремонт нескольких мостов."},
  };
  for (const Case& c : cases) {
    LanguageResult r = lid->identify(c.text);
    EXPECT_EQ(r.code, c.expected) << c.text;
    EXPECT_GT(r.score, 0.5) << c.text;
    EXPECT_LE(r.score, 1.0);
    EXPECT_TRUE(r.reliable) << c.text;
  }
  EXPECT_EQ(lid->name(), "cld2");
}

TEST(LangId, EmptyAndSymbolOnlyTextIsUndetermined) {
  auto lid = make_cld2_identifier();
  EXPECT_EQ(lid->identify("").code, "und");
  LanguageResult r = lid->identify("12345 !!! ??? 678");
  EXPECT_EQ(r.code, "und");
  EXPECT_FALSE(r.reliable);
}

TEST(LangId, InvalidUtf8StillScoresTheValidPrefix) {
  auto lid = make_cld2_identifier();
  std::string text =
      "Der Stadtrat hat am Dienstagabend über den neuen Haushalt für die Schulen und die "
      "Reparatur mehrerer Brücken beraten. \xff\xfe trailing garbage";
  EXPECT_EQ(lid->identify(text).code, "de");
}

TEST(LangId, PrefixCapCutsAtCodePointAndWordBoundaries) {
  std::string s = "word ";
  for (int i = 0; i < 1000; ++i) s += "中";
  std::string_view p = lang_id_prefix(s, 100);
  EXPECT_LE(p.size(), 100u);
  EXPECT_EQ((p.size() - 5) % 3, 0u);  // whole 3-byte characters after "word "
  std::string ascii(5000, 'a');
  for (size_t i = 10; i < ascii.size(); i += 10) ascii[i] = ' ';
  p = lang_id_prefix(ascii, 2048);
  EXPECT_LE(p.size(), 2048u);
  EXPECT_EQ(p.back(), ' ');
  EXPECT_EQ(lang_id_prefix("short", 2048), "short");
  EXPECT_EQ(lang_id_prefix(ascii, 0).size(), ascii.size());
}

TEST(LangId, PrefixCapDecidesOnTheStart) {
  // German first, then a long English tail: a 2 KB cap sees only the German part.
  std::string text;
  while (text.size() < 1500) {
    text += "Der Stadtrat hat am Dienstagabend über den neuen Haushalt für die Schulen beraten. ";
  }
  while (text.size() < 20000) {
    text += "The council then discussed the budget for the schools and the bridges at length. ";
  }
  LangIdOptions o;
  o.max_prefix_bytes = 1500;
  EXPECT_EQ(make_cld2_identifier(o)->identify(text).code, "de");
  o.max_prefix_bytes = 0;
  EXPECT_EQ(make_cld2_identifier(o)->identify(text).code, "en");
}

}  // namespace
}  // namespace klartext::text

namespace klartext::text {
namespace {

TEST(LangId, CodeAliasTable) {
  EXPECT_EQ(normalize_language_code("iw"), "he");
  EXPECT_EQ(normalize_language_code("jw"), "jv");
  EXPECT_EQ(normalize_language_code("in"), "id");
  EXPECT_EQ(normalize_language_code("ji"), "yi");
  EXPECT_EQ(normalize_language_code("de"), "de");
  EXPECT_EQ(normalize_language_code("zh-Hant"), "zh-Hant");
}

TEST(LangId, SharedAcrossThreads) {
  auto lid = make_cld2_identifier();
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (lid->identify("Der Stadtrat hat am Dienstagabend über den neuen Haushalt beraten.")
                .code != "de") {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace klartext::text
