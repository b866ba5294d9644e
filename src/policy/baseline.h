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
#include "policy/config.h"

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
  // The text for `findings` and `kept` entries together, sorted.
  static std::string render(const std::vector<const Finding*>& findings,
                            const std::vector<BaselineEntry>& kept);

  // The baseline that `amlint baseline` updates: nullptr when `path` does
  // not exist yet; throws UsageError when it is not a baseline.
  static std::unique_ptr<Baseline> load_previous(const std::string& path);

  const SourceFile& file() const { return *file_; }
  std::vector<BaselineEntry>& entries() { return entries_; }
  const std::vector<BaselineEntry>& entries() const { return entries_; }

 private:
  std::unique_ptr<SourceFile> file_;
  std::vector<BaselineEntry> entries_;
};

// What a run of `amlint baseline` was given, as repository paths (those of
// core/fingerprint.h): a file's path, or a directory's, which covers every
// path under it ("" for the repository root: every path in it).
struct BaselineScope {
  std::vector<std::string> files;
  std::vector<std::string> directories;

  // From the paths named on the command line ("-": standard input, under
  // `stdin_filename` when one is given).
  static BaselineScope of(const std::vector<std::string>& paths, const std::string& stdin_filename);
  bool covers(const std::string& repository_path) const;
};

// What `amlint baseline` writes: this run's findings for the paths it
// covers, and the previous file's entries for the other paths. A finding of
// a rule that the config of its file makes non-suppressible is never
// written (a baseline could not hide it), nor is such an entry kept.
struct BaselineUpdate {
  std::string text;              // the new baseline file
  std::size_t entries = 0;       // in it
  std::size_t kept = 0;          // of them, entries of the previous file for other paths
  std::size_t left_out = 0;      // findings and entries of non-suppressible rules
  std::string non_suppressible;  // those rules and where the config says so

  // "wrote 7 entries to PATH (6 kept ...); left out ..."
  std::string summary(const std::string& path) const;
};

// `previous`: the baseline as it was, or nullptr to write exactly this run's
// entries (`--replace`, or no baseline yet). Entries of the previous file for
// paths outside `scope` are kept; a finding outside it (in a config file
// the run reports on) takes the place of the entry with its fingerprint.
BaselineUpdate update_baseline(const Findings& findings, ConfigResolver& configs,
                               const Baseline* previous, const BaselineScope& scope);

}  // namespace amlint
