#include "lint/context.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/errors.h"
#include "index/project_index.h"
#include "policy/config.h"
#include "util/files.h"
#include "util/pool.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

// Whether a directory argument of the run covers the whole of `scope`: its
// manifests are then all in the run already.
bool walked_whole(const std::string& scope, const LintOptions& options) {
  return std::any_of(options.paths.begin(), options.paths.end(), [&](const std::string& path) {
    std::error_code ec;
    if (path == kStdinPath || !fs::is_directory(path, ec)) return false;
    const std::string dir = absolute_path(path);
    return scope == dir || starts_with(scope, dir == "/" ? dir : dir + "/");
  });
}

// A folder with a config or a repository root: a project whose extent is
// known. Files in neither share a scope but have no index.
bool is_project_root(const std::string& scope) {
  std::error_code ec;
  return !scope.empty() && (repository_root_of(scope) == scope ||
                            fs::is_regular_file(fs::path(scope) / kConfigFileName, ec));
}

}  // namespace

std::vector<Input> context_inputs(const std::vector<FileResult>& results,
                                  const LintOptions& options, const Places& places,
                                  const std::set<std::string>& loaded) {
  std::map<std::string, std::vector<const Lookup*>> by_scope;
  for (const FileResult& r : results) {
    // A walk chose its files: only named ones (pre-commit's, an editor's)
    // stand for a project they do not cover.
    if (!r.linted || !r.named) continue;
    for (const ManifestResult& m : r.manifests) {
      for (const Lookup& l : m.lookups) {
        if (l.kind != Lookup::Kind::kInDirectory && !l.scope.empty())
          by_scope[l.scope].push_back(&l);
      }
    }
  }
  std::set<std::string> wanted;
  for (const auto& [scope, lookups] : by_scope) {
    if (!is_project_root(scope) || walked_whole(scope, options)) continue;
    std::map<std::string, const Config*> config_of;  // by directory
    const auto skip = [&](const std::string& path) {
      if (is_own_file(path)) return true;
      const std::string dir = path.substr(0, path.rfind('/'));
      auto it = config_of.find(dir);
      if (it == config_of.end()) {
        const Config* config = nullptr;
        try {
          config = &places.config_of(path);
        } catch (const UsageError&) {
          // A broken config elsewhere is that folder's run's to report.
        }
        it = config_of.emplace(dir, config).first;
      }
      return it->second && it->second->ignores(path);
    };
    const ProjectIndex index = ProjectIndex::build(
        scope, skip, options.limits, index_cache_file(scope), resolve_jobs(options.jobs));
    for (const Lookup* l : lookups) {
      for (std::string& path : index.files_for(*l)) {
        if (!loaded.count(path)) wanted.insert(std::move(path));
      }
    }
  }
  std::vector<Input> out;
  out.reserve(wanted.size());
  for (const std::string& path : wanted) out.push_back(Input{display_of(path), path, false, {}});
  return out;
}

}  // namespace amlint
