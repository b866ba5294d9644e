// A small XML writer for the JUnit and checkstyle reports: elements with
// attributes, indented by two spaces, values escaped so that any string
// (quotes, line breaks, control characters, invalid UTF-8) reads back as it
// was, except characters XML 1.0 cannot hold at all, which become U+FFFD.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amlint {

using XmlAttributes = std::vector<std::pair<std::string_view, std::string>>;

// Escaped for an attribute value between double quotes. Line breaks and
// tabs become character references, which attribute normalisation keeps.
std::string xml_attribute(std::string_view value);
// Escaped for element content (line breaks stay as they are).
std::string xml_text(std::string_view value);

class XmlWriter {
 public:
  // Writes the XML declaration.
  explicit XmlWriter(std::ostream& out);

  void open(std::string_view name, const XmlAttributes& attributes);
  // An element with no content: <name a="b"/>.
  void empty(std::string_view name, const XmlAttributes& attributes);
  // An element holding only text: <name a="b">text</name>.
  void text_element(std::string_view name, const XmlAttributes& attributes, std::string_view text);
  void close();

 private:
  void start_tag(std::string_view name, const XmlAttributes& attributes);

  std::ostream& out_;
  std::vector<std::string> open_;
};

}  // namespace amlint
