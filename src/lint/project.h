// All manifests of one run. Rules use it to find the files a manifest pairs
// with (v1 inference configs and deployment configs in one directory) and the
// endpoints, deployments and computes that CLI v2 files name.
//
// The project keeps a reference copy of each manifest, not its whole tree: a
// document that holds only the top-level keys that references read (name,
// type, endpoint_name, computeType), so that a run over thousands of files
// stays small. The manifests that lookups return are these copies.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/loader.h"
#include "rules/rule.h"

namespace amlint {

// A question a check asked the project. A run first lints each manifest
// against an empty project that records these, and lints it again with the
// whole project only when one of them finds something there (lint/linter.cpp).
struct Lookup {
  enum class Kind { kEndpointsNamed, kDeploymentsOf, kComputeNamed, kInDirectory };
  Kind kind;
  std::string key;                   // a name, a compute reference or a directory
  bool batch = false;                // kDeploymentsOf
  Format format = Format::kUnknown;  // kInDirectory
};

// A reference copy (see above): the manifest and its document.
struct Reference {
  Manifest manifest;
  std::unique_ptr<Document> doc;
};
// Makes the reference copy of `manifest` (on any thread).
Reference reference_copy(const Manifest& manifest);

class Project {
 public:
  // Keeps the file alive for the run; returns it.
  const SourceFile& add_file(std::unique_ptr<SourceFile> file);
  // Adds a manifest, as its reference copy; its file must be in the project.
  void add_manifest(Reference reference);
  void reserve(std::size_t files, std::size_t manifests);

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

  // From now on, appends every lookup above to `log` (nullptr: stop).
  void record_lookups(std::vector<Lookup>* log) { log_ = log; }
  // Whether `lookup` finds anything here.
  bool finds(const Lookup& lookup) const;

 private:
  void record(Lookup lookup) const;

  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::unique_ptr<Document>> documents_;  // the reference copies
  std::vector<Manifest> manifests_;
  std::map<std::string, std::vector<std::size_t>> by_directory_;
  std::multimap<std::string, std::size_t, std::less<>> endpoints_, deployments_, computes_;
  std::vector<Lookup>* log_ = nullptr;
};

}  // namespace amlint
