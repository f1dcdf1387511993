// Helpers for the extract tests: parse HTML with our parser, read fixtures.
// Used by tests/extract/*_test.cc.
#ifndef KLARTEXT_TESTS_EXTRACT_TEST_UTIL_H_
#define KLARTEXT_TESTS_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "dom/document.h"
#include "html/parser.h"

namespace klartext::extract::testing {

inline std::unique_ptr<dom::Document> parse(const std::string& html) {
  auto r = html::parse(html);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r.value()) : std::make_unique<dom::Document>();
}

inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(KLARTEXT_SOURCE_DIR) + "/tests/data/extract/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace klartext::extract::testing

#endif  // KLARTEXT_TESTS_EXTRACT_TEST_UTIL_H_
