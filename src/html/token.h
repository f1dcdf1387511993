// Tokens passed from the HTML tokenizer to the tree builder (WHATWG HTML §13.2.5).
// Tested through tests/html/tokenizer_test.cc and tests/html/tree_builder_test.cc.
#ifndef KLARTEXT_HTML_TOKEN_H_
#define KLARTEXT_HTML_TOKEN_H_

#include <string_view>
#include <vector>

#include "dom/node.h"

namespace klartext::html {

enum class TokenType : uint8_t { kDoctype, kStartTag, kEndTag, kComment, kCharacter, kEof };

// An attribute as the tokenizer emits it: the name lower-cased, the value with character
// references decoded, ns always kNone (the tree builder adjusts foreign attributes). The DOM's
// own type, so that attributes the tree builder can reference in place are copied as a block.
using TokenAttribute = dom::Attribute;

// One token. Every string_view is valid until the tokenizer's next call to next(); views whose
// `*_stable` flag is set point into the tokenizer's input and live as long as that input.
struct Token {
  TokenType type = TokenType::kEof;

  // kStartTag / kEndTag: lower-cased name, its id (kUnknown if not in dom/tags.inc), attributes
  // in source order with duplicates already dropped (first one wins), and the self-closing flag.
  std::string_view name;
  dom::Tag tag = dom::Tag::kUnknown;
  bool self_closing = false;
  std::vector<TokenAttribute> attrs;
  // Every attribute name and value is a view of the tokenizer's input (none was rewritten in
  // its scratch space) or, for an empty value, a null view.
  bool attrs_in_input = true;

  // kCharacter: a run of characters. A U+0000 that the tokenizer emits as-is (data state) comes
  // as its own one-byte run "\0" so the tree builder can apply its per-mode rule to it.
  // kComment: the comment text.
  std::string_view data;
  bool data_stable = false;

  // kDoctype: name (lower-cased), identifiers; the has_* flags say "present", as opposed to
  // "missing" in the spec's sense.
  bool has_name = false;
  bool has_public_id = false;
  bool has_system_id = false;
  bool force_quirks = false;
  std::string_view public_id;
  std::string_view system_id;
};

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_TOKEN_H_
