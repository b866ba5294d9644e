// All manifests of one run. Rules use it to find the files a manifest pairs
// with (v1 inference configs and deployment configs in one directory).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/loader.h"
#include "rules/rule.h"

namespace amlint {

class Project {
 public:
  // Keeps the file and its documents alive for the run; returns the file.
  const SourceFile& add_file(std::unique_ptr<SourceFile> file);
  void add_documents(std::vector<std::unique_ptr<Document>> documents);
  void add_manifest(Manifest manifest);

  const std::vector<Manifest>& manifests() const { return manifests_; }
  // Manifests of `format` in `directory`, in the order they were added.
  std::vector<const Manifest*> in_directory(const std::string& directory, Format format) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::unique_ptr<Document>> documents_;
  std::vector<Manifest> manifests_;
  std::map<std::string, std::vector<std::size_t>> by_directory_;
};

}  // namespace amlint
