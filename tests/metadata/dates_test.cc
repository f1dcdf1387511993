// Tests for src/metadata/dates.h: markup values, dates in running text in many languages,
// plausibility, and the month-name table.
#include "metadata/dates.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace klartext::metadata {
namespace {

const Date kRef = *parse_ymd("2026-11-30");

std::string in_text(std::string_view s, bool month_first = false) {
  DateScanOptions opt;
  opt.month_first = month_first;
  auto hit = find_date(s, kRef, opt);
  return hit ? format_date(hit->date) : "none";
}

// first_year_run passes over digit-free text 16 bytes at a step: a year (or a run that is no
// year) is found at every offset within and across those steps, after ASCII and UTF-8 bytes.
TEST(DatesTest, FirstYearRunAtEveryOffset) {
  // The plain definition: the first maximal run of exactly four digits valued 1995..max.
  auto reference = [](std::string_view s, size_t from, int max_year) {
    for (size_t i = from; i < s.size();) {
      if (s[i] < '0' || s[i] > '9') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if (j - i == 4) {
        int v = std::stoi(std::string(s.substr(i, 4)));
        if (v >= 1995 && v <= max_year) return i;
      }
      i = j;
    }
    return std::string_view::npos;
  };
  const std::string fillers[] = {"a", "\xC3\xA9", " ", "\xE2\x80\x94"};
  const std::string inserts[] = {"2019", "12019", "1994", "2030", "7 2019", "20192", "2019x1"};
  for (const std::string& filler : fillers) {
    for (size_t pad = 0; pad < 40; ++pad) {
      std::string lead;
      while (lead.size() < pad) lead += filler;
      for (const std::string& ins : inserts) {
        std::string s = lead + ins + lead;
        EXPECT_EQ(first_year_run(s, 0, 2027), reference(s, 0, 2027)) << s;
        EXPECT_EQ(first_year_run(s, 1, 2027), reference(s, 1, 2027)) << s;
      }
    }
  }
  EXPECT_EQ(first_year_run("", 0, 2027), std::string_view::npos);
  EXPECT_EQ(first_year_run("in 2019 and 2021", 8, 2027), 12u);
}

TEST(DatesTest, TextFormatsInManyLanguages) {
  EXPECT_EQ(in_text("29. November 2026"), "2026-11-29");  // de
  EXPECT_EQ(in_text("November 29, 2026"), "2026-11-29");  // en
  EXPECT_EQ(in_text("Nov. 29th, 2026"), "2026-11-29");
  EXPECT_EQ(in_text("29 novembre 2026"), "2026-11-29");  // fr, it
  EXPECT_EQ(in_text("le 1er mars 2026"), "2026-03-01");
  EXPECT_EQ(in_text("updated on the 18th of July 2026"), "2026-07-18");  // en, British
  EXPECT_EQ(in_text("1st of May, 2026"), "2026-05-01");
  EXPECT_FALSE(find_date("15 of December 2026", kRef));         // "of" only after an ordinal
  EXPECT_EQ(in_text("29 de noviembre de 2026"), "2026-11-29");  // es
  EXPECT_EQ(in_text("29 de março de 2026"), "2026-03-29");      // pt
  EXPECT_EQ(in_text("29 maart 2026"), "2026-03-29");            // nl
  EXPECT_EQ(in_text("29 listopada 2026"), "2026-11-29");        // pl genitive
  EXPECT_EQ(in_text("29 ноября 2026 г."), "2026-11-29");        // ru genitive
  EXPECT_EQ(in_text("29 Ноября 2026"), "2026-11-29");           // Cyrillic capital
  EXPECT_EQ(in_text("29. října 2026"), "2026-10-29");           // cs
  EXPECT_EQ(in_text("29 Ekim 2026"), "2026-10-29");             // tr
  EXPECT_EQ(in_text("2026. november 29."), "2026-11-29");       // hu
  EXPECT_EQ(in_text("2026年11月29日"), "2026-11-29");           // zh, ja
  EXPECT_EQ(in_text("2026년 11월 29일"), "2026-11-29");         // ko
  EXPECT_EQ(in_text("2026. 11. 29."), "2026-11-29");            // ko numeric
  EXPECT_EQ(in_text("29.11.2026"), "2026-11-29");
  EXPECT_EQ(in_text("2026-11-29"), "2026-11-29");
  EXPECT_EQ(in_text("2005-5-7 21:23:57"), "2005-05-07");
  EXPECT_EQ(in_text("2026/11/29"), "2026-11-29");
}

TEST(DatesTest, FindsTheDateInsideRunningText) {
  EXPECT_EQ(in_text("Posted by Jane on Friday, November 27, 2026 at 10am"), "2026-11-27");
  EXPECT_EQ(in_text("发布时间：2026-11-29 10:00 来源：新华网"), "2026-11-29");
  auto hit = find_date("Updated 3 March 2026.", kRef);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->begin, 8u);
  EXPECT_EQ(hit->end, 20u);
}

TEST(DatesTest, SlashOrderFollowsTheHint) {
  EXPECT_EQ(in_text("11/10/2026", true), "2026-11-10");
  EXPECT_EQ(in_text("11/10/2026", false), "2026-10-11");
  EXPECT_EQ(in_text("29/11/2026", true), "2026-11-29");  // 29 cannot be a month
  EXPECT_EQ(in_text("11/29/2026", false), "2026-11-29");
}

TEST(DatesTest, RejectsImplausibleAndNonDates) {
  EXPECT_EQ(in_text("2 December 2026"), "none");   // after the reference date (+1 day slack)
  EXPECT_EQ(in_text("29 November 1994"), "none");  // before the web-content floor
  EXPECT_EQ(in_text("30 February 2026"), "none");  // no such day
  EXPECT_EQ(in_text("version 1.2.3 and 12345-67-89"), "none");
  EXPECT_EQ(in_text("May I help you, 2026 times?"), "none");
  EXPECT_EQ(in_text("Call 2026-13-01"), "none");
  EXPECT_EQ(in_text("in 2026"), "none");  // a year alone is not a date
  // The first candidate is implausible, the scan goes on to the next.
  EXPECT_EQ(in_text("Due 31 December 2030, written 2 May 2026"), "2026-05-02");
}

TEST(DatesTest, MarkupValues) {
  auto d = parse_date_value("2026-11-29T10:52:50+0100", kRef);
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2026-11-29T10:52:50+01:00");
  d = parse_date_value("2026-11-29T10:52:50.123Z", kRef);
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2026-11-29T10:52:50+00:00");
  d = parse_date_value("2026-11-29T10:52:50", kRef);  // no zone: the time is dropped
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2026-11-29");
  d = parse_date_value("Sun, 29 Nov 2026 10:00:00 GMT", kRef);
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2026-11-29");
  d = parse_date_value("20261129", kRef);
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2026-11-29");
  EXPECT_FALSE(parse_date_value("1764412800", kRef));  // epoch seconds are not read
  EXPECT_FALSE(parse_date_value("", kRef));
}

TEST(DatesTest, Plausibility) {
  EXPECT_TRUE(plausible(*parse_ymd("1995-01-01"), kRef));
  EXPECT_FALSE(plausible(*parse_ymd("1994-12-31"), kRef));
  EXPECT_TRUE(plausible(*parse_ymd("2026-12-01"), kRef));  // one day of time-zone slack
  EXPECT_FALSE(plausible(*parse_ymd("2026-12-02"), kRef));
  EXPECT_FALSE(parse_ymd("2026-02-30"));
  EXPECT_FALSE(parse_ymd("2026-1-30"));
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
}

TEST(DatesTest, MonthTableHasNoCollisions) {
  // Every entry must resolve to its own month: a word listed twice with different months
  // would silently take the first.
  std::map<std::string, int> seen;
  ASSERT_GT(month_name_count(), 200u);
  for (size_t i = 0; i < month_name_count(); ++i) {
    int month = 0;
    std::string_view name = month_name_at(i, &month);
    EXPECT_GE(month, 1);
    EXPECT_LE(month, 12);
    EXPECT_EQ(month_from_name(name), month) << name;
    auto [it, inserted] = seen.emplace(std::string(name), month);
    EXPECT_TRUE(inserted || it->second == month) << name;
  }
  EXPECT_EQ(month_from_name("NOVEMBER"), 11);
  EXPECT_EQ(month_from_name("Nov."), 11);
  EXPECT_EQ(month_from_name("Février"), 2);
  EXPECT_EQ(month_from_name("Şubat"), 2);
  EXPECT_EQ(month_from_name("ЯНВАРЯ"), 1);
  EXPECT_EQ(month_from_name("monday"), 0);
  EXPECT_EQ(month_from_name("ma"), 0);
}

// find_date rejects text without a plausible four-digit year before scanning it, and starts
// its scan shortly before the first such year: dates must be found the same wherever they sit.
TEST(DatesTest, YearPrefilterKeepsEveryForm) {
  const std::string pad(300, 'x');
  const std::string words = "and so on, the 12 of 34 items (1234567 bytes) in 1990 ";
  for (const char* date :
       {"29 de noviembre de 2026", "Nov. 29th, 2026", "2026-11-29", "29.\u00a0November\u00a02026",
        "2026年11月29日", "11/29/2026", "2026. november 29."}) {
    // Years before the date (alone, several, inside longer digit runs) make the scan skip
    // from one year run to shortly before the next: the date must still be found.
    for (const std::string& before :
         {std::string(), pad, words + pad, pad + " " + words, "in 2024 " + pad,
          "2024, 2025 " + pad + " 2023 " + pad, "no. 1202412 and 20245 " + pad,
          pad + " 2024" + std::string(90, 'y') + " 2025 " + pad}) {
      std::string text = before + " " + date + " tail 2025 text";
      auto hit = find_date(text, kRef, {});
      ASSERT_TRUE(hit) << text;
      EXPECT_EQ(hit->begin, before.size() + 1) << text;
      EXPECT_EQ(format_date(hit->date), "2026-11-29") << text;
    }
  }
  // No year in range, no date; a year alone is no date either.
  EXPECT_EQ(in_text(pad + " 29 November " + pad), "none");
  EXPECT_EQ(in_text("29 November 1990, 12345 and 2031"), "none");
  EXPECT_EQ(in_text(words + "2026"), "none");
  EXPECT_EQ(in_text("In 2024 " + pad + " 29 November " + pad), "none");
  // Scanning on from a previous hit still sees the next date.
  std::string two = "29.11.2026 " + pad + " 30.11.2026";
  auto first = find_date(two, kRef, {});
  ASSERT_TRUE(first);
  auto second = find_date(two, kRef, {}, first->end);
  ASSERT_TRUE(second);
  EXPECT_EQ(format_date(second->date), "2026-11-30");
}

// The day/month order of "03/09/2026" is a guess, which callers may revisit; known orders
// (a field above 12, year first, month names) are not flagged.
TEST(DatesTest, GuessedDayMonthOrderIsFlagged) {
  auto guessed = [](std::string_view s) {
    auto hit = find_date(s, kRef);
    return hit && hit->date.order_guessed;
  };
  EXPECT_TRUE(guessed("03/09/2026"));
  EXPECT_TRUE(guessed("03-09-2026"));
  EXPECT_FALSE(guessed("13/09/2026"));
  EXPECT_FALSE(guessed("09/09/2026"));
  EXPECT_FALSE(guessed("2026-03-09"));
  EXPECT_FALSE(guessed("March 9, 2026"));
}

// Regression: NLM/PubMed citation dates put the year first and name the month.
// Regression: a URL that writes its date as year, month word and day segments gives it (a
// page showing only "03/10/2023", read the other way round, is set right by it).
TEST(DatesTest, PathDateWithMonthWord) {
  auto d = find_path_month_date("https://example.org/blog/2023/october/03/wine-styles/", kRef);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(format_date(*d), "2023-10-03");
  d = find_path_month_date("https://example.org/books/2025/dec/5/best-novels", kRef);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(format_date(*d), "2025-12-05");
  EXPECT_FALSE(find_path_month_date("https://example.org/2025/dec/best-of", kRef).has_value());
  EXPECT_FALSE(find_path_month_date("https://example.org/1890/may/01/", kRef).has_value());
  EXPECT_FALSE(find_path_month_date("https://example.org/x?d=/2025/may/01/", kRef).has_value());
  EXPECT_FALSE(find_path_month_date("", kRef).has_value());
}

TEST(DatesTest, YearFirstWithMonthName) {
  EXPECT_EQ(in_text("2023 Jan 7"), "2023-01-07");
  EXPECT_EQ(in_text("Accepted 2024 Jun 30; published"), "2024-06-30");
  EXPECT_EQ(in_text("2023 Jan"), "none");        // a month alone is no day
  EXPECT_EQ(in_text("in 2023 we met"), "none");  // a year followed by a word
  // A headline ending in a year, then a dateline: the dateline is the date.
  EXPECT_EQ(in_text("Best kettles of 2026 September 1st, 2025"), "2025-09-01");
  auto v = parse_date_value("2023 Jan 7", kRef);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(format_date(*v), "2023-01-07");
}

}  // namespace
}  // namespace klartext::metadata
