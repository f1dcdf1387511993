// Tests for src/text/blocklist.h: host extraction, parent-domain matching, substrings, limits.
#include "text/blocklist.h"

#include <gtest/gtest.h>

namespace klartext::text {
namespace {

TEST(UrlHost, Extracts) {
  EXPECT_EQ(url_host("HTTP://User:pw@WWW.Example.COM.:8080/x?y#z"), "www.example.com");
  EXPECT_EQ(url_host("https://sub.test.org"), "sub.test.org");
  EXPECT_EQ(url_host("//cdn.test.org/a"), "cdn.test.org");
  EXPECT_EQ(url_host("test.org/path"), "test.org");
  EXPECT_EQ(url_host("http://[2001:db8::1]:80/"), "[2001:db8::1]");
  EXPECT_EQ(url_host(""), "");
}

TEST(Blocklist, MatchesDomainsAndParents) {
  UrlBlocklist bl;
  ASSERT_TRUE(bl.add_list("# comment\n\nbad.example\n*.worse.test\n.tracker.net\r\n").ok());
  EXPECT_EQ(bl.domain_count(), 3u);
  EXPECT_EQ(bl.match("http://bad.example/page"), "bad.example");
  EXPECT_TRUE(bl.blocked("https://a.b.BAD.example/"));
  EXPECT_TRUE(bl.blocked("https://worse.test"));
  EXPECT_TRUE(bl.blocked("https://x.tracker.net/p"));
  EXPECT_FALSE(bl.blocked("https://notbad.example/"));  // a suffix is not a parent domain
  EXPECT_FALSE(bl.blocked("https://bad.example.org/"));
  EXPECT_FALSE(bl.blocked("https://good.example/bad.example"));
}

TEST(Blocklist, MatchesSubstrings) {
  UrlBlocklist bl;
  ASSERT_TRUE(bl.add_list("example.org/private/\nutm_source=spam\n").ok());
  EXPECT_EQ(bl.substring_count(), 2u);
  EXPECT_TRUE(bl.blocked("https://EXAMPLE.org/Private/file"));
  EXPECT_TRUE(bl.blocked("https://a.test/?utm_source=spam"));
  EXPECT_FALSE(bl.blocked("https://example.org/public/"));
}

TEST(Blocklist, EnforcesLimits) {
  UrlBlocklist bl;
  bl.limits.max_domains = 2;
  Status s = bl.add_list("a.test\nb.test\nc.test\n");
  EXPECT_EQ(s.code(), StatusCode::kLimitExceeded);
  EXPECT_NE(s.message().find("line 3"), std::string::npos);
  EXPECT_FALSE(bl.add_file("/nonexistent/blocklist.txt").ok());
}

}  // namespace
}  // namespace klartext::text
