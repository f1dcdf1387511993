// Benchmark tokenisation: Python 3 `re` \w+ runs, Python str.lower(), Han splitting.
// Tested in tests/eval/tokenize_test.cc.
#ifndef KLARTEXT_EVAL_TOKENIZE_H_
#define KLARTEXT_EVAL_TOKENIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace klartext::eval {

// True when Python 3's `re` matches code point c with \w in a str pattern: c is '_' or
// str.isalnum() holds, i.e. general category Lu/Ll/Lt/Lm/Lo or any Numeric_Type. Combining
// marks (Mn/Mc) are NOT \w there, and we keep that, because the published scores depend on it.
bool is_word_char(char32_t c);

// True for code points of the Han script (ideographs), which chinese-wce counts one by one.
bool is_han(char32_t c);

// The maximal \w runs of UTF-8 text, as Python's re.findall(r'\w+', text). Invalid UTF-8
// bytes are not word characters (Python would have rejected or replaced them).
std::vector<std::string_view> word_tokens(std::string_view text);

// Like word_tokens, but every Han character inside a run becomes its own token.
std::vector<std::string_view> word_tokens_han_split(std::string_view text);

// Python's str.lower(): full Unicode lower-case mapping (SpecialCasing, final sigma), via ICU's
// root locale. ASCII-only input takes a fast path.
std::string to_lower(std::string_view text);

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_TOKENIZE_H_
