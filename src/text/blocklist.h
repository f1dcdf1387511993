// URL blocklist: domains (matching the host and its subdomains) and URL substrings, loaded
// from a list file. Tested in tests/text/blocklist_test.cc.
#ifndef KLARTEXT_TEXT_BLOCKLIST_H_
#define KLARTEXT_TEXT_BLOCKLIST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "klartext/status.h"

namespace klartext::text {

struct BlocklistLimits {
  // A domain list such as UT1's "adult" category has about 4.6M entries; 50M leaves room and
  // still bounds memory (~40 bytes per domain, 2 GB at the cap).
  size_t max_domains = 50'000'000;
  // Substrings are checked one by one against each URL, so their number bounds the per-URL
  // cost; 10k substrings on a 100-byte URL is about 1M byte comparisons at most.
  size_t max_substrings = 10'000;
};

// Immutable after loading: matches() is const and thread-safe.
class UrlBlocklist {
 public:
  // One entry per line; blank lines and lines starting with '#' are ignored. A line made only
  // of host-name characters (letters, digits, '-', '.', '_', '*', non-ASCII) is a domain
  // ("example.com", "*.example.com" and ".example.com" mean the same: the domain and every
  // subdomain); any other line is a URL substring, matched case-insensitively against the URL.
  Status add_list(std::string_view list);
  Status add_file(const std::string& path);
  Status add_domain(std::string_view domain);
  Status add_substring(std::string_view substring);

  // The rule that blocks url (as written in the list), or empty when none does.
  std::string_view match(std::string_view url) const;
  bool blocked(std::string_view url) const { return !match(url).empty(); }

  size_t domain_count() const { return domains_.size(); }
  size_t substring_count() const { return substrings_.size(); }

  BlocklistLimits limits;

 private:
  std::unordered_map<uint64_t, std::string> domains_;  // XXH3 of the lower-case domain
  std::vector<std::string> substrings_;                // lower-case
};

// The lower-case host of url ("HTTP://User@WWW.Example.COM.:8080/x" -> "www.example.com");
// without a scheme, everything up to the first '/', '?' or '#'.
std::string url_host(std::string_view url);

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_BLOCKLIST_H_
