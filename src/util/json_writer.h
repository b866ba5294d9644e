// A small streaming JSON writer for the reports: pretty-printed with two
// spaces, strings escaped per RFC 8259, invalid UTF-8 replaced by U+FFFD.
// It checks nothing about nesting; the formats call it in the right order.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace amlint {

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The key of the next value inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // Ends the document with a newline.
  void finish() { out_ << "\n"; }

 private:
  void before_value();
  void newline_and_indent();
  JsonWriter& close(char bracket);

  std::ostream& out_;
  std::vector<int> counts_;  // values written so far at each open level
  bool after_key_ = false;
};

}  // namespace amlint
