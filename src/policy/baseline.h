// The baseline: findings a team has accepted for now, so that amlint can be
// adopted on a repository with existing findings and report only new ones.
// `.amlint-baseline.json` lists one entry per accepted finding, keyed by its
// fingerprint (rule + file + document path + value; see core/fingerprint.h),
// never by line, so edits elsewhere in the file keep it matching:
//
//   {"version": 1, "entries": [{"fingerprint": "0f3c...", "rule": "AML201",
//     "path": "svc/deployment_config_aci.yml",
//     "pointer": "/containerResourceRequirements/memoryInGB", "message": "..."}]}
//
// rule, path, pointer and message are for people reading the file and for
// reporting stale entries; matching uses the fingerprint.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

constexpr const char* kBaselineFileName = ".amlint-baseline.json";

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string path;  // repository path
  std::string pointer;
  std::string message;
  ByteRange range;  // the entry in the baseline file
  bool used = false;
};

class Baseline {
 public:
  // Reads a baseline; throws UsageError (with position) when it is not one.
  static std::unique_ptr<Baseline> load(const std::string& path);
  // The baseline file's text for `findings`, sorted so that it diffs well.
  static std::string render(const Findings& findings);

  const SourceFile& file() const { return *file_; }
  std::vector<BaselineEntry>& entries() { return entries_; }

 private:
  std::unique_ptr<SourceFile> file_;
  std::vector<BaselineEntry> entries_;
};

}  // namespace amlint
