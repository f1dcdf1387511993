// Metadata match rules for title, author and date, shared by the benchmark reports and the
// metadata stage's tests. Tested in tests/eval/match_test.cc.
//
// The rules (applied only where gold exists; an empty prediction never matches):
//  - normalize_field: Unicode lower-case, every run of whitespace or of the punctuation
//    characters that differ between sources only by typography (quotes, dashes) becomes one
//    space, leading/trailing spaces dropped. No other change.
//  - title: normalised strings are equal.
//  - author: normalised containment either way ("By Jane Doe" matches "Jane Doe"), so a
//    byline prefix or a second author does not count as a miss; one side must have at least
//    one letter, so punctuation alone never matches.
//  - date: both sides reduced to YYYY-MM-DD (or YYYY-MM / YYYY when that is all the gold has)
//    from ISO 8601, "2005-5-7", "2005/05/07", "2005.5.7" or "2005年5月7日"; the prediction
//    matches when its reduced form starts with the gold's reduced form. Time and zone are
//    ignored.
#ifndef KLARTEXT_EVAL_MATCH_H_
#define KLARTEXT_EVAL_MATCH_H_

#include <string>
#include <string_view>

namespace klartext::eval {

std::string normalize_field(std::string_view s);

// "YYYY-MM-DD", "YYYY-MM" or "YYYY" from the first date found in s; empty when there is none.
// Years 1000-2999 only, months 1-12, days 1-31.
std::string normalize_date(std::string_view s);

bool title_matches(std::string_view predicted, std::string_view gold);
bool author_matches(std::string_view predicted, std::string_view gold);
bool date_matches(std::string_view predicted, std::string_view gold);

}  // namespace klartext::eval

#endif  // KLARTEXT_EVAL_MATCH_H_
