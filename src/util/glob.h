// Gitignore-style path globs, as users write them in .amlint.yaml:
//   *        any characters except '/'
//   **       any number of whole path segments ("a/**/b", "**/b", "a/**")
//   ?        one character except '/'
//   [abc]    a character class
// A pattern without a '/' (other than a trailing one) matches a file or
// directory name at any depth ("*.json", "legacy/"); one with a '/' is
// anchored at the config file's directory ("deploy/prod/*.yml"). A pattern
// ending in '/' matches directories only, that is everything under them.
// Paths are relative, with '/' separators.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/regex.h"

namespace amlint {

class Glob {
 public:
  // nullopt (and `error` set) when the pattern is not a valid glob.
  static std::optional<Glob> compile(std::string_view pattern, std::string& error);

  const std::string& pattern() const { return pattern_; }
  // Whether `path` (relative, '/'-separated) or one of its parent directories matches.
  bool matches(std::string_view path) const;

 private:
  std::string pattern_;
  Regex regex_;
};

// Whether any of `globs` matches `path`; nullptr or the first that does.
const Glob* first_match(const std::vector<Glob>& globs, std::string_view path);

}  // namespace amlint
