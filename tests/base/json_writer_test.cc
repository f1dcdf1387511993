// Tests for src/base/json_writer.h.
#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace klartext::base {
namespace {

TEST(JsonWriterTest, EscapesAndRepairsStrings) {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\x01 ü \xff");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\u0001 ü \xEF\xBF\xBD\"");
}

// Byte-by-byte escaping, the rules append_json_string documents, to check its 16-byte scan.
std::string reference_escape(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c == '\n') {
      out += "\\n", ++i;
    } else if (c == '\t') {
      out += "\\t", ++i;
    } else if (c == '\r') {
      out += "\\r", ++i;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else {
      // A valid sequence is copied; anything else is one invalid byte.
      size_t len = c >= 0xC2 && c < 0xE0   ? 2
                   : c >= 0xE0 && c < 0xF0 ? 3
                   : c >= 0xF0 && c < 0xF5 ? 4
                                           : 0;
      bool ok = len != 0 && i + len <= s.size();
      for (size_t k = 1; ok && k < len; ++k)
        ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      if (ok && len == 3) {
        auto b1 = static_cast<unsigned char>(s[i + 1]);
        ok = !(c == 0xE0 && b1 < 0xA0) && !(c == 0xED && b1 >= 0xA0);
      }
      if (ok && len == 4) {
        auto b1 = static_cast<unsigned char>(s[i + 1]);
        ok = !(c == 0xF0 && b1 < 0x90) && !(c == 0xF4 && b1 >= 0x90);
      }
      if (ok) {
        out.append(s.substr(i, len));
        i += len;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
    }
  }
  return out + "\"";
}

// Special bytes at every offset of the 16-byte blocks and across their edges: long plain runs,
// multi-byte characters split by a block edge, invalid and truncated sequences, controls.
TEST(JsonWriterTest, LongStringsMatchByteByByteEscaping) {
  const std::string pieces[] = {"\"",
                                "\\",
                                "\n",
                                "\t",
                                "\r",
                                "\x01",
                                "\x1f",
                                "\x7f",
                                "\xC3\xBC",
                                "\xE2\x80\xA6",
                                "\xF0\x9F\x98\x80",
                                "\xff",
                                "\xC3",
                                "\xE2\x80",
                                "\xED\xA0\x80",
                                "\xC0\x80",
                                "\xF4\x90\x80\x80"};
  for (const std::string& piece : pieces) {
    for (size_t before = 0; before < 40; ++before) {
      std::string s(before, 'a');
      s += piece;
      s += std::string(37 - before % 7, 'b');
      std::string out = "prefix";
      append_json_string(out, s);
      EXPECT_EQ(out, "prefix" + reference_escape(s)) << "piece " << piece << " after " << before;
    }
  }
  // A text of mixed words, as documents are.
  std::string text;
  for (int i = 0; i < 200; ++i) text += i % 3 ? "plain words here, " : "\"quoted\" über\n";
  std::string out;
  append_json_string(out, text);
  EXPECT_EQ(out, reference_escape(text));
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
