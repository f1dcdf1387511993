// Tests for src/text/pii.h: e-mail and IP masking, non-PII left alone, linear time.
#include "text/pii.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace klartext::text {
namespace {

std::string mask(std::string_view s, PiiCounts* counts = nullptr, PiiOptions o = {}) {
  std::string out;
  PiiCounts c = mask_pii(s, o, &out);
  if (counts) *counts = c;
  return out;
}

TEST(Pii, MasksEmails) {
  PiiCounts c;
  EXPECT_EQ(mask("Write to jane.doe+news@mail.example-corp.de today.", &c),
            "Write to email@example.com today.");
  EXPECT_EQ(c.emails, 1u);
  EXPECT_EQ(mask("<a.b_c@x.io>, (d@y.com)"), "<email@example.com>, (email@example.com)");
  EXPECT_EQ(mask("end of sentence: me@host.org."), "end of sentence: email@example.com.");
}

TEST(Pii, LeavesNonEmailsAlone) {
  for (std::string_view s : {"@handle on social media", "price @ 5 dollars", "a@b",
                             "user@localhost", "x@y.1", "me@.com", "foo@bar..com"}) {
    EXPECT_EQ(mask(s), s);
  }
}

TEST(Pii, MasksPublicIpv4Only) {
  PiiCounts c;
  EXPECT_EQ(mask("Server 81.2.69.142 and 93.184.216.34 answered.", &c),
            "Server 192.0.2.1 and 192.0.2.1 answered.");
  EXPECT_EQ(c.ipv4, 2u);
  for (std::string_view s :
       {"router at 192.168.1.1", "10.0.0.254 inside", "loopback 127.0.0.1", "169.254.3.4",
        "172.20.1.1", "100.64.0.1", "TEST 198.51.100.7", "224.0.0.1 multicast", "version 1.2.3.4",
        "256.1.1.1", "1.2.3.4.5", "8.8.8", "12.34.56.789"}) {
    EXPECT_EQ(mask(s), s) << s;
  }
  PiiOptions all;
  all.only_public_ips = false;
  EXPECT_EQ(mask("router at 192.168.1.1", nullptr, all), "router at 192.0.2.1");
}

TEST(Pii, Ipv4BoundariesWithAndWithoutColons) {
  // Texts without two colons in one hex run take the digit-to-digit scan, the others the full
  // scan; both must agree on where an address starts (after a space or punctuation, not
  // inside a hex run).
  for (std::string_view tail : {"", " (see: notes)", " at 10:30", " 2001:db8::1"}) {
    std::string t(tail);
    EXPECT_EQ(mask("at (81.2.69.142), " + t), "at (192.0.2.1), " + t);
    EXPECT_EQ(mask("face81.2.69.142 " + t), "face81.2.69.142 " + t);
    EXPECT_EQ(mask("ab.81.2.69.142 " + t), "ab.81.2.69.142 " + t);
    EXPECT_EQ(mask("x-81.2.69.142" + t), "x-192.0.2.1" + t);
    EXPECT_EQ(mask("81.2.69.142" + t), "192.0.2.1" + t);
  }
}

// The search for the next digit reads 16 bytes at a time: an address at every offset of a
// long line is found, after non-ASCII letters and punctuation, and none is made up of the
// digits' neighbours ('/' sits just below them, ':' and ';' above).
TEST(Pii, Ipv4AtEveryOffsetOfALongLine) {
  for (size_t before = 0; before < 40; ++before) {
    std::string lead = std::string(before, 'w') + " \u00e9t\u00e9 /:";
    EXPECT_EQ(mask(lead + " 81.2.69.142 " + std::string(before, 'z')),
              lead + " 192.0.2.1 " + std::string(before, 'z'))
        << before;
    std::string no_digits = lead + std::string(before, '/') + std::string(40 - before, ';');
    EXPECT_EQ(mask(no_digits), no_digits);
  }
}

TEST(Pii, MasksPublicIpv6) {
  PiiCounts c;
  EXPECT_EQ(mask("host 2a00:1450:4001:82b::200e replied", &c), "host 2001:db8::1 replied");
  EXPECT_EQ(c.ipv6, 1u);
  EXPECT_EQ(mask("mapped ::ffff:8.8.4.4."), "mapped 2001:db8::1.");
  for (std::string_view s :
       {"::1", "fe80::1", "2001:db8::42", "at 12:30:45 today", "a::b::c", "dead:beef", "fc00::1"}) {
    EXPECT_EQ(mask(s), s) << s;
  }
}

TEST(Pii, MaskingIsIdempotentAndOptional) {
  std::string once = mask("a@b.com 8.8.8.8 2a00:1450::1");
  EXPECT_EQ(mask(once), once);
  PiiOptions none;
  none.mask_emails = false;
  none.mask_ips = false;
  EXPECT_EQ(mask("a@b.com 8.8.8.8", nullptr, none), "a@b.com 8.8.8.8");
}

TEST(Pii, ClassifiesAddresses) {
  const unsigned char pub[4] = {8, 8, 8, 8}, priv[4] = {192, 168, 0, 1};
  EXPECT_TRUE(is_public_ipv4(pub));
  EXPECT_FALSE(is_public_ipv4(priv));
}

TEST(Pii, AdversarialInputIsLinear) {
  // Inputs that make backtracking regexes quadratic: long runs of local-part characters with
  // many '@', long digit/dot and hex/colon runs.
  std::string a(200000, 'a');
  for (size_t i = 0; i < a.size(); i += 3) a[i] = '@';
  std::string b;
  while (b.size() < 200000) b += "1.";
  std::string c;
  while (c.size() < 200000) c += "a:";
  auto start = std::chrono::steady_clock::now();
  for (const std::string& s : {a, b, c, std::string(200000, 'x') + "@"}) mask(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 2.0);  // ~10 ms when linear; seconds to minutes when quadratic
}

}  // namespace
}  // namespace klartext::text

namespace klartext::text {
namespace {

TEST(Pii, ArbitraryBytesDoNotCrash) {
  std::string alphabet = "a1.:@f \n\xff\xc3";
  uint32_t x = 7;
  for (int i = 0; i < 500; ++i) {
    std::string s;
    for (int j = 0; j < 200; ++j) {
      x = x * 1103515245 + 12345;
      s.push_back(alphabet[(x >> 16) % alphabet.size()]);
    }
    std::string out;
    PiiCounts c = mask_pii(s, PiiOptions{}, &out);
    if (c.total() == 0) {
      EXPECT_EQ(out, s);
    }
  }
}

}  // namespace
}  // namespace klartext::text
