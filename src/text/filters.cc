// Gopher, C4 and FineWeb quality filters. Tested in tests/text/filters_test.cc.
#include "text/filters.h"

// xxHash inlined from its header (the same XXH3_64bits as libxxhash): the rules here hash
// millions of short words and n-grams, where a call into the shared library per word cost more
// than the hashing (1.6% of `klartext corpus` time in libxxhash).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

namespace klartext::text {

const char* const kGopherStopWords[8] = {"the", "be", "to", "of", "and", "that", "have", "with"};

const char* const kC4PolicySubstrings[6] = {"terms of use", "privacy policy", "cookie policy",
                                            "uses cookies", "use of cookies", "use cookies"};

namespace {

// Python's str.strip()/lstrip()/rstrip() (Unicode whitespace).
std::string_view lstrip(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII: no decoding (most lines start with a letter)
      if (!is_space(c)) break;
      ++i;
      continue;
    }
    size_t j = i;
    if (!is_space(next_code_point(s, &j))) break;
    i = j;
  }
  return s.substr(i);
}

std::string_view rstrip(std::string_view s) {
  size_t e = s.size();
  while (e > 0) {
    auto c = static_cast<unsigned char>(s[e - 1]);
    if (c < 0x80) {
      if (!is_space(c)) break;
      --e;
      continue;
    }
    size_t b = e - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80 && e - b < 4) --b;
    size_t j = b;
    if (!is_space(next_code_point(s, &j)) || j != e) break;
    e = b;
  }
  return s.substr(0, e);
}

std::string_view strip(std::string_view s) { return rstrip(lstrip(s)); }

// The first index from i on whose byte may start a line break (at most 0x1E, or 0xC2 and 0xE2,
// the lead bytes of U+0085 and U+2028/9); n when there is none. Text is mostly long runs of
// other bytes: SSE2 passes over them 16 at a time instead of testing each.
size_t skip_to_line_break_byte(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i controls = _mm_set1_epi8(0x1E);
  const __m128i zero = _mm_setzero_si128();
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Unsigned saturating v - 0x1E is zero exactly for the bytes up to 0x1E.
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_subs_epu8(v, controls), zero),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    const uint32_t m = uint32_t(_mm_movemask_epi8(hit));
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(m));
  }
#endif
  while (i < n && p[i] > 0x1E && p[i] != 0xC2 && p[i] != 0xE2) ++i;
  return i;
}

// Python's str.splitlines(): \n, \r, \r\n, \v, \f, \x1c-\x1e, U+0085, U+2028, U+2029.
void split_lines(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0, i = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c > 0x1E && c != 0xC2 && c != 0xE2) {  // cannot start a line break
      i = skip_to_line_break_byte(bytes, i + 1, s.size());
      continue;
    }
    size_t brk = 0;  // length of the line break at i
    if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) {
      brk = 1;
    } else if (c == '\r') {
      brk = (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
      brk = 2;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      brk = 3;
    }
    if (brk == 0) {
      ++i;
      continue;
    }
    out->push_back(s.substr(start, i - start));
    i += brk;
    start = i;
  }
  if (start < s.size()) out->push_back(s.substr(start));
}

// re.split("\n{min_run,}", s): pieces between runs of at least min_run newlines.
void split_on_newline_runs(std::string_view s, size_t min_run, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0, i = 0;
  while (i < s.size()) {
    if (s[i] != '\n') {
      const void* nl = std::memchr(s.data() + i, '\n', s.size() - i);
      if (nl == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(nl) - s.data());
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] == '\n') ++j;
    if (j - i >= min_run) {
      out->push_back(s.substr(start, i - start));
      start = j;
    }
    i = j;
  }
  out->push_back(s.substr(start));
}

// Non-overlapping occurrences, like Python's str.count.
size_t count_substr(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t pos = s.find(needle); pos != std::string_view::npos;
       pos = s.find(needle, pos + needle.size())) {
    ++n;
  }
  return n;
}

// Whether needle occurs in s. string_view::find stops at every occurrence of the needle's
// first letter (memchr, then a compare), and C4's patterns start with common letters ('l',
// 'c', 'p', 't', 'u'): the stops mispredict. glibc's memmem skipped ahead on a two-byte hash
// (less CPU time than find on the bench corpus texts, more instructions). With SSE2 the
// positions whose first and last bytes both match the needle's are found 16 at a time, and
// only those are compared: a pair of bytes that far apart is rare (callgrind, 300-page bench
// slice: memmem 16.0M instructions).
bool contains(std::string_view s, std::string_view needle) {
  const size_t k = needle.size();
#if defined(__SSE2__)
  if (k >= 2 && s.size() >= k) {
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[k - 1]);
    const char* p = s.data();
    size_t i = 0;
    // Positions i .. i + 15, whose last bytes lie at most at i + 15 + k - 1 < s.size().
    for (; i + k - 1 + 16 <= s.size(); i += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k - 1));
      for (uint32_t m = uint32_t(
               _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
           m != 0; m &= m - 1)
        if (std::memcmp(p + i + size_t(__builtin_ctz(m)) + 1, needle.data() + 1, k - 2) == 0)
          return true;
    }
    return memmem(p + i, s.size() - i, needle.data(), k) != nullptr;  // the last positions
  }
#endif
  return memmem(s.data(), s.size(), needle.data(), k) != nullptr;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

uint64_t hash_bytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// hash_bytes of every item into out. Flattened: GCC kept XXH3_64bits a call per word, where
// most words take its short-input branch of a few instructions.
__attribute__((flatten)) void hash_all(const std::vector<std::string_view>& items, uint64_t* out) {
  for (size_t i = 0, n = items.size(); i < n; ++i) out[i] = hash_bytes(items[i]);
}

// datatrove find_duplicates: elements already seen count as duplicates, with their length.
struct Duplicates {
  size_t elements = 0;
  size_t chars = 0;
};
Duplicates find_duplicates(const std::vector<std::string_view>& items, U64Map<uint32_t>& seen) {
  Duplicates d;
  seen.reset(items.size());
  for (std::string_view item : items) {
    bool inserted = false;
    seen.find_or_insert(hash_bytes(item), &inserted);
    if (!inserted) {
      ++d.elements;
      d.chars += code_point_count(item);
    }
  }
  return d;
}

// The n-gram keys: an order-sensitive chain over the n token hashes (ngram_step, token by
// token, so that an (n+1)-gram continues its n-gram's chain), finished with MurmurHash3's fmix64
// so that the low bits (the table index) depend on every token.
uint64_t ngram_step(uint64_t k, uint64_t token_hash) {
  k = (k ^ token_hash) * 0x9E3779B97F4A7C15ULL;
  return (k << 31) | (k >> 33);
}

uint64_t ngram_finish(uint64_t k) {
  k ^= k >> 33;
  k *= 0xFF51AFD7ED558CCDULL;
  k ^= k >> 33;
  k *= 0xC4CEB9FE1A85EC53ULL;
  k ^= k >> 33;
  return k;
}

// Removes C4's citation markers: "[" digits* "]", "[edit]", "[citation needed]".
std::string remove_citations(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '[') {
      size_t j = i + 1;
      while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
      if (j < line.size() && line[j] == ']') {
        i = j + 1;
        continue;
      }
      std::string_view rest = line.substr(i);
      if (rest.starts_with("[edit]")) {
        i += 6;
        continue;
      }
      if (rest.starts_with("[citation needed]")) {
        i += 17;
        continue;
      }
    }
    out.push_back(line[i++]);
  }
  return out;
}

// Whitespace-separated words of s (Python's str.split()), and in *too_long whether one has more
// than max_word_length code points. The count stops at `enough` words when no word can be too
// long (a code point is at least one byte): C4 only compares it with its minimum.
size_t whitespace_word_count(std::string_view s, size_t max_word_length, size_t enough,
                             bool* too_long) {
  size_t n = 0;
  *too_long = false;
  const bool may_be_too_long = s.size() > max_word_length;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (is_space(next_code_point(s, &j))) {
      i = j;
      continue;
    }
    size_t cps = 0;
    while (i < s.size()) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {  // ASCII: one comparison, no decoding
        if (is_space(c)) break;
        ++i;
        ++cps;
        continue;
      }
      size_t k = i;
      if (is_space(next_code_point(s, &k))) break;
      i = k;
      ++cps;
    }
    if (cps > max_word_length) *too_long = true;
    ++n;
    if (n >= enough && !may_be_too_long) break;
  }
  return n;
}

// Common English abbreviations written with a period, which do not end a sentence. Our list,
// of the kind NLTK's punkt English model learns (titles, "e.g.", months, company suffixes);
// without it "Mr. Smith" would count as two sentences.
const char* const kSentenceAbbreviations[] = {
    "mr",  "mrs", "ms",  "dr",  "prof", "sr",   "jr",  "st",   "mt",  "vs",     "etc",
    "e.g", "i.e", "cf",  "al",  "inc",  "ltd",  "co",  "corp", "no",  "vol",    "fig",
    "gen", "gov", "sen", "rep", "col",  "lt",   "sgt", "capt", "jan", "feb",    "mar",
    "apr", "jun", "jul", "aug", "sep",  "sept", "oct", "nov",  "dec", "approx", "u.s"};

// True when the '.' at line[dot] follows an abbreviation or an initial ("J. Smith").
bool is_abbreviation_period(std::string_view line, size_t dot) {
  size_t b = dot;
  while (b > 0 && !is_space(static_cast<unsigned char>(line[b - 1])) && line[b - 1] != '(' &&
         line[b - 1] != '"') {
    --b;
  }
  std::string_view word = line.substr(b, dot - b);
  if (word.empty() || word.size() > 6) return false;
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  std::string_view w(lower, word.size());
  for (const char* a : kSentenceAbbreviations) {
    if (w == a) return true;
  }
  return false;
}

}  // namespace

size_t count_sentences(std::string_view line) {
  size_t n = 0;
  bool pending = false;  // text seen since the last sentence end
  size_t i = 0;
  while (i < line.size()) {
    size_t j = i;
    char32_t cp = next_code_point(line, &j);
    bool term = cp < 0x80 ? (cp == '.' || cp == '!' || cp == '?') : is_terminal_punctuation(cp);
    if (!term) {
      if (!is_space(cp)) pending = true;
      i = j;
      continue;
    }
    bool wide = cp >= 0x80;
    size_t term_start = i;
    // Consume the run of terminators and closing quotes/brackets.
    while (j < line.size()) {
      size_t k = j;
      char32_t c = next_code_point(line, &k);
      bool closer = c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
                    c == 0x300D || c == 0x300F || c == 0xFF09;
      bool t = c < 0x80 ? (c == '.' || c == '!' || c == '?') : is_terminal_punctuation(c);
      if (!closer && !t) break;
      wide = wide || (t && c >= 0x80);
      j = k;
    }
    bool at_boundary = j >= line.size();
    if (!at_boundary) {
      size_t k = j;
      at_boundary = is_space(next_code_point(line, &k));
    }
    // ASCII stops need a following space ("3.5", "e.g.x" are not ends); CJK stops do not.
    // The abbreviation lookup only matters when this would end a sentence: test it last.
    if (pending && (at_boundary || wide) &&
        !(!wide && j == term_start + 1 && line[term_start] == '.' && j < line.size() &&
          is_abbreviation_period(line, term_start))) {
      ++n;
      pending = false;
    }
    i = j;
  }
  return n + (pending ? 1 : 0);
}

namespace {

// gopher_quality with the text's lines (split_lines) already at hand.
// code_point_count of a word that lies inside `text`: a word of up to eight bytes with eight
// readable bytes of the text from its start is counted in one masked 8-byte step (most words
// are that short), instead of code_point_count's branches on the length, which were most of
// gopher_quality's time on the bench corpus texts (perf).
size_t word_code_points(std::string_view w, std::string_view text) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  const size_t n = w.size();
  const char* end = text.data() + text.size();
  if (n <= 8 && w.data() >= text.data() && w.data() <= end &&
      static_cast<size_t>(end - w.data()) >= 8) {
    uint64_t x;
    std::memcpy(&x, w.data(), 8);
    if (n < 8) x &= (uint64_t(1) << (8 * n)) - 1;  // the word's bytes only (the low ones)
    // Continuation bytes (10xxxxxx), as in code_point_count.
    const uint64_t m = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
    return n - static_cast<size_t>((m * 0x0101010101010101ULL) >> 56);
  }
#endif
  return code_point_count(w);
}

std::string gopher_quality_with_lines(std::string_view text,
                                      const std::vector<std::string_view>& words,
                                      const std::vector<std::string_view>& lines,
                                      const GopherQualityOptions& o) {
  size_t n_words = words.size();
  size_t n_non_symbol = 0, non_symbol_chars = 0, n_alpha = 0;
  for (std::string_view w : words) {
    // Most words open with an ASCII letter: no symbol word, and alphabetic, without decoding.
    const unsigned char c0 = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    if ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') {
      ++n_non_symbol;
      non_symbol_chars += word_code_points(w, text);
      ++n_alpha;
      continue;
    }
    if (!is_symbol_word(w)) {
      ++n_non_symbol;
      non_symbol_chars += word_code_points(w, text);
    }
    n_alpha += has_alpha(w);
  }
  if (o.min_doc_words && n_non_symbol < *o.min_doc_words) return "gopher_short_doc";
  if (o.max_doc_words && n_non_symbol > *o.max_doc_words) return "gopher_long_doc";
  // np.mean of no words is NaN, which fails no comparison: such a document passes these two.
  if (n_non_symbol > 0) {
    double avg = static_cast<double>(non_symbol_chars) / static_cast<double>(n_non_symbol);
    if (o.min_avg_word_length && avg < *o.min_avg_word_length) return "gopher_below_avg_threshold";
    if (o.max_avg_word_length && avg > *o.max_avg_word_length) return "gopher_above_avg_threshold";
  }
  if (n_words > 0 && o.max_symbol_word_ratio) {
    double nw = static_cast<double>(n_words);
    if (static_cast<double>(count_substr(text, "#")) / nw > *o.max_symbol_word_ratio) {
      return "gopher_too_many_hashes";
    }
    double ell = static_cast<double>(count_substr(text, "...") + count_substr(text, "\u2026"));
    if (ell / nw > *o.max_symbol_word_ratio) return "gopher_too_many_ellipsis";
  }
  if (!lines.empty()) {
    double nl = static_cast<double>(lines.size());
    if (o.max_bullet_lines_ratio) {
      size_t bullets = 0;
      for (std::string_view l : lines) {
        std::string_view s = lstrip(l);
        bullets += s.starts_with("\u2022") || s.starts_with("-");
      }
      if (static_cast<double>(bullets) / nl > *o.max_bullet_lines_ratio) {
        return "gopher_too_many_bullets";
      }
    }
    if (o.max_ellipsis_lines_ratio) {
      size_t ell = 0;
      for (std::string_view l : lines) {
        std::string_view s = rstrip(l);
        ell += ends_with(s, "...") || ends_with(s, "\u2026");
      }
      if (static_cast<double>(ell) / nl > *o.max_ellipsis_lines_ratio) {
        return "gopher_too_many_end_ellipsis";
      }
    }
  }
  size_t alpha_denominator = o.alpha_ratio_over_all_tokens ? n_words : n_non_symbol;
  if (alpha_denominator > 0 && o.min_alpha_words_ratio &&
      static_cast<double>(n_alpha) / static_cast<double>(alpha_denominator) <
          *o.min_alpha_words_ratio) {
    return "gopher_below_alpha_threshold";
  }
  if (o.min_stop_words) {
    size_t found = 0;
    size_t max_len = 0;
    auto count_list = [&](auto begin, auto end) {
      for (auto it = begin; it != end; ++it)
        max_len = std::max(max_len, std::string_view(*it).size());
      std::vector<bool> seen(static_cast<size_t>(end - begin), false);
      for (std::string_view w : words) {
        if (w.size() > max_len) continue;
        for (auto it = begin; it != end; ++it) {
          if (w != std::string_view(*it)) continue;
          size_t idx = static_cast<size_t>(it - begin);
          if (!o.count_unique_stop_words || !seen[idx]) ++found;
          seen[idx] = true;
          break;
        }
        if (found >= *o.min_stop_words) break;
      }
    };
    if (o.stop_words.empty()) {
      count_list(std::begin(kGopherStopWords), std::end(kGopherStopWords));
    } else {
      count_list(o.stop_words.begin(), o.stop_words.end());
    }
    if (found < *o.min_stop_words) return "gopher_enough_stop_words";
  }
  return {};
}

}  // namespace

std::string gopher_quality(std::string_view text, const std::vector<std::string_view>& words,
                           const GopherQualityOptions& o) {
  std::vector<std::string_view> lines;
  split_lines(text, &lines);
  return gopher_quality_with_lines(text, words, lines, o);
}

std::string gopher_repetition(std::string_view text, const std::vector<std::string_view>& words,
                              const GopherRepetitionOptions& o, FilterWorkspace& ws) {
  size_t text_len = code_point_count(text);
  if (text_len == 0) return {};  // datatrove divides by len(text); leave empty text to others
  double tl = static_cast<double>(text_len);

  split_on_newline_runs(strip(text), 2, &ws.pieces);
  Duplicates d = find_duplicates(ws.pieces, ws.counts);
  if (o.dup_para_frac &&
      static_cast<double>(d.elements) / static_cast<double>(ws.pieces.size()) > *o.dup_para_frac) {
    return "dup_para_frac";
  }
  if (o.dup_para_char_frac && static_cast<double>(d.chars) / tl > *o.dup_para_char_frac) {
    return "dup_para_char_frac";
  }
  split_on_newline_runs(text, 1, &ws.pieces);
  d = find_duplicates(ws.pieces, ws.counts);
  if (o.dup_line_frac &&
      static_cast<double>(d.elements) / static_cast<double>(ws.pieces.size()) > *o.dup_line_frac) {
    return "dup_line_frac";
  }
  if (o.dup_line_char_frac && static_cast<double>(d.chars) / tl > *o.dup_line_char_frac) {
    return "dup_line_char_frac";
  }

  size_t nw = words.size();
  ws.word_hashes.resize(nw);
  // Code point lengths only of the words that a rule measures (the most common n-grams and the
  // repeats of the duplicate scan, a small part of most texts), each counted once on first use.
  constexpr uint32_t kUncounted = ~uint32_t(0);
  ws.word_lengths.assign(nw, kUncounted);
  hash_all(words, ws.word_hashes.data());
  auto span_len = [&](size_t i, int n) {
    size_t len = 0;
    for (size_t j = i; j < i + static_cast<size_t>(n); ++j) {
      uint32_t& l = ws.word_lengths[j];
      if (l == kUncounted) l = static_cast<uint32_t>(code_point_count(words[j]));
      len += l;
    }
    return len;
  };

  // The n-gram rules, computed level by level over the distinct n of both lists in ascending
  // order. An n-gram that occurs twice has an m-gram prefix (m < n) that occurs twice, so each
  // level only examines the positions whose n-gram at the previous level was not unique; every
  // other position holds a unique n-gram, which counts once (top n-gram) and is never a repeat
  // (duplicate n-grams). For prose that leaves one full pass (the smallest n) instead of one per
  // rule, with the same results. Checks still run in the options' order: top n-grams, then
  // duplicate n-grams, each list in its own order, stopping at the first failure.
  struct Check {
    bool top;
    int n;
    double frac;
  };
  std::vector<Check> checks;
  for (const auto& [n, frac] : o.top_n_grams)
    if (n > 0 && nw >= static_cast<size_t>(n)) checks.push_back({true, n, frac});
  for (const auto& [n, frac] : o.dup_n_grams)
    if (n > 0 && nw >= static_cast<size_t>(n)) checks.push_back({false, n, frac});
  std::vector<int> levels;
  for (const Check& c : checks) levels.push_back(c.n);
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  std::vector<double> top_value(levels.size(), 0), dup_value(levels.size(), 0);
  auto level_of = [&](int n) {
    return static_cast<size_t>(std::lower_bound(levels.begin(), levels.end(), n) - levels.begin());
  };
  // Which values each level needs: with the default lists the levels of the top n-gram rules
  // (2-4) need no duplicate scan and those of the duplicate rules (5-10) no most-common count;
  // skipping them leaves every checked value as it was.
  std::vector<uint8_t> wants_top(levels.size(), 0), wants_dup(levels.size(), 0);
  for (const Check& c : checks) (c.top ? wants_top : wants_dup)[level_of(c.n)] = 1;

  // Candidates of the current level: n-gram start positions, ascending, each with its key's
  // chain over the tokens of the previous level (the first `chained` tokens), which this level
  // extends by n - chained tokens instead of hashing all n again.
  std::vector<uint32_t>& cand = ws.positions;
  std::vector<uint32_t>& multi = ws.next_positions;
  std::vector<uint64_t>& chain = ws.chains;
  std::vector<uint64_t>& multi_chain = ws.next_chains;
  cand.clear();
  chain.clear();
  if (!levels.empty()) {
    size_t first = nw - static_cast<size_t>(levels[0]) + 1;
    cand.resize(first);
    for (size_t i = 0; i < first; ++i) cand[i] = static_cast<uint32_t>(i);
    chain.assign(first, 0);
  }
  int chained = 0;
  size_t next_check = 0;
  for (size_t li = 0; li < levels.size(); ++li) {
    int n = levels[li];
    size_t limit = nw - static_cast<size_t>(n) + 1;  // valid starts are < limit
    while (!cand.empty() && cand.back() >= limit) {
      cand.pop_back();
      chain.pop_back();
    }
    // Count every candidate n-gram. The table is sized for all of them, so it never grows.
    const size_t count = cand.size();
    ws.ngram_counts.reset(count);
    // The candidates (by index) whose n-gram occurs at least twice, one bit each: set at the
    // second occurrence for it and the first (NgramCount::first), and at every later one. Read
    // back in index order, they are the next level's positions, ascending, without a second
    // pass over the table.
    std::vector<uint64_t>& repeats = ws.repeat_bits;
    repeats.assign((count + 63) / 64, 0);
    // Counter.most_common(1): the highest count, and among equals the n-gram seen first
    // (candidate indices ascend with positions). Position 0 holds an n-gram (nw >= n) with
    // count >= 1, so (1, position 0) is the floor; only counts of two or more can beat it.
    uint32_t best = 1, best_first = 0;
    // The default levels run 2, 3, ..., 10: the first extends the chains by two tokens, each
    // other by one. Those two cases without the token loop.
    const uint64_t* word_hashes = ws.word_hashes.data();
    const int steps = n - chained;
    ws.ngram_keys.resize(count);
    uint64_t* keys = ws.ngram_keys.data();
    for (size_t k = 0; k < count; ++k) {
      uint64_t h = chain[k];
      const uint64_t* at = word_hashes + cand[k] + chained;
      if (steps == 1) {
        h = ngram_step(h, at[0]);
      } else if (steps == 2) {
        h = ngram_step(ngram_step(h, at[0]), at[1]);
      } else {
        for (int j = 0; j < steps; ++j) h = ngram_step(h, at[j]);
      }
      chain[k] = h;
      keys[k] = ngram_finish(h);
    }
    // The keys are known before the lookups, so each lookup's slot is requested kAhead lookups
    // early: the table (16 bytes a slot, two to four slots per candidate) outgrows the L1 cache
    // for texts of a few thousand words, and a probe whose load misses stalled on it (perf put
    // a quarter of gopher_repetition's samples on that load), as the branch on the slot's key is
    // unpredictable and keeps the next lookups from starting. kAhead = 8 measured best of 8, 16
    // and 32 (text_bench on the bench corpus texts).
    constexpr size_t kAhead = 8;
    uint64_t* const repeat_words = repeats.data();
    ws.ngram_counts.find_or_insert_each(
        keys, count, kAhead, [&](size_t k, NgramCount& c, bool inserted) {
          if (inserted) c.first = static_cast<uint32_t>(k);
          if (++c.count < 2) return;
          repeat_words[k >> 6] |= uint64_t(1) << (k & 63);
          if (c.count == 2) repeat_words[c.first >> 6] |= uint64_t(1) << (c.first & 63);
          if (c.count > best || (c.count == best && c.first < best_first)) {
            best = c.count;
            best_first = c.first;
          }
        });
    if (wants_top[li]) {
      const size_t best_position = best >= 2 ? cand[best_first] : 0;
      top_value[li] =
          static_cast<double>(span_len(best_position, n) + static_cast<size_t>(n - 1)) * best / tl;
    }
    multi.clear();
    multi_chain.clear();
    for (size_t w = 0; w < repeats.size(); ++w)
      for (uint64_t bits = repeats[w]; bits != 0; bits &= bits - 1) {
        const size_t k = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
        multi.push_back(cand[k]);
        multi_chain.push_back(chain[k]);
      }
    if (wants_dup[li]) {
      // Greedy duplicate scan (datatrove): at a repeated n-gram add its length and jump n,
      // otherwise step 1. Positions outside `multi` are first occurrences, so the scan jumps
      // straight to the next position in `multi`.
      ws.counts.reset(multi.size());
      size_t repeated = 0, idx = 0, k = 0;
      for (;;) {
        while (k < multi.size() && multi[k] < idx) ++k;
        if (k == multi.size()) break;
        idx = multi[k];
        bool inserted = false;
        ws.counts.find_or_insert(ngram_finish(multi_chain[k]), &inserted);
        if (!inserted) {
          repeated += span_len(idx, n);  // joined without spaces in datatrove
          idx += static_cast<size_t>(n);
        } else {
          ++idx;
        }
      }
      dup_value[li] = static_cast<double>(repeated) / tl;
    }
    // The next level's candidates: the m-gram at p (m the next level's n) can occur twice only
    // if each n-gram inside it, at p .. p + m - n, does (each is inside the m-gram's other
    // occurrence too). multi is ascending and distinct, so they all repeat exactly when
    // multi[j + m - n] == p + m - n; the other positions hold unique m-grams.
    if (li + 1 < levels.size()) {
      const size_t gap = static_cast<size_t>(levels[li + 1] - n);
      size_t kept = 0;
      for (size_t j = 0; j + gap < multi.size(); ++j)
        if (multi[j + gap] == multi[j] + gap) {
          multi[kept] = multi[j];
          multi_chain[kept] = multi_chain[j];
          ++kept;
        }
      multi.resize(kept);
      multi_chain.resize(kept);
    }
    cand.swap(multi);
    chain.swap(multi_chain);
    chained = n;
    // Run the checks whose levels are done, in order.
    while (next_check < checks.size() && checks[next_check].n <= n) {
      const Check& c = checks[next_check++];
      size_t l = level_of(c.n);
      if (c.top && top_value[l] > c.frac) return "top_" + std::to_string(c.n) + "_gram";
      if (!c.top && dup_value[l] > c.frac) return "duplicated_" + std::to_string(c.n) + "_n_grams";
    }
  }
  return {};
}

namespace {

// s with ASCII capitals lower-cased, into *out. ASCII suffices: every C4 pattern is ASCII, and
// the non-ASCII capitals that Python lower-cases to ASCII letters (the Kelvin sign, dotted I)
// never spell them in practice. Through a raw pointer and a local length: a char store through
// the string's own reference may alias its size, which kept this loop from vectorising.
void ascii_lower(std::string_view s, std::string* out) {
  out->resize(s.size());
  char* low = out->data();
  const char* src = s.data();
  for (size_t i = 0, n = s.size(); i < n; ++i) {
    char ch = src[i];
    low[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  }
}

// c4_quality with the text's lines at hand; `kept`, when given, receives the kept lines.
std::string c4_quality_with_lines(std::string_view text, const std::vector<std::string_view>& lines,
                                  const C4Options& o, std::string* out, C4LineStats* stats,
                                  std::vector<C4KeptLine>* kept) {
  C4LineStats local;
  C4LineStats& st = stats != nullptr ? *stats : local;
  st = {};
  out->clear();
  if (kept) kept->clear();
  size_t sentences = 0;
  std::string cleaned, lower;
  // Which patterns occur anywhere in the lower-cased text. A line of the text holds only what
  // the whole text does, so the per-line searches below run only for those patterns, and on
  // the lines that citation removal rewrote (new text). Most documents hold none: one search
  // per pattern and document instead of one per line, and no line is lower-cased (on the bench
  // corpus texts C4 fell from 287M to 230M instructions, the filters from 0.209 s to 0.196 s).
  struct Pattern {
    bool wanted;
    std::string_view text;
  };
  const Pattern patterns[] = {
      {o.filter_lorem_ipsum, "lorem ipsum"},     {o.filter_javascript, "javascript"},
      {o.filter_policy, kC4PolicySubstrings[0]}, {o.filter_policy, kC4PolicySubstrings[1]},
      {o.filter_policy, kC4PolicySubstrings[2]}, {o.filter_policy, kC4PolicySubstrings[3]},
      {o.filter_policy, kC4PolicySubstrings[4]}, {o.filter_policy, kC4PolicySubstrings[5]}};
  static_assert(std::size(kC4PolicySubstrings) == 6, "patterns[] lists every policy substring");
  constexpr size_t kLorem = 0, kJavascript = 1, kFirstPolicy = 2;
  bool in_text[std::size(patterns)] = {};
  bool any_in_text = false;
  if (o.filter_lorem_ipsum || o.filter_javascript || o.filter_policy) {
    ascii_lower(text, &lower);
    // Every policy pattern but two contains "cookie": without it, those need no search.
    const bool cookie = o.filter_policy && contains(lower, "cookie");
    for (size_t k = 0; k < std::size(patterns); ++k) {
      const Pattern& pat = patterns[k];
      if (!pat.wanted) continue;
      if (k >= kFirstPolicy && !cookie && pat.text.find("cookie") != std::string_view::npos)
        continue;
      in_text[k] = contains(lower, pat.text);
      any_in_text = any_in_text || in_text[k];
    }
  }
  for (std::string_view raw : lines) {
    std::string_view line = strip(raw);
    ++st.total;
    bool too_long = false;
    size_t n_words = whitespace_word_count(
        line, o.max_word_length ? *o.max_word_length : static_cast<size_t>(-1),
        o.min_words_per_line ? *o.min_words_per_line : 0, &too_long);
    if (o.max_word_length && too_long) {
      ++st.too_long_word;
      continue;
    }
    C4KeptLine span{static_cast<size_t>(line.data() - text.data()),
                    static_cast<size_t>(line.data() - text.data()) + line.size(), false};
    if (o.remove_citations && line.find('[') != std::string_view::npos) {
      cleaned = remove_citations(line);
      span.rewritten = cleaned.size() != line.size();  // removal only ever deletes
      line = cleaned;
    }
    if (o.filter_no_terminal_punct) {
      bool term =
          !line.empty() && (line.back() == '.' || line.back() == '?' || line.back() == '!' ||
                            line.back() == '"' || line.back() == '\'');
      if (!term || ends_with(line, "...")) {
        ++st.no_terminal_punct;
        continue;
      }
    }
    if (o.min_words_per_line && n_words < *o.min_words_per_line) {
      ++st.too_few_words;
      continue;
    }
    // A rewritten line is searched for every pattern, any other line for those in the text.
    const bool fresh = span.rewritten;
    auto search = [&](size_t k) {
      return patterns[k].wanted && (fresh || in_text[k]) && contains(lower, patterns[k].text);
    };
    if (fresh || any_in_text) ascii_lower(line, &lower);
    if (search(kLorem)) {
      out->clear();
      return "lorem_ipsum";
    }
    if (search(kJavascript)) {
      ++st.javascript;
      continue;
    }
    if (o.filter_curly_bracket && line.find('{') != std::string_view::npos) {
      out->clear();
      return "curly_bracket";
    }
    if (o.filter_policy && (fresh || any_in_text)) {
      bool policy = false;
      for (size_t k = kFirstPolicy; k < std::size(patterns) && !policy; ++k) policy = search(k);
      if (policy) {
        ++st.policy;
        continue;
      }
    }
    // Only "fewer than min_num_sentences" matters, so stop counting once there are enough
    // (sentence counting was a third of C4's time).
    if (!o.min_num_sentences || sentences < *o.min_num_sentences)
      sentences += count_sentences(line);
    ++st.kept;
    if (kept) kept->push_back(span);
    if (!out->empty()) out->push_back('\n');
    out->append(line);
  }
  if (o.min_num_sentences && sentences < *o.min_num_sentences) {
    out->clear();
    return "too_few_sentences";
  }
  std::string_view s = strip(*out);
  if (s.size() != out->size()) *out = std::string(s);
  return {};
}

// Tokens of the text C4 left, from the tokens of the text it filtered. Tokens never span
// whitespace and every line break of split_lines is whitespace to the segmenter, so each token
// lies inside one line, and stripping a line removes none: a kept line holds exactly the
// tokens that start inside it. A line whose citations were removed is tokenised again.
size_t c4_kept_word_count(std::string_view text, const std::vector<std::string_view>& words,
                          const std::vector<C4KeptLine>& kept, WordSegmenter& segmenter) {
  size_t n = 0, w = 0;
  auto start = [&](size_t i) { return static_cast<size_t>(words[i].data() - text.data()); };
  for (const C4KeptLine& line : kept) {
    while (w < words.size() && start(w) < line.begin) ++w;
    size_t first = w;
    while (w < words.size() && start(w) < line.end) ++w;
    n +=
        line.rewritten
            ? segmenter.word_count(remove_citations(text.substr(line.begin, line.end - line.begin)))
            : w - first;
  }
  return n;
}

}  // namespace

std::string c4_quality(std::string_view text, const C4Options& o, std::string* out,
                       C4LineStats* stats) {
  std::vector<std::string_view> lines;
  split_lines(text, &lines);
  return c4_quality_with_lines(text, lines, o, out, stats, nullptr);
}

std::string fineweb_quality(std::string_view text, size_t n_words, const FineWebOptions& o,
                            FilterWorkspace& ws) {
  // text.split("\n"): every line, empty ones included.
  ws.pieces.clear();
  for (size_t start = 0;;) {
    const void* nl =
        start < text.size() ? std::memchr(text.data() + start, '\n', text.size() - start) : nullptr;
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    ws.pieces.push_back(text.substr(start, end - start));
    if (!nl) break;
    start = end + 1;
  }
  double nl = static_cast<double>(ws.pieces.size());
  if (o.line_punct_thr) {
    size_t ended = 0;
    for (std::string_view l : ws.pieces) {
      if (l.empty()) continue;
      if (o.unicode_terminal_punct) {
        size_t b = l.size() - 1;
        while (b > 0 && (static_cast<unsigned char>(l[b]) & 0xC0) == 0x80) --b;
        size_t j = b;
        ended += is_terminal_punctuation(next_code_point(l, &j));
      } else {
        char c = l.back();
        ended += c == '.' || c == '\'' || c == '"' || c == '!' || c == '?';
      }
    }
    double ratio = static_cast<double>(ended) / nl;
    if (ratio <= *o.line_punct_thr && !(ratio == 0 && o.line_punct_exclude_zero)) {
      return "line_punct_ratio";
    }
  }
  // The lines' code points, summed once for both rules below (each line counted once).
  size_t chars = 0;
  bool chars_counted = false;
  if (o.short_line_thr) {
    size_t short_lines = 0;
    for (std::string_view l : ws.pieces) {
      const size_t cps = code_point_count(l);
      short_lines += cps <= o.short_line_length;
      chars += cps;
    }
    chars_counted = true;
    if (static_cast<double>(short_lines) / nl >= *o.short_line_thr) return "short_line_ratio";
  }
  if (o.char_duplicates_ratio) {
    std::vector<std::string_view> non_empty;
    non_empty.reserve(ws.pieces.size());
    for (std::string_view l : ws.pieces) {
      if (!chars_counted) chars += code_point_count(l);
      if (!strip(l).empty()) non_empty.push_back(l);
    }
    Duplicates d = find_duplicates(non_empty, ws.counts);
    if (chars > 0 &&
        static_cast<double>(d.chars) / static_cast<double>(chars) >= *o.char_duplicates_ratio) {
      return "char_dup_ratio";
    }
  }
  if (o.new_line_ratio) {
    size_t newlines = ws.pieces.size() - 1;
    if (n_words == 0
            ? newlines > 0
            : static_cast<double>(newlines) / static_cast<double>(n_words) > *o.new_line_ratio) {
      return "list_ratio";
    }
  }
  return {};
}

Result<FilterPreset> default_filter_preset() { return filter_preset(kDefaultFilterPreset); }

Result<FilterPreset> filter_preset(std::string_view name) {
  FilterPreset p;
  p.name = std::string(name);
  if (name == "fineweb") {
    p.gopher_repetition.emplace();
    p.gopher_quality.emplace();
    p.c4.emplace();
    p.c4->filter_no_terminal_punct = false;  // examples/fineweb.py
    p.fineweb.emplace();
  } else if (name == "gopher") {
    p.gopher_repetition.emplace();
    p.gopher_quality.emplace();
  } else if (name == "gopher_quality") {
    p.gopher_quality.emplace();
  } else if (name == "gopher_repetition") {
    p.gopher_repetition.emplace();
  } else if (name == "c4") {
    p.c4.emplace();
  } else if (name == "fineweb_quality") {
    p.fineweb.emplace();
  } else if (name != "none") {
    return invalid_argument("unknown filter preset '" + std::string(name) +
                            "' (known: fineweb, gopher, gopher_quality, gopher_repetition, c4, "
                            "fineweb_quality, none)");
  }
  return p;
}

std::vector<std::string_view> filter_preset_names() {
  return {"fineweb",         "gopher", "gopher_quality", "gopher_repetition", "c4",
          "fineweb_quality", "none"};
}

QualityFilter::QualityFilter(FilterPreset preset) : preset_(std::move(preset)) {}

FilterOutcome QualityFilter::run(std::string_view text, FilterWorkspace& ws) const {
  FilterOutcome out;
  auto drop = [&](const char* filter, std::string reason) {
    out.keep = false;
    out.filter = filter;
    out.reason = std::move(reason);
    out.modified = false;
    out.text.clear();
    return out;
  };
  bool have_words = preset_.gopher_repetition || preset_.gopher_quality;
  bool all_words;
  const bool repetition_passed = ws.repetition_passed_data == text.data() &&
                                 ws.repetition_passed_size == text.size() &&
                                 ws.repetition_passed_data != nullptr;
  ws.repetition_passed_data = nullptr;
  if (repetition_passed) {  // run_repetition segmented the text and ran the rule
    all_words = ws.repetition_passed_all_words;
  } else {
    all_words = have_words && ws.segmenter.words(text, &ws.words);  // false: token cap hit
    if (preset_.gopher_repetition) {
      std::string r = gopher_repetition(text, ws.words, *preset_.gopher_repetition, ws);
      if (!r.empty()) return drop("gopher_repetition", std::move(r));
    }
  }
  // Both Gopher quality and C4 work on the lines of the same text: split it once.
  if (preset_.gopher_quality || preset_.c4) split_lines(text, &ws.lines);
  if (preset_.gopher_quality) {
    std::string r = gopher_quality_with_lines(text, ws.words, ws.lines, *preset_.gopher_quality);
    if (!r.empty()) return drop("gopher_quality", std::move(r));
  }
  std::string_view current = text;
  if (preset_.c4) {
    std::string r =
        c4_quality_with_lines(text, ws.lines, *preset_.c4, &ws.buffer, &out.c4_lines, &ws.c4_kept);
    if (!r.empty()) return drop("c4", std::move(r));
    if (ws.buffer != text) {
      out.modified = true;
      out.text = ws.buffer;
      current = out.text;
    }
  }
  if (preset_.fineweb) {
    // FineWeb needs only the token count. The text was tokenised above for Gopher; for a text
    // that C4 rewrote the count comes from the tokens of its kept lines, and only a preset
    // without Gopher (or a text past the token cap) needs tokenising again.
    size_t n_words;
    if (have_words && !out.modified) {
      n_words = ws.words.size();
    } else if (have_words && all_words) {  // modified: by C4
      n_words = c4_kept_word_count(text, ws.words, ws.c4_kept, ws.segmenter);
    } else {
      ws.segmenter.words(current, &ws.words);
      n_words = ws.words.size();
    }
    out.words = n_words;
    std::string r = fineweb_quality(current, n_words, *preset_.fineweb, ws);
    if (!r.empty()) return drop("fineweb_quality", std::move(r));
  }
  return out;
}

std::optional<FilterOutcome> QualityFilter::run_repetition(std::string_view text,
                                                           FilterWorkspace& ws) const {
  ws.repetition_passed_data = nullptr;
  if (!preset_.gopher_repetition) return std::nullopt;
  // As run() begins: the words (gopher_repetition implies have_words), then the rule.
  const bool all_words = ws.segmenter.words(text, &ws.words);
  std::string r = gopher_repetition(text, ws.words, *preset_.gopher_repetition, ws);
  if (!r.empty()) {
    FilterOutcome out;
    out.keep = false;
    out.filter = "gopher_repetition";
    out.reason = std::move(r);
    return out;
  }
  ws.repetition_passed_data = text.data();
  ws.repetition_passed_size = text.size();
  ws.repetition_passed_all_words = all_words;
  return std::nullopt;
}

const LanguageWordLengths kSegmentedWordLengths[4] = {
    {"zh", 1, 5}, {"ja", 1, 6}, {"ko", 1, 6}, {"th", 2, 10}};

namespace {

bool is_english(std::string_view language) { return language == "en" || language == "und"; }

const LanguageWordLengths* segmented_lengths(std::string_view language) {
  std::string_view primary = language.substr(0, 2);
  for (const LanguageWordLengths& l : kSegmentedWordLengths)
    if (primary == l.language) return &l;
  return nullptr;
}

}  // namespace

FilterPreset preset_for_language(const FilterPreset& base, std::string_view language) {
  FilterPreset p = base;
  if (is_english(language)) return p;
  if (p.gopher_quality) p.gopher_quality->min_stop_words.reset();
  if (p.fineweb) p.fineweb->unicode_terminal_punct = true;
  if (const LanguageWordLengths* l = segmented_lengths(language); l && p.gopher_quality) {
    p.gopher_quality->min_avg_word_length = l->min_avg_word_length;
    p.gopher_quality->max_avg_word_length = l->max_avg_word_length;
  }
  return p;
}

LanguageFilterSet::LanguageFilterSet(const FilterPreset& base)
    : english_(preset_for_language(base, "en")), other_(preset_for_language(base, "xx")) {
  for (const LanguageWordLengths& l : kSegmentedWordLengths)
    segmented_.emplace_back(l.language, QualityFilter(preset_for_language(base, l.language)));
}

const QualityFilter& LanguageFilterSet::for_language(std::string_view language) const {
  if (is_english(language)) return english_;
  std::string_view primary = language.substr(0, 2);
  for (const auto& [code, filter] : segmented_)
    if (primary == code) return filter;
  return other_;
}

}  // namespace klartext::text
