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
  // Masks a secret in one of the run's files (SourceFile::redact).
  void redact(const SourceFile& file, ByteRange range);
  void add_documents(std::vector<std::unique_ptr<Document>> documents);
  void add_manifest(Manifest manifest);

  const std::vector<Manifest>& manifests() const { return manifests_; }
  // Manifests of `format` in `directory`, in the order they were added.
  std::vector<const Manifest*> in_directory(const std::string& directory, Format format) const;

  // References between v2 files, resolved inside the run (a name that does
  // not resolve may live in the workspace: callers stay silent then).
  // Call index() once every manifest is added.
  void index();
  // Every endpoint of that name in the run (a monorepo may hold several, in
  // different folders).
  std::vector<const Manifest*> endpoints_named(std::string_view name) const;
  // The deployments of an endpoint: online deployments for an online
  // endpoint, batch deployments for a batch endpoint.
  std::vector<const Manifest*> deployments_of(std::string_view endpoint_name, bool batch) const;
  // `azureml:NAME` or `NAME`.
  const Manifest* compute_named(std::string_view reference) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::unique_ptr<Document>> documents_;
  std::vector<Manifest> manifests_;
  std::map<std::string, std::vector<std::size_t>> by_directory_;
  std::multimap<std::string, std::size_t, std::less<>> endpoints_, deployments_, computes_;
};

}  // namespace amlint
