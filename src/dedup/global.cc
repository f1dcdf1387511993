// GlobalDeduplicator: signature files through one LSH index, first in input order kept.
// Tested in tests/dedup/global_test.cc.
#include "dedup/global.h"

#include <filesystem>
#include <utility>

namespace klartext::dedup {
namespace {

std::string describe(const SignatureFileHeader& h) {
  return std::to_string(h.num_buckets) + " bands x " + std::to_string(h.hashes_per_bucket) +
         " rows, " + std::to_string(h.n_grams) + "-grams, seed " + std::to_string(h.seed);
}

bool same_parameters(const SignatureFileHeader& a, const SignatureFileHeader& b) {
  return a.num_buckets == b.num_buckets && a.hashes_per_bucket == b.hashes_per_bucket &&
         a.n_grams == b.n_grams && a.seed == b.seed;
}

}  // namespace

GlobalDeduplicator::GlobalDeduplicator(GlobalDedupOptions options, Sink sink)
    : options_(options), sink_(std::move(sink)) {}

Status GlobalDeduplicator::add_file(const SignatureFile& file, const std::string& name) {
  if (!index_) {
    MinHashConfig config;
    config.num_buckets = int(file.header.num_buckets);
    config.hashes_per_bucket = int(file.header.hashes_per_bucket);
    config.n_grams = int(file.header.n_grams);
    config.seed = file.header.seed;
    LshOptions lo;
    lo.max_docs = options_.max_docs;
    lo.index_duplicates = true;  // as the corpus run: chains form one cluster
    index_ = std::make_unique<LshIndex>(config, lo);
    header_ = file.header;
    first_name_ = name;
  } else if (!same_parameters(header_, file.header)) {
    return invalid_argument(name + ": MinHash parameters (" + describe(file.header) +
                            ") differ from " + first_name_ + " (" + describe(header_) +
                            "): signatures are only comparable with the same parameters");
  }
  uint32_t file_index = files_++;
  for (size_t i = 0; i < file.doc_ids.size(); ++i) {
    Result<LshMatch> m = index_->add(file.signature(i));
    if (!m.ok()) return Status(m.status().code(), name + ": " + m.status().message());
    ++documents_;
    if (!m->duplicate) {
      // New documents get ids 0, 1, 2, ... in order (lsh.h).
      first_file_.push_back(file_index);
      first_doc_id_.push_back(file.doc_ids[i]);
      continue;
    }
    ++dropped_;
    GlobalDrop d;
    d.drop = {file_index, file.doc_ids[i]};
    d.kept = {first_file_[m->doc], first_doc_id_[m->doc]};
    KLARTEXT_RETURN_IF_ERROR(sink_(d));
  }
  return {};
}

Status GlobalDeduplicator::add_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  if (!paths_.insert(ec ? path : canonical.string()).second)
    return invalid_argument(path +
                            " is given twice: all its documents would be dropped as duplicates "
                            "of themselves");
  Result<SignatureFile> f = read_signature_file(path, options_.max_file_bytes);
  if (!f.ok()) return f.status();
  return add_file(*f, path);
}

}  // namespace klartext::dedup
