// The on-disk form of a ProjectIndex: one line per file (size, modification
// time, path relative to the root, number of manifests), then one line per
// manifest (format, key, name), tab-separated, under a header that names the
// amlint version (a new version re-indexes: detection may have changed).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "index/project_index.h"

namespace amlint::index_cache {

// The cached files by absolute path; nullopt when the cache is missing, of
// another version or malformed (it is then rebuilt, never trusted in part).
std::optional<std::map<std::string, IndexedFile>> read(const std::string& cache_file,
                                                       const std::string& root);

// Writes atomically, creating the cache folder and its .gitignore; false
// when it cannot (a read-only checkout).
bool write(const std::string& cache_file, const std::string& root,
           const std::vector<IndexedFile>& files);

}  // namespace amlint::index_cache
