// Tests for the tag table in src/dom/tag.cc and src/dom/tags.inc.
#include <gtest/gtest.h>

#include "dom/node.h"

namespace klartext::dom {
namespace {

TEST(TagTest, EveryKnownNameRoundTrips) {
  for (size_t t = 1; t < static_cast<size_t>(Tag::kCount); ++t) {
    Tag tag = static_cast<Tag>(t);
    EXPECT_EQ(lookup_tag(tag_name(tag)), tag) << tag_name(tag);
  }
}

TEST(TagTest, UnknownAndUpperCaseNamesAreUnknown) {
  EXPECT_EQ(lookup_tag("div"), Tag::kDiv);
  EXPECT_EQ(lookup_tag("annotation-xml"), Tag::kAnnotationXml);
  EXPECT_EQ(lookup_tag("DIV"), Tag::kUnknown);  // callers lower-case first
  EXPECT_EQ(lookup_tag("my-widget"), Tag::kUnknown);
  EXPECT_EQ(lookup_tag(""), Tag::kUnknown);
  EXPECT_EQ(tag_name(Tag::kUnknown), "");
}

}  // namespace
}  // namespace klartext::dom
