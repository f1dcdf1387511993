// Tests of the metadata match rules (src/eval/match.h).
#include "eval/match.h"

#include <gtest/gtest.h>

namespace klartext::eval {
namespace {

TEST(Match, NormalizeField) {
  EXPECT_EQ(normalize_field("  Hello\n\t WORLD  "), "hello world");
  EXPECT_EQ(normalize_field("Don\xE2\x80\x99t \xE2\x80\x94 Stop"), "don t stop");
  EXPECT_EQ(normalize_field(""), "");
  EXPECT_EQ(normalize_field(" - "), "");
}

TEST(Match, Title) {
  EXPECT_TRUE(title_matches("The  Big Story", "the big story"));
  EXPECT_TRUE(title_matches("It\xE2\x80\x99s here", "It's here"));
  EXPECT_FALSE(title_matches("The Big Story | Site", "The Big Story"));
  EXPECT_FALSE(title_matches("", "The Big Story"));
  EXPECT_FALSE(title_matches("", ""));  // no gold: never a match (and not counted)
}

TEST(Match, Author) {
  EXPECT_TRUE(author_matches("Jane Doe", "jane doe"));
  EXPECT_TRUE(author_matches("By Jane Doe", "Jane Doe"));
  EXPECT_TRUE(author_matches("Jane Doe", "By Jane Doe and John Roe"));
  EXPECT_FALSE(author_matches("John Roe", "Jane Doe"));
  EXPECT_FALSE(author_matches("", "Jane Doe"));
  EXPECT_FALSE(author_matches("--", "Jane Doe"));
  EXPECT_TRUE(author_matches("茉莉", "茉莉"));
}

TEST(Match, NormalizeDate) {
  EXPECT_EQ(normalize_date("2018-04-05T06:00"), "2018-04-05");
  EXPECT_EQ(normalize_date("2005-5-7 21:23:57"), "2005-05-07");
  EXPECT_EQ(normalize_date("2005/05/07"), "2005-05-07");
  EXPECT_EQ(normalize_date("2005年5月7日"), "2005-05-07");
  EXPECT_EQ(normalize_date("Posted 2019.01.03"), "2019-01-03");
  EXPECT_EQ(normalize_date("2018"), "2018");
  EXPECT_EQ(normalize_date("2018-13-01"), "2018");
  EXPECT_EQ(normalize_date("12345"), "");
  EXPECT_EQ(normalize_date("no date"), "");
}

TEST(Match, Date) {
  EXPECT_TRUE(date_matches("2015-07-10T09:53:00-04:00", "2015-07-10"));
  EXPECT_TRUE(date_matches("2005-05-07", "2005-5-7 21:23:57"));
  EXPECT_FALSE(date_matches("2015-07-11", "2015-07-10"));
  EXPECT_TRUE(date_matches("2018-06-01", "2018"));  // gold has only the year
  EXPECT_FALSE(date_matches("2018", "2018-06-01"));
  EXPECT_FALSE(date_matches("", "2018-06-01"));
}

}  // namespace
}  // namespace klartext::eval
