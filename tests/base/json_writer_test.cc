// Tests for src/base/json_writer.h.
#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace klartext::base {
namespace {

TEST(JsonWriterTest, EscapesAndRepairsStrings) {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\x01 ü \xff");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\u0001 ü \xEF\xBF\xBD\"");
}

TEST(JsonWriterTest, NestedValuesGetCommas) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("id").value(7).key("tags").begin_array().value("x").value("y").end_array();
  w.key("ok").value(true).key("score").value(0.5).key("none").null().end_object();
  EXPECT_EQ(out, R"({"id":7,"tags":["x","y"],"ok":true,"score":0.5,"none":null})");
}

}  // namespace
}  // namespace klartext::base
