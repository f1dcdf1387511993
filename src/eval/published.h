// Published scores of other extractors, shown beside ours by `klartext eval` and asserted by the
// anchor reproduction test. Tested in tests/eval/anchor_test.cc.
#ifndef KLARTEXT_EVAL_PUBLISHED_H_
#define KLARTEXT_EVAL_PUBLISHED_H_

#include <span>
#include <string_view>

#include "eval/dataset.h"

namespace klartext::eval {

struct PublishedScore {
  Dataset dataset;
  std::string_view system;  // as published
  std::string_view anchor;  // scrapinghub/anchor-outputs/<anchor>.json, empty when none
  double f1;
  double precision;         // negative when not published
  double recall;            // negative when not published
  double pages_per_second;  // negative when not measured
  std::string_view source;
};

std::span<const PublishedScore> published_scores();

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_PUBLISHED_H_
