// Reading, parsing and linting one file, on any thread: phase 1 of a run
// (each file alone, against an empty project that records what the checks
// look up) and phase 2 (again, against the whole project). The run that
// calls them is in lint/linter.cpp.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/inputs.h"
#include "lint/linter.h"
#include "lint/models.h"
#include "lint/place.h"
#include "model/project.h"
#include "policy/suppressions.h"
#include "rules/rule.h"

namespace amlint {

// What the checks said about one manifest (one document of a file).
struct ManifestResult {
  int document = 0;  // its index in the file's stream
  std::vector<Finding> findings;
  std::vector<Lookup> lookups;  // what its checks asked the project
  std::optional<std::string> internal_error;
};

// What one file gave: the file and the reference copies of its manifests
// (until the run's project takes them), input problems, and the checks'
// results.
struct FileResult {
  std::unique_ptr<SourceFile> owned;
  SourceFile* file = nullptr;  // nullptr: nothing to show (a walk met an unreadable file)
  bool linted = true;          // false for a file read only to pair with
  bool in_memory = false;      // its text was handed over: it cannot be read again
  // A manifest, or a file with problems to show: it counts as a linted file
  // (JUnit test cases, "in N files"). YAML that is not ours does not.
  bool counted = false;
  // Read from the project index for references only (lint/context.h): not
  // linted, and not linted against the project either.
  bool context = false;
  bool named = true;  // named or handed over, not found by a walk (Input::named)
  std::vector<Reference> references;
  std::vector<Finding> findings;  // problems of the file as input
  std::vector<ManifestResult> manifests;
  // Its `# amlint:` directives, read in phase 1 while the text is whole.
  ScannedSuppressions suppressions;
  std::vector<std::string> internal_errors;
};

class FileLinter {
 public:
  FileLinter(const LintOptions& options, const Places& places, const Models& models,
             const std::vector<const Check*>& checks);

  // Phase 1 for one file. A file read only to pair with, given the
  // `markers` of the files that can pair, is skipped unless it holds one
  // (an empty set: any file), and is classified but neither linted nor
  // reported on. The text of a
  // linted file on disk is dropped but for the lines findings show.
  FileResult load(const Input& input, const std::set<std::string>* markers = nullptr) const;

  // Phase 2 for one file: lints against `project` the manifests of a file
  // read to pair with, and those of a linted file whose lookups find
  // something now; their results replace the first ones.
  void relint(FileResult& r, const Project& project) const;

 private:
  // Streams the documents of `file`: classifies each, lints it alone when
  // the file is linted, and keeps its reference copy; then reports input
  // problems when the file is linted (and is a manifest or was named).
  void load_manifests(FileResult& r, const SourceFile& file, bool named) const;
  std::optional<Manifest> classify(const SourceFile& file, const Document& doc,
                                   const FilePlace& place, bool linted) const;
  ManifestResult run_checks(const Manifest& m, const FilePlace& place,
                            const Project& project) const;
  // Gives a file whose text was dropped its text back for phase 2; false
  // when it cannot be read again or has changed since phase 1.
  bool restore_text(FileResult& r) const;

  const LintOptions& options_;
  const Places& places_;
  const Models& models_;
  struct CheckToRun {
    const Check* check;
    std::vector<const RuleInfo*> rules;  // Check::rules()
  };
  std::vector<CheckToRun> checks_;  // the checks that report a rule not ignored
};

}  // namespace amlint
