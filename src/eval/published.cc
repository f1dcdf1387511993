// The published-score table. Tested in tests/eval/anchor_test.cc.
#include "eval/published.h"

namespace klartext::eval {

namespace {

// Sources: "data" = /work/shared/data/README.md ("How each benchmark is scored", figures the
// benchmarks published); "measured" = /work/shared/reference/anchors-measured.md (same metric,
// measured on a 2-core Zen 5 machine, one thread, in-process timing).
constexpr std::string_view kData = "data/README.md (published)";
constexpr std::string_view kMeasured = "reference/anchors-measured.md";

constexpr PublishedScore kScores[] = {
    // scrapinghub: article-extraction-benchmark, 181 pages, shingle F1.
    {Dataset::kScrapinghub, "rs_trafilatura", "rs_trafilatura", 0.970, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "AutoExtract", "AutoExtract", 0.970, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "go_trafilatura", "go_trafilatura", 0.960, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "trafilatura 2.0.0", "trafilatura", 0.958, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "newspaper4k", "", 0.949, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "Readability.js", "readability_js", 0.947, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "readability-lxml", "readability", 0.922, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "jusText", "justext", 0.804, -1, -1, -1, kData},
    {Dataset::kScrapinghub, "trafilatura 2.2 (fast)", "", 0.962, 0.945, 0.979, 124, kMeasured},
    {Dataset::kScrapinghub, "trafilatura 2.2", "", 0.960, 0.943, 0.978, 80, kMeasured},
    {Dataset::kScrapinghub, "Readability.js + linkedom", "", 0.947, 0.914, 0.982, 80, kMeasured},
    {Dataset::kScrapinghub, "readability-lxml 0.8.1", "", 0.922, 0.913, 0.931, 82, kMeasured},
    {Dataset::kScrapinghub, "resiliparse 0.16", "", 0.912, 0.851, 0.982, 1198, kMeasured},
    // wcxb-dev: 1,497 pages, bag-of-words F1 mean over pages.
    {Dataset::kWcxb, "rs-trafilatura", "", 0.859, -1, -1, -1, kData},
    {Dataset::kWcxb, "trafilatura", "", 0.791, -1, -1, -1, kData},
    {Dataset::kWcxb, "dom-smoothie", "", 0.762, -1, -1, -1, kData},
    {Dataset::kWcxb, "Newspaper4k", "", 0.720, -1, -1, -1, kData},
    {Dataset::kWcxb, "jusText", "", 0.707, -1, -1, -1, kData},
    {Dataset::kWcxb, "Readability", "", 0.675, -1, -1, -1, kData},
    {Dataset::kWcxb, "trafilatura 2.2", "", 0.817, 0.854, 0.838, 28, kMeasured},
    {Dataset::kWcxb, "resiliparse 0.16", "", 0.784, 0.779, 0.862, 520, kMeasured},
    {Dataset::kWcxb, "Readability.js + linkedom", "", 0.765, 0.818, 0.784, 11, kMeasured},
    {Dataset::kWcxb, "readability-lxml", "", 0.622, 0.851, 0.597, 41, kMeasured},
    // chinese-wce: 69 pages, bag-of-words F1 with Han characters as tokens, pre-decoded UTF-8.
    {Dataset::kChinese, "Readability.js + jsdom", "", 0.924, -1, -1, -1, kMeasured},
    {Dataset::kChinese, "readability-lxml", "", 0.913, -1, -1, -1, kMeasured},
    {Dataset::kChinese, "resiliparse", "", 0.881, -1, -1, -1, kMeasured},
    {Dataset::kChinese, "trafilatura 2.2", "", 0.863, -1, -1, -1, kMeasured},
    {Dataset::kChinese, "Readability.js + linkedom", "", 0.854, -1, -1, -1, kMeasured},
};

}  // namespace

std::span<const PublishedScore> published_scores() { return kScores; }

}  // namespace klartext::eval
