// fastText language identification. Tested in tests/text/lang_id_fasttext_test.cc.
#include "text/lang_id_fasttext.h"

#include <fasttext/fasttext.h>

#include <cctype>
#include <cmath>
#include <exception>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

namespace klartext::text {
namespace {

// CCNet keeps a fastText label at score >= 0.5 (cc_net/mine.py, lang_threshold).
constexpr double kReliableScore = 0.5;

class FastTextIdentifier : public LanguageIdentifier {
 public:
  FastTextIdentifier(std::unique_ptr<fasttext::FastText> model, LangIdOptions options)
      : model_(std::move(model)), options_(options) {}

  LanguageResult identify(std::string_view text) const override {
    LanguageResult r;
    std::string line(options_.max_prefix_bytes ? lang_id_prefix(text, options_.max_prefix_bytes)
                                               : text);
    bool has_letters = false;
    for (char& c : line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c)))
        has_letters = true;
    }
    if (!has_letters) return r;
    line.push_back('\n');
    std::istringstream in(line);
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    try {
      model_->predictLine(in, predictions, 1, 0.0);
    } catch (const std::exception&) {
      return r;  // fastText reports odd input by throwing; treat as undetermined
    }
    if (predictions.empty()) return r;
    std::string label = predictions[0].second;
    constexpr std::string_view kPrefix = "__label__";
    if (label.compare(0, kPrefix.size(), kPrefix) == 0) label = label.substr(kPrefix.size());
    r.code = normalize_language_code(label);
    // fastText 0.9's predictLine gives probabilities; older builds gave log-probabilities
    // (values <= 0), which we convert.
    double p = static_cast<double>(predictions[0].first);
    if (p <= 0) p = std::exp(p);
    r.score = p > 1 ? 1 : p;
    r.reliable = r.score >= kReliableScore;
    return r;
  }

  std::string_view name() const override { return "fasttext"; }

 private:
  std::unique_ptr<fasttext::FastText> model_;
  LangIdOptions options_;
};

}  // namespace

Result<std::unique_ptr<LanguageIdentifier>> make_fasttext_identifier(const std::string& model_path,
                                                                     LangIdOptions options) {
  if (!std::ifstream(model_path).good())
    return not_found("cannot open fastText model " + model_path);
  auto model = std::make_unique<fasttext::FastText>();
  try {
    model->loadModel(model_path);
  } catch (const std::exception& e) {
    return corrupt("cannot load fastText model " + model_path + ": " + e.what());
  }
  std::unique_ptr<LanguageIdentifier> id =
      std::make_unique<FastTextIdentifier>(std::move(model), options);
  return id;
}

}  // namespace klartext::text
