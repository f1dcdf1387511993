// `klartext dedup`: the global near-duplicate pass over the signature files of several corpus
// runs (dedup::GlobalDeduplicator); writes the documents to drop. Tested in
// tests/dedup/global_test.cc (the logic, and this command end to end).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "args.h"
#include "commands.h"
#include "dedup/global.h"

namespace klartext::cli {
namespace {

constexpr const char* kSuffix = "-signatures.minhash";

constexpr const char* kHelp =
    "usage: klartext dedup [options] SIGNATURES...\n"
    "\n"
    "Finds near-duplicate documents across corpus runs, from the MinHash signature files that\n"
    "`klartext corpus --signatures` writes (OUT/STEM-signatures.minhash), with the runs' LSH\n"
    "(the bands, rows, n-grams and seed stored in the files; all files must agree). Of each\n"
    "cluster of near duplicates the first document in input order is kept; the others are\n"
    "listed to drop. SIGNATURES are files, or directories whose *-signatures.minhash files are\n"
    "taken in name order; the order given decides which copy is kept.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE   write the drop list to FILE (atomically); default standard output\n"
    "  --max-docs N        distinct documents indexed at most (default 200000000); past it the\n"
    "                      pass stops with an error rather than grow\n"
    "  --help              this text\n"
    "\n"
    "Output: one line per document to drop, tab-separated:\n"
    "  SHARDS  LINE  KEPT_SHARDS  KEPT_LINE\n"
    "SHARDS is the signature file's path without \"-signatures.minhash\"; that input's kept\n"
    "documents are the lines of SHARDS-00000.jsonl[.gz|.zst], SHARDS-00001..., and LINE counts\n"
    "them from 0 across its shards in order. KEPT_* name the document kept in its place. A\n"
    "summary goes to standard error. See README.md for applying the list.\n"
    "\n"
    "Memory: the LSH index, 240-480 MB per million distinct documents at 14 bands x 8 rows,\n"
    "plus 12 bytes each to name them, plus one signature file at a time.\n";

// Files named by the arguments, directories expanded to their signature files in name order.
bool expand(const std::vector<std::string>& args, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  for (const std::string& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      files.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(a, ec)) {
      std::string name = e.path().filename().string();
      if (name.size() > std::string(kSuffix).size() && name.ends_with(kSuffix))
        found.push_back(e.path().string());
    }
    if (ec) {
      std::fprintf(stderr, "klartext dedup: cannot list %s: %s\n", a.c_str(), ec.message().c_str());
      return false;
    }
    if (found.empty()) {
      std::fprintf(stderr, "klartext dedup: no *%s files in %s\n", kSuffix, a.c_str());
      return false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return true;
}

std::string shards_of(const std::string& path) {
  std::string s = path;
  if (s.ends_with(kSuffix)) s.resize(s.size() - std::string(kSuffix).size());
  return s;
}

}  // namespace

int run_dedup(int argc, char** argv, int first) {
  Args args({"output", "o", "max-docs"}, {"help", "h"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext dedup: %s\n\n%s", args.error().c_str(), kHelp);
    return 2;
  }
  if (args.has("help") || args.has("h")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  dedup::GlobalDedupOptions options;
  if (args.has("max-docs")) {
    std::string v = args.get("max-docs");
    char* end = nullptr;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n == 0) {
      std::fprintf(stderr, "klartext dedup: --max-docs needs a positive number\n");
      return 2;
    }
    options.max_docs = size_t(n);
  }
  std::vector<std::string> files;
  if (args.positionals().empty()) {
    std::fprintf(stderr, "klartext dedup: no signature file given\n\n%s", kHelp);
    return 2;
  }
  if (!expand(args.positionals(), files)) return 1;

  std::string output = args.has("output") ? args.get("output") : args.get("o");
  std::string tmp = output.empty() ? "" : output + ".tmp";
  std::FILE* out = output.empty() ? stdout : std::fopen(tmp.c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "klartext dedup: cannot write %s\n", tmp.c_str());
    return 1;
  }
  std::vector<std::string> shards;
  for (const auto& f : files) shards.push_back(shards_of(f));
  dedup::GlobalDeduplicator pass(options, [&](const dedup::GlobalDrop& d) {
    if (std::fprintf(out, "%s\t%llu\t%s\t%llu\n", shards[d.drop.file].c_str(),
                     static_cast<unsigned long long>(d.drop.doc_id), shards[d.kept.file].c_str(),
                     static_cast<unsigned long long>(d.kept.doc_id)) < 0)
      return io_error("write failed: " + (output.empty() ? std::string("stdout") : tmp));
    return Status();
  });
  Status status;
  for (const auto& f : files) {
    status = pass.add_path(f);
    if (!status.ok()) break;
  }
  bool closed = output.empty() ? std::fflush(out) == 0 : std::fclose(out) == 0;
  if (status.ok() && !closed)
    status = io_error("write failed: " + (output.empty() ? "stdout" : tmp));
  if (status.ok() && !output.empty()) {
    std::error_code ec;
    std::filesystem::rename(tmp, output, ec);
    if (ec) status = io_error("cannot rename " + tmp + " to " + output + ": " + ec.message());
  }
  if (!status.ok()) {
    if (!output.empty()) std::remove(tmp.c_str());
    std::fprintf(stderr, "klartext dedup: %s\n", status.to_string().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "klartext dedup: %zu files, %llu documents, %llu near duplicates to drop, "
               "%llu kept; LSH index %.1f MB\n",
               pass.files(), static_cast<unsigned long long>(pass.documents()),
               static_cast<unsigned long long>(pass.dropped()),
               static_cast<unsigned long long>(pass.documents() - pass.dropped()),
               double(pass.index_memory_bytes()) / 1e6);
  return 0;
}

}  // namespace klartext::cli
