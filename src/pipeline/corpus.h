// The corpus job: web archives in, a clean, language-tagged, quality-filtered, deduplicated
// JSONL corpus out. Deterministic for any thread count and resumable: per-input outputs are
// committed atomically with a completion marker and the dedup state they produced, so a killed
// run started again gives exactly the result of an uninterrupted one.
// Tested in tests/pipeline/corpus_test.cc.
#ifndef KLARTEXT_PIPELINE_CORPUS_H_
#define KLARTEXT_PIPELINE_CORPUS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "klartext/status.h"
#include "pipeline/shard_writer.h"
#include "pipeline/stats.h"

namespace klartext::pipeline {

struct CorpusOptions {
  std::vector<std::string> inputs;  // specs as expand_inputs() takes them
  std::string output_dir;           // created if missing
  Compression compression = Compression::kGzip;
  size_t shard_bytes = size_t(1) << 30;  // uncompressed JSONL bytes per output shard
  int threads = 1;                       // extraction workers; 1 = everything on this thread

  // Filters: a preset name of text::filter_preset() ("fineweb" default, "none" keeps all).
  std::string filter_preset = "fineweb";
  // Keep only these languages (ISO 639-1 codes as CLD2 reports them); empty keeps all.
  std::vector<std::string> languages;
  double min_language_score = 0.0;
  // A fastText language-ID model (e.g. lid.176.bin) to use instead of CLD2; empty for CLD2.
  std::string lid_model;
  std::string url_blocklist;  // a file of domains / URL substrings, empty for none

  bool exact_dedup = true;
  bool near_dedup = true;         // MinHash LSH, FineWeb's 5-gram shingles, 14 bands x 8 hashes
  bool write_signatures = false;  // NAME.minhash files for a later global pass
  bool mask_pii = true;           // e-mail and IP addresses
  bool keep_dropped = false;      // dropped documents to NAME.dropped-*.jsonl with the rule
  bool wet_output = false;        // also a WET-style NAME.wet.gz (conversion records)
  bool include_markdown = false;  // a "markdown" field next to "text"
  // Each page's work budget (ExtractOptions::max_milliseconds: CPU time and the byte and node
  // caps that follow from it); 0 keeps ExtractOptions' default. Profilers such as valgrind run
  // pages ~50x slower, so that the default budget cuts some short: raise it there to compare
  // runs page for page.
  double max_milliseconds = 0;

  // Records that are not text/html responses (PDFs, images, ...) are skipped; WET conversion
  // records pass through as text when this is set.
  bool pass_conversion_records = true;

  // Start over: remove earlier outputs and state for these inputs instead of resuming.
  bool restart = false;
  bool progress = false;  // draw the progress line on progress_out
};

struct CorpusResult {
  CorpusStats stats;
  std::vector<std::string> outputs;  // all shard files, in input order
  size_t inputs_resumed = 0;         // inputs already complete from an earlier run
};

// Runs the whole job. Bad records are reported in the statistics and skipped; the run fails
// only for unusable options, an unwritable output directory, or a mismatch with the options an
// existing output directory was started with (unless restart).
Result<CorpusResult> run_corpus(const CorpusOptions& options, FILE* progress_out = stderr);

}  // namespace klartext::pipeline

#endif  // KLARTEXT_PIPELINE_CORPUS_H_
