#include "manifest/scalar.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "util/text.h"

namespace amlint {

std::optional<std::string_view> as_text(const Node* node) {
  if (!node) return std::nullopt;
  const Node& n = node->resolved();
  if (n.kind != NodeKind::kScalar) return std::nullopt;
  return std::string_view(n.text);
}

std::optional<double> as_number(const Node* node) {
  const auto text = as_text(node);
  if (!text) return std::nullopt;
  const std::string_view t = trim(*text);
  if (t.empty() || t.size() > 64) return std::nullopt;
  // Decimal only: digits, one optional sign, point and exponent.
  std::size_t i = 0;
  if (t[i] == '+' || t[i] == '-') ++i;
  bool digits = false;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    ++i;
    digits = true;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      ++i;
      digits = true;
    }
  }
  if (!digits) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t exp_start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == exp_start) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  const std::string copy(t);
  errno = 0;
  const double value = std::strtod(copy.c_str(), nullptr);
  if (errno == ERANGE || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<bool> as_bool(const Node* node) {
  const auto text = as_text(node);
  if (!text) return std::nullopt;
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes",
                                               "YES",  "on",   "On",   "ON"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no", "No",
                                                "NO",    "off",   "Off",   "OFF"};
  for (std::string_view t : kTrue) {
    if (*text == t) return true;
  }
  for (std::string_view t : kFalse) {
    if (*text == t) return false;
  }
  return std::nullopt;
}

}  // namespace amlint
