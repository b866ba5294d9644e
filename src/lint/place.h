// What a file's place decides for every manifest in it: its directory, its
// config and capability table, whether it lies in production or test paths,
// and where az ml v1 may be run from. Worked out once per file, from caches
// kept per directory (safe from any thread).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "capability/table.h"
#include "core/source.h"
#include "policy/config.h"
#include "rules/rule.h"

namespace amlint {

struct FilePlace {
  std::string directory;
  // The project the file belongs to (Manifest::scope): the folder of its
  // config, else its repository root, else the current directory when it
  // lies under it, else "" (the scope of every file in no project).
  std::string scope;
  const Config* config = nullptr;
  const CapabilityTable* table = nullptr;
  std::string production;  // Manifest::production
  bool test_path = false;
  // Where az ml v1 may run from, besides the file's folder (Context).
  const std::vector<RunDirectory>* run_directories = nullptr;
};

class Places {
 public:
  // `configs`: the run's configs (nullptr: defaults everywhere). A config's
  // `capabilities` apply to the files under it when `config_tables`;
  // otherwise (--targets) `table` holds for the whole run.
  Places(ConfigResolver* configs, bool config_tables, const CapabilityTable& table)
      : configs_(configs), config_tables_(config_tables), table_(table) {}

  // Config files are all read on the calling thread before the workers
  // start (a bad one is a usage error there); workers only find them in the
  // cache.
  const Config& config_of(const std::string& fs_path) const;
  // A text from nowhere (SourceFile::has_path) lies in the current
  // directory, and in no production or test path.
  FilePlace of(const SourceFile& file) const;
  // The project of a file in `directory` under `config` (FilePlace::scope).
  static std::string scope_of(const std::string& directory, const Config& config);

 private:
  const std::vector<std::string>& segments_of(const std::string& dir,
                                              const std::string& fs_path) const;
  const std::vector<RunDirectory>& run_directories_of(const std::string& dir,
                                                      const Config& config) const;

  ConfigResolver* configs_;
  const bool config_tables_;
  const CapabilityTable& table_;
  mutable std::mutex mutex_;  // workers place files in parallel
  mutable std::map<std::string, std::vector<std::string>> segments_;          // by directory
  mutable std::map<std::string, std::vector<RunDirectory>> run_directories_;  // by directory
};

}  // namespace amlint
