// Dates as pages write them: ISO 8601 and RFC 2822 values in markup, and dates in running text
// in many languages ("29. November 2026", "29 de noviembre de 2026", "2026年11月29日").
// Tested in tests/metadata/dates_test.cc.
#ifndef KLARTEXT_METADATA_DATES_H_
#define KLARTEXT_METADATA_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace klartext::metadata {

struct Date {
  int year = 0, month = 0, day = 0;
  bool has_time = false;  // hour/minute/second are set
  int hour = 0, minute = 0, second = 0;
  bool has_offset = false;  // offset_minutes is set ("Z" is +00:00)
  int offset_minutes = 0;
  // Written with day and month both as numbers up to 12 before the year ("03/09/2026"), so
  // read by the month-first hint or the day-first default rather than known.
  bool order_guessed = false;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d);
// Today's date in UTC.
Date today_utc();
// "YYYY-MM-DD" -> Date; nullopt when not exactly that shape or not a real calendar day.
std::optional<Date> parse_ymd(std::string_view s);

// ISO 8601: "YYYY-MM-DD", or "YYYY-MM-DDThh:mm:ss±hh:mm" when both time and offset are known
// (a time without a zone is not a point in time, so it is dropped).
std::string format_date(const Date& d);

// A date is plausible for web content when it is a real calendar day, not before 1995-01-01
// (the web had almost no dated pages before; htmldate uses the same floor) and not after
// `reference` plus one day (time-zone slack: a page published "tomorrow" in UTC+14).
bool plausible(const Date& d, const Date& reference);

struct DateHit {
  Date date;
  size_t begin = 0, end = 0;  // byte range in the scanned text
};

struct DateScanOptions {
  // For "11/12/2026": month first (US usage) or day first (most of the world). Only slash
  // dates whose two leading fields are both <= 12 depend on it.
  bool month_first = false;
  // Accept the compact "20261129" form (only in markup values, too ambiguous in text).
  bool allow_compact = false;
};

// The first plausible date written in text at or after byte `from`, or nullopt. Scans at most
// text.size() bytes once; callers cap how much text they pass.
std::optional<DateHit> find_date(std::string_view text, const Date& reference,
                                 const DateScanOptions& options = {}, size_t from = 0);

// Position of the first maximal run of exactly four ASCII digits in s[from..] whose value lies
// in 1995..max_year (a plausible year), or npos. Skips digit-free text 16 bytes at a time.
size_t first_year_run(std::string_view s, size_t from, int max_year);

// A date given as a markup value (meta content, JSON-LD, <time datetime>): the first
// plausible date in its first 64 bytes.
std::optional<Date> parse_date_value(std::string_view value, const Date& reference,
                                     bool month_first = false);

// A date written as path segments with the month as a word ("/2023/october/03/",
// "/2025/dec/05/"), as some publishing systems build article URLs; nullopt when the URL has
// none or it is not plausible. Numeric path dates ("/2026/11/29/") are find_date's.
std::optional<Date> find_path_month_date(std::string_view url, const Date& reference);

// The month (1-12) a word names in one of the languages of the month-name table, or 0.
// Case-insensitive for Latin and Cyrillic letters; a trailing '.' is ignored.
int month_from_name(std::string_view word);

// The month-name table, for its test: entry i's name and month.
size_t month_name_count();
std::string_view month_name_at(size_t i, int* month);

}  // namespace klartext::metadata

#endif  // KLARTEXT_METADATA_DATES_H_
