// What a lint run gives: the findings in their stable order, the files they
// point into, and the bugs amlint met. The reports (src/report/) write it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/project.h"

namespace amlint {

struct LintReport {
  Findings findings;  // sorted by file, position, rule
  // Every linted file, in order, then any config or baseline file that a
  // finding points into.
  std::vector<const SourceFile*> files;
  std::vector<std::string> internal_errors;  // bugs in amlint, one per file at most
  std::unique_ptr<Project> project;          // owns the files the findings point into

  std::size_t count(Severity severity) const;
};

}  // namespace amlint
