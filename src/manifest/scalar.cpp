#include "manifest/scalar.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "util/regex.h"
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

bool is_yaml11_only_bool(std::string_view text) {
  static constexpr std::string_view kWords[] = {"yes", "Yes", "YES", "no",  "No",  "NO",
                                                "on",  "On",  "ON",  "off", "Off", "OFF"};
  for (std::string_view w : kWords) {
    if (text == w) return true;
  }
  return false;
}

YamlType pyyaml_type(const Node& node) {
  const Node& n = node.resolved();
  switch (n.kind) {
    case NodeKind::kNull:
      return YamlType::kNull;
    case NodeKind::kMap:
      return YamlType::kMap;
    case NodeKind::kSeq:
      return YamlType::kSeq;
    case NodeKind::kAlias:  // a recursive alias, already reported
      return YamlType::kNull;
    case NodeKind::kScalar:
      break;
  }
  if (n.style != ScalarStyle::kPlain || n.has_tag) return YamlType::kString;
  if (as_bool(&n)) return YamlType::kBool;
  // PyYAML's implicit resolvers for int and float (YAML 1.1).
  static const Regex kInt(
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|"
      "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  static const Regex kFloat(
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?|"
      "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  if (kInt.full_match(n.text)) return YamlType::kInt;
  if (kFloat.full_match(n.text)) return YamlType::kFloat;
  return YamlType::kString;
}

std::string_view yaml_type_name(YamlType type) {
  switch (type) {
    case YamlType::kNull:
      return "null";
    case YamlType::kBool:
      return "a boolean";
    case YamlType::kInt:
      return "an integer";
    case YamlType::kFloat:
      return "a number";
    case YamlType::kString:
      return "a string";
    case YamlType::kMap:
      return "a mapping";
    case YamlType::kSeq:
      return "a list";
  }
  return "a value";
}

}  // namespace amlint
