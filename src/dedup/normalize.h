// Text normalisation for deduplication, datatrove's simplify_text: lower-case, numbers -> "0",
// punctuation -> space, whitespace collapsed, NFD with combining marks (Mn) dropped.
// Tested in tests/dedup/normalize_test.cc.
#ifndef KLARTEXT_DEDUP_NORMALIZE_H_
#define KLARTEXT_DEDUP_NORMALIZE_H_

#include <string>
#include <string_view>

namespace klartext::dedup {

struct NormalizeOptions {
  bool lowercase = true;
  bool numbers = true;  // \p{Nd}+ with one optional decimal part ([.,،٫⎖⎗⎘]\p{Nd}+) -> "0"
  bool punctuation = true;  // datatrove's PUNCTUATION_SET -> " "
  bool diacritics = true;   // NFD, then drop general category Mn
};

// Writes the normalised text to *out (single spaces between words, no leading/trailing space).
// Differences from datatrove (Python), all rare: lower-casing uses ICU's simple case mapping
// (Python's full mapping turns "İ" into two code points); the steps run in one pass, so a
// combining mark standing alone between spaces leaves one space, not two; NFD does not reorder
// the surviving non-Mn combining marks. Thread-safe.
void normalize_for_dedup(std::string_view text, std::string* out,
                         const NormalizeOptions& options = {});

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_NORMALIZE_H_
