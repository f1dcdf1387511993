// Word segmentation: whitespace/punctuation splitting for spaced scripts, ICU dictionary word
// break for Chinese, Japanese, Thai, Lao, Khmer and Myanmar. Tested in tests/text/words_test.cc.
#ifndef KLARTEXT_TEXT_WORDS_H_
#define KLARTEXT_TEXT_WORDS_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace klartext::text {

struct SegmenterOptions {
  // Caps the tokens produced for one text so a pathological document cannot exhaust memory.
  // 4M tokens is about 40 times the Gopher max_doc_words (100k), so no real page reaches it.
  size_t max_words = size_t(1) << 22;
};

// Splits text into tokens, the way datatrove's word tokenizers (spaCy/NLTK for English) do in
// spirit: whitespace separates; punctuation at the start or end of a chunk becomes its own
// token ("end." -> "end", "."), a trailing "..." stays one token, inner punctuation stays
// ("don't", "3.5", "e.g"). Chunks that contain a dictionary script (no spaces between words)
// go through ICU's word BreakIterator, so a Chinese sentence yields several words.
//
// Differences from datatrove, on purpose: no spaCy/NLTK/jieba/SudachiPy/Kiwi/pythainlp. Han
// and kana use ICU's CJK dictionary (close to jieba's granularity for common words), Thai uses
// ICU's Thai dictionary; Korean stays space-separated (Kiwi would split particles off eojeols,
// so FineWeb-2's Korean stop-word list, which is made of particles, does not match here).
//
// Not thread-safe (it owns an ICU BreakIterator): use one WordSegmenter per thread.
class WordSegmenter {
 public:
  explicit WordSegmenter(SegmenterOptions options = {});
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Replaces *out with the tokens of text, as views into text (valid while text is). Returns
  // false when the token cap cut the list short (the prefix is still returned).
  bool words(std::string_view text, std::vector<std::string_view>* out);

  // Number of tokens of text (same rules as words()).
  size_t word_count(std::string_view text);

  // Number of non-symbol tokens (see is_symbol_word), what Gopher calls the word count.
  size_t non_symbol_word_count(std::string_view text);

 private:
  void split_plain_chunk(std::string_view chunk, std::vector<std::string_view>* out);
  void split_dictionary_chunk(std::string_view chunk, std::vector<std::string_view>* out);

  struct Icu;
  SegmenterOptions options_;
  std::unique_ptr<Icu> icu_;  // created on first use: English-only workloads never pay for it
  std::vector<std::string_view> scratch_;
};

// True when every code point of w is in datatrove's PUNCTUATION_SET (utils/text.py). Gopher's
// word count and mean word length count only the other ("non-symbol") words.
bool is_symbol_word(std::string_view w);

// True when w has a code point for which Python's str.isalpha() is true.
bool has_alpha(std::string_view w);

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_WORDS_H_
