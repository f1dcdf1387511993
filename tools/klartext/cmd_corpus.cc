// `klartext corpus`: web archives to a clean JSONL corpus; a thin layer over pipeline::run_corpus.
// Tested end to end in tests/pipeline/corpus_test.cc (the library) and tests/cli/.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "args.h"
#include "commands.h"
#include "pipeline/corpus.h"

namespace klartext::cli {
namespace {

constexpr const char* kHelp =
    "usage: klartext corpus -o DIR [options] INPUT...\n"
    "\n"
    "Reads web archives (WARC 1.0/1.1/0.18, ARC; plain, gzip or zstd) and writes the main text\n"
    "of every HTML page, language-tagged, quality-filtered and deduplicated, as JSONL shards in\n"
    "DIR. INPUT is a file, a directory (all archives below it), a glob, @LIST (a file of\n"
    "inputs) or - (standard input). Runs are resumable: start the same command again after an\n"
    "interruption and the result is identical to an uninterrupted run. At the end a statistics\n"
    "table is printed and DIR/stats.json written.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR         output directory (required)\n"
    "  -j, --threads N          extraction threads (default 1); output does not depend on N\n"
    "  --compression C          gz (default), zst or none\n"
    "  --shard-size MB          uncompressed MB per output shard (default 1024)\n"
    "  --filters PRESET         fineweb (default), gopher, gopher_quality, gopher_repetition,\n"
    "                           c4, fineweb_quality or none\n"
    "  --languages L1,L2        keep only these languages (ISO 639-1, as CLD2 reports)\n"
    "  --min-language-score X   drop pages whose language score is below X (0-1)\n"
    "  --lid-model FILE         identify languages with this fastText model (e.g. lid.176.bin)\n"
    "                           instead of CLD2\n"
    "  --url-blocklist FILE     drop pages whose URL host or text matches the list\n"
    "  --no-exact-dedup         keep exact duplicates\n"
    "  --no-near-dedup          keep near duplicates (MinHash LSH, 5-word shingles, 14x8)\n"
    "  --signatures             write MinHash signatures (OUT/STEM-signatures.minhash) for a\n"
    "                           later global dedup pass across runs: klartext dedup\n"
    "  --no-pii                 keep e-mail and IP addresses as they are\n"
    "  --keep-dropped           write dropped pages, with the rule that dropped them, to\n"
    "                           NAME-dropped-*.jsonl\n"
    "  --wet                    also write the kept texts as WET-style conversion records\n"
    "  --markdown               add a markdown field to each document\n"
    "  --no-conversion          skip WET conversion records (default: their text passes through)\n"
    "  --max-milliseconds MS    each page's work budget (default 100): CPU time, and at most\n"
    "                           MS x 64 KiB of input and MS x 1000 nodes; raise it to profile\n"
    "                           (valgrind runs pages ~50x slower, and would cut some short)\n"
    "  --restart                discard an earlier run in DIR instead of resuming it\n"
    "  --progress / --quiet     force the progress line on or off (default: on for terminals)\n"
    "  --help                   this text\n";

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

int run_corpus(int argc, char** argv, int first) {
  Args args({"o", "output", "j", "threads", "compression", "shard-size", "filters", "languages",
             "min-language-score", "url-blocklist", "lid-model", "max-milliseconds"},
            {"no-exact-dedup", "no-near-dedup", "signatures", "no-pii", "keep-dropped", "wet",
             "markdown", "no-conversion", "restart", "progress", "quiet", "help", "h"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext corpus: %s\n\n%s", args.error().c_str(), kHelp);
    return 2;
  }
  if (args.has("help") || args.has("h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  pipeline::CorpusOptions o;
  o.inputs = args.positionals();
  o.output_dir = args.get("output", args.get("o"));
  if (o.inputs.empty() || o.output_dir.empty()) {
    std::fprintf(stderr, "klartext corpus: need -o DIR and at least one INPUT\n\n%s", kHelp);
    return 2;
  }
  o.threads = std::atoi(args.get("threads", args.get("j", "1")).c_str());
  auto compression = pipeline::parse_compression(args.get("compression", "gz"));
  if (!compression.ok()) {
    std::fprintf(stderr, "klartext corpus: %s\n", compression.status().message().c_str());
    return 2;
  }
  o.compression = *compression;
  if (args.has("shard-size")) {
    long mb = std::atol(args.get("shard-size").c_str());
    if (mb <= 0) {
      std::fprintf(stderr, "klartext corpus: --shard-size must be a positive number of MB\n");
      return 2;
    }
    o.shard_bytes = size_t(mb) << 20;
  }
  o.filter_preset = args.get("filters", "fineweb");
  o.languages = split_commas(args.get("languages"));
  o.min_language_score = std::atof(args.get("min-language-score", "0").c_str());
  o.url_blocklist = args.get("url-blocklist");
  o.lid_model = args.get("lid-model");
  o.exact_dedup = !args.has("no-exact-dedup");
  o.near_dedup = !args.has("no-near-dedup");
  o.write_signatures = args.has("signatures");
  o.mask_pii = !args.has("no-pii");
  o.keep_dropped = args.has("keep-dropped");
  o.wet_output = args.has("wet");
  o.include_markdown = args.has("markdown");
  o.pass_conversion_records = !args.has("no-conversion");
  if (args.has("max-milliseconds") && !args.get_positive("max-milliseconds", &o.max_milliseconds)) {
    std::fprintf(stderr, "klartext corpus: --max-milliseconds must be a positive number\n");
    return 2;
  }
  o.restart = args.has("restart");
  o.progress = args.has("progress") || (!args.has("quiet") && isatty(STDERR_FILENO));

  auto result = pipeline::run_corpus(o, stderr);
  if (!result.ok()) {
    std::fprintf(stderr, "klartext corpus: %s\n", result.status().to_string().c_str());
    return result.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (!args.has("quiet")) {
    std::fputs(result->stats.to_table().c_str(), stderr);
    if (result->inputs_resumed)
      std::fprintf(stderr, "(%zu inputs were already complete and were resumed)\n",
                   result->inputs_resumed);
  }
  return 0;
}

}  // namespace klartext::cli
