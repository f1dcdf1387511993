// Named and numeric character references (WHATWG HTML §13.2.5.72-80, §13.5): the table is
// generated at build time by scripts/gen_entities.py. Tested in tests/html/tokenizer_test.cc.
#ifndef KLARTEXT_HTML_ENTITIES_H_
#define KLARTEXT_HTML_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/utf8.h"

namespace klartext::html {

struct EntityMatch {
  size_t length = 0;       // characters of the name consumed (0: no entity is a prefix)
  std::string_view value;  // its replacement, UTF-8
};

// The longest entity name (without the '&', with its ';' if it has one) that is a prefix of
// `text`: "notit;" matches "not", "amp;x" matches "amp;".
EntityMatch match_named_entity(std::string_view text);

// Number of names in the table (2,231 in the current standard).
size_t named_entity_count();

// The code point a numeric character reference stands for, after the standard's fix-ups
// (0 / surrogates / out of range -> U+FFFD, 0x80-0x9F through windows-1252). `*error` is set if
// the reference is a parse error.
uint32_t fix_numeric_reference(uint32_t code_point, bool* error);

using base::encode_utf8;

}  // namespace klartext::html

#endif  // KLARTEXT_HTML_ENTITIES_H_
