// The project config, .amlint.yaml: how a team tunes amlint. Found by
// searching upward from each linted file (the nearest wins, settings are not
// merged across files), or named with --config. Every setting remembers
// where it was written, for `amlint config` and for error messages.
//
//   rules:                  # id or slug -> off|info|warning|error
//     AML201: warning       #   or {severity, paths, suppressible}
//     inline-secret: {suppressible: false}
//   ignore: [legacy/, "**/*.generated.yml"]
//   overrides:              # per-path rule severities; the last match wins
//     - paths: [sandbox/]
//       rules: {AML301: off}
//   production: [deploy/prod/]   # replaces the default segment names (AML301, AML703)
//   test: [sandbox/]             # where AML702 stays quiet
//   fail-level: warning
//   baseline: .amlint-baseline.json
//   capabilities: {targets: {aci: {memory_gb: {less_than: 64, source: "..."}}}}
//   model: {"svc/deployment_config_*.yml": models/fraud.pkl}
//   run-directories: [., pipelines/]   # where az ml v1 runs (v1 paths)
//   suppress:               # for JSON files, which have no comments
//     - {rule: AML201, path: svc/deploymentconfig.json,
//        pointer: /containerResourceRequirements/memoryInGB,
//        reason: "...", until: 2027-01-31}
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "util/glob.h"

namespace amlint {

constexpr const char* kConfigFileName = ".amlint.yaml";

// Where a setting was written: a position in the config file, or nowhere
// (a built-in default).
struct Origin {
  ByteRange range;
  bool set = false;
};

// One severity setting: `rule` has `severity` (nullopt: off) in files that
// match `paths` (everywhere when empty).
struct SeveritySetting {
  const RuleInfo* rule = nullptr;
  std::optional<Severity> severity;
  std::vector<Glob> paths;
  Origin origin;
};

// A finding accepted in config rather than in a comment (JSON files).
struct ConfigSuppression {
  const RuleInfo* rule = nullptr;
  Glob path;
  std::string pointer;  // document path; "" matches anywhere in the file
  std::string reason;
  std::string until;  // YYYY-MM-DD, "" for no expiry
  Origin origin;
};

class Config {
 public:
  // The settings every run has without a config file.
  Config() = default;

  // Reads and validates `path`; throws UsageError with every problem, each
  // as "PATH:LINE:COL: message".
  static std::unique_ptr<Config> load(const std::string& path);

  // The config file, or nullptr for the defaults.
  const SourceFile* file() const { return file_.get(); }
  // A file's path relative to the config's directory ('/'-separated), or
  // relative to the current directory when there is no config.
  std::string relative(const std::string& fs_path) const;

  bool ignores(const std::string& fs_path) const;
  // The severity of `rule` in that file; nullopt when it is off.
  std::optional<Severity> severity(const RuleInfo& rule, const std::string& fs_path) const;
  // The setting that decides it, nullptr for the rule's default.
  const SeveritySetting* severity_setting(const RuleInfo& rule, const std::string& fs_path) const;
  bool suppressible(const RuleInfo& rule) const { return !non_suppressible_.count(&rule); }
  // Where `suppressible: false` was set for `rule`.
  Origin non_suppressible_origin(const RuleInfo& rule) const;
  // The production/test glob that `fs_path` matches; nullptr when none does
  // or none is configured (has_production_paths() says which).
  const Glob* production_match(const std::string& fs_path) const;
  bool has_production_paths() const { return production_.has_value(); }
  const Glob* test_match(const std::string& fs_path) const;
  bool has_test_paths() const { return test_.has_value(); }
  // The model bound to a v1 deployment config, as a path to read.
  std::optional<std::string> model_for(const std::string& fs_path) const;
  // The folders az ml v1 runs from (`run-directories`), absolute; empty
  // when not configured.
  const std::vector<std::string>& run_directories() const { return run_directories_; }
  // The folder of the config file; "" for the defaults.
  const std::string& directory() const { return directory_; }
  // The capability table with this config's overrides; nullptr: the built-in one.
  const CapabilityTable* table() const { return table_.get(); }
  const std::vector<ConfigSuppression>& suppressions() const { return suppressions_; }

  // Run-wide settings (from the config of the current directory).
  // The config's fail-level; nullopt when it sets none.
  const std::optional<Level>& fail_level() const { return fail_level_; }
  const std::optional<std::string>& baseline() const { return baseline_; }  // a path to read

  // For `amlint config`.
  const std::vector<SeveritySetting>& severity_settings() const { return severities_; }
  const std::vector<Glob>& ignore_globs() const { return ignore_; }
  const std::optional<std::vector<Glob>>& production_globs() const { return production_; }
  const std::optional<std::vector<Glob>>& test_globs() const { return test_; }
  const std::vector<std::pair<Glob, std::string>>& models() const { return models_; }
  // Where a top-level key was written; unset for keys the file does not have.
  Origin origin(const std::string& key) const;
  // "PATH:LINE" of an origin, or "default".
  std::string describe(const Origin& origin) const;

 private:
  friend class ConfigReader;
  std::unique_ptr<SourceFile> file_;
  std::string directory_;  // absolute; globs are relative to it
  std::vector<Glob> ignore_;
  std::vector<SeveritySetting> severities_;  // in file order: rules, then overrides
  std::map<const RuleInfo*, Origin> non_suppressible_;
  std::optional<std::vector<Glob>> production_;
  std::optional<std::vector<Glob>> test_;
  std::optional<Level> fail_level_;
  std::optional<std::string> baseline_;
  std::unique_ptr<CapabilityTable> table_;
  std::vector<std::pair<Glob, std::string>> models_;
  std::vector<ConfigSuppression> suppressions_;
  std::vector<std::string> run_directories_;
  std::map<std::string, Origin> origins_;
};

// Finds and caches the config of each directory: the nearest .amlint.yaml at
// or above it, or the one named with --config for every file.
class ConfigResolver {
 public:
  // `forced`: the --config file ("" to search). Throws UsageError when a
  // config file is invalid.
  explicit ConfigResolver(const std::string& forced = "");

  // The config of a file; "" (standard input without --stdin-filename)
  // stands for a file in the current directory.
  const Config& for_file(const std::string& fs_path);
  // The config of the files in `directory` (any form).
  const Config& for_directory(const std::string& directory);
  // The config that run-wide settings come from: --config, else the nearest
  // to the current directory.
  const Config& for_run();

 private:
  const Config& find(const std::string& absolute_directory);

  std::unique_ptr<Config> forced_;
  Config defaults_;
  std::mutex mutex_;  // files may be resolved from worker threads
  std::map<std::string, const Config*> by_directory_;
  std::map<std::string, std::unique_ptr<Config>> loaded_;  // by config path
};

}  // namespace amlint
