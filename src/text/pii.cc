// E-mail and IP address masking. Tested in tests/text/pii_test.cc.
#include "text/pii.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "base/find_digit.h"

namespace klartext::text {
namespace {

bool is_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_hex(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
// RFC 5322 dot-atom characters we accept in a local part (the common subset; quoted local parts
// are not masked).
bool is_local_char(unsigned char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(unsigned char c) { return is_alnum(c) || c == '-' || c == '.'; }

enum class Kind { kEmail, kIpv4, kIpv6 };
struct Span {
  size_t begin, end;
  Kind kind;
};

// E-mails: around each '@', the longest local part to the left and domain to the right. A
// '@' is neither a local nor a domain character, so each byte is scanned by at most two '@'s.
void find_emails(std::string_view s, std::vector<Span>* spans) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t last_end = 0;
  for (size_t at = 0; at < n; ++at) {
    if (p[at] != '@' || at < last_end) continue;
    size_t b = at;
    while (b > last_end && is_local_char(p[b - 1])) --b;
    while (b < at && p[b] == '.') ++b;  // a local part does not start with a dot
    if (b == at) continue;
    size_t e = at + 1;
    while (e < n && is_domain_char(p[e])) ++e;
    while (e > at + 1 && (p[e - 1] == '.' || p[e - 1] == '-')) --e;  // sentence-final dot
    std::string_view domain = s.substr(at + 1, e - at - 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.front() == '-') continue;
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), [](char c) {
          return (static_cast<unsigned char>(c) | 0x20) >= 'a' &&
                 (static_cast<unsigned char>(c) | 0x20) <= 'z';
        })) {
      continue;
    }
    if (domain.find("..") != std::string_view::npos) continue;
    spans->push_back({b, e, Kind::kEmail});
    last_end = e;
  }
}

// Parses a dotted quad at s[i]; returns its length or 0.
size_t parse_ipv4(std::string_view s, size_t i, unsigned char octets[4], bool* all_single) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), k = i;
  *all_single = true;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (k >= n || p[k] != '.') return 0;
      ++k;
    }
    size_t d = k;
    unsigned v = 0;
    while (k < n && is_digit(p[k]) && k - d < 4) v = v * 10 + (p[k++] - '0');
    if (k == d || k - d > 3 || v > 255) return 0;
    if (k - d > 1) *all_single = false;
    octets[part] = static_cast<unsigned char>(v);
  }
  // Not part of a longer number or dotted sequence ("1.2.3.4.5", "1.2.3.45678").
  if (k < n && (is_alnum(p[k]) || (p[k] == '.' && k + 1 < n && is_digit(p[k + 1])))) return 0;
  return k - i;
}

// True when some ':' in s is followed by hex digits and dots only, then another ':'.
bool has_colon_pair(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    const void* c = std::memchr(p, ':', static_cast<size_t>(end - p));
    if (c == nullptr) return false;
    p = static_cast<const unsigned char*>(c) + 1;
    while (p < end && (is_hex(*p) || *p == '.')) ++p;
    if (p < end && *p == ':') return true;
  }
  return false;
}

void find_ips(std::string_view s, const PiiOptions& o, std::vector<Span>* spans) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  // An IPv6 candidate is a run of hex digits, '.' and ':' with two colons, so some ':' is
  // followed, after hex digits and dots only, by another ':'. Without such a pair (prose has
  // "Note: " and "10:30", not "a:b:c") only IPv4 addresses, which start with a digit, can
  // match, and the scan steps from digit to digit. That skips no match: a digit inside a run
  // the IPv6 branch below steps over follows one of the run's characters, so it is never at a
  // boundary.
  const bool ipv6_possible = has_colon_pair(s);
  size_t i = 0;
  while (i < n) {
    if (!ipv6_possible) {
      i = base::find_ascii_digit(reinterpret_cast<const char*>(p), i, n);
      if (i == n) break;
    }
    unsigned char c = p[i];
    bool boundary = i == 0 || !(is_alnum(p[i - 1]) || p[i - 1] == '.' || p[i - 1] == ':');
    if (!boundary || !(is_hex(c) || c == ':')) {
      ++i;
      continue;
    }
    // IPv4 first: "1.2.3.4".
    if (is_digit(c)) {
      unsigned char oct[4];
      bool single = false;
      size_t len = parse_ipv4(s, i, oct, &single);
      if (len > 0) {
        if (!single && (!o.only_public_ips || is_public_ipv4(oct))) {
          spans->push_back({i, i + len, Kind::kIpv4});
        }
        i += len;
        continue;
      }
    }
    // IPv6 candidates: a run of hex digits, ':' and '.', with at least two colons.
    size_t e = i, colons = 0;
    while (e < n && (is_hex(p[e]) || p[e] == ':' || p[e] == '.')) colons += p[e++] == ':';
    size_t run_end = e;
    while (e > i && p[e - 1] == '.') --e;
    // 45 bytes is the longest textual IPv6 address (with an embedded IPv4).
    if (colons >= 2 && e - i <= 45 && !(e < n && is_alnum(p[e]))) {
      char buf[46];
      std::memcpy(buf, s.data() + i, e - i);
      buf[e - i] = 0;
      unsigned char bytes[16];
      if (inet_pton(AF_INET6, buf, bytes) == 1 && (!o.only_public_ips || is_public_ipv6(bytes))) {
        spans->push_back({i, e, Kind::kIpv6});
      }
    }
    i = run_end > i ? run_end : i + 1;
  }
}

}  // namespace

bool is_public_ipv4(const unsigned char o[4]) {
  // IANA special-purpose registry (RFC 6890 and updates): none of these identify a person.
  if (o[0] == 0 || o[0] == 10 || o[0] == 127 || o[0] >= 224) return false;  // + multicast
  if (o[0] == 100 && (o[1] & 0xC0) == 64) return false;                     // 100.64/10 CGN
  if (o[0] == 169 && o[1] == 254) return false;                             // link-local
  if (o[0] == 172 && (o[1] & 0xF0) == 16) return false;                     // 172.16/12
  if (o[0] == 192 && o[1] == 168) return false;
  if (o[0] == 192 && o[1] == 0 && (o[2] == 0 || o[2] == 2)) return false;  // IETF, TEST-NET-1
  if (o[0] == 198 && (o[1] & 0xFE) == 18) return false;                    // benchmarking
  if (o[0] == 198 && o[1] == 51 && o[2] == 100) return false;              // TEST-NET-2
  if (o[0] == 203 && o[1] == 0 && o[2] == 113) return false;               // TEST-NET-3
  return true;
}

bool is_public_ipv6(const unsigned char b[16]) {
  // IPv4-mapped ::ffff:a.b.c.d: judge the embedded IPv4 address.
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(b, kMapped, 12) == 0) return is_public_ipv4(b + 12);
  if ((b[0] & 0xE0) != 0x20) return false;  // only 2000::/3 is global unicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false;  // doc
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02) return false;                   // 2001::/23 IETF
  return true;
}

PiiCounts mask_pii(std::string_view text, const PiiOptions& o, std::string* out) {
  PiiCounts counts;
  std::vector<Span> spans;
  if (o.mask_emails && text.find('@') != std::string_view::npos) find_emails(text, &spans);
  if (o.mask_ips) {
    std::vector<Span> ips;
    find_ips(text, o, &ips);
    // Drop IPs inside e-mail addresses (user@192.0.2.1.example.org was already masked).
    size_t k = 0;
    for (const Span& ip : ips) {
      while (k < spans.size() && spans[k].end <= ip.begin) ++k;
      bool inside = false;
      for (size_t j = k; j < spans.size() && spans[j].begin < ip.end; ++j) inside = true;
      if (!inside) spans.push_back(ip);
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
  }
  out->clear();
  out->reserve(text.size());
  size_t pos = 0;
  for (const Span& sp : spans) {
    if (sp.begin < pos) continue;
    out->append(text.substr(pos, sp.begin - pos));
    switch (sp.kind) {
      case Kind::kEmail:
        out->append(o.email_placeholder);
        ++counts.emails;
        break;
      case Kind::kIpv4:
        out->append(o.ipv4_placeholder);
        ++counts.ipv4;
        break;
      case Kind::kIpv6:
        out->append(o.ipv6_placeholder);
        ++counts.ipv6;
        break;
    }
    pos = sp.end;
  }
  out->append(text.substr(pos));
  return counts;
}

}  // namespace klartext::text
