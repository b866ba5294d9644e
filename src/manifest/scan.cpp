#include "manifest/scan.h"

namespace amlint::detail {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || is_break(c); }

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

}  // namespace amlint::detail
