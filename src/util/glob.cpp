#include "util/glob.h"

namespace amlint {
namespace {

bool is_regex_special(char c) {
  static constexpr std::string_view kSpecial = R"(\.+*?()|[]{}^$)";
  return kSpecial.find(c) != std::string_view::npos;
}

// The regular expression for the glob body (no leading or trailing '/').
std::optional<std::string> translate(std::string_view body, std::string& error) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '*') {
      const bool double_star = i + 1 < body.size() && body[i + 1] == '*';
      if (!double_star) {
        out += "[^/]*";
        continue;
      }
      const bool segment_start = i == 0 || body[i - 1] == '/';
      const bool segment_end = i + 2 == body.size() || body[i + 2] == '/';
      if (!segment_start || !segment_end) {
        error = "'**' must be a whole path segment, as in 'a/**/b'";
        return std::nullopt;
      }
      if (i + 2 == body.size()) {
        out += ".*";  // "a/**": everything under a
        ++i;
      } else {
        out += "(?:[^/]*/)*";  // "**/": zero or more directories
        i += 2;
      }
    } else if (c == '?') {
      out += "[^/]";
    } else if (c == '[') {
      const std::size_t close = body.find(']', i + 1);
      if (close == std::string_view::npos) {
        error = "'[' opens a character class that is never closed";
        return std::nullopt;
      }
      std::string_view cls = body.substr(i + 1, close - i - 1);
      out += '[';
      if (!cls.empty() && cls.front() == '!') {
        out += '^';
        cls.remove_prefix(1);
      }
      for (const char k : cls) {
        if (k == '\\' || k == '[' || k == ']') out += '\\';
        out += k;
      }
      out += ']';
      i = close;
    } else {
      if (is_regex_special(c)) out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<Glob> Glob::compile(std::string_view pattern, std::string& error) {
  std::string_view body = pattern;
  if (body.empty()) {
    error = "an empty pattern matches nothing";
    return std::nullopt;
  }
  const bool directory_only = body.back() == '/';
  if (directory_only) body.remove_suffix(1);
  const bool anchored = body.find('/') != std::string_view::npos;
  if (!body.empty() && body.front() == '/') body.remove_prefix(1);
  if (body.substr(0, 2) == "./") body.remove_prefix(2);
  if (body.empty()) {
    error = "the pattern names no file or directory";
    return std::nullopt;
  }
  const auto translated = translate(body, error);
  if (!translated) return std::nullopt;
  // The path itself or, for directories, anything under it.
  std::string regex = (anchored ? "" : "(?:[^/]*/)*") + *translated;
  regex += directory_only ? "/.*" : "(?:/.*)?";
  Glob glob;
  glob.pattern_ = std::string(pattern);
  glob.regex_ = Regex(regex);
  if (!glob.regex_.ok()) {
    error = glob.regex_.error();
    return std::nullopt;
  }
  return glob;
}

bool Glob::matches(std::string_view path) const {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  return regex_.full_match(path);
}

const Glob* first_match(const std::vector<Glob>& globs, std::string_view path) {
  for (const Glob& g : globs) {
    if (g.matches(path)) return &g;
  }
  return nullptr;
}

}  // namespace amlint
