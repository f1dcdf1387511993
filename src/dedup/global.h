// The global near-duplicate pass across corpus runs: MinHash signature files (written by
// `klartext corpus --signatures`) in, the documents to drop out. Tested in
// tests/dedup/global_test.cc.
#ifndef KLARTEXT_DEDUP_GLOBAL_H_
#define KLARTEXT_DEDUP_GLOBAL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dedup/lsh.h"
#include "dedup/signature_file.h"
#include "klartext/status.h"

namespace klartext::dedup {

struct GlobalDedupOptions {
  // Documents indexed at most (each first of its cluster); past it add_file() fails with
  // kLimitExceeded rather than growing without bound. See the memory note below.
  size_t max_docs = 200'000'000;
  // A signature file larger than this is refused (read_signature_file holds one whole file).
  size_t max_file_bytes = size_t(4) << 30;
};

// A document: the index of its signature file in the order files were added, and its doc_id
// there (for `klartext corpus` files: the 0-based line of the kept document in that input's
// shards, STEM-00000.jsonl... in order).
struct DocRef {
  uint32_t file = 0;
  uint64_t doc_id = 0;
};

// A near duplicate to drop, and the document of its cluster that is kept (the first one in
// input order: files in the order given, documents in file order).
struct GlobalDrop {
  DocRef drop;
  DocRef kept;
};

// One pass over signatures in a fixed order with the LSH index of the corpus run (same bands
// and rows; lsh.h), so the result is deterministic: the same files in the same order give the
// same drops. Clusters are transitive as in the run (a duplicate's bands are indexed too).
//
// Memory, per million documents read, with FineWeb's 14 bands x 8 rows: the LSH index, 240 to
// 480 MB per million distinct documents (lsh.h) plus up to the same again per million
// duplicates whose bands were new; 12 bytes per distinct document to name it (file, doc_id);
// and one signature file at a time, about 2 x 904 bytes per document in it while it is read.
// Drops are handed to the caller's sink as they are found, not kept. Measured: 1,000,000
// distinct documents (random signatures, files of 10,000) gave a 352 MB index and 391 MB peak
// RSS in 4.3 s.
class GlobalDeduplicator {
 public:
  using Sink = std::function<Status(const GlobalDrop&)>;

  GlobalDeduplicator(GlobalDedupOptions options, Sink sink);

  // Adds one file's signatures, in file order, under the next file index (0, 1, ...). The
  // first file fixes the MinHash parameters; a later file with other bands, rows, n-grams or
  // seed is refused (its signatures would not be comparable).
  Status add_file(const SignatureFile& file, const std::string& name);
  // Reads and verifies `path` (read_signature_file), then add_file. A file given twice (by
  // any spelling of its path) is refused: each of its documents would be dropped as a
  // duplicate of itself, and nothing of it kept.
  Status add_path(const std::string& path);

  uint64_t documents() const { return documents_; }
  uint64_t dropped() const { return dropped_; }
  size_t files() const { return files_; }
  size_t index_memory_bytes() const { return index_ ? index_->memory_bytes() : 0; }
  const SignatureFileHeader& header() const { return header_; }

 private:
  GlobalDedupOptions options_;
  Sink sink_;
  SignatureFileHeader header_;
  std::string first_name_;
  std::unique_ptr<LshIndex> index_;
  std::vector<uint32_t> first_file_;    // per distinct document (LSH id): its file
  std::vector<uint64_t> first_doc_id_;  // and its doc_id there
  std::set<std::string> paths_;         // canonical paths given to add_path
  uint64_t documents_ = 0;
  uint64_t dropped_ = 0;
  uint32_t files_ = 0;
};

}  // namespace klartext::dedup

#endif  // KLARTEXT_DEDUP_GLOBAL_H_
