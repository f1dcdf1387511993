// Timed extractor runs and dataset reports. Tested in tests/eval/run_test.cc.
#include "eval/run.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <simdjson.h>

#include "base/file.h"
#include "eval/match.h"

namespace klartext::eval {

Timing timing_from(const std::vector<double>& ms, size_t bytes) {
  Timing t;
  t.pages = ms.size();
  t.bytes = bytes;
  if (ms.empty()) return t;
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  double total = 0;
  for (double v : sorted) total += v;
  t.seconds = total / 1000;
  auto rank = [&](double q) {
    size_t k = static_cast<size_t>(std::ceil(q * sorted.size()));
    return sorted[std::clamp<size_t>(k, 1, sorted.size()) - 1];
  };
  t.p50_ms = rank(0.50);
  t.p99_ms = rank(0.99);
  t.max_ms = sorted.back();
  return t;
}

RunOutput run_extractor(const std::vector<GoldPage>& pages, const Extractor& extractor,
                        size_t max_page_bytes) {
  RunOutput out;
  std::vector<double> ms;
  ms.reserve(pages.size());
  size_t bytes = 0;
  for (const auto& page : pages) {
    auto html = base::read_maybe_gzip(page.html_path, max_page_bytes);
    if (!html.ok()) {
      out.errors[page.id] = html.status().to_string();
      continue;
    }
    auto start = std::chrono::steady_clock::now();
    auto result = extractor(*html, page.url);
    auto stop = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    bytes += html->size();
    if (!result.ok()) {
      out.errors[page.id] = result.status().to_string();
      continue;
    }
    out.pages.emplace(page.id, std::move(*result));
  }
  out.timing = timing_from(ms, bytes);
  return out;
}

Report score_dataset(Dataset d, const std::vector<GoldPage>& gold,
                     const std::map<std::string, ExtractedPage>& predictions) {
  Report r;
  r.dataset = d;
  r.pages = gold.size();
  static const ExtractedPage kEmpty;
  std::vector<ShingleCounts> shingles;
  double p = 0, rc = 0, f = 0, with = 0, without = 0;
  for (const auto& g : gold) {
    auto it = predictions.find(g.id);
    if (it == predictions.end()) ++r.missing;
    const ExtractedPage& pred = it == predictions.end() ? kEmpty : it->second;
    if (d == Dataset::kScrapinghub) {
      shingles.push_back(shingle_counts(g.text, pred.text));
      double sp = shingle_precision(shingles.back()), sr = shingle_recall(shingles.back());
      r.per_page.push_back({g.id, sp, sr, sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0});
    } else {
      WordScore s = word_score(g.text, pred.text,
                               d == Dataset::kChinese ? Tokens::kHanSplit : Tokens::kWords);
      p += s.precision, rc += s.recall, f += s.f1;
      r.per_page.push_back({g.id, s.precision, s.recall, s.f1});
      if (d == Dataset::kWcxb) {
        with += snippet_rate(pred.text, g.with);
        without += snippet_rate(pred.text, g.without);
        TypeScore& t = r.by_type[g.page_type];
        ++t.pages;
        t.precision += s.precision, t.recall += s.recall, t.f1 += s.f1;
      }
    }
    if (!normalize_field(g.title).empty()) {
      ++r.title.gold;
      r.title.match += title_matches(pred.title, g.title);
    }
    if (!normalize_field(g.author).empty()) {
      ++r.author.gold;
      r.author.match += author_matches(pred.author, g.author);
    }
    if (!normalize_date(g.date).empty()) {
      ++r.date.gold;
      r.date.match += date_matches(pred.date, g.date);
    }
  }
  if (d == Dataset::kScrapinghub) {
    ShingleSummary s = summarize_shingles(shingles);
    r.precision = s.precision, r.recall = s.recall, r.f1 = s.f1, r.accuracy = s.accuracy;
  } else if (!gold.empty()) {
    double n = static_cast<double>(gold.size());
    r.precision = p / n, r.recall = rc / n, r.f1 = f / n;
    r.with_rate = with / n, r.without_rate = without / n;
    for (auto& [type, t] : r.by_type) {
      t.precision /= t.pages, t.recall /= t.pages, t.f1 /= t.pages;
    }
  }
  return r;
}

Result<RunOutput> load_runner_output(const std::string& path) {
  auto data = base::read_file(path, size_t(1) << 30);
  if (!data.ok()) return data.status();
  simdjson::dom::parser parser;
  simdjson::dom::object obj;
  auto err = parser.parse(*data).get(obj);
  if (err) return corrupt(path + ": " + simdjson::error_message(err));
  RunOutput out;
  std::vector<double> ms;
  size_t bytes = 0;
  for (auto field : obj) {
    std::string_view plain;
    if (field.value.get(plain) == simdjson::SUCCESS) {  // WCXB results: {id: "text"}
      out.pages[std::string(field.key)].text = plain;
      continue;
    }
    auto text = [&](const char* key) {
      std::string_view s;
      return field.value[key].get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
    };
    std::string id(field.key);
    std::string error = text("error");
    double seconds = 0;
    if (field.value["seconds"].get(seconds) == simdjson::SUCCESS) ms.push_back(seconds * 1000);
    uint64_t n = 0;
    if (field.value["bytes"].get(n) == simdjson::SUCCESS) bytes += n;
    if (!error.empty()) {
      out.errors[id] = error;
      continue;
    }
    out.pages[id] = {text("articleBody"), text("title"), text("byline"), text("date")};
  }
  out.timing = timing_from(ms, bytes);
  return out;
}

std::map<std::string, ExtractedPage> as_pages(const std::map<std::string, std::string>& texts) {
  std::map<std::string, ExtractedPage> out;
  for (const auto& [id, text] : texts) out[id].text = text;
  return out;
}

}  // namespace klartext::eval
