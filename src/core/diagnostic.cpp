#include "core/diagnostic.h"

namespace amlint {

std::string_view applicability_name(Applicability applicability) {
  return applicability == Applicability::kSafe ? "safe" : "unsafe";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::vector<std::string> level_names(std::string_view none_word) {
  return {"error", "warning", "info", std::string(none_word)};
}

std::optional<Level> parse_level(std::string_view name, std::string_view none_word) {
  std::optional<Level> level;
  for (const Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (name == severity_name(s)) level.emplace(s);
  }
  if (name == none_word) level.emplace(std::nullopt);
  return level;
}

std::string_view level_name(Level level, std::string_view none_word) {
  return level ? severity_name(*level) : none_word;
}

std::string_view family_name(RuleFamily family) {
  switch (family) {
    case RuleFamily::kInput:
      return "input";
    case RuleFamily::kPolicy:
      return "policy";
    case RuleFamily::kCapability:
      return "capability";
    case RuleFamily::kLimit:
      return "limit";
    case RuleFamily::kUsage:
      return "usage";
    case RuleFamily::kLifecycle:
      return "lifecycle";
    case RuleFamily::kStructure:
      return "structure";
    case RuleFamily::kPath:
      return "path";
    case RuleFamily::kSecurity:
      return "security";
  }
  return "input";
}

bool explains_keys(RuleFamily family) {
  return family == RuleFamily::kCapability || family == RuleFamily::kLimit ||
         family == RuleFamily::kUsage;
}

Pos Location::end() const {
  Pos b = begin();
  Pos e = file->position(range.end);
  if (!(b < e)) e = Pos{b.line, b.column + 1};
  return e;
}

}  // namespace amlint
