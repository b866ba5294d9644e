#include "index/project_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "index/index_cache.h"
#include "manifest/scalar.h"
#include "util/files.h"
#include "util/pool.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

bool is_endpoint(Format f) { return is_online_endpoint(f) || f == Format::kV2BatchEndpoint; }
bool is_deployment(Format f) { return is_online_deployment(f) || is_batch_deployment(f); }

}  // namespace

std::vector<IndexedManifest> index_text(const SourceFile& file, const Limits& limits) {
  std::vector<IndexedManifest> out;
  load_source(file, syntax_for_path(file.fs_path()), limits, [&](std::unique_ptr<Document> doc) {
    const Node* root = doc->root();
    if (!root || !root->is_map()) return;
    const Format format = detect_format(root).format;
    const std::optional<std::string> key = reference_key(format, *root);
    if (!key) return;
    IndexedManifest m{format, *key, ""};
    if (is_deployment(format)) m.name = to_lower(as_text(root->get("name")).value_or(""));
    out.push_back(std::move(m));
  });
  return out;
}

ProjectIndex ProjectIndex::build(const std::string& root,
                                 const std::function<bool(const std::string&)>& skip,
                                 const Limits& limits, const std::string& cache_file,
                                 unsigned jobs) {
  ProjectIndex index;
  std::optional<std::map<std::string, IndexedFile>> cached;
  if (!cache_file.empty()) cached = index_cache::read(cache_file, root);
  index.stats_.cache_read = cached.has_value();
  Discovery walk = discover({root});
  std::vector<std::size_t> to_parse;  // slots of index.files_
  for (InputFile& input : walk.files) {
    std::string& path = input.fs_path;  // the root is normal, and the walk adds names
    if (skip(path)) continue;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    IndexedFile f;
    f.path = std::move(path);
    f.size = static_cast<std::uint64_t>(st.st_size);
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (cached) {
      const auto it = cached->find(f.path);
      if (it != cached->end() && it->second.size == f.size && it->second.mtime_ns == f.mtime_ns) {
        index.files_.push_back(std::move(it->second));
        continue;
      }
    }
    to_parse.push_back(index.files_.size());
    index.files_.push_back(std::move(f));
  }
  index.stats_.files = index.files_.size();
  index.stats_.parsed = to_parse.size();
  parallel_for(to_parse.size(), jobs, [&](std::size_t i) {
    IndexedFile& f = index.files_[to_parse[i]];
    if (f.size > limits.max_file_bytes) return;
    ReadResult read = read_file(f.path, limits.max_file_bytes);
    if (read.error || read.oversize) return;
    const SourceFile file(f.path, f.path, std::move(read.bytes));
    f.manifests = index_text(file, limits);
  });
  std::sort(index.files_.begin(), index.files_.end(),
            [](const IndexedFile& a, const IndexedFile& b) { return a.path < b.path; });
  const bool changed = !cached || index.stats_.parsed > 0 || cached->size() != index.files_.size();
  if (!cache_file.empty() && changed) {
    index.stats_.cache_written = index_cache::write(cache_file, root, index.files_);
  }
  return index;
}

std::vector<std::string> ProjectIndex::files_for(const Lookup& lookup) const {
  const std::string key = lookup.kind == Lookup::Kind::kComputeNamed
                              ? compute_reference_name(lookup.key)
                              : to_lower(lookup.key);
  if (key.empty() || lookup.kind == Lookup::Kind::kInDirectory) return {};
  std::vector<std::string> out;
  for (const IndexedFile& f : files_) {
    const bool wanted =
        std::any_of(f.manifests.begin(), f.manifests.end(), [&](const IndexedManifest& m) {
          if (m.key != key) return false;
          switch (lookup.kind) {
            case Lookup::Kind::kEndpointsNamed:
              return is_endpoint(m.format);
            case Lookup::Kind::kDeploymentsOf:
              // And the endpoints of that name: a deployment nearer another
              // of them is that one's (Project::deployments_of).
              return is_endpoint(m.format) ||
                     (is_deployment(m.format) && is_batch_deployment(m.format) == lookup.batch);
            case Lookup::Kind::kComputeNamed:
              return is_compute(m.format);
            case Lookup::Kind::kInDirectory:
              break;
          }
          return false;
        });
    if (wanted) out.push_back(f.path);
  }
  return out;
}

std::string index_cache_file(const std::string& root) {
  return (fs::path(root) / ".amlint_cache" / "index.tsv").string();
}

}  // namespace amlint
