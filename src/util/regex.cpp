#include "util/regex.h"

#include <re2/re2.h>

namespace amlint {

Regex::Regex(std::string_view pattern) : pattern_(pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  re_ = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

bool Regex::ok() const { return re_ && re_->ok(); }

std::string Regex::error() const { return re_ ? re_->error() : "empty pattern"; }

bool Regex::search(std::string_view text) const {
  return ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Regex::full_match(std::string_view text) const {
  return ok() && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Regex::first_group(std::string_view text, std::string& group) const {
  return ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_, &group);
}

}  // namespace amlint
