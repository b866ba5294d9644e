// The last steps of a run on its findings, once every file is in: what one
// finding says better than another, secrets masked, and the report's order.
#pragma once

#include <cstddef>
#include <map>

#include "core/diagnostic.h"
#include "model/project.h"

namespace amlint {

// An unknown-key or ignored-key finding says less than a capability rule
// (RuleInfo::explains_keys) on the same line: `enableClusterAutoscaler` is
// AML302, not "unknown key" too.
void drop_findings_explained_elsewhere(Findings& findings);

// A secret (AML701) never reaches any output: its bytes are masked in the
// source that snippets quote (in `project`, which owns the files), and in
// every message of its file.
void redact_secrets(Findings& findings, Project& project);

// Sorts by file (`order`: each file's place in the report), line, column,
// rule, end and message, and drops exact repeats.
void sort_findings(Findings& findings, const std::map<const SourceFile*, std::size_t>& order);

}  // namespace amlint
