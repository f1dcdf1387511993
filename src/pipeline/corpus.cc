// The corpus job: read archives, extract in parallel, filter, deduplicate in input order, write.
// Tested in tests/pipeline/corpus_test.cc.
#include "pipeline/corpus.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include "base/file.h"
#include "base/json_writer.h"
#include "dedup/exact.h"
#include "dedup/lsh.h"
#include "dedup/minhash.h"
#include "dedup/signature_file.h"
#include "klartext/klartext.h"
#include "pipeline/inputs.h"
#include "pipeline/ordered_pool.h"
#include "pipeline/progress.h"
#include "text/blocklist.h"
#include "text/filters.h"
#include "text/lang_id.h"
#include "text/lang_id_fasttext.h"
#include "text/pii.h"
#include "warc/reader.h"
#include "warc/writer.h"

namespace klartext::pipeline {
namespace fs = std::filesystem;
namespace {

// ---------------------------------------------------------------------------------------------
// Work items.

struct Page {
  std::string url, warc_date, record_id, charset, payload;
  // With one thread the page is processed inside push(), while the reader's record is still
  // current: the payload is then read in place (`view`) instead of copied into `payload`.
  std::string_view view;
  uint64_t offset = 0;
  bool is_text = false;  // a WET conversion record: the payload is the text already
};

enum class Outcome { kKept, kFailed, kEmpty, kDropped };

struct PageResult {
  Page page;  // payload cleared
  Outcome outcome = Outcome::kKept;
  std::string error;
  std::string drop_rule;
  Document doc;
  std::string language = "und";
  double language_score = 0;
  uint64_t exact_hash = 0;
  bool has_signature = false;
  std::vector<uint64_t> signature;
};

// Everything a worker needs, shared read-only across threads.
struct Shared {
  const CorpusOptions* options;
  std::unique_ptr<text::LanguageIdentifier> lid;
  std::unique_ptr<text::LanguageFilterSet> filters;  // per-language presets (text/filters.h)
  std::optional<dedup::MinHasher> hasher;
};

struct ThreadScratch {
  text::FilterWorkspace filter_ws;
  dedup::MinHashWorkspace minhash_ws;
  std::string buffer;
};

bool same_normalization(const dedup::NormalizeOptions& a, const dedup::NormalizeOptions& b) {
  return a.lowercase == b.lowercase && a.numbers == b.numbers && a.punctuation == b.punctuation &&
         a.diacritics == b.diacritics;
}

PageResult process_page(Page& page, const Shared& shared) {
  thread_local ThreadScratch scratch;
  const CorpusOptions& o = *shared.options;
  PageResult r;
  std::string_view payload = page.view.data() != nullptr ? page.view : page.payload;
  if (page.is_text) {
    r.doc.text = page.view.data() != nullptr ? std::string(payload) : std::move(page.payload);
    r.doc.url = page.url;
  } else {
    ExtractOptions eo;
    eo.url = page.url;
    eo.charset = page.charset;
    eo.with_markdown = o.include_markdown;
    if (o.max_milliseconds > 0) eo.max_milliseconds = o.max_milliseconds;
    auto doc = extract(payload, eo);
    if (!doc.ok()) {
      r.outcome = Outcome::kFailed;
      r.error = doc.status().to_string();
    } else {
      r.doc = std::move(doc).value();
    }
  }
  page.payload.clear();
  page.payload.shrink_to_fit();
  page.view = {};
  r.page = std::move(page);
  if (r.outcome == Outcome::kFailed) return r;
  if (r.doc.text.empty()) {
    r.outcome = Outcome::kEmpty;
    return r;
  }

  // Without language rules and without --keep-dropped, the language of a dropped page is
  // written nowhere, and the first filter rules (Gopher repetition) are the same in every
  // language: run them first, and identify the language only of the pages they keep (language
  // ID costs about as much as all the filters; repetition drops about one page in eight).
  const bool language_decides = !o.languages.empty() || o.min_language_score > 0 || o.keep_dropped;
  if (!language_decides) {
    if (std::optional<text::FilterOutcome> f =
            shared.filters->run_repetition(r.doc.text, scratch.filter_ws)) {
      r.outcome = Outcome::kDropped;
      r.drop_rule = f->reason.empty() ? f->filter : f->reason;
      return r;
    }
  }

  text::LanguageResult lang = shared.lid->identify(r.doc.text);
  r.language = lang.code;
  r.language_score = lang.score;
  if (!o.languages.empty() &&
      std::find(o.languages.begin(), o.languages.end(), r.language) == o.languages.end()) {
    r.outcome = Outcome::kDropped;
    r.drop_rule = "language";
    return r;
  }
  if (r.language_score < o.min_language_score) {
    r.outcome = Outcome::kDropped;
    r.drop_rule = "language_score";
    return r;
  }

  text::FilterOutcome f =
      shared.filters->for_language(r.language).run(r.doc.text, scratch.filter_ws);
  if (!f.keep) {
    r.outcome = Outcome::kDropped;
    r.drop_rule = f.reason.empty() ? f.filter : f.reason;
    return r;
  }
  if (f.modified) r.doc.text = std::move(f.text);

  if (o.mask_pii) {
    text::PiiOptions pii;
    if (text::mask_pii(r.doc.text, pii, &scratch.buffer).total() > 0)
      r.doc.text.swap(scratch.buffer);
  }

  // Both hashes work on normalize_for_dedup(text): normalise once (the normaliser is a fifth
  // of the dedup cost) when the hasher uses exact_hash()'s default normalisation, as it does.
  bool want_signature = o.near_dedup || o.write_signatures;
  const dedup::NormalizeOptions defaults;
  bool shared_norm = o.exact_dedup && want_signature &&
                     same_normalization(shared.hasher->config().normalize, defaults);
  if (shared_norm) {
    dedup::normalize_for_dedup(r.doc.text, &scratch.buffer, defaults);
    r.exact_hash = dedup::raw_hash(scratch.buffer);  // == exact_hash(text)
  } else if (o.exact_dedup) {
    r.exact_hash = dedup::exact_hash(r.doc.text, &scratch.buffer);
  }
  if (want_signature) {
    r.signature.resize(shared.hasher->num_hashes());
    r.has_signature =
        shared_norm ? shared.hasher->signature_of_normalized(scratch.buffer, scratch.minhash_ws,
                                                             r.signature.data())
                    : shared.hasher->signature(r.doc.text, scratch.minhash_ws, r.signature.data());
    if (!r.has_signature) r.signature.clear();
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Output records.

void append_fields(base::JsonWriter& w, const PageResult& r, const std::string& warc_file) {
  const Document& d = r.doc;
  std::string id(r.page.record_id);
  if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  w.key("id").value(id);
  w.key("text").value(d.text);
  if (!d.markdown.empty()) w.key("markdown").value(d.markdown);
  w.key("url").value(r.page.url);
  w.key("date").value(r.page.warc_date);
  w.key("language").value(r.language);
  w.key("language_score").value(r.language_score);
  auto opt = [&](const char* key, const std::string& v) {
    if (!v.empty()) w.key(key).value(v);
  };
  opt("title", d.title);
  opt("author", d.author);
  opt("published", d.date);
  opt("sitename", d.sitename);
  opt("description", d.description);
  opt("canonical_url", d.canonical_url);
  if (!d.tags.empty()) {
    w.key("tags").begin_array();
    for (const auto& t : d.tags) w.value(t);
    w.end_array();
  }
  // Only when a work cap cut the page short (as klartext::to_json): the text is a prefix.
  if (d.truncated) w.key("truncated").value(true);
  w.key("warc_file").value(warc_file);
  w.key("warc_record_id").value(r.page.record_id);
  w.key("warc_offset").value(r.page.offset);
}

// A record, written straight into the shard's buffer (ShardWriter::write_line_with); a dropped
// one (drop_rule given) opens with the rule that dropped it.
Status write_record(ShardWriter& shard, const PageResult& r, const std::string& warc_file,
                    const char* drop_rule = nullptr) {
  return shard.write_line_with([&](std::string& out) {
    base::JsonWriter w(out);
    w.begin_object();
    if (drop_rule) w.key("drop_rule").value(drop_rule);
    append_fields(w, r, warc_file);
    w.end_object();
  });
}

// ---------------------------------------------------------------------------------------------
// Resumable state.
//
// Dedup replay file, per completed input: "KTDDST01", then for every document that entered the
// dedup index during that input, in order: u64 exact hash | u8 has_signature | signature
// (u64 x num_hashes when present); then "KTDDEND1" | u64 count | u64 XXH3 of all bytes before.
// Replaying these adds in input order rebuilds exactly the index an uninterrupted run had.

constexpr char kStateMagic[] = "KTDDST01";
constexpr char kStateEnd[] = "KTDDEND1";

void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint64_t get_u64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

struct DedupState {
  std::optional<dedup::ExactDedupSet> exact;
  std::optional<dedup::LshIndex> lsh;
};

Status replay_state(const std::string& path, size_t width, DedupState& state) {
  auto data = base::read_file(path);
  if (!data.ok()) return data.status();
  const std::string& s = *data;
  if (s.size() < 8 + 24 || s.compare(0, 8, kStateMagic) != 0)
    return corrupt(path + ": not a dedup state file");
  size_t end = s.size() - 24;
  if (s.compare(end, 8, kStateEnd) != 0) return corrupt(path + ": missing footer");
  if (XXH3_64bits(s.data(), end) != get_u64(s.data() + end + 16))
    return corrupt(path + ": checksum mismatch");
  size_t pos = 8;
  uint64_t count = 0;
  while (pos < end) {
    if (pos + 9 > end) return corrupt(path + ": truncated entry");
    uint64_t hash = get_u64(s.data() + pos);
    bool has_sig = s[pos + 8] != 0;
    pos += 9;
    if (state.exact) state.exact->check_and_insert(hash);
    if (has_sig) {
      if (pos + 8 * width > end) return corrupt(path + ": truncated signature");
      std::vector<uint64_t> sig(width);
      for (size_t i = 0; i < width; ++i) sig[i] = get_u64(s.data() + pos + 8 * i);
      pos += 8 * width;
      if (state.lsh) {
        auto m = state.lsh->add(sig.data());
        if (!m.ok()) return m.status();
      }
    }
    ++count;
  }
  if (count != get_u64(s.data() + end + 8)) return corrupt(path + ": entry count mismatch");
  return {};
}

// The options that change the output; a resumed run must have the same.
std::string options_fingerprint(const CorpusOptions& o) {
  std::string out;
  base::JsonWriter w(out);
  w.begin_object();
  w.key("version").value(1);
  w.key("compression").value(compression_suffix(o.compression));
  w.key("shard_bytes").value(static_cast<uint64_t>(o.shard_bytes));
  w.key("filter_preset").value(o.filter_preset);
  w.key("languages").begin_array();
  for (const auto& l : o.languages) w.value(l);
  w.end_array();
  w.key("min_language_score").value(o.min_language_score);
  w.key("lid_model").value(o.lid_model);
  w.key("url_blocklist").value(o.url_blocklist);
  w.key("exact_dedup").value(o.exact_dedup).key("near_dedup").value(o.near_dedup);
  w.key("write_signatures").value(o.write_signatures).key("mask_pii").value(o.mask_pii);
  w.key("keep_dropped").value(o.keep_dropped).key("wet_output").value(o.wet_output);
  w.key("include_markdown").value(o.include_markdown);
  w.key("pass_conversion_records").value(o.pass_conversion_records);
  // Only when set, so that directories started before the option resume as they were.
  if (o.max_milliseconds > 0) w.key("max_milliseconds").value(o.max_milliseconds);
  w.key("inputs").begin_array();
  for (const auto& i : o.inputs) w.value(i);
  w.end_array();
  w.end_object();
  return out;
}

// A file-name stem for an input: its base name without archive extensions, plus a hash of the
// full path so equal base names in different folders do not collide.
std::string input_stem(const std::string& path) {
  std::string base = path == "-" ? "stdin" : fs::path(path).filename().string();
  for (const char* ext : {".gz", ".zst", ".zstd", ".warc", ".arc", ".wet", ".wat"}) {
    size_t n = std::strlen(ext);
    if (base.size() > n && base.compare(base.size() - n, n, ext) == 0) base.resize(base.size() - n);
  }
  for (char& c : base)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
  char hex[17];
  std::snprintf(hex, sizeof hex, "%08x",
                static_cast<unsigned>(XXH3_64bits(path.data(), path.size())));
  return base + "-" + hex;
}

// The reader's messages read "<file>: offset <N>: what"; keep the offset as a number and the
// rest as the message, so the report does not repeat the file name.
RunError reader_error(const std::string& file, const std::string& message) {
  RunError e{file, 0, message};
  std::string prefix = file + ": offset ";
  if (message.compare(0, prefix.size(), prefix) == 0) {
    size_t pos = prefix.size();
    uint64_t offset = 0;
    while (pos < message.size() && std::isdigit(static_cast<unsigned char>(message[pos])))
      offset = offset * 10 + uint64_t(message[pos++] - '0');
    if (message.compare(pos, 2, ": ") == 0) {
      e.offset = offset;
      e.message = message.substr(pos + 2);
    }
  }
  return e;
}

// ---------------------------------------------------------------------------------------------

class CorpusRun {
 public:
  CorpusRun(const CorpusOptions& o, FILE* progress_out) : o_(o), progress_out_(progress_out) {}

  Result<CorpusResult> run() {
    auto inputs = expand_inputs(o_.inputs);
    if (!inputs.ok()) return inputs.status();
    KLARTEXT_RETURN_IF_ERROR(prepare_output());
    KLARTEXT_RETURN_IF_ERROR(prepare_shared());

    uint64_t total = 0;
    for (const auto& in : *inputs)
      if (in.size > 0) total += static_cast<uint64_t>(in.size);
    progress_.emplace(progress_out_, total, o_.progress && progress_out_);

    for (const auto& in : *inputs) {
      std::string stem = input_stem(in.path);
      std::string done = state_dir_ + "/" + stem + ".done";
      if (in.path != "-" && fs::exists(done)) {
        KLARTEXT_RETURN_IF_ERROR(resume_input(in, stem, done));
      } else {
        KLARTEXT_RETURN_IF_ERROR(process_input(in, stem, done));
      }
      if (in.size > 0) bytes_done_ += static_cast<uint64_t>(in.size);
    }
    progress_->finish();
    std::string stats_path = o_.output_dir + "/stats.json";
    KLARTEXT_RETURN_IF_ERROR(base::write_file_atomic(stats_path, result_.stats.to_json() + "\n"));
    return std::move(result_);
  }

 private:
  Status prepare_output() {
    std::error_code ec;
    fs::create_directories(o_.output_dir, ec);
    if (ec) return io_error("cannot create " + o_.output_dir + ": " + ec.message());
    state_dir_ = o_.output_dir + "/.klartext";
    if (o_.restart) fs::remove_all(state_dir_, ec);
    fs::create_directories(state_dir_, ec);
    if (ec) return io_error("cannot create " + state_dir_ + ": " + ec.message());
    std::string run_file = state_dir_ + "/run.json";
    std::string fingerprint = options_fingerprint(o_);
    if (fs::exists(run_file)) {
      auto old = base::read_file(run_file);
      if (!old.ok()) return old.status();
      if (*old != fingerprint)
        return invalid_argument(o_.output_dir +
                                " holds a run started with other options or inputs; use another "
                                "output directory, or --restart to start over");
    } else {
      KLARTEXT_RETURN_IF_ERROR(base::write_file_atomic(run_file, fingerprint));
    }
    return {};
  }

  Status prepare_shared() {
    shared_.options = &o_;
    if (o_.lid_model.empty()) {
      shared_.lid = text::make_cld2_identifier();
    } else {
      auto lid = text::make_fasttext_identifier(o_.lid_model);
      if (!lid.ok()) return lid.status();
      shared_.lid = std::move(lid).value();
    }
    auto preset = text::filter_preset(o_.filter_preset);
    if (!preset.ok()) return preset.status();
    shared_.filters = std::make_unique<text::LanguageFilterSet>(*preset);
    if (o_.near_dedup || o_.write_signatures) {
      auto hasher = dedup::MinHasher::create();
      if (!hasher.ok()) return hasher.status();
      shared_.hasher.emplace(std::move(hasher).value());
    }
    if (o_.exact_dedup) state_.exact.emplace();
    if (o_.near_dedup) state_.lsh.emplace(shared_.hasher->config());
    if (!o_.url_blocklist.empty()) {
      blocklist_ = std::make_unique<text::UrlBlocklist>();
      KLARTEXT_RETURN_IF_ERROR(blocklist_->add_file(o_.url_blocklist));
    }
    return {};
  }

  std::vector<std::string> outputs_of(const std::string& stem) const {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(o_.output_dir)) {
      std::string name = e.path().filename().string();
      if (name.compare(0, stem.size() + 1, stem + "-") == 0 &&
          name.find(".tmp") == std::string::npos)
        found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  Status resume_input(const InputFile& in, const std::string& stem, const std::string& done) {
    auto text = base::read_file(done);
    if (!text.ok()) return text.status();
    auto stats = stats_from_json(*text);
    if (!stats.ok()) return corrupt(done + ": " + stats.status().message());
    size_t width = shared_.hasher ? shared_.hasher->num_hashes() : 0;
    KLARTEXT_RETURN_IF_ERROR(replay_state(state_dir_ + "/" + stem + ".dedup", width, state_));
    result_.stats.merge(*stats);
    for (auto& p : outputs_of(stem)) result_.outputs.push_back(std::move(p));
    ++result_.inputs_resumed;
    return {};
  }

  Status process_input(const InputFile& in, const std::string& stem, const std::string& done) {
    // Leftovers of an interrupted attempt at this input.
    for (const auto& e : fs::directory_iterator(o_.output_dir)) {
      std::string name = e.path().filename().string();
      if (name.compare(0, stem.size() + 1, stem + "-") == 0 ||
          name.compare(0, stem.size() + 1, stem + ".") == 0)
        fs::remove(e.path());
    }
    CorpusStats stats;
    stats.input_files = 1;
    if (in.size > 0) stats.input_bytes = static_cast<uint64_t>(in.size);

    ShardWriterOptions so;
    so.directory = o_.output_dir;
    so.stem = stem;
    so.compression = o_.compression;
    so.max_shard_bytes = o_.shard_bytes;
    ShardWriter kept(so);
    std::optional<ShardWriter> dropped;
    if (o_.keep_dropped) {
      ShardWriterOptions d = so;
      d.stem = stem + "-dropped";
      dropped.emplace(d);
    }
    std::string wet_tmp, wet_final;
    std::unique_ptr<warc::Writer> wet;
    if (o_.wet_output) {
      wet_final = o_.output_dir + "/" + stem + "-wet.warc.gz";
      wet_tmp = wet_final + ".tmp";
      auto w = warc::Writer::open(wet_tmp);
      if (!w.ok()) return w.status();
      wet = std::move(w).value();
    }
    std::unique_ptr<dedup::SignatureWriter> sig_writer;
    std::string sig_tmp, sig_final;
    if (o_.write_signatures) {
      sig_final = o_.output_dir + "/" + stem + "-signatures.minhash";
      sig_tmp = sig_final + ".tmp";
      auto w = dedup::SignatureWriter::open(sig_tmp, shared_.hasher->config());
      if (!w.ok()) return w.status();
      sig_writer = std::move(w).value();
    }
    std::string dedup_state(kStateMagic, 8);
    uint64_t dedup_entries = 0;
    uint64_t kept_lines = 0;
    Status write_status;

    auto consume = [&](PageResult r) {
      if (!write_status.ok()) return;
      if (r.doc.truncated) ++stats.truncated;
      switch (r.outcome) {
        case Outcome::kFailed:
          ++stats.extraction_failed;
          stats.add_error({in.path, r.page.offset, r.error});
          return;
        case Outcome::kEmpty:
          ++stats.empty_text;
          return;
        case Outcome::kDropped:
          ++stats.dropped_by_rule[r.drop_rule];
          if (dropped) write_status = write_record(*dropped, r, in.path, r.drop_rule.c_str());
          return;
        case Outcome::kKept:
          break;
      }
      // kFull (the set reached its memory cap) keeps the document: losing dedup beats losing data.
      if (state_.exact &&
          state_.exact->check_and_insert(r.exact_hash) == dedup::SeenResult::kDuplicate) {
        ++stats.exact_duplicates;
        if (dropped) write_status = write_record(*dropped, r, in.path, "exact_duplicate");
        return;
      }
      bool near_dup = false;
      if (state_.lsh && r.has_signature) {
        auto m = state_.lsh->add(r.signature.data());
        near_dup = m.ok() && m->duplicate;
      }
      put_u64(dedup_state, r.exact_hash);
      dedup_state.push_back(state_.lsh && r.has_signature ? 1 : 0);
      if (state_.lsh && r.has_signature)
        for (uint64_t v : r.signature) put_u64(dedup_state, v);
      ++dedup_entries;
      if (near_dup) {
        ++stats.near_duplicates;
        if (dropped) write_status = write_record(*dropped, r, in.path, "near_duplicate");
        return;
      }
      ++stats.kept;
      stats.kept_text_bytes += r.doc.text.size();
      ++stats.pages_by_language[r.language];
      write_status = write_record(kept, r, in.path);
      if (write_status.ok() && sig_writer && r.has_signature)
        write_status = sig_writer->write(kept_lines, r.signature.data());
      if (write_status.ok() && wet) {
        std::vector<warc::Header> h = {{"WARC-Target-URI", r.page.url},
                                       {"WARC-Date", r.page.warc_date},
                                       {"WARC-Refers-To", r.page.record_id},
                                       {"Content-Type", "text/plain"}};
        auto off = wet->write("conversion", h, r.doc.text);
        if (!off.ok()) write_status = off.status();
      }
      ++kept_lines;
      ++counters_.kept;
    };

    auto reader = warc::Reader::open(in.path);
    if (!reader.ok()) {
      stats.add_error(reader_error(in.path, reader.status().message()));
      result_.stats.merge(stats);
      return {};  // nothing to resume from: not marked done, a rerun tries again
    }
    {
      OrderedPool<Page, PageResult> pool(o_.threads, size_t(std::max(o_.threads, 1)) * 8,
                                         [this](Page& p) { return process_page(p, shared_); });
      warc::Record rec;
      for (;;) {
        auto r = (*reader)->next(rec);
        if (!r.ok()) {
          stats.add_error(reader_error(in.path, r.status().message()));
          continue;
        }
        if (!*r) break;
        ++counters_.records;
        ++stats.records_by_type[std::string(rec.type() == warc::RecordType::kUnknown
                                                ? rec.type_name()
                                                : warc::record_type_name(rec.type()))];
        bool is_text = false;
        if (rec.type() == warc::RecordType::kConversion) {
          if (!o_.pass_conversion_records) continue;
          is_text = true;
        } else if (rec.type() != warc::RecordType::kResponse &&
                   rec.type() != warc::RecordType::kResource) {
          continue;
        }
        if (rec.type() == warc::RecordType::kResponse && rec.has_http() &&
            (rec.http_status() < 200 || rec.http_status() >= 300)) {
          ++stats.skipped_not_html;
          continue;
        }
        if (!is_text && !rec.is_html()) {
          ++stats.skipped_not_html;
          continue;
        }
        auto payload = rec.payload();
        if (!payload.ok()) {
          stats.add_error({in.path, rec.offset(), payload.status().message()});
          continue;
        }
        ++stats.html_pages;
        ++counters_.pages;
        if (blocklist_ && blocklist_->blocked(rec.target_uri())) {
          ++stats.dropped_by_rule["url_blocklist"];
          continue;
        }
        Page page;
        page.url = rec.target_uri();
        page.warc_date = rec.date();
        page.record_id = rec.record_id();
        if (rec.has_http()) page.charset = rec.http().charset;
        if (o_.threads > 1)
          page.payload = *payload;
        else
          page.view = payload->data() != nullptr ? *payload : std::string_view("", 0);
        page.offset = rec.offset();
        page.is_text = is_text;
        while (pool.full()) consume(pool.pop());
        pool.push(std::move(page));
        progress_->update(bytes_done_ + rec.offset(), counters_.records, counters_.pages,
                          counters_.kept);
      }
      while (pool.pending()) consume(pool.pop());
    }
    KLARTEXT_RETURN_IF_ERROR(write_status);

    // Commit: outputs first, then the dedup state, then the marker that says all of it exists.
    auto paths = kept.commit();
    if (!paths.ok()) return paths.status();
    for (auto& p : *paths) result_.outputs.push_back(p);
    if (dropped) {
      auto d = dropped->commit();
      if (!d.ok()) return d.status();
      for (auto& p : *d) result_.outputs.push_back(p);
    }
    if (wet) {
      KLARTEXT_RETURN_IF_ERROR(wet->close());
      if (std::rename(wet_tmp.c_str(), wet_final.c_str()) != 0)
        return io_error("cannot rename " + wet_tmp);
      result_.outputs.push_back(wet_final);
    }
    if (sig_writer) {
      KLARTEXT_RETURN_IF_ERROR(sig_writer->finish());
      if (std::rename(sig_tmp.c_str(), sig_final.c_str()) != 0)
        return io_error("cannot rename " + sig_tmp);
      result_.outputs.push_back(sig_final);
    }
    dedup_state.append(kStateEnd, 8);
    put_u64(dedup_state, dedup_entries);
    put_u64(dedup_state, XXH3_64bits(dedup_state.data(), dedup_state.size() - 16));
    if (in.path != "-") {
      KLARTEXT_RETURN_IF_ERROR(
          base::write_file_atomic(state_dir_ + "/" + stem + ".dedup", dedup_state));
      KLARTEXT_RETURN_IF_ERROR(base::write_file_atomic(done, stats.to_json()));
    }
    result_.stats.merge(stats);
    return {};
  }

  const CorpusOptions& o_;
  FILE* progress_out_;
  std::string state_dir_;
  Shared shared_;
  DedupState state_;
  std::unique_ptr<text::UrlBlocklist> blocklist_;
  std::optional<Progress> progress_;
  CorpusResult result_;
  uint64_t bytes_done_ = 0;
  struct {
    uint64_t records = 0, pages = 0, kept = 0;
  } counters_;
};

}  // namespace

Result<CorpusResult> run_corpus(const CorpusOptions& options, FILE* progress_out) {
  if (options.inputs.empty()) return invalid_argument("no inputs");
  if (options.output_dir.empty()) return invalid_argument("no output directory");
  if (options.threads < 1 || options.threads > 256)
    return invalid_argument("threads must be between 1 and 256");
  CorpusRun run(options, progress_out);
  return run.run();
}

}  // namespace klartext::pipeline
