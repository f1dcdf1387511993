// Document quality filters with their published thresholds: Gopher quality, Gopher repetition,
// C4 (datatrove/C4-paper variant) and FineWeb's own rules, composable into named presets.
// Tested in tests/text/filters_test.cc.
#ifndef KLARTEXT_TEXT_FILTERS_H_
#define KLARTEXT_TEXT_FILTERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "klartext/status.h"
#include "text/flat_map.h"
#include "text/words.h"

namespace klartext::text {

// Thresholds follow datatrove (huggingface/datatrove, src/datatrove/pipeline/filters/) whose
// defaults reproduce the published papers; an empty optional disables a rule (datatrove's
// `None`/0). Comparisons (<, <=, >, >=) are datatrove's, noted per field.
//
// Where our counting differs from datatrove: words come from WordSegmenter (no spaCy/NLTK/jieba),
// lengths are in code points like Python's len(), and n-grams are compared by a 64-bit hash of
// their token hashes rather than by joined strings (so "ab"+"c" and "a"+"bc" no longer collide
// in the duplicate n-gram rule, a datatrove quirk).

// Gopher quality (Rae et al. 2021, Table A1; datatrove gopher_quality_filter.py).
struct GopherQualityOptions {
  std::optional<size_t> min_doc_words = 50;              // non-symbol words; drop if <
  std::optional<size_t> max_doc_words = 100000;          // drop if >
  std::optional<double> min_avg_word_length = 3;         // mean code points per non-symbol word; <
  std::optional<double> max_avg_word_length = 10;        // >
  std::optional<double> max_symbol_word_ratio = 0.1;     // '#' and '...'/'…' per token; >
  std::optional<double> max_bullet_lines_ratio = 0.9;    // lines starting with • or -; >
  std::optional<double> max_ellipsis_lines_ratio = 0.3;  // lines ending in ... or …; >
  // Share of words with an alphabetic character; drop if <. datatrove names this
  // max_non_alpha_words_ratio (datatrove #202), the value and the comparison are the same.
  std::optional<double> min_alpha_words_ratio = 0.8;
  // The ratio's denominator. false (default): the non-symbol words, as in the datatrove version
  // that produced FineWeb v1 (NLTK tokens, n_words without punctuation) and the Gopher paper's
  // "80% of words". true: every token, punctuation included, as datatrove does since it moved
  // to spaCy; with our tokenizer that drops 17 of the 181 scrapinghub gold article texts
  // (news with figures and quotes), the default drops 2 (score tables; measured with text_bench).
  bool alpha_ratio_over_all_tokens = false;
  std::optional<size_t> min_stop_words = 2;  // drop if fewer stop-word tokens
  // Stop words, matched case-sensitively as datatrove does. Default: kGopherStopWords.
  std::vector<std::string> stop_words;
  // false: count stop-word occurrences (datatrove's current gopher_quality_filter.py); true:
  // distinct stop words, len(set(STOP_WORDS) & set(words)), the form the corpus-filters
  // reference notes.
  bool count_unique_stop_words = false;
};

// Gopher's English stop words (Rae et al. 2021, "Scaling Language Models", quality filter;
// datatrove gopher_quality_filter.py STOP_WORDS).
extern const char* const kGopherStopWords[8];

// Gopher repetition (Rae et al. 2021, Table A1; datatrove gopher_repetition_filter.py). Every
// value is a fraction of len(text) in code points (of elements for *_frac), drop if >.
struct GopherRepetitionOptions {
  std::optional<double> dup_para_frac = 0.3;
  std::optional<double> dup_para_char_frac = 0.2;
  std::optional<double> dup_line_frac = 0.3;
  std::optional<double> dup_line_char_frac = 0.2;
  std::vector<std::pair<int, double>> top_n_grams = {{2, 0.20}, {3, 0.18}, {4, 0.16}};
  std::vector<std::pair<int, double>> dup_n_grams = {{5, 0.15}, {6, 0.14}, {7, 0.13},
                                                     {8, 0.12}, {9, 0.11}, {10, 0.10}};
};

// C4 as in the paper and datatrove's C4QualityFilter (c4_filters.py): per-line rules that
// remove lines, and document rules that drop the page. Sentence counting replaces NLTK punkt
// with a terminator scan (see count_sentences), so abbreviations like "Mr." count as a
// sentence end where punkt would not.
struct C4Options {
  bool remove_citations = true;          // [1], [edit], [citation needed]
  bool filter_no_terminal_punct = true;  // keep lines ending . ? ! " ' (not ...); FineWeb: off
  std::optional<size_t> min_num_sentences = 5;   // after line filtering; drop if <
  std::optional<size_t> min_words_per_line = 3;  // whitespace words; line dropped if <
  std::optional<size_t> max_word_length = 1000;  // line dropped if a word is longer
  bool filter_lorem_ipsum = true;                // document dropped
  bool filter_javascript = true;                 // line dropped
  bool filter_curly_bracket = true;              // document dropped when a kept line has '{'
  bool filter_policy = true;                     // line dropped (terms of use, cookies, ...)
};

// What C4 did to the lines of one document (datatrove's line-filter-* statistics), for
// per-rule drop statistics in the corpus job.
struct C4LineStats {
  size_t total = 0;
  size_t too_long_word = 0;
  size_t no_terminal_punct = 0;
  size_t too_few_words = 0;
  size_t javascript = 0;
  size_t policy = 0;
  size_t kept = 0;
};

// C4's policy substrings, matched in the lower-cased line (TFDS c4_utils.py, kept by datatrove
// c4_filters.py POLICY_SUBSTRINGS).
extern const char* const kC4PolicySubstrings[6];

// FineWeb's own rules (Penedo et al. 2024; datatrove fineweb_quality_filter.py).
struct FineWebOptions {
  std::optional<double> line_punct_thr = 0.12;  // share of lines ending in . ' " ! ?; drop if <=
  bool line_punct_exclude_zero = false;         // FineWeb-2: a ratio of exactly 0 passes
  // true: any Unicode Sentence_Terminal also ends a line (FineWeb-2's extended set, 。！？ ...);
  // false: FineWeb v1's five ASCII stop characters.
  bool unicode_terminal_punct = false;
  std::optional<double> short_line_thr = 0.67;         // share of lines <= short_line_length; >=
  size_t short_line_length = 30;                       // code points
  std::optional<double> char_duplicates_ratio = 0.01;  // dup-line chars / non-\n chars; >=
  std::optional<double> new_line_ratio = 0.3;          // '\n' count / tokens; >
};

// Which filters run, in datatrove's FineWeb order: repetition, quality, C4, FineWeb.
struct FilterPreset {
  std::string name;
  std::optional<GopherRepetitionOptions> gopher_repetition;
  std::optional<GopherQualityOptions> gopher_quality;
  std::optional<C4Options> c4;
  std::optional<FineWebOptions> fineweb;
};

// Named presets:
//   "fineweb" (default)  Gopher repetition + Gopher quality + C4 with filter_no_terminal_punct
//                        off + FineWeb rules, as in datatrove examples/fineweb.py.
//   "gopher"             Gopher repetition + Gopher quality.
//   "gopher_quality", "gopher_repetition", "fineweb_quality"   one filter each.
//   "c4"                 the C4 paper rules (terminal punctuation on).
//   "none"               keeps everything.
Result<FilterPreset> filter_preset(std::string_view name);
inline constexpr std::string_view kDefaultFilterPreset = "fineweb";
Result<FilterPreset> default_filter_preset();
std::vector<std::string_view> filter_preset_names();

struct FilterOutcome {
  bool keep = true;
  std::string filter;  // the filter that dropped the document: "gopher_repetition", ...
  std::string reason;  // datatrove's reason string ("gopher_short_doc", "top_2_gram", ...)
  bool modified = false;
  std::string text;      // the text after line-removing filters (C4); set only when modified
  C4LineStats c4_lines;  // zero unless the preset runs C4
  size_t words = 0;      // tokens of the final text as FineWeb counted them (0 if it did not run)
};

struct NgramCount {
  uint32_t count = 0;
  uint32_t first = 0;  // the first occurrence, as an index into the level's candidates
};

// A line C4 kept, as the byte range of the stripped line in the filtered text; `rewritten` when
// citation removal changed it (the output then holds a shortened copy).
struct C4KeptLine {
  size_t begin = 0, end = 0;
  bool rewritten = false;
};

// Per-thread scratch: the segmenter and reusable buffers. Not thread-safe; one per thread.
class FilterWorkspace {
 public:
  explicit FilterWorkspace(SegmenterOptions options = {}) : segmenter(options) {}
  WordSegmenter segmenter;
  std::vector<std::string_view> words;
  std::vector<uint64_t> word_hashes;
  std::vector<uint32_t> word_lengths;  // code point lengths, counted on first use (repetition)
  std::vector<std::string_view> pieces;
  std::vector<std::string_view> lines;  // str.splitlines() of the text, shared by Gopher and C4
  std::vector<C4KeptLine> c4_kept;
  U64Map<uint32_t> counts;
  U64Map<NgramCount> ngram_counts;
  std::vector<uint32_t> positions, next_positions;  // n-gram starts per level (repetition)
  std::vector<uint64_t> chains, next_chains;        // their n-gram keys' chains, unfinished
  std::vector<uint64_t> ngram_keys;                 // the current level's finished keys
  std::vector<uint64_t> repeat_bits;                // candidates whose n-gram repeats (repetition)
  std::string buffer;
  // Set by QualityFilter::run_repetition when the text passed: the next run() on the same text
  // (same bytes at the same address) reuses `words` and skips the rules already run.
  const char* repetition_passed_data = nullptr;
  size_t repetition_passed_size = 0;
  bool repetition_passed_all_words = false;
};

// The individual filters. Each returns the reason string, empty when the document passes.
// `words` must be the tokens of `text` (WordSegmenter::words).
std::string gopher_quality(std::string_view text, const std::vector<std::string_view>& words,
                           const GopherQualityOptions& options);
std::string gopher_repetition(std::string_view text, const std::vector<std::string_view>& words,
                              const GopherRepetitionOptions& options, FilterWorkspace& ws);
// Writes the kept lines to *out (joined by '\n', stripped) when the document passes. stats,
// when given, receives the line counts (also for a dropped document, up to the drop).
std::string c4_quality(std::string_view text, const C4Options& options, std::string* out,
                       C4LineStats* stats = nullptr);
std::string fineweb_quality(std::string_view text, size_t n_words, const FineWebOptions& options,
                            FilterWorkspace& ws);

// Sentences in one line: runs of terminal punctuation followed by whitespace or the end (CJK
// full stops count without a following space), plus a final unterminated sentence.
size_t count_sentences(std::string_view line);

// A preset ready to run. Immutable: run() is const and may be called from many threads, each
// with its own FilterWorkspace.
class QualityFilter {
 public:
  explicit QualityFilter(FilterPreset preset);
  const FilterPreset& preset() const { return preset_; }
  FilterOutcome run(std::string_view text, FilterWorkspace& ws) const;
  // The first rules of run(), Gopher repetition: the outcome run() would give when they drop
  // the text, std::nullopt when they pass (or the preset has none); after a pass, run() on the
  // same text and workspace goes on from there instead of running them again.
  std::optional<FilterOutcome> run_repetition(std::string_view text, FilterWorkspace& ws) const;

 private:
  FilterPreset preset_;
};

// Per-language presets. The published FineWeb thresholds are English ones; FineWeb-2 adapts
// them per language (huggingface/fineweb-2 configs, summarised in
// shared/reference/corpus-filters.md section 5). We apply the adaptations that are about
// counting units rather than about tuned values:
//   "en" and "und" (unknown)  the preset unchanged;
//   any other language        Gopher's stop-word rule off (its list is English: every other
//                             language would fail it) and Unicode sentence terminators
//                             (。！？ ...) for FineWeb's line-punctuation rule;
//   zh, ja, ko, th            also FineWeb-2's mean word length range, as words there are
//                             dictionary segments (kSegmentedWordLengths).
// Languages are ISO 639-1 codes as CLD2 reports them; a longer tag ("zh-Hant") counts by its
// first two letters.
struct LanguageWordLengths {
  const char* language;
  double min_avg_word_length;
  double max_avg_word_length;
};
// FineWeb-2's ranges (zh 1-5, ja 1-6, ko 1-6, th 2-10), from its per-language configs.
extern const LanguageWordLengths kSegmentedWordLengths[4];

FilterPreset preset_for_language(const FilterPreset& base, std::string_view language);

// The QualityFilters of one base preset for every language group above, built once; shared
// read-only across threads like QualityFilter.
class LanguageFilterSet {
 public:
  explicit LanguageFilterSet(const FilterPreset& base);
  const QualityFilter& for_language(std::string_view language) const;
  // Gopher repetition, which comes first in every language's filter and which
  // preset_for_language leaves as it is: for_language(L).run_repetition for any L. A caller
  // that needs the language only for the filters (the corpus job without language rules or
  // --keep-dropped) runs this before identifying it, and skips that for the texts it drops.
  std::optional<FilterOutcome> run_repetition(std::string_view text, FilterWorkspace& ws) const {
    return english_.run_repetition(text, ws);
  }

 private:
  QualityFilter english_;
  QualityFilter other_;
  std::vector<std::pair<std::string, QualityFilter>> segmented_;
};

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_FILTERS_H_
