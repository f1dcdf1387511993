// Word segmentation (plain fast path and ICU dictionary path). Tested in tests/text/words_test.cc.
#include "text/words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

namespace klartext::text {
namespace {

// Punctuation split off at chunk edges: datatrove's set plus every Unicode punctuation and
// symbol character (so "$5" and "(¿" split like spaCy's prefix rules would).
bool is_edge_punct(char32_t cp) {
  if (is_datatrove_punctuation(cp)) return cp != '\t' && cp != '\n';
  if (cp < 0x80) return false;
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return u_ispunct(static_cast<UChar32>(cp)) || t == U_CURRENCY_SYMBOL || t == U_MATH_SYMBOL ||
         t == U_OTHER_SYMBOL || t == U_MODIFIER_SYMBOL;
}

// Start of the code point that ends at `end` (exclusive).
size_t prev_start(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && end - i < 4) --i;
  return i;
}

// ASCII byte classes: the same decisions as is_space / is_edge_punct, by table.
enum : unsigned char { kOther = 0, kSpace = 1, kPunct = 2 };
struct AsciiClasses {
  unsigned char c[256] = {};
  AsciiClasses() {
    for (int b = 0; b < 128; ++b) {
      c[b] = is_space(static_cast<char32_t>(b))        ? kSpace
             : is_edge_punct(static_cast<char32_t>(b)) ? kPunct
                                                       : kOther;
    }
  }
};
const AsciiClasses kAsciiClassTable;
const unsigned char* const kAsciiClass = kAsciiClassTable.c;

// The first position from i on whose byte is not printable ASCII (0x21-0x7F): whitespace, a
// control byte or part of a non-ASCII character; n when there is none. No whitespace lies
// before it, so a word's bytes are passed over 16 at a time instead of tested one by one
// (with a mispredicted branch at every word's end).
size_t skip_printable_ascii(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i first_non_printable = _mm_set1_epi8(0x21);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Signed compare: bytes from 0x80 up are negative, below 0x21 like space and the controls.
    const uint32_t m = uint32_t(_mm_movemask_epi8(_mm_cmplt_epi8(v, first_non_printable)));
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(m));
  }
#endif
  while (i < n && p[i] >= 0x21 && p[i] < 0x80) ++i;
  return i;
}

// split_plain_chunk for a chunk known to be ASCII without whitespace: same tokens, no decoding.
// Returns false, having added nothing, for more than 16 trailing punctuation tokens (the caller
// then uses the general path). Inlined into words(), its one caller, which calls it for nearly
// every word: GCC left it a call (callgrind, 300-page bench slice: words 77.4M -> 70.9M).
__attribute__((always_inline)) inline bool split_ascii_chunk(std::string_view chunk,
                                                             std::vector<std::string_view>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(chunk.data());
  size_t b = 0, e = chunk.size();
  while (b < e && kAsciiClass[p[b]] == kPunct) ++b;
  if (b == e) {  // all punctuation: one token
    out->push_back(chunk);
    return true;
  }
  if (kAsciiClass[p[e - 1]] != kPunct) {  // the common case: no trailing punctuation
    for (size_t k = 0; k < b; ++k) out->push_back(chunk.substr(k, 1));
    out->push_back(chunk.substr(b, e - b));
    return true;
  }
  // Trailing punctuation, right to left: "..." as one token, other characters one each.
  // Each tail token's length (1, or 3 for "..."): its start follows from the ends. Lengths
  // rather than string_views, which are zeroed on construction: inlined into words(), a
  // string_view array cost its 16 zeroings on every word.
  uint8_t tail[16];
  size_t nt = 0;
  while (e > b && nt < 16 && kAsciiClass[p[e - 1]] == kPunct) {
    const bool dots = e - b >= 3 && p[e - 1] == '.' && p[e - 2] == '.' && p[e - 3] == '.';
    tail[nt++] = dots ? 3 : 1;
    e -= tail[nt - 1];
  }
  if (e > b && kAsciiClass[p[e - 1]] == kPunct) return false;
  for (size_t k = 0; k < b; ++k) out->push_back(chunk.substr(k, 1));
  out->push_back(chunk.substr(b, e - b));
  while (nt > 0) {
    out->push_back(chunk.substr(e, tail[--nt]));
    e += tail[nt];
  }
  return true;
}

}  // namespace

struct WordSegmenter::Icu {
  std::unique_ptr<icu::BreakIterator> brk;
  UText ut = UTEXT_INITIALIZER;
  bool ok = false;
  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    brk.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    ok = U_SUCCESS(status) && brk != nullptr;
  }
  ~Icu() { utext_close(&ut); }
};

WordSegmenter::WordSegmenter(SegmenterOptions options) : options_(options) {}
WordSegmenter::~WordSegmenter() = default;

void WordSegmenter::split_plain_chunk(std::string_view chunk, std::vector<std::string_view>* out) {
  size_t b = 0, e = chunk.size();
  while (b < e) {
    size_t j = b;
    if (!is_edge_punct(next_code_point(chunk, &j))) break;
    b = j;
  }
  if (b == e) {  // all punctuation: one token ("...", "--", "***")
    out->push_back(chunk);
    return;
  }
  // Leading punctuation, one token per character.
  for (size_t k = 0; k < b;) {
    size_t j = k;
    next_code_point(chunk, &j);
    out->push_back(chunk.substr(k, j - k));
    k = j;
  }
  // Trailing punctuation: "..." as one token, other characters one each.
  size_t tail_mark = out->size();
  while (e > b) {
    if (e - b >= 3 && chunk.substr(e - 3, 3) == "...") {
      out->push_back(chunk.substr(e - 3, 3));
      e -= 3;
      continue;
    }
    size_t s = prev_start(chunk, e);
    size_t j = s;
    char32_t cp = next_code_point(chunk, &j);
    if (j != e || !is_edge_punct(cp)) break;
    out->push_back(chunk.substr(s, e - s));
    e = s;
  }
  // The core goes before the trailing tokens, which were pushed in reverse.
  out->insert(out->begin() + static_cast<std::ptrdiff_t>(tail_mark), chunk.substr(b, e - b));
  std::reverse(out->begin() + static_cast<std::ptrdiff_t>(tail_mark) + 1, out->end());
}

void WordSegmenter::split_dictionary_chunk(std::string_view chunk,
                                           std::vector<std::string_view>* out) {
  if (!icu_) icu_ = std::make_unique<Icu>();
  UErrorCode status = U_ZERO_ERROR;
  if (icu_->ok)
    utext_openUTF8(&icu_->ut, chunk.data(), static_cast<int64_t>(chunk.size()), &status);
  if (!icu_->ok || U_FAILURE(status)) {
    split_plain_chunk(chunk, out);  // no ICU data: degrade to one token per chunk
    return;
  }
  icu_->brk->setText(&icu_->ut, status);
  if (U_FAILURE(status)) {
    split_plain_chunk(chunk, out);
    return;
  }
  // With a UTF-8 UText, ICU's native indices are byte offsets into chunk.
  int32_t start = icu_->brk->first();
  for (int32_t end = icu_->brk->next(); end != icu::BreakIterator::DONE;
       start = end, end = icu_->brk->next()) {
    out->push_back(chunk.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
  }
}

bool WordSegmenter::words(std::string_view text, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0, n = text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  while (i < n) {
    if (out->size() >= options_.max_words) return false;
    // Skip whitespace.
    size_t j = i;
    char32_t cp = p[i] < 0x80 ? (j = i + 1, p[i]) : next_code_point(text, &j);
    if (cp < 0x80 ? kAsciiClass[cp] == kSpace : is_space(cp)) {
      i = j;
      continue;
    }
    // Chunk up to the next whitespace; note whether it holds a dictionary script.
    size_t start = i;
    bool dict = cp >= 0x0E00 && is_dictionary_script(cp);
    bool ascii = cp < 0x80;
    i = j;
    while (i < n) {
      i = skip_printable_ascii(p, i, n);
      if (i == n) break;
      if (p[i] < 0x80) {  // whitespace or a control byte: one table lookup
        if (kAsciiClass[p[i]] == kSpace) break;
        ++i;
        continue;
      }
      ascii = false;
      size_t k = i;
      char32_t c = next_code_point(text, &k);
      if (is_space(c)) break;
      dict = dict || (c >= 0x0E00 && is_dictionary_script(c));
      i = k;
    }
    std::string_view chunk = text.substr(start, i - start);
    if (dict) {
      split_dictionary_chunk(chunk, out);
    } else if (!ascii || !split_ascii_chunk(chunk, out)) {
      split_plain_chunk(chunk, out);
    }
  }
  if (out->size() > options_.max_words) {
    out->resize(options_.max_words);
    return false;
  }
  return true;
}

size_t WordSegmenter::word_count(std::string_view text) {
  words(text, &scratch_);
  return scratch_.size();
}

size_t WordSegmenter::non_symbol_word_count(std::string_view text) {
  words(text, &scratch_);
  size_t n = 0;
  for (std::string_view w : scratch_) n += !is_symbol_word(w);
  return n;
}

bool is_symbol_word(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    // ASCII bytes without decoding (most symbol words are one ASCII mark), others decoded.
    const auto c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      if (!is_datatrove_punctuation(c)) return false;
      ++i;
      continue;
    }
    if (!is_datatrove_punctuation(next_code_point(w, &i))) return false;
  }
  return true;
}

bool has_alpha(std::string_view w) {
  for (size_t i = 0; i < w.size();) {
    // ASCII bytes (digits and punctuation in the words that reach here) without decoding or
    // a call: is_alpha's own ASCII test.
    const auto c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
      ++i;
      continue;
    }
    if (is_alpha(next_code_point(w, &i))) return true;
  }
  return false;
}

}  // namespace klartext::text
