// Benchmark scorers. Tested in tests/eval/score_test.cc and tests/eval/anchor_test.cc.
#include "eval/score.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "eval/tokenize.h"

namespace klartext::eval {

namespace {

// Shingles as packed token ids, so the multiset is keyed by a short byte string.
using Multiset = std::unordered_map<std::string, int>;

Multiset shingles(const std::vector<std::string_view>& tokens, int n,
                  std::unordered_map<std::string_view, uint32_t>& ids) {
  std::vector<uint32_t> seq;
  seq.reserve(tokens.size());
  for (auto t : tokens)
    seq.push_back(ids.emplace(t, static_cast<uint32_t>(ids.size())).first->second);
  Multiset out;
  if (seq.empty()) return out;
  size_t windows = seq.size() >= static_cast<size_t>(n) ? seq.size() - n + 1 : 1;
  for (size_t i = 0; i < windows; ++i) {
    size_t len = std::min<size_t>(n, seq.size() - i);
    std::string key(reinterpret_cast<const char*>(&seq[i]), len * sizeof(uint32_t));
    ++out[key];
  }
  return out;
}

}  // namespace

ShingleCounts shingle_counts(std::string_view gold, std::string_view pred, int n) {
  auto gold_tokens = word_tokens(gold);
  auto pred_tokens = word_tokens(pred);
  std::unordered_map<std::string_view, uint32_t> ids;
  Multiset g = shingles(gold_tokens, n, ids);
  Multiset p = shingles(pred_tokens, n, ids);
  ShingleCounts c;
  for (const auto& [key, gc] : g) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    c.tp += std::min(gc, pc);
    c.fn += std::max(0, gc - pc);
  }
  for (const auto& [key, pc] : p) {
    auto it = g.find(key);
    int gc = it == g.end() ? 0 : it->second;
    c.fp += std::max(0, pc - gc);
  }
  c.exact = gold_tokens == pred_tokens;
  return c;
}

double shingle_precision(const ShingleCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1;
  if (c.tp == 0 && c.fp == 0) return 0;
  return c.tp / (c.tp + c.fp);
}

double shingle_recall(const ShingleCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1;
  if (c.tp == 0 && c.fn == 0) return 0;
  return c.tp / (c.tp + c.fn);
}

ShingleSummary summarize_shingles(const std::vector<ShingleCounts>& pages) {
  ShingleSummary s;
  s.pages = pages.size();
  double p_sum = 0, r_sum = 0;
  size_t p_n = 0, r_n = 0, exact = 0;
  for (const auto& c : pages) {
    if (c.tp + c.fp > 0) p_sum += shingle_precision(c), ++p_n;
    if (c.tp + c.fn > 0) r_sum += shingle_recall(c), ++r_n;
    exact += c.exact;
  }
  s.precision = p_n ? p_sum / p_n : 0;
  s.recall = r_n ? r_sum / r_n : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.accuracy = pages.empty() ? 0 : static_cast<double>(exact) / pages.size();
  return s;
}

WordScore word_score(std::string_view gold, std::string_view pred, Tokens tokens) {
  std::string gold_lower = to_lower(gold);
  std::string pred_lower = to_lower(pred);
  auto split = tokens == Tokens::kHanSplit ? word_tokens_han_split : word_tokens;
  auto g = split(gold_lower);
  auto p = split(pred_lower);
  if (g.empty()) return p.empty() ? WordScore{1, 1, 1} : WordScore{};
  if (p.empty()) return WordScore{};
  std::unordered_map<std::string_view, int> counts;  // gold count minus pred count so far
  for (auto t : g) ++counts[t];
  size_t overlap = 0;
  for (auto t : p) {
    auto it = counts.find(t);
    if (it != counts.end() && it->second > 0) --it->second, ++overlap;
  }
  WordScore s;
  s.precision = static_cast<double>(overlap) / p.size();
  s.recall = static_cast<double>(overlap) / g.size();
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

double snippet_rate(std::string_view text, const std::vector<std::string>& snippets) {
  if (snippets.empty()) return 1;
  std::string hay = to_lower(text);
  size_t found = 0;
  for (const auto& s : snippets) found += hay.find(to_lower(s)) != std::string::npos;
  return static_cast<double>(found) / snippets.size();
}

}  // namespace klartext::eval
