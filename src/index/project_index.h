// The manifests of a project that a partial run did not name: what each
// file defines (endpoints, deployments, computes, by the names references
// use), so that a run over two staged files can find the third file a
// reference needs, and read only that one. Kept on disk between runs, keyed
// by path, size and modification time, so that a pre-commit run in a
// repository of thousands of manifests parses only the files that changed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "manifest/format.h"
#include "manifest/loader.h"
#include "model/project.h"

namespace amlint {

// One manifest of an indexed file.
struct IndexedManifest {
  Format format = Format::kUnknown;
  std::string key;   // reference_key(): a name, or a deployment's endpoint_name
  std::string name;  // a deployment's own name, in lower case; "" otherwise
};

struct IndexedFile {
  std::string path;  // absolute
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::vector<IndexedManifest> manifests;  // empty: not a manifest (kept, to skip it next time)
};

// What building the index did, for the benchmark and `--verbose` readers.
struct IndexStats {
  std::size_t files = 0;   // YAML and JSON files under the root
  std::size_t parsed = 0;  // read and parsed (new or changed since the cache)
  bool cache_read = false;
  bool cache_written = false;
};

class ProjectIndex {
 public:
  // Indexes the YAML and JSON files under `root` (walked as a directory
  // argument is; `skip` drops a file by absolute path: amlint's own files,
  // what the config ignores). `cache_file` ("" for none) is read first and
  // written back when anything changed; a cache that cannot be read or
  // written only makes the run slower. New and changed files are parsed on
  // `jobs` threads (util/pool.h).
  static ProjectIndex build(const std::string& root,
                            const std::function<bool(const std::string&)>& skip,
                            const Limits& limits, const std::string& cache_file, unsigned jobs);

  // The files that hold what `lookup` looks for, and for an endpoint's
  // deployments the endpoints of that name too (which of them a deployment
  // belongs to depends on all). They are read, not linted: what they look up
  // in turn is not needed.
  std::vector<std::string> files_for(const Lookup& lookup) const;

  const std::vector<IndexedFile>& files() const { return files_; }
  const IndexStats& stats() const { return stats_; }

 private:
  std::vector<IndexedFile> files_;  // sorted by path
  IndexStats stats_;
};

// Where a project's index lives: `.amlint_cache/` at its root, which holds
// a `.gitignore` of `*` so that git never shows it.
std::string index_cache_file(const std::string& root);

// What one file defines, by parsing it (without the cache).
std::vector<IndexedManifest> index_text(const SourceFile& file, const Limits& limits);

}  // namespace amlint
