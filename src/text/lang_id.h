// Language identification: an interface (so a fastText model can be plugged in later) and the
// CLD2 implementation. Tested in tests/text/lang_id_test.cc.
#ifndef KLARTEXT_TEXT_LANG_ID_H_
#define KLARTEXT_TEXT_LANG_ID_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace klartext::text {

struct LanguageResult {
  // BCP 47 tag, ISO 639-1 where one exists: "en", "de", "zh", "zh-Hant", "ja". "und" when the
  // identifier cannot tell (empty text, no letters).
  std::string code = "und";
  // Confidence in [0, 1]. For CLD2: the share of the scored text in the top language.
  double score = 0.0;
  // The identifier's own judgement that the answer clearly beats the runner-up.
  bool reliable = false;
};

struct LangIdOptions {
  // Only this many leading bytes are examined (cut back to a code point boundary). The
  // corpus-filters reference measured that a 2 KB prefix gives CLD2's full-text answer in 314
  // of 327 pages at 2.5x the speed; 0 means the whole text.
  size_t max_prefix_bytes = 2048;
};

// A language identifier. The seam for other models: a fastText identifier (Debian
// libfasttext-dev, user-supplied lid.176.bin) would implement this interface, mapping
// "__label__xx" to normalize_language_code("xx") and the softmax probability to score.
// Implementations are immutable after construction: identify() is
// const and safe to call from many threads on one shared object.
class LanguageIdentifier {
 public:
  virtual ~LanguageIdentifier() = default;
  virtual LanguageResult identify(std::string_view text) const = 0;
  // Short model name for provenance fields ("cld2", later "fasttext:lid.176").
  virtual std::string_view name() const = 0;
};

// CLD2 (Debian libcld2), on plain text. Invalid UTF-8 is tolerated: only the valid prefix is
// scored.
std::unique_ptr<LanguageIdentifier> make_cld2_identifier(LangIdOptions options = {});

// Replaces the withdrawn ISO 639 codes CLD2 still emits (iw, jw, in, ji) by the current ones
// (he, jv, id, yi); other codes pass unchanged.
std::string normalize_language_code(std::string_view code);

// The prefix of text that identify() looks at: at most max_bytes, never splitting a UTF-8
// sequence, and backed up to the last whitespace when one is within the final 64 bytes so no
// word is cut in half.
std::string_view lang_id_prefix(std::string_view text, size_t max_bytes);

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_LANG_ID_H_
