#include "lint/place.h"

#include <algorithm>
#include <filesystem>

#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {

const Config& Places::config_of(const std::string& fs_path) const {
  static const Config kDefaults;
  return configs_ ? configs_->for_file(fs_path) : kDefaults;
}

FilePlace Places::of(const SourceFile& file) const {
  const std::string& fs_path = file.fs_path();
  FilePlace place;
  std::error_code ec;
  place.directory =
      file.has_path()
          ? fs::absolute(fs::path(fs_path), ec).lexically_normal().parent_path().string()
          : fs::current_path(ec).lexically_normal().string();
  place.config = &config_of(fs_path);
  place.scope = scope_of(place.directory, *place.config);
  const CapabilityTable* own = config_tables_ ? place.config->table() : nullptr;
  place.table = own ? own : &table_;
  if (!file.has_path()) return place;
  // Production or test paths (AML301, AML702, AML703): the config's globs,
  // else the table's directory names.
  const Config& config = *place.config;
  const Detection& detection = place.table->detection();
  const std::vector<std::string>& segments = segments_of(place.directory, fs_path);
  auto segment_in = [&](const std::vector<std::string>& names) -> const std::string* {
    for (const std::string& segment : segments) {
      if (std::find(names.begin(), names.end(), to_lower(segment)) != names.end()) return &segment;
    }
    return nullptr;
  };
  if (config.has_production_paths()) {
    if (const Glob* g = config.production_match(fs_path)) {
      place.production =
          "matches the production path '" + g->pattern() + "' of " + config.file()->path();
    }
  } else if (const std::string* segment = segment_in(detection.production_segments)) {
    place.production = "lies under '" + *segment + "/'";
  }
  place.test_path = config.has_test_paths() ? config.test_match(fs_path) != nullptr
                                            : segment_in(detection.test_segments) != nullptr;
  place.run_directories = &run_directories_of(place.directory, config);
  return place;
}

std::string Places::scope_of(const std::string& directory, const Config& config) {
  // A config given with --config may live elsewhere: it scopes only the
  // files under it.
  const std::string& home = config.directory();
  if (!home.empty() && (directory == home || starts_with(directory, home + "/"))) return home;
  std::string root = repository_root_of(directory);
  if (!root.empty()) return root;
  // Outside any project: the current directory when the file is under it,
  // else one scope for all such files.
  std::error_code ec;
  const std::string cwd = fs::current_path(ec).lexically_normal().string();
  return directory == cwd || starts_with(directory, cwd + "/") ? cwd : "";
}

const std::vector<std::string>& Places::segments_of(const std::string& dir,
                                                    const std::string& fs_path) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = segments_.find(dir);
  if (it == segments_.end()) it = segments_.emplace(dir, project_path_segments(fs_path)).first;
  return it->second;
}

// The config's run-directories, else its folder and the repository root
// (other than `dir` itself).
const std::vector<RunDirectory>& Places::run_directories_of(const std::string& dir,
                                                            const Config& config) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = run_directories_.find(dir);
  if (it != run_directories_.end()) return it->second;
  std::vector<RunDirectory> dirs;
  const auto add = [&](const std::string& path, std::string label) {
    const bool seen = std::any_of(dirs.begin(), dirs.end(),
                                  [&](const RunDirectory& d) { return d.path == path; });
    if (!path.empty() && path != dir && !seen) dirs.push_back({path, std::move(label)});
  };
  for (const std::string& d : config.run_directories())
    add(d, "the run directory " + quote(display_of(d)));
  if (config.run_directories().empty()) {
    add(config.directory(), "the folder of " + std::string(kConfigFileName));
    add(repository_root_of(dir), "the repository root");
  }
  return run_directories_.emplace(dir, std::move(dirs)).first->second;
}

}  // namespace amlint
