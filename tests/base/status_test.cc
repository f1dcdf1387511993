// Tests for include/klartext/status.h.
#include "klartext/status.h"

#include <gtest/gtest.h>

namespace klartext {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.to_string(), "ok");
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = corrupt("bad record at offset 12");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.to_string(), "corrupt input: bad record at offset 12");
}

Result<int> half(int x) {
  if (x % 2) return invalid_argument("odd");
  return x / 2;
}

Status use_half(int x, int* out) {
  auto r = half(x);
  if (!r.ok()) return r.status();
  *out = *r;
  return {};
}

TEST(ResultTest, ValueOrStatus) {
  int v = 0;
  EXPECT_TRUE(use_half(8, &v).ok());
  EXPECT_EQ(v, 4);
  Status s = use_half(3, &v);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "odd");
}

}  // namespace
}  // namespace klartext
