#include "manifest/scan.h"

#include <algorithm>
#include <vector>

namespace amlint::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || is_break(c); }

std::size_t line_end(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end && !is_break(text[pos])) ++pos;
  return pos;
}

// The start of the line after the one `pos` is on (or `end`).
std::size_t next_line(std::string_view text, std::size_t pos, std::size_t end) {
  pos = line_end(text, pos, end);
  if (pos < end && text[pos] == '\r') ++pos;
  if (pos < end && text[pos] == '\n') ++pos;
  return pos;
}

bool is_document_marker(std::string_view text, std::size_t pos) {
  const std::string_view marker = text.substr(pos, 3);
  return (marker == "---" || marker == "...") &&
         (pos + 3 == text.size() || is_space(text[pos + 3]));
}

}  // namespace

std::size_t skip_properties(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == '&' || text[pos] == '!')) {
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
  }
  return pos;
}

ScalarStyle scalar_style_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return ScalarStyle::kPlain;
  switch (text[pos]) {
    case '"':
      return ScalarStyle::kDoubleQuoted;
    case '\'':
      return ScalarStyle::kSingleQuoted;
    case '|':
      return ScalarStyle::kLiteral;
    case '>':
      return ScalarStyle::kFolded;
    default:
      return ScalarStyle::kPlain;
  }
}

std::size_t scalar_end(std::string_view text, std::size_t pos, ScalarStyle style,
                       std::string_view value) {
  const std::size_t n = text.size();
  if (pos >= n) return n;
  switch (style) {
    case ScalarStyle::kDoubleQuoted:
      for (std::size_t i = pos + 1; i < n; ++i) {
        if (text[i] == '\\') {
          ++i;
        } else if (text[i] == '"') {
          return i + 1;
        }
      }
      return n;
    case ScalarStyle::kSingleQuoted:
      for (std::size_t i = pos + 1; i < n; ++i) {
        if (text[i] == '\'') {
          if (i + 1 < n && text[i + 1] == '\'') {
            ++i;
          } else {
            return i + 1;
          }
        }
      }
      return n;
    case ScalarStyle::kLiteral:
    case ScalarStyle::kFolded: {
      std::size_t i = pos + 1;
      while (i < n && !is_space(text[i]) && text[i] != '#') ++i;
      return i;
    }
    case ScalarStyle::kPlain:
      break;
  }
  if (!value.empty() && text.substr(pos, value.size()) == value) return pos + value.size();
  // A plain scalar folded over several lines: underline its first line.
  std::size_t i = pos;
  while (i < n && !is_break(text[i]) && !(text[i] == '#' && i > pos && is_blank(text[i - 1]))) {
    ++i;
  }
  while (i > pos && is_blank(text[i - 1])) --i;
  return i > pos ? i : pos + 1;
}

std::size_t explicit_null_end(std::string_view text, std::size_t pos) {
  for (std::string_view token : {"~", "null", "Null", "NULL"}) {
    if (text.substr(pos, token.size()) == token) {
      const std::size_t end = pos + token.size();
      if (end == text.size() || is_space(text[end]) || text[end] == ',' || text[end] == ']' ||
          text[end] == '}' || text[end] == '#') {
        return end;
      }
    }
  }
  return 0;
}

FlowScan scan_flow(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t max_depth) {
  FlowScan result;
  end = std::min(end, text.size());
  std::vector<std::size_t> open;
  bool node_start = true;     // a node may start at the next character that is not blank
  bool after_quoted = false;  // a quoted scalar just ended (JSON's "key":value)
  // Block scalar lines are those indented deeper than the node that holds
  // the scalar (a key, or the '-' of an entry): block_parent is its column.
  std::ptrdiff_t block_parent = -1;
  bool in_block_scalar = false;
  std::size_t i = begin;
  while (i < end) {
    const std::size_t line = i;
    while (i < end && text[i] == ' ') ++i;
    const auto indent = static_cast<std::ptrdiff_t>(i - line);
    if (in_block_scalar) {
      if (i == end || is_break(text[i]) || indent > block_parent) {
        i = next_line(text, i, end);
        continue;
      }
      in_block_scalar = false;
    }
    std::ptrdiff_t parent = indent;  // where the innermost block node on this line starts
    if (open.empty()) {
      node_start = true;
      if (indent == 0 && is_document_marker(text, i)) {
        i += 3;
        parent = -1;  // a top-level block scalar may be indented by 0
      }
    }
    while (i < end && !is_break(text[i])) {
      const char c = text[i];
      const bool flow = !open.empty();
      const bool was_quoted = after_quoted;
      if (!is_blank(c)) after_quoted = false;
      const char next = i + 1 < end ? text[i + 1] : '\n';
      const bool next_ends =
          is_space(next) || (flow && (next == ',' || next == ']' || next == '}'));
      // A node that can hold a block scalar starts here: a key, or an entry's '-'.
      const bool opens_node = !flow && node_start && !is_blank(c) && c != '|' && c != '>' &&
                              c != '&' && c != '!' && c != '#';
      if (opens_node) parent = static_cast<std::ptrdiff_t>(i - line);
      if (is_blank(c)) {
        ++i;
      } else if (c == '#' && (i == begin || is_space(text[i - 1]))) {
        i = line_end(text, i, end);
      } else if ((c == '"' || c == '\'') && node_start) {
        const ScalarStyle style =
            c == '"' ? ScalarStyle::kDoubleQuoted : ScalarStyle::kSingleQuoted;
        i = std::min(end, scalar_end(text, i, style, ""));
        node_start = false;
        after_quoted = true;
      } else if ((c == '[' || c == '{') && (flow || node_start)) {
        open.push_back(i++);
        if (open.size() > max_depth) {
          result.too_deep = open.back();
          return result;
        }
        node_start = true;
      } else if (flow && (c == ']' || c == '}')) {
        open.pop_back();
        node_start = false;
        ++i;
      } else if ((flow && c == ',') || (c == ':' && (next_ends || (flow && was_quoted)))) {
        node_start = true;
        ++i;
      } else if (!flow && node_start && (c == '-' || c == '?') && next_ends) {
        ++i;
      } else if (!flow && node_start && (c == '|' || c == '>')) {
        in_block_scalar = true;
        block_parent = parent;
        i = line_end(text, i, end);
      } else if (node_start && (c == '&' || c == '!')) {
        while (i < end && !is_space(text[i])) ++i;
      } else {  // inside a plain scalar (or an alias)
        node_start = false;
        ++i;
      }
    }
    i = next_line(text, i, end);
  }
  if (!open.empty()) result.unclosed = open.back();
  return result;
}

}  // namespace amlint::detail
