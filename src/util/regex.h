// RE2 behind a small value type: every regular expression in amlint goes
// through here (never std::regex). RE2 reports bad patterns through ok(),
// never by throwing; callers check ok() where a pattern comes from data.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace amlint {

class Regex {
 public:
  Regex() = default;
  explicit Regex(std::string_view pattern);

  bool ok() const;
  std::string error() const;
  const std::string& pattern() const { return pattern_; }
  // True when the pattern matches somewhere in `text`.
  bool search(std::string_view text) const;
  // True when the pattern matches all of `text`.
  bool full_match(std::string_view text) const;
  // Searches `text`; on a match stores the first capturing group in `group`.
  bool first_group(std::string_view text, std::string& group) const;

 private:
  std::string pattern_;
  std::shared_ptr<const re2::RE2> re_;
};

}  // namespace amlint
