// URL blocklist matching. Tested in tests/text/blocklist_test.cc.
#include "text/blocklist.h"

#include <xxhash.h>

#include <algorithm>

#include "base/file.h"

namespace klartext::text {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

uint64_t domain_key(std::string_view d) { return XXH3_64bits(d.data(), d.size()); }

}  // namespace

std::string url_host(std::string_view url) {
  std::string_view rest = url;
  size_t scheme = rest.find("://");
  if (scheme != std::string_view::npos && rest.find_first_of("/?#") > scheme) {
    rest.remove_prefix(scheme + 3);
  } else if (rest.starts_with("//")) {
    rest.remove_prefix(2);
  }
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {  // IPv6 literal
    size_t close = rest.find(']');
    rest = rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1);
  } else {
    rest = rest.substr(0, rest.find(':'));
  }
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  return ascii_lower(rest);
}

Status UrlBlocklist::add_domain(std::string_view domain) {
  domain = trim(domain);
  if (domain.starts_with("*.")) domain.remove_prefix(2);
  while (!domain.empty() && domain.front() == '.') domain.remove_prefix(1);
  while (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty()) return invalid_argument("blocklist: empty domain");
  if (domains_.size() >= limits.max_domains) {
    return limit_exceeded("blocklist: more than " + std::to_string(limits.max_domains) +
                          " domains");
  }
  std::string lower = ascii_lower(domain);
  domains_.emplace(domain_key(lower), std::string(domain));
  return {};
}

Status UrlBlocklist::add_substring(std::string_view substring) {
  substring = trim(substring);
  if (substring.empty()) return invalid_argument("blocklist: empty substring");
  if (substrings_.size() >= limits.max_substrings) {
    return limit_exceeded("blocklist: more than " + std::to_string(limits.max_substrings) +
                          " URL substrings");
  }
  substrings_.push_back(ascii_lower(substring));
  return {};
}

Status UrlBlocklist::add_list(std::string_view list) {
  size_t line_no = 0;
  while (!list.empty()) {
    size_t nl = list.find('\n');
    std::string_view line = trim(list.substr(0, nl));
    list.remove_prefix(nl == std::string_view::npos ? list.size() : nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    bool is_domain = std::all_of(line.begin(), line.end(), [](char ch) {
      unsigned char c = static_cast<unsigned char>(ch);
      return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
             c == '-' || c == '.' || c == '*' || c == '_';
    });
    Status s = is_domain ? add_domain(line) : add_substring(line);
    if (!s.ok()) return Status(s.code(), s.message() + " (line " + std::to_string(line_no) + ")");
  }
  return {};
}

Status UrlBlocklist::add_file(const std::string& path) {
  Result<std::string> data = base::read_maybe_gzip(path);
  if (!data.ok()) return data.status();
  return add_list(*data);
}

std::string_view UrlBlocklist::match(std::string_view url) const {
  if (!domains_.empty()) {
    std::string host = url_host(url);
    std::string_view h = host;
    // The host, then each parent domain: a.b.example.com, b.example.com, example.com, com.
    while (!h.empty()) {
      auto it = domains_.find(domain_key(h));
      if (it != domains_.end()) return it->second;
      size_t dot = h.find('.');
      if (dot == std::string_view::npos) break;
      h.remove_prefix(dot + 1);
    }
  }
  if (!substrings_.empty()) {
    std::string lower = ascii_lower(url);
    for (const std::string& s : substrings_) {
      if (lower.find(s) != std::string::npos) return s;
    }
  }
  return {};
}

}  // namespace klartext::text
