// One lint run: find the files, read them, classify their documents, run
// every check, and return the findings in a stable order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "core/diagnostic.h"
#include "core/errors.h"
#include "lint/project.h"
#include "manifest/loader.h"
#include "policy/baseline.h"
#include "policy/config.h"

namespace amlint {

struct LintOptions {
  std::vector<std::string> paths;  // files, directories, "-" for standard input
  std::string stdin_filename;      // path shown for "-" (and used to pair it)
  std::optional<std::string> model_path;
  const CapabilityTable* table = nullptr;  // nullptr: the built-in table
  // Rules not to run or report: ids ("AML601"), slugs, or id prefixes ("AML5").
  std::vector<std::string> ignore;
  Limits limits;
  std::string today;  // YYYY-MM-DD
  // The project configs (.amlint.yaml); nullptr: defaults for every file.
  ConfigResolver* configs = nullptr;
  Baseline* baseline = nullptr;  // findings to hide; nullptr: none
  unsigned jobs = 0;             // threads (--jobs); 0: one per core (lint/pool.h)
};

struct LintReport {
  Findings findings;  // sorted by file, position, rule
  // Every linted file, in order, then any config or baseline file that a
  // finding points into.
  std::vector<const SourceFile*> files;
  std::vector<std::string> internal_errors;  // bugs in amlint, one per file at most
  std::unique_ptr<Project> project;          // owns the files the findings point into

  std::size_t count(Severity severity) const;
};

// Throws UsageError when a named path is missing or unreadable, or --model
// names nothing.
LintReport lint(const LintOptions& options);

// Whether `rule` is named by one of `patterns` (id, slug or id prefix, any case).
bool rule_matches(const RuleInfo& rule, const std::vector<std::string>& patterns);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

}  // namespace amlint
