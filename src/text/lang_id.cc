// CLD2 language identification. Tested in tests/text/lang_id_test.cc.
#include "text/lang_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <climits>

namespace klartext::text {
namespace {

// CLD2 still emits a few withdrawn ISO 639 codes; BCP 47 wants the current ones.
// Origin: ISO 639-1 change notes (he 1989, jv 2001, id 1989, yi 1989).
struct CodeAlias {
  const char* cld2;
  const char* bcp47;
};
constexpr CodeAlias kCodeAliases[] = {{"iw", "he"}, {"jw", "jv"}, {"in", "id"}, {"ji", "yi"}};

class Cld2Identifier final : public LanguageIdentifier {
 public:
  explicit Cld2Identifier(LangIdOptions options) : options_(options) {}

  LanguageResult identify(std::string_view text) const override {
    LanguageResult result;
    std::string_view prefix = lang_id_prefix(text, options_.max_prefix_bytes);
    if (prefix.size() > static_cast<size_t>(INT_MAX)) prefix = prefix.substr(0, INT_MAX / 2);
    if (prefix.empty()) return result;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language language3[3];
    int percent3[3];
    double normalized_score3[3];
    int text_bytes = 0;
    bool reliable = false;
    int valid_prefix = 0;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        prefix.data(), static_cast<int>(prefix.size()), /*is_plain_text=*/true, &hints, 0,
        language3, percent3, normalized_score3, nullptr, &text_bytes, &reliable, &valid_prefix);
    if (valid_prefix < static_cast<int>(prefix.size())) {
      // Invalid UTF-8 makes CLD2 give up on everything; score the valid part instead.
      if (valid_prefix <= 0) return result;
      lang = CLD2::ExtDetectLanguageSummary(prefix.data(), valid_prefix, true, &hints, 0, language3,
                                            percent3, normalized_score3, nullptr, &text_bytes,
                                            &reliable);
    }
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return result;
    const char* code = CLD2::LanguageCode(lang);
    if (code == nullptr || *code == 0) return result;
    result.code = normalize_language_code(code);
    result.score = language3[0] == lang ? percent3[0] / 100.0 : 0.0;
    if (result.score > 1.0) result.score = 1.0;
    result.reliable = reliable;
    return result;
  }

  std::string_view name() const override { return "cld2"; }

 private:
  LangIdOptions options_;
};

}  // namespace

std::string normalize_language_code(std::string_view code) {
  for (const CodeAlias& a : kCodeAliases) {
    if (code == a.cld2) return a.bcp47;
  }
  return std::string(code);
}

std::string_view lang_id_prefix(std::string_view text, size_t max_bytes) {
  if (max_bytes == 0 || text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Back up over continuation bytes so the cut is at a code point start.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  // Prefer a whitespace cut when one is close; 64 bytes is longer than almost every word.
  for (size_t i = end; i > 0 && end - i < 64; --i) {
    char c = text[i - 1];
    if (c == ' ' || c == '\n' || c == '\t') return text.substr(0, i);
  }
  return text.substr(0, end);
}

std::unique_ptr<LanguageIdentifier> make_cld2_identifier(LangIdOptions options) {
  return std::make_unique<Cld2Identifier>(options);
}

}  // namespace klartext::text
