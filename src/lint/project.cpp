#include "lint/project.h"

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

const SourceFile& Project::add_file(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return *files_.back();
}

void Project::redact(const SourceFile& file, ByteRange range) {
  for (const auto& owned : files_) {
    if (owned.get() == &file) owned->redact(range);
  }
}

void Project::add_documents(std::vector<std::unique_ptr<Document>> documents) {
  for (auto& d : documents) documents_.push_back(std::move(d));
}

void Project::add_manifest(Manifest manifest) {
  by_directory_[manifest.directory].push_back(manifests_.size());
  manifests_.push_back(std::move(manifest));
}

std::vector<const Manifest*> Project::in_directory(const std::string& directory,
                                                   Format format) const {
  std::vector<const Manifest*> out;
  const auto it = by_directory_.find(directory);
  if (it == by_directory_.end()) return out;
  for (const std::size_t i : it->second) {
    if (manifests_[i].format == format) out.push_back(&manifests_[i]);
  }
  return out;
}

void Project::index() {
  endpoints_.clear();
  deployments_.clear();
  computes_.clear();
  for (std::size_t i = 0; i < manifests_.size(); ++i) {
    const Manifest& m = manifests_[i];
    const Node* root = m.root();
    if (!root) continue;
    if (is_online_endpoint(m.format) || m.format == Format::kV2BatchEndpoint) {
      if (const auto name = as_text(root->get("name"))) endpoints_.emplace(to_lower(*name), i);
    } else if (is_online_deployment(m.format) || is_batch_deployment(m.format)) {
      if (const auto name = as_text(root->get("endpoint_name"))) deployments_.emplace(to_lower(*name), i);
    } else if (is_compute(m.format)) {
      if (const auto name = as_text(root->get("name"))) computes_.emplace(to_lower(*name), i);
    }
  }
}

std::vector<const Manifest*> Project::endpoints_named(std::string_view name) const {
  std::vector<const Manifest*> out;
  const auto [begin, end] = endpoints_.equal_range(to_lower(name));
  for (auto it = begin; it != end; ++it) out.push_back(&manifests_[it->second]);
  return out;
}

std::vector<const Manifest*> Project::deployments_of(std::string_view endpoint_name, bool batch) const {
  std::vector<const Manifest*> out;
  const auto [begin, end] = deployments_.equal_range(to_lower(endpoint_name));
  for (auto it = begin; it != end; ++it) {
    const Manifest& m = manifests_[it->second];
    if (is_batch_deployment(m.format) == batch) out.push_back(&m);
  }
  return out;
}

const Manifest* Project::compute_named(std::string_view reference) const {
  std::string_view name = trim(reference);
  if (starts_with(to_lower(name), "azureml:")) name.remove_prefix(8);
  if (name.find('/') != std::string_view::npos || name.find(':') != std::string_view::npos) return nullptr;
  const auto it = computes_.find(to_lower(name));
  return it == computes_.end() ? nullptr : &manifests_[it->second];
}

}  // namespace amlint
