// Statistics of a corpus run: records by type, pages by language, kept, dropped by rule,
// duplicates, errors with file and offset. Mergeable per input so a resumed run reports the
// same totals. Tested in tests/pipeline/stats_test.cc.
#ifndef KLARTEXT_PIPELINE_STATS_H_
#define KLARTEXT_PIPELINE_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "klartext/status.h"

namespace klartext::pipeline {

struct RunError {
  std::string file;
  uint64_t offset = 0;
  std::string message;
};

struct CorpusStats {
  uint64_t input_files = 0;
  uint64_t input_bytes = 0;
  std::map<std::string, uint64_t> records_by_type;  // "response", "request", "metadata", ...
  uint64_t html_pages = 0;                          // records that were HTML and went to extraction
  uint64_t skipped_not_html = 0;  // response/resource records with other content types
  uint64_t extraction_failed = 0;
  uint64_t empty_text = 0;  // extraction found no main content
  uint64_t truncated = 0;   // pages cut short by a per-document work cap (Document::truncated)
  std::map<std::string, uint64_t> pages_by_language;
  std::map<std::string, uint64_t> dropped_by_rule;  // filter reason -> count
  uint64_t exact_duplicates = 0;
  uint64_t near_duplicates = 0;
  uint64_t kept = 0;
  uint64_t kept_text_bytes = 0;
  uint64_t error_count = 0;
  std::vector<RunError> errors;  // the first kMaxErrors, the rest only counted
  static constexpr size_t kMaxErrors = 1000;

  void add_error(RunError e);
  void merge(const CorpusStats& other);
  std::string to_json() const;
  // A readable multi-line table for the terminal.
  std::string to_table() const;
};

// Reads back what to_json wrote (used to resume a run from per-input statistics).
Result<CorpusStats> stats_from_json(std::string_view json);

}  // namespace klartext::pipeline

#endif  // KLARTEXT_PIPELINE_STATS_H_
