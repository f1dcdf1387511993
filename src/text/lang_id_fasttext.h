// Language identification with a user-supplied fastText model (lid.176.bin, GlotLID, ...),
// through Debian's libfasttext. Tested in tests/text/lang_id_fasttext_test.cc.
#ifndef KLARTEXT_TEXT_LANG_ID_FASTTEXT_H_
#define KLARTEXT_TEXT_LANG_ID_FASTTEXT_H_

#include <memory>
#include <string>

#include "klartext/status.h"
#include "text/lang_id.h"

namespace klartext::text {

// Loads a supervised fastText model whose labels are languages ("__label__de",
// "__label__deu_Latn"). The label prefix is removed and ISO 639-1 codes pass through
// normalize_language_code; the score is the model's probability for the top label, and the
// answer counts as reliable above 0.5 (CCNet's keep threshold). Only the first
// options.max_prefix_bytes of a text are read, with line breaks as spaces (fastText predicts
// one line). A missing or malformed model is an error value.
Result<std::unique_ptr<LanguageIdentifier>> make_fasttext_identifier(const std::string& model_path,
                                                                     LangIdOptions options = {});

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_LANG_ID_FASTTEXT_H_
