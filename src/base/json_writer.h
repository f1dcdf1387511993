// Minimal JSON output: string escaping and an object/array writer for our own records
// (JSONL documents, statistics). Parsing uses simdjson. Tested in tests/base/json_writer_test.cc.
#ifndef KLARTEXT_BASE_JSON_WRITER_H_
#define KLARTEXT_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace klartext::base {

// Appends s as a JSON string literal (with quotes). Invalid UTF-8 bytes become U+FFFD so the
// output is always valid JSON; control characters are escaped.
void append_json_string(std::string& out, std::string_view s);

// Builds one JSON value in `out`. Commas are inserted automatically.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(uint64_t v);
  JsonWriter& value(int v) { return value(static_cast<int64_t>(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();

 private:
  void separate();
  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace klartext::base

#endif  // KLARTEXT_BASE_JSON_WRITER_H_
