// The HTML tokenizer (WHATWG HTML §13.2.5): every state, character references with the full
// named-entity table. Pull model: the tree builder calls next() and may switch states between
// tokens. Tested in tests/html/tokenizer_test.cc (html5lib tokenizer suite).
#ifndef KLARTEXT_HTML_TOKENIZER_H_
#define KLARTEXT_HTML_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "html/token.h"

namespace klartext::html {

// The states the tree builder (or a test) can put the tokenizer in.
enum class TokenizerState : uint8_t {
  kData,
  kRcdata,
  kRawtext,
  kScriptData,
  kPlaintext,
  kCdataSection
};

// The vector code of the tokenizer's scans (text, names, attribute values, comments, scripts).
// kBest, the default, is the widest this build and CPU run: AVX2 where the CPU has it (x86-64),
// else SSE2 (x86-64), else bytes only. Tests force each in turn: all tokenize alike.
enum class TokenizerSimd : uint8_t { kBest, kScalar, kSse2, kAvx2 };

// Sets the width for tokenizers constructed from now on, process-wide; returns false (and
// changes nothing) when this build or CPU cannot run it.
bool set_tokenizer_simd(TokenizerSimd simd);

struct TokenizerOps;

class Tokenizer {
 public:
  // `input` is UTF-8 and must outlive the tokenizer (and any stable views it hands out).
  // Newlines are normalised (CR LF and lone CR become LF) as part of tokenizing.
  explicit Tokenizer(std::string_view input);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Produces the next token into `token` (reusing its buffers). After kEof, keeps returning kEof.
  // Inline: the tree builder calls the chosen instance's function straight away.
  void next(Token& token) { next_(impl_, token); }

  // Switches state; takes effect for the next token. Used after <title>, <script>, <plaintext>...
  void set_state(TokenizerState state);
  // The name of the last start tag emitted, for "appropriate end tag" checks. Tests set it.
  // The tokenizer also records every start tag it emits, so a document parse need not call it.
  void set_last_start_tag(std::string_view name);
  // Whether the adjusted current node is a foreign element: only then is <![CDATA[ a CDATA
  // section instead of a bogus comment. The tree builder keeps this up to date.
  void set_allow_cdata(bool allow);
  // Called right after switching to RCDATA or RAWTEXT for an element: if the rest of the input
  // holds no end tag for that element (it would take in the whole rest of the document as
  // text) but does hold "</" + `fallback`, the text ends there instead: the tokenizer emits an
  // end tag for the element at that point and goes on in the data state, so the fallback end
  // tag is then read as markup. Returns whether the text was so limited. Not part of the
  // standard: the tree builder uses it for an unclosed <iframe> inside <noscript> (see
  // tree_builder.cc, end_unclosed_text_at_noscript).
  bool end_unclosed_text_at(std::string_view fallback);

  // Parse errors seen so far (counted, not collected: we never act on them).
  size_t error_count() const;

 private:
  // The instance of the state machine (tokenizer_internal.h), chosen at construction, and its
  // state.
  const TokenizerOps* ops_;
  void* impl_;
  void (*next_)(void* impl, Token& token);  // ops_->next
};

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_TOKENIZER_H_
