// `klartext eval`: scores extraction on the benchmark datasets, beside the published figures,
// anchor outputs and (with --compare) other extractors run in the same session. The scoring
// itself lives in src/eval and is tested in tests/eval/; this command is exercised by
// tests/eval/cmd_eval_test.cc.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "base/file.h"
#include "base/json_writer.h"
#include "commands.h"
#include "eval/dataset.h"
#include "eval/published.h"
#include "eval/run.h"
#ifdef KLARTEXT_EVAL_HAS_API
#include "klartext/klartext.h"
#endif

#ifndef KLARTEXT_EVAL_DATA_DIR
#define KLARTEXT_EVAL_DATA_DIR "../shared/data"
#endif
#ifndef KLARTEXT_EVAL_COMPARE_DIR
#define KLARTEXT_EVAL_COMPARE_DIR "bench/compare"
#endif

namespace klartext::cli {

namespace {

namespace ev = klartext::eval;
namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: klartext eval [options]\n\n"
    "Scores main-content extraction on the benchmark datasets with each benchmark's own metric\n"
    "(see ../shared/data/README.md) and prints them beside the published figures.\n\n"
    "  --dataset NAME   scrapinghub, wcxb, chinese, readability or all (default all)\n"
    "  --data DIR       the shared data folder (default " KLARTEXT_EVAL_DATA_DIR
    ")\n"
    "  --anchors        also score the published anchor outputs (scrapinghub) with our scorer\n"
    "  --compare        also run the comparison extractors in bench/compare (Readability.js,\n"
    "                   readability-lxml) on the same pages, when installed\n"
    "  --compare-dir D  where the comparison runners live (default " KLARTEXT_EVAL_COMPARE_DIR
    ")\n"
    "  --score FILE     also score saved outputs, {id: {articleBody, title, byline, date}} or\n"
    "                   {id: \"text\"} (repeatable; ids must be the dataset's)\n"
    "  --limit N        only the first N pages of each dataset (sorted by id)\n"
    "  --worst N        list our N lowest-scoring pages of each dataset (id, type, P, R, F1)\n"
    "  --json           one JSON object on stdout instead of tables\n\n"
    "Columns: F1/P/R as each benchmark defines them (scrapinghub: means of shingle P and R,\n"
    "F1 of the means; the others: means over pages of bag-of-words scores); acc = share of\n"
    "pages with the exact gold tokens; with/w/o = WCXB snippet hit and leak rates; title,\n"
    "author, date = match rates over pages whose gold has the field (rules in\n"
    "src/eval/match.h); pages/s, MB/s, p50/p99/max ms = extraction time only.\n";

// One line of a dataset's table.
struct Row {
  Row(std::string system_name, std::string row_kind)
      : system(std::move(system_name)), kind(std::move(row_kind)) {}
  std::string system;
  std::string kind;  // ours, anchor, compare, published
  std::optional<ev::Report> report;
  std::optional<ev::Timing> timing;
  const ev::PublishedScore* published = nullptr;
  size_t errors = 0;
  std::string note;
};

// A low-scoring page of ours, for --worst.
struct WorstPage {
  ev::PageScore score;
  std::string type;
  std::string url;
};

struct DatasetRows {
  ev::Dataset dataset;
  size_t pages = 0;
  ev::FieldRate title{}, author{}, date{};  // gold counts only (match is 0)
  std::vector<Row> rows{};
  std::vector<WorstPage> worst{};
};

#ifdef KLARTEXT_EVAL_HAS_API
ev::Extractor klartext_extractor() {
  return [](std::string_view html, std::string_view url) -> Result<ev::ExtractedPage> {
    ExtractOptions options;
    options.url = std::string(url);
    auto doc = klartext::extract(html, options);
    if (!doc.ok()) return doc.status();
    return ev::ExtractedPage{std::move(doc->text), std::move(doc->title), std::move(doc->author),
                             std::move(doc->date)};
  };
}
#endif

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs one comparison runner over the pages; nullopt (with a note) when it is not installed.
std::optional<ev::RunOutput> run_comparison(const std::string& command,
                                            const std::vector<ev::GoldPage>& pages,
                                            std::string& note) {
  char tmpl[] = "/tmp/klartext-eval-XXXXXX";
  if (!mkdtemp(tmpl)) {
    note = "cannot create a temporary folder";
    return std::nullopt;
  }
  fs::path dir(tmpl);
  std::string list;
  for (const auto& p : pages) list += p.id + "\t" + p.html_path + "\t" + p.url + "\n";
  std::string list_path = (dir / "pages.tsv").string();
  std::string out_path = (dir / "out.json").string();
  std::optional<ev::RunOutput> result;
  if (auto st = base::write_file_atomic(list_path, list); !st.ok()) {
    note = st.to_string();
  } else {
    // A runner that hangs must not hang eval: coreutils timeout caps the whole run at 10 s a
    // page plus a minute of start-up (the slowest runner measured, readability-lxml on a loaded
    // machine, needed 52 s for its worst wcxb page and about 0.6 s a page on average).
    std::string cmd = "timeout " + std::to_string(60 + 10 * pages.size()) + " " + command + " " +
                      shell_quote(list_path) + " " + shell_quote(out_path);
    int rc = std::system(cmd.c_str());
    int code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    if (code == 3 || code == 127) {
      note = "not installed (run bash bench/compare/install.sh)";
    } else if (code == 124) {
      note = "runner timed out";
    } else if (code != 0) {
      note = "runner failed with exit code " + std::to_string(code);
    } else {
      auto out = ev::load_runner_output(out_path);
      if (out.ok())
        result = std::move(*out);
      else
        note = out.status().to_string();
    }
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return result;
}

std::string fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string rate(const ev::FieldRate& r) { return r.gold ? fixed(r.rate()) : "-"; }

void print_table(const DatasetRows& d) {
  bool sh = d.dataset == ev::Dataset::kScrapinghub;
  bool wcxb = d.dataset == ev::Dataset::kWcxb;
  std::printf("\n%s: %zu pages\n", std::string(ev::dataset_name(d.dataset)).c_str(), d.pages);
  std::printf("  %-30s %-9s %6s %6s %6s", "system", "kind", "F1", "P", "R");
  if (sh) std::printf(" %6s", "acc");
  if (wcxb) std::printf(" %6s %6s", "with", "w/o");
  std::printf(" %6s %6s %6s %8s %7s %7s %7s %8s\n", "title", "author", "date", "pages/s", "MB/s",
              "p50ms", "p99ms", "max ms");
  for (const auto& row : d.rows) {
    std::string f1 = "-", p = "-", r = "-", acc = "-", with = "-", without = "-";
    std::string title = "-", author = "-", date = "-";
    if (row.report) {
      f1 = fixed(row.report->f1), p = fixed(row.report->precision), r = fixed(row.report->recall);
      acc = fixed(row.report->accuracy), with = fixed(row.report->with_rate);
      without = fixed(row.report->without_rate);
      if (row.kind != "anchor") {
        title = rate(row.report->title), author = rate(row.report->author);
        date = rate(row.report->date);
      }
    } else if (row.published) {
      f1 = fixed(row.published->f1);
      if (row.published->precision >= 0) p = fixed(row.published->precision);
      if (row.published->recall >= 0) r = fixed(row.published->recall);
    }
    std::string pps = "-", mbs = "-", p50 = "-", p99 = "-", mx = "-";
    if (row.timing && row.timing->pages) {
      pps = fixed(row.timing->pages_per_second(), 1), mbs = fixed(row.timing->mb_per_second(), 1);
      p50 = fixed(row.timing->p50_ms, 2), p99 = fixed(row.timing->p99_ms, 2);
      mx = fixed(row.timing->max_ms, 2);
    } else if (row.published && row.published->pages_per_second >= 0) {
      pps = fixed(row.published->pages_per_second, 0);
    }
    std::printf("  %-30s %-9s %6s %6s %6s", row.system.c_str(), row.kind.c_str(), f1.c_str(),
                p.c_str(), r.c_str());
    if (sh) std::printf(" %6s", acc.c_str());
    if (wcxb) std::printf(" %6s %6s", with.c_str(), without.c_str());
    std::printf(" %6s %6s %6s %8s %7s %7s %7s %8s", title.c_str(), author.c_str(), date.c_str(),
                pps.c_str(), mbs.c_str(), p50.c_str(), p99.c_str(), mx.c_str());
    if (row.published) std::printf("  [%s]", std::string(row.published->source).c_str());
    if (row.errors) std::printf("  (%zu pages failed)", row.errors);
    if (!row.note.empty()) std::printf("  (%s)", row.note.c_str());
    std::printf("\n");
  }
  // Per page type, for the systems we ran.
  if (wcxb) {
    for (const auto& row : d.rows) {
      if (!row.report || row.report->by_type.empty() || row.kind == "anchor") continue;
      std::printf("  %s F1 by type:", row.system.c_str());
      for (const auto& [type, t] : row.report->by_type)
        std::printf(" %s %s (%zu)", type.c_str(), fixed(t.f1).c_str(), t.pages);
      std::printf("\n");
    }
  }
  std::printf("  metadata gold: title %zu, author %zu, date %zu pages\n", d.title.gold,
              d.author.gold, d.date.gold);
  if (!d.worst.empty()) std::printf("  klartext's lowest-scoring pages:\n");
  for (const auto& w : d.worst) {
    std::printf("    %-20s %-13s P %s R %s F1 %s  %s\n", w.score.id.c_str(), w.type.c_str(),
                fixed(w.score.precision).c_str(), fixed(w.score.recall).c_str(),
                fixed(w.score.f1).c_str(), w.url.c_str());
  }
}

void write_json(std::string& out, const std::vector<DatasetRows>& all) {
  base::JsonWriter w(out);
  w.begin_object().key("datasets").begin_array();
  for (const auto& d : all) {
    w.begin_object();
    w.key("dataset").value(ev::dataset_name(d.dataset));
    w.key("pages").value(static_cast<uint64_t>(d.pages));
    w.key("title_gold").value(static_cast<uint64_t>(d.title.gold));
    w.key("author_gold").value(static_cast<uint64_t>(d.author.gold));
    w.key("date_gold").value(static_cast<uint64_t>(d.date.gold));
    if (!d.worst.empty()) {
      w.key("worst").begin_array();
      for (const auto& p : d.worst) {
        w.begin_object().key("id").value(p.score.id).key("type").value(p.type);
        w.key("url").value(p.url).key("precision").value(p.score.precision);
        w.key("recall").value(p.score.recall).key("f1").value(p.score.f1).end_object();
      }
      w.end_array();
    }
    w.key("rows").begin_array();
    for (const auto& row : d.rows) {
      w.begin_object().key("system").value(row.system).key("kind").value(row.kind);
      if (row.report) {
        const auto& r = *row.report;
        w.key("f1").value(r.f1).key("precision").value(r.precision).key("recall").value(r.recall);
        if (d.dataset == ev::Dataset::kScrapinghub) w.key("accuracy").value(r.accuracy);
        if (d.dataset == ev::Dataset::kWcxb) {
          w.key("with_rate").value(r.with_rate).key("without_rate").value(r.without_rate);
          w.key("by_type").begin_object();
          for (const auto& [type, t] : r.by_type) {
            w.key(type).begin_object().key("pages").value(static_cast<uint64_t>(t.pages));
            w.key("f1").value(t.f1).key("precision").value(t.precision);
            w.key("recall").value(t.recall).end_object();
          }
          w.end_object();
        }
        for (auto [name, fr] : {std::pair{"title", r.title}, std::pair{"author", r.author},
                                std::pair{"date", r.date}}) {
          w.key(std::string(name) + "_match").value(static_cast<uint64_t>(fr.match));
          w.key(std::string(name) + "_gold").value(static_cast<uint64_t>(fr.gold));
        }
        w.key("missing").value(static_cast<uint64_t>(r.missing));
      } else if (row.published) {
        w.key("f1").value(row.published->f1);
        if (row.published->precision >= 0) w.key("precision").value(row.published->precision);
        if (row.published->recall >= 0) w.key("recall").value(row.published->recall);
        if (row.published->pages_per_second >= 0)
          w.key("pages_per_second").value(row.published->pages_per_second);
        w.key("source").value(row.published->source);
      }
      if (row.timing && row.timing->pages) {
        const auto& t = *row.timing;
        w.key("pages_per_second").value(t.pages_per_second());
        w.key("mb_per_second").value(t.mb_per_second());
        w.key("p50_ms").value(t.p50_ms).key("p99_ms").value(t.p99_ms).key("max_ms").value(t.max_ms);
      }
      if (row.errors) w.key("errors").value(static_cast<uint64_t>(row.errors));
      if (!row.note.empty()) w.key("note").value(row.note);
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  out += '\n';
}

}  // namespace

int run_eval(int argc, char** argv, int first) {
  Args args({"dataset", "data", "limit", "compare-dir", "score", "worst"},
            {"anchors", "json", "compare", "help"});
  if (!args.parse(argc, argv, first)) {
    std::fprintf(stderr, "klartext eval: %s\n\n%s", args.error().c_str(), kUsage);
    return 2;
  }
  if (args.has("help")) {
    std::printf("%s", kUsage);
    return 0;
  }
  if (!args.positionals().empty()) {
    std::fprintf(stderr, "klartext eval: unexpected argument '%s'\n",
                 args.positionals()[0].c_str());
    return 2;
  }
  std::string data_dir = args.get("data", KLARTEXT_EVAL_DATA_DIR);
  std::string compare_dir = args.get("compare-dir", KLARTEXT_EVAL_COMPARE_DIR);
  std::vector<ev::Dataset> datasets;
  std::string which = args.get("dataset", "all");
  if (which == "all") {
    datasets = {ev::Dataset::kScrapinghub, ev::Dataset::kWcxb, ev::Dataset::kChinese,
                ev::Dataset::kReadability};
  } else {
    auto d = ev::parse_dataset(which);
    if (!d.ok()) {
      std::fprintf(stderr, "klartext eval: %s\n", d.status().message().c_str());
      return 2;
    }
    datasets = {*d};
  }
  size_t limit = 0;
  if (args.has("limit")) {
    char* end = nullptr;
    std::string v = args.get("limit");
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n == 0) {
      std::fprintf(stderr, "klartext eval: --limit needs a positive number\n");
      return 2;
    }
    limit = static_cast<size_t>(n);
  }
  size_t worst = 0;
  if (args.has("worst")) {
    char* end = nullptr;
    std::string v = args.get("worst");
    worst = static_cast<size_t>(std::strtoull(v.c_str(), &end, 10));
    if (v.empty() || *end != '\0') {
      std::fprintf(stderr, "klartext eval: --worst needs a number\n");
      return 2;
    }
  }
  bool json = args.has("json");
#ifndef KLARTEXT_EVAL_HAS_API
  std::fprintf(stderr,
               "klartext eval: the extractor is not in this build; scoring anchors and "
               "comparisons only\n");
#endif

  std::vector<DatasetRows> all;
  int exit_code = 0;
  for (ev::Dataset d : datasets) {
    auto gold = ev::load_dataset(d, data_dir);
    if (!gold.ok()) {
      std::fprintf(stderr, "klartext eval: %s\n", gold.status().to_string().c_str());
      exit_code = 1;
      continue;
    }
    if (limit && gold->size() > limit) gold->resize(limit);
    DatasetRows rows{d, gold->size()};
    {
      ev::Report empty = ev::score_dataset(d, *gold, {});
      rows.title = empty.title, rows.author = empty.author, rows.date = empty.date;
    }
#ifdef KLARTEXT_EVAL_HAS_API
    {
      ev::RunOutput run = ev::run_extractor(*gold, klartext_extractor());
      Row row("klartext", "ours");
      row.report = ev::score_dataset(d, *gold, run.pages);
      row.timing = run.timing;
      row.errors = run.errors.size();
      if (worst) {
        std::vector<ev::PageScore> sorted = row.report->per_page;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto& a, const auto& b) { return a.f1 < b.f1; });
        if (sorted.size() > worst) sorted.resize(worst);
        std::map<std::string, const ev::GoldPage*> by_id;
        for (const auto& g : *gold) by_id[g.id] = &g;
        for (auto& p : sorted) {
          const ev::GoldPage* g = by_id[p.id];
          rows.worst.push_back({std::move(p), g->page_type, g->url});
        }
      }
      rows.rows.push_back(std::move(row));
    }
#endif
    if (args.has("compare")) {
      struct Runner {
        const char* name;
        std::string command;
      };
      const Runner runners[] = {
          {"Readability.js + linkedom", "node " + shell_quote(compare_dir + "/readability.js")},
          // Debian's python3-readability lives beside the system interpreter, which a
          // pyenv or venv "python3" earlier in PATH would not see.
          {"readability-lxml",
           std::string(fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") + " " +
               shell_quote(compare_dir + "/readability_lxml.py")},
      };
      for (const auto& runner : runners) {
        if (!json)
          std::fprintf(stderr, "klartext eval: running %s on %s...\n", runner.name,
                       std::string(ev::dataset_name(d)).c_str());
        Row row(runner.name, "compare");
        auto out = run_comparison(runner.command, *gold, row.note);
        if (out) {
          row.report = ev::score_dataset(d, *gold, out->pages);
          row.timing = out->timing;
          row.errors = out->errors.size();
        }
        rows.rows.push_back(std::move(row));
      }
    }
    for (const auto& path : args.get_all("score")) {
      Row row(fs::path(path).stem().string(), "file");
      auto out = ev::load_runner_output(path);
      if (out.ok()) {
        row.report = ev::score_dataset(d, *gold, out->pages);
        if (out->timing.pages) row.timing = out->timing;
        row.errors = out->errors.size();
      } else {
        row.note = out.status().to_string();
      }
      rows.rows.push_back(std::move(row));
    }
    if (args.has("anchors") && d == ev::Dataset::kScrapinghub) {
      for (const auto& name : ev::anchor_names(data_dir)) {
        auto texts = ev::load_anchor(data_dir, name);
        Row row(name, "anchor");
        if (texts.ok())
          row.report = ev::score_dataset(d, *gold, ev::as_pages(*texts));
        else
          row.note = texts.status().to_string();
        rows.rows.push_back(std::move(row));
      }
    }
    // Published figures are for the full sets only.
    if (!limit) {
      for (const auto& pub : ev::published_scores()) {
        if (pub.dataset != d) continue;
        Row row(std::string(pub.system), "published");
        row.published = &pub;
        rows.rows.push_back(std::move(row));
      }
    }
    if (!json) print_table(rows);
    all.push_back(std::move(rows));
  }
  if (json) {
    std::string out;
    write_json(out, all);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return exit_code;
}

}  // namespace klartext::cli
