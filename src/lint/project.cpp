#include "lint/project.h"

namespace amlint {

const SourceFile& Project::add_file(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return *files_.back();
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

}  // namespace amlint
