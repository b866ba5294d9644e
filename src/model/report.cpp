#include "model/report.h"

#include <algorithm>

namespace amlint {

std::size_t LintReport::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

}  // namespace amlint
