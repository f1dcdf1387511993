// PII masking: e-mail addresses and public IPv4/IPv6 addresses replaced by fixed placeholders,
// with hand-written linear-time scanners. Tested in tests/text/pii_test.cc.
#ifndef KLARTEXT_TEXT_PII_H_
#define KLARTEXT_TEXT_PII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace klartext::text {

// Follows datatrove's PIIFormatter (formatters/pii.py) in what it masks: e-mail addresses, and
// IP addresses that are globally routable (private, loopback, link-local, documentation and
// multicast ranges are left alone; so are a.b.c.d with four single digits, which are nearly
// always version numbers, a datatrove rule too). datatrove cycles through several random-looking
// replacements; we use one fixed placeholder per kind, chosen from the ranges reserved for
// documentation (RFC 2606 example.com, RFC 5737 192.0.2.0/24, RFC 3849 2001:db8::/32) so a
// placeholder can never be someone's real address, and masking twice changes nothing.
struct PiiOptions {
  bool mask_emails = true;
  bool mask_ips = true;
  bool only_public_ips = true;
  std::string email_placeholder = "email@example.com";
  std::string ipv4_placeholder = "192.0.2.1";
  std::string ipv6_placeholder = "2001:db8::1";
};

struct PiiCounts {
  size_t emails = 0;
  size_t ipv4 = 0;
  size_t ipv6 = 0;
  size_t total() const { return emails + ipv4 + ipv6; }
};

// Writes text with PII replaced to *out and returns what was replaced. O(len(text)): every
// byte is examined a bounded number of times. Thread-safe (no shared state).
PiiCounts mask_pii(std::string_view text, const PiiOptions& options, std::string* out);

// Address classification, exposed for tests. Inputs are dotted-quad / RFC 4291 text.
bool is_public_ipv4(const unsigned char octets[4]);
bool is_public_ipv6(const unsigned char bytes[16]);

}  // namespace klartext::text

#endif  // KLARTEXT_TEXT_PII_H_
