// Character reference tables and lookups for the tokenizer. Tested in
// tests/html/tokenizer_test.cc (html5lib entities, namedEntities, numericEntities suites).
#include "html/entities.h"

#include <algorithm>

namespace klartext::html {
namespace {

struct EntityRow {
  uint16_t name_offset;
  uint8_t name_length;
  uint16_t value_offset;
  uint8_t value_length;
};

#include "html/entities_table.inc"

std::string_view row_name(const EntityRow& r) {
  return std::string_view(kEntityNames + r.name_offset, r.name_length);
}

}  // namespace

EntityMatch match_named_entity(std::string_view text) {
  EntityMatch best;
  if (text.size() < 2) return best;  // every name has at least two characters
  unsigned c0 = static_cast<uint8_t>(text[0]), c1 = static_cast<uint8_t>(text[1]);
  if (c0 < kEntityFirstLo || c0 > kEntityFirstHi || c1 < kEntitySecondLo || c1 > kEntitySecondHi)
    return best;
  size_t pair = (c0 - kEntityFirstLo) * kEntityPairSpan + (c1 - kEntitySecondLo);
  // Rows are sorted bytewise, so the rows sharing a prefix form one range, and a row equal to
  // the prefix itself comes first in it. Ranges after two bytes hold at most 55 rows (630
  // pairs, "No" and "su" the largest), so they are narrowed linearly.
  const EntityRow* lo = kEntityRows + kEntityPairs[pair];
  const EntityRow* hi = kEntityRows + kEntityPairs[pair + 1];
  size_t limit = std::min(text.size(), kEntityMaxNameLength);
  for (size_t k = 2;; ++k) {
    // Invariant: every row in [lo, hi) starts with text[0, k] and is at least k long.
    if (lo < hi && lo->name_length == k) {
      best.length = k;
      best.value = std::string_view(kEntityValues + lo->value_offset, lo->value_length);
      ++lo;
    }
    if (lo == hi || k >= limit) break;
    char c = text[k];
    while (lo < hi && row_name(*lo)[k] < c) ++lo;
    const EntityRow* h = lo;
    while (h < hi && row_name(*h)[k] == c) ++h;
    hi = h;
  }
  return best;
}

size_t named_entity_count() { return kEntityCount; }

uint32_t fix_numeric_reference(uint32_t cp, bool* error) {
  *error = false;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *error = true;
    return 0xFFFD;
  }
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
    *error = true;  // noncharacter: reported, kept
    return cp;
  }
  if (cp == 0x0D || (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0C) ||
      (cp >= 0x7F && cp <= 0x9F)) {
    *error = true;
    if (cp >= 0x80 && cp <= 0x9F) return kC1Replacements[cp - 0x80];
  }
  return cp;
}

}  // namespace klartext::html
