// Date parsing for metadata values and running text. Tested in tests/metadata/dates_test.cc.
#include "metadata/dates.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

#include "base/find_digit.h"

namespace klartext::metadata {
namespace {

// Month names as they appear in dates, lower case. Origin: the Unicode CLDR Gregorian month
// names (wide and abbreviated, format and stand-alone forms; genitive forms for the Slavic
// languages and Finnish partitive, which are what dates use), written out here by hand.
// Words that would collide across languages with a different month (Croatian "listopad" =
// October) are left out; tests/metadata/dates_test.cc checks the table has no collisions.
struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonthNames[] = {
    // en
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    // de (with Austrian "Jänner", "Feber")
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"feber", 2},
    {"märz", 3},
    {"maerz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    {"mär", 3},
    {"mrz", 3},
    {"okt", 10},
    {"dez", 12},
    // fr
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"janv", 1},
    {"févr", 2},
    {"fevr", 2},
    {"avr", 4},
    {"juil", 7},
    {"déc", 12},
    // es
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"ene", 1},
    {"abr", 4},
    {"ago", 8},
    {"dic", 12},
    // it
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    {"gen", 1},
    {"mag", 5},
    {"giu", 6},
    {"lug", 7},
    {"set", 9},
    {"ott", 10},
    // pt
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"dezembro", 12},
    {"fev", 2},
    {"out", 10},
    // nl
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    {"mrt", 3},
    // pl (nominative and genitive)
    {"styczeń", 1},
    {"luty", 2},
    {"marzec", 3},
    {"kwiecień", 4},
    {"maj", 5},
    {"czerwiec", 6},
    {"lipiec", 7},
    {"sierpień", 8},
    {"wrzesień", 9},
    {"październik", 10},
    {"listopad", 11},
    {"grudzień", 12},
    {"stycznia", 1},
    {"lutego", 2},
    {"marca", 3},
    {"kwietnia", 4},
    {"maja", 5},
    {"czerwca", 6},
    {"lipca", 7},
    {"sierpnia", 8},
    {"września", 9},
    {"października", 10},
    {"listopada", 11},
    {"grudnia", 12},
    // cs (genitive)
    {"ledna", 1},
    {"února", 2},
    {"března", 3},
    {"dubna", 4},
    {"května", 5},
    {"června", 6},
    {"července", 7},
    {"srpna", 8},
    {"září", 9},
    {"října", 10},
    {"listopadu", 11},
    {"prosince", 12},
    // ru (nominative, genitive, abbreviations)
    {"январь", 1},
    {"февраль", 2},
    {"март", 3},
    {"апрель", 4},
    {"май", 5},
    {"июнь", 6},
    {"июль", 7},
    {"август", 8},
    {"сентябрь", 9},
    {"октябрь", 10},
    {"ноябрь", 11},
    {"декабрь", 12},
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    {"янв", 1},
    {"фев", 2},
    {"мар", 3},
    {"апр", 4},
    {"авг", 8},
    {"сен", 9},
    {"сент", 9},
    {"окт", 10},
    {"ноя", 11},
    {"нояб", 11},
    {"дек", 12},
    // uk (genitive)
    {"січня", 1},
    {"лютого", 2},
    {"березня", 3},
    {"квітня", 4},
    {"травня", 5},
    {"червня", 6},
    {"липня", 7},
    {"серпня", 8},
    {"вересня", 9},
    {"жовтня", 10},
    {"листопада", 11},
    {"грудня", 12},
    // sv, da, no
    {"augusti", 8},
    {"marts", 3},
    {"desember", 12},
    // fi (partitive, as in "29. marraskuuta 2026")
    {"tammikuuta", 1},
    {"helmikuuta", 2},
    {"maaliskuuta", 3},
    {"huhtikuuta", 4},
    {"toukokuuta", 5},
    {"kesäkuuta", 6},
    {"heinäkuuta", 7},
    {"elokuuta", 8},
    {"syyskuuta", 9},
    {"lokakuuta", 10},
    {"marraskuuta", 11},
    {"joulukuuta", 12},
    // tr
    {"ocak", 1},
    {"şubat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    // hu
    {"január", 1},
    {"február", 2},
    {"március", 3},
    {"április", 4},
    {"május", 5},
    {"június", 6},
    {"július", 7},
    {"augusztus", 8},
    {"szeptember", 9},
    {"október", 10},
    // ro
    {"ianuarie", 1},
    {"februarie", 2},
    {"martie", 3},
    {"aprilie", 4},
    {"iunie", 6},
    {"iulie", 7},
    {"septembrie", 9},
    {"octombrie", 10},
    {"noiembrie", 11},
    {"decembrie", 12},
    // id
    {"maret", 3},
    {"agustus", 8},
    {"nopember", 11},
};

// Lower-cases one word: ASCII, Latin-1 Supplement, Latin Extended-A and basic Cyrillic,
// enough for the month table above.
std::string fold_word(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') {
      out += char(c + 32);
    } else if (c >= 0xC3 && c <= 0xC5 && i + 1 < w.size()) {
      unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3F);
      if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        cp += 0x20;
      else if ((cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) ||
               (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) ||
               (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) ||
               (cp >= 0x179 && cp <= 0x17E && cp % 2 == 1))
        cp += 1;
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
      ++i;
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < w.size()) {
      unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(w[i + 1]) & 0x3F);
      if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
      else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
      ++i;
    } else {
      out += char(c);
    }
  }
  return out;
}

const std::unordered_map<std::string, int>& month_map() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, int>();
    for (const MonthName& e : kMonthNames) m->emplace(e.name, e.month);
    return m;
  }();
  return *map;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads up to max_len digits at s[j]; returns the count read (0 if none) and advances j.
size_t read_number(std::string_view s, size_t& j, size_t max_len, int& value) {
  size_t start = j;
  value = 0;
  while (j < s.size() && is_digit(s[j]) && j - start < max_len) value = value * 10 + (s[j++] - '0');
  return j - start;
}

bool digit_at(std::string_view s, size_t j) { return j < s.size() && is_digit(s[j]); }

// Skips spaces (ASCII, NBSP, narrow NBSP) between date parts; at most a few.
void skip_spaces(std::string_view s, size_t& j) {
  for (int n = 0; n < 4 && j < s.size(); ++n) {
    if (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
      ++j;
    } else if (s.substr(j, 2) == "\xC2\xA0") {
      j += 2;
    } else if (s.substr(j, 3) == "\xE2\x80\xAF") {
      j += 3;
    } else {
      break;
    }
  }
}

bool match(std::string_view s, size_t& j, std::string_view lit) {
  if (s.substr(j, lit.size()) != lit) return false;
  j += lit.size();
  return true;
}

// Length of the letter word at s[j] (ASCII letters and 2-byte UTF-8 letters), at most 24 bytes.
size_t word_len(std::string_view s, size_t j) {
  size_t k = j;
  while (k < s.size() && k - j < 24) {
    unsigned char c = static_cast<unsigned char>(s[k]);
    if (is_alpha(char(c))) {
      ++k;
    } else if (c >= 0xC3 && c <= 0xD1 && k + 1 < s.size()) {
      k += 2;
    } else {
      break;
    }
  }
  return k - j;
}

// A month name at s[j] (with optional trailing '.'); advances j past it.
int read_month_word(std::string_view s, size_t& j) {
  size_t n = word_len(s, j);
  if (n < 3) return 0;
  int m = month_from_name(s.substr(j, n));
  if (!m) return 0;
  j += n;
  if (j < s.size() && s[j] == '.') ++j;
  return m;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Optional "Thh:mm[:ss][.fff][Z|±hh[:]mm]" or " hh:mm..." after an ISO date.
void read_time(std::string_view s, size_t& j, Date& d) {
  size_t k = j;
  if (k >= s.size() || (s[k] != 'T' && s[k] != ' ')) return;
  ++k;
  int h, mi, sec = 0;
  if (read_number(s, k, 2, h) != 2 || k >= s.size() || s[k] != ':') return;
  ++k;
  if (read_number(s, k, 2, mi) != 2) return;
  if (k < s.size() && s[k] == ':') {
    ++k;
    if (read_number(s, k, 2, sec) != 2) return;
    if (k < s.size() && (s[k] == '.' || s[k] == ',')) {
      ++k;
      while (k < s.size() && is_digit(s[k])) ++k;
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return;
  d.has_time = true;
  d.hour = h;
  d.minute = mi;
  d.second = sec;
  if (k < s.size() && s[k] == 'Z') {
    d.has_offset = true;
    d.offset_minutes = 0;
    ++k;
  } else if (k < s.size() && (s[k] == '+' || s[k] == '-')) {
    int sign = s[k] == '-' ? -1 : 1;
    size_t q = k + 1;
    int oh, om = 0;
    if (read_number(s, q, 2, oh) == 2) {
      if (q < s.size() && s[q] == ':') ++q;
      size_t before = q;
      if (read_number(s, q, 2, om) != 2) q = before, om = 0;
      if (oh <= 14 && om <= 59) {
        d.has_offset = true;
        d.offset_minutes = sign * (oh * 60 + om);
        k = q;
      }
    }
  }
  j = k;
}

bool set_ymd(Date& d, int y, int m, int day) {
  if (!valid_ymd(y, m, day)) return false;
  d.year = y;
  d.month = m;
  d.day = day;
  return true;
}

// Ordinal suffixes after a day number: en "29th", fr "1er", pt/es "1º".
void skip_ordinal(std::string_view s, size_t& j) {
  static constexpr std::string_view kSuffixes[] = {"st", "nd",       "rd",      "th",
                                                   "er", "\xC2\xBA", "\xC2\xAA"};
  for (std::string_view suf : kSuffixes) {
    size_t k = j;
    if (match(s, k, suf) && !(k < s.size() && is_alpha(s[k]))) {
      j = k;
      return;
    }
  }
}

// Year (4 digits, not followed by a digit) at s[j].
bool read_year(std::string_view s, size_t& j, int& y) {
  size_t k = j;
  if (read_number(s, k, 4, y) != 4 || digit_at(s, k)) return false;
  j = k;
  return true;
}

// "29 November 2026", "29. November 2026", "29 de noviembre de 2026", "1er mars 2026" with the
// day already read and j just after it.
bool day_month_year(std::string_view s, size_t& j, int day, Date& d) {
  size_t k = j;
  if (k < s.size() && s[k] == '.') ++k;
  size_t before_ordinal = k;
  skip_ordinal(s, k);
  bool ordinal = k != before_ordinal;
  skip_spaces(s, k);
  match(s, k, "de ");
  // English "the 18th of July 2025": "of" after an ordinal day.
  if (ordinal) match(s, k, "of ");
  int m = read_month_word(s, k);
  if (!m) return false;
  if (k < s.size() && s[k] == ',') ++k;
  skip_spaces(s, k);
  match(s, k, "de ");
  int y;
  if (!read_year(s, k, y) || !set_ymd(d, y, m, day)) return false;
  j = k;
  return true;
}

// A numeric or day-first date starting at the digit s[i].
bool try_numeric(std::string_view s, size_t i, const DateScanOptions& opt, Date& d, size_t& end) {
  size_t j = i;
  int a;
  size_t la = read_number(s, j, 9, a);
  if (la == 4) {
    if (j >= s.size()) return false;
    char sep = s[j];
    if (sep == '-' || sep == '/' || sep == '.') {
      size_t k = j + 1;
      if (sep == '.') skip_spaces(s, k);
      int m, day;
      if (read_number(s, k, 2, m) && k < s.size() && s[k] == sep) {
        ++k;
        if (sep == '.') skip_spaces(s, k);
        if (read_number(s, k, 2, day) && !digit_at(s, k) && set_ymd(d, a, m, day)) {
          if (sep == '.' && k < s.size() && s[k] == '.') ++k;
          if (sep == '-') read_time(s, k, d);
          end = k;
          return true;
        }
      }
      // Hungarian "2026. november 29."
      k = j + 1;
      if (sep == '.') {
        skip_spaces(s, k);
        int mw = read_month_word(s, k);
        skip_spaces(s, k);
        if (mw && read_number(s, k, 2, day) && !digit_at(s, k) && set_ymd(d, a, mw, day)) {
          if (k < s.size() && s[k] == '.') ++k;
          end = k;
          return true;
        }
      }
      return false;
    }
    // Year first with a month name, as NLM/PubMed citation dates write it: "2026 Nov 29".
    if (sep == ' ') {
      size_t k = j;
      skip_spaces(s, k);
      int mw = read_month_word(s, k);
      int day;
      if (mw && k < s.size() && s[k] == ' ') {
        skip_spaces(s, k);
        if (read_number(s, k, 2, day) && !digit_at(s, k)) {
          // "... of 2026 September 1st, 2025": the month and day belong to the year after.
          size_t q = k;
          skip_ordinal(s, q);
          if (q < s.size() && s[q] == ',') ++q;
          skip_spaces(s, q);
          int y2;
          if (!read_year(s, q, y2) && set_ymd(d, a, mw, day)) {
            end = k;
            return true;
          }
        }
      }
    }
    // CJK: 2026年11月29日, Korean 2026년 11월 29일.
    size_t k = j;
    bool cjk = match(s, k, "\xE5\xB9\xB4");
    bool ko = !cjk && match(s, k, "\xEB\x85\x84");
    if (!cjk && !ko) return false;
    skip_spaces(s, k);
    int m, day;
    if (!read_number(s, k, 2, m)) return false;
    if (!match(s, k, cjk ? "\xE6\x9C\x88" : "\xEC\x9B\x94")) return false;
    skip_spaces(s, k);
    if (!read_number(s, k, 2, day) || !set_ymd(d, a, m, day)) return false;
    if (!match(s, k, cjk ? "\xE6\x97\xA5" : "\xEC\x9D\xBC")) match(s, k, "\xE5\x8F\xB7");
    end = k;
    return true;
  }
  if (la == 8 && opt.allow_compact) {
    if (!set_ymd(d, a / 10000, a / 100 % 100, a % 100)) return false;
    end = j;
    return true;
  }
  if (la != 1 && la != 2) return false;
  if (j < s.size() && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
    char sep = s[j];
    size_t k = j + 1;
    int b, y;
    if (read_number(s, k, 2, b) && k < s.size() && s[k] == sep) {
      ++k;
      if (read_year(s, k, y)) {
        int day = a, m = b;
        // A field above 12 can only be the day; otherwise slashes follow the hint and dots
        // and dashes are day first.
        bool month_first = a > 12 ? false : b > 12 ? true : (sep == '/' && opt.month_first);
        if (month_first) day = b, m = a;
        if (set_ymd(d, y, m, day)) {
          d.order_guessed = a <= 12 && b <= 12 && a != b;
          end = k;
          return true;
        }
      }
    }
  }
  size_t k = j;
  if (day_month_year(s, k, a, d)) {
    end = k;
    return true;
  }
  return false;
}

// "November 29, 2026", "Nov. 29th 2026" starting at the letter s[i].
bool try_word(std::string_view s, size_t i, Date& d, size_t& end) {
  // Cheap test first: a day number must follow the word (most words are not months).
  size_t k = i + word_len(s, i);
  if (k < s.size() && s[k] == '.') ++k;
  skip_spaces(s, k);
  if (!digit_at(s, k)) return false;
  k = i;
  int m = read_month_word(s, k);
  if (!m) return false;
  skip_spaces(s, k);
  int day, y;
  if (!read_number(s, k, 2, day) || digit_at(s, k)) return false;
  skip_ordinal(s, k);
  if (k < s.size() && s[k] == ',') ++k;
  skip_spaces(s, k);
  if (!read_year(s, k, y) || !set_ymd(d, y, m, day)) return false;
  end = k;
  return true;
}

// Bytes a text date can span before its year, rounded up from the 61 of the longest form
// ("29. º de <24-byte month>., de 2026" with the most spaces skip_spaces takes).
constexpr size_t kMaxLeadBeforeYear = 96;

}  // namespace

size_t first_year_run(std::string_view s, size_t from, int max_year) {
  const size_t n = s.size();
  size_t i = from;
  while (i < n) {
    i = base::find_ascii_digit(s.data(), i, n);
    if (i >= n) break;
    size_t start = i;
    int value = 0;
    while (i < n && is_digit(s[i])) {
      if (i - start < 4) value = value * 10 + (s[i] - '0');
      ++i;
    }
    if (i - start == 4 && value >= 1995 && value <= max_year) return start;
  }
  return std::string_view::npos;
}

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date today_utc() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd{days};
  Date d;
  d.year = int(ymd.year());
  d.month = int(unsigned(ymd.month()));
  d.day = int(unsigned(ymd.day()));
  return d;
}

std::optional<Date> parse_ymd(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  size_t j = 0;
  int y, m, d;
  if (read_number(s, j, 4, y) != 4) return std::nullopt;
  j = 5;
  if (read_number(s, j, 2, m) != 2) return std::nullopt;
  j = 8;
  if (read_number(s, j, 2, d) != 2) return std::nullopt;
  Date out;
  if (!set_ymd(out, y, m, d)) return std::nullopt;
  return out;
}

std::string format_date(const Date& d) {
  char buf[40];
  if (d.has_time && d.has_offset) {
    int off = d.offset_minutes < 0 ? -d.offset_minutes : d.offset_minutes;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month,
                  d.day, d.hour, d.minute, d.second, d.offset_minutes < 0 ? '-' : '+', off / 60,
                  off % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

bool plausible(const Date& d, const Date& reference) {
  if (!valid_ymd(d.year, d.month, d.day) || d.year < 1995) return false;
  return days_from_civil(d.year, d.month, d.day) <=
         days_from_civil(reference.year, reference.month, reference.day) + 1;
}

int month_from_name(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 24) return 0;
  const auto& map = month_map();
  auto it = map.find(fold_word(word));
  return it == map.end() ? 0 : it->second;
}

std::optional<Date> find_path_month_date(std::string_view url, const Date& reference) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("?#"));
  auto digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return !s.empty();
  };
  // Segments in order; a match is year, month word, then a day of one or two digits.
  std::string_view seg[3];
  size_t have = 0;
  for (size_t at = url.find('/'); at != std::string_view::npos && at < url.size();) {
    size_t end = url.find('/', at + 1);
    std::string_view next =
        url.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
    if (have == 3) seg[0] = seg[1], seg[1] = seg[2], have = 2;
    seg[have++] = next;
    if (have == 3 && seg[0].size() == 4 && digits(seg[0]) && seg[2].size() <= 2 && digits(seg[2])) {
      int month = month_from_name(seg[1]);
      if (month > 0) {
        Date d;
        d.year = (seg[0][0] - '0') * 1000 + (seg[0][1] - '0') * 100 + (seg[0][2] - '0') * 10 +
                 (seg[0][3] - '0');
        d.month = month;
        d.day = seg[2].size() == 1 ? seg[2][0] - '0' : (seg[2][0] - '0') * 10 + (seg[2][1] - '0');
        if (plausible(d, reference)) return d;
      }
    }
    at = end;
  }
  return std::nullopt;
}

size_t month_name_count() { return sizeof(kMonthNames) / sizeof(kMonthNames[0]); }

std::string_view month_name_at(size_t i, int* month) {
  *month = kMonthNames[i].month;
  return kMonthNames[i].name;
}

std::optional<DateHit> find_date(std::string_view s, const Date& reference,
                                 const DateScanOptions& options, size_t from) {
  size_t i = from;
  // The next year run from i on (the compact forms hold none: never looked for then).
  size_t year_at = std::string_view::npos;
  if (!options.allow_compact) {
    // Every text form holds a year: a run of exactly four digits (read_year at the end, or
    // the leading year of ISO, Hungarian and CJK dates), and plausible() wants it in
    // 1995..reference year + 1. Most text has no such run and is rejected by this one cheap
    // pass. The scan can also start shortly before the first such run: no form puts more than
    // 61 bytes between a date's first byte and its year (day, ordinal, spaces, "de", a month
    // word of at most 24 bytes, ...), and the scan is self-synchronising (whether a position
    // may start a date depends only on the byte before it, in valid UTF-8 as the DOM holds).
    year_at = first_year_run(s, from, reference.year + 1);
    if (year_at == std::string_view::npos) return std::nullopt;
    if (year_at > from + kMaxLeadBeforeYear) i = year_at - kMaxLeadBeforeYear;
  }
  while (i < s.size()) {
    // Past that year run, a date starting here needs a year run further on: the scan goes on
    // from shortly before the next one, or ends if there is none (long texts that name a year
    // once and no date). first_year_run from inside a digit run can only report too early a
    // run, never miss one, so the skip passes over no date.
    if (i > year_at) {
      year_at = first_year_run(s, i, reference.year + 1);
      if (year_at == std::string_view::npos) return std::nullopt;
      if (year_at > i + kMaxLeadBeforeYear) i = year_at - kMaxLeadBeforeYear;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : ' ';
    if (is_digit(char(c))) {
      if (!is_digit(char(prev)) && !is_alpha(char(prev))) {
        Date d;
        size_t end = 0;
        if (try_numeric(s, i, options, d, end) && plausible(d, reference))
          return DateHit{d, i, end};
      }
      while (i < s.size() && is_digit(s[i])) ++i;
      continue;
    }
    if (is_alpha(char(c)) || (c >= 0xC3 && c <= 0xD1)) {
      size_t n = word_len(s, i);
      if (n == 0) n = 1;
      if (!is_alpha(char(prev)) && prev < 0x80) {
        Date d;
        size_t end = 0;
        if (n >= 3 && try_word(s, i, d, end) && plausible(d, reference)) return DateHit{d, i, end};
      }
      i += n;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

std::optional<Date> parse_date_value(std::string_view value, const Date& reference,
                                     bool month_first) {
  if (value.size() > 64) value = value.substr(0, 64);
  DateScanOptions opt;
  opt.month_first = month_first;
  opt.allow_compact = true;
  auto hit = find_date(value, reference, opt);
  if (!hit) return std::nullopt;
  return hit->date;
}

}  // namespace klartext::metadata
