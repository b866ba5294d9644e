#include "report/xml_writer.h"

#include "util/text.h"

namespace amlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020
// on except U+FFFE and U+FFFF.
std::string escape(std::string_view value, bool attribute) {
  const std::string valid = to_valid_utf8(value);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const char c = valid[i];
    const auto u = static_cast<unsigned char>(c);
    if (valid.compare(i, 3, "\xEF\xBF\xBE") == 0 || valid.compare(i, 3, "\xEF\xBF\xBF") == 0) {
      out += kReplacement;
      i += 2;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";  // a raw CR would be read back as a line feed
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      default:
        if (u < 0x20) {
          out += kReplacement;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

}  // namespace

std::string xml_attribute(std::string_view value) { return escape(value, true); }
std::string xml_text(std::string_view value) { return escape(value, false); }

XmlWriter::XmlWriter(std::ostream& out) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::start_tag(std::string_view name, const XmlAttributes& attributes) {
  out_ << std::string(open_.size() * 2, ' ') << "<" << name;
  for (const auto& [key, value] : attributes)
    out_ << " " << key << "=\"" << xml_attribute(value) << "\"";
}

void XmlWriter::open(std::string_view name, const XmlAttributes& attributes) {
  start_tag(name, attributes);
  out_ << ">\n";
  open_.emplace_back(name);
}

void XmlWriter::empty(std::string_view name, const XmlAttributes& attributes) {
  start_tag(name, attributes);
  out_ << "/>\n";
}

void XmlWriter::text_element(std::string_view name, const XmlAttributes& attributes,
                             std::string_view text) {
  start_tag(name, attributes);
  out_ << ">" << xml_text(text) << "</" << name << ">\n";
}

void XmlWriter::close() {
  const std::string name = std::move(open_.back());
  open_.pop_back();
  out_ << std::string(open_.size() * 2, ' ') << "</" << name << ">\n";
}

}  // namespace amlint
