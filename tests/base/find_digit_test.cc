// Tests for src/base/find_digit.h: the digit search agrees with a byte-by-byte one.
#include "base/find_digit.h"

#include <gtest/gtest.h>

#include <string>

namespace klartext::base {
namespace {

size_t plain_find(const std::string& s, size_t i) {
  while (i < s.size() && !(s[i] >= '0' && s[i] <= '9')) ++i;
  return i;
}

// Every digit, and the bytes next to the digits ('/', ':') and from 0x80 up, at every offset
// of the 16-byte steps, from every start.
TEST(FindAsciiDigit, AgreesWithAByteByByteSearch) {
  const std::string fillers[] = {"a", "/", ":", "\xB0", "\xFF", " "};
  for (const std::string& filler : fillers) {
    for (char digit = '0'; digit <= '9'; ++digit) {
      for (size_t at = 0; at < 40; ++at) {
        std::string s;
        for (size_t k = 0; k < 40; ++k) s += k == at ? std::string(1, digit) : filler;
        for (size_t from = 0; from <= s.size(); ++from)
          ASSERT_EQ(find_ascii_digit(s.data(), from, s.size()), plain_find(s, from))
              << "filler " << int(static_cast<unsigned char>(filler[0])) << " digit at " << at
              << " from " << from;
      }
    }
  }
}

TEST(FindAsciiDigit, NoDigitGivesTheEnd) {
  std::string s(100, 'x');
  EXPECT_EQ(find_ascii_digit(s.data(), 0, s.size()), s.size());
  EXPECT_EQ(find_ascii_digit(s.data(), 0, 0), 0u);
  // The search stops at n even when a digit follows it.
  s += "7";
  EXPECT_EQ(find_ascii_digit(s.data(), 0, 100), 100u);
}

}  // namespace
}  // namespace klartext::base
