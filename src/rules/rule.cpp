#include "rules/rule.h"

namespace amlint {

void Sink::report(const RuleInfo& rule, Location where, std::string message,
                  std::vector<Related> related) {
  report(rule, rule.severity, std::move(where), std::move(message), std::move(related));
}

void Sink::report(const RuleInfo& rule, Severity severity, Location where, std::string message,
                  std::vector<Related> related) {
  Finding f;
  f.rule = &rule;
  f.severity = severity;
  f.location = std::move(where);
  f.message = std::move(message);
  f.related = std::move(related);
  // A run holds every finding until the report: no spare capacity from
  // building the strings.
  f.message.shrink_to_fit();
  f.location.doc_path.shrink_to_fit();
  for (Related& r : f.related) r.message.shrink_to_fit();
  findings_.push_back(std::move(f));
}

}  // namespace amlint
