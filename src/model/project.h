// All manifests of one run. Rules use it to find the files a manifest pairs
// with (v1 inference configs and deployment configs in one directory) and the
// endpoints, deployments and computes that CLI v2 files name.
//
// The project keeps a reference copy of each manifest, not its whole tree: a
// document that holds only the root and the top-level keys that references
// read (name, type, endpoint_name, computeType), so that a run over thousands
// of files stays small. The copies wait in a compact form and become
// documents when a lookup first returns them (safe from any thread). The
// manifests that lookups return are these copies.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/loader.h"
#include "model/manifest.h"

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
  // Who asked: references resolve in its scope, nearest its directory.
  std::string scope;
  std::string directory;
};

// The document of a reference copy in compact form.
struct CompactCopy {
  // A node of the copy, without children: the root, then the key and the
  // value of each entry, each followed by its anchored node when an alias.
  struct Leaf {
    NodeKind kind = NodeKind::kNull;
    ScalarStyle style = ScalarStyle::kPlain;
    bool has_tag = false;
    bool has_target = false;  // an alias: its anchored node is the next leaf
    ByteRange range;
    std::string text;
  };
  std::size_t begin_offset = 0;
  int index = 0;
  std::vector<Leaf> leaves;     // empty: no document
  int compute_type_entry = -1;  // the entry whose value is the computeType node
  // The name the project finds the manifest by, in lower case.
  std::optional<std::string> index_key;
};

// The compute a `compute:` value names, in lower case: `azureml:NAME` or
// `NAME`; "" for what is not a plain name (an ARM id, a versioned asset),
// which may live anywhere.
std::string compute_reference_name(std::string_view reference);

// The name other manifests find a manifest of `format` by, in lower case:
// an endpoint's or a compute's name, a deployment's endpoint_name.
std::optional<std::string> reference_key(Format format, const Node& root);

// A reference copy (see above), made on any thread.
struct Reference {
  Manifest manifest;  // without doc and compute_type until made a document
  CompactCopy copy;
};
Reference reference_copy(const Manifest& manifest);

class Project {
 public:
  // Keeps the file alive for the run; returns it.
  const SourceFile& add_file(std::unique_ptr<SourceFile> file);
  // Masks a secret in one of the run's files (SourceFile::redact).
  void redact(const SourceFile& file, ByteRange range);
  // Adds a manifest as its reference copy; its file must be in the project.
  void add_manifest(Reference reference);
  void reserve(std::size_t files, std::size_t manifests);

  // Every manifest, in the order added; their documents may not be made yet
  // (root() is then null): read them through the lookups below.
  const std::vector<Manifest>& manifests() const { return manifests_; }
  // Manifests of `format` in `directory`, in the order they were added.
  std::vector<const Manifest*> in_directory(const std::string& directory, Format format) const;

  // References between v2 files, resolved inside the run (a name that does
  // not resolve may live in the workspace: callers stay silent then), the
  // way az ml resolves them: by name within the project of the manifest
  // that asks (Manifest::scope). Names are unique in a workspace, so where a
  // project holds several manifests of one name (dev/ and prod/ folders for
  // two workspaces), the ones nearest the asker's folder (the longest common
  // folder) are meant. Call index() once every manifest is added.
  void index();
  // The endpoints of that name for `from`, a deployment.
  std::vector<const Manifest*> endpoints_named(const Manifest& from, std::string_view name) const;
  // The deployments of `endpoint` (named `endpoint_name`): online
  // deployments for an online endpoint, batch deployments for a batch one;
  // a deployment nearer another endpoint of that name is that one's.
  std::vector<const Manifest*> deployments_of(const Manifest& endpoint,
                                              std::string_view endpoint_name, bool batch) const;
  // `azureml:NAME` or `NAME`, for `from`.
  const Manifest* compute_named(const Manifest& from, std::string_view reference) const;

  // From now on, appends every lookup above to `log` (nullptr: stop).
  void record_lookups(std::vector<Lookup>* log) { log_ = log; }
  // Whether `lookup` finds anything here.
  bool finds(const Lookup& lookup) const;

 private:
  void record(Lookup lookup) const;
  // Of the manifests `key` indexes in `map`, those in `scope` nearest `directory`.
  std::vector<std::size_t> nearest(const std::multimap<std::string, std::size_t, std::less<>>& map,
                                   const std::string& key, const std::string& scope,
                                   const std::string& directory) const;
  // Manifest `i` with its document made.
  const Manifest* document_of(std::size_t i) const;

  std::vector<std::unique_ptr<SourceFile>> files_;
  // Manifest i, the compact copy it is made from, and then its document.
  mutable std::vector<Manifest> manifests_;
  mutable std::vector<CompactCopy> copies_;
  mutable std::vector<std::unique_ptr<Document>> documents_;
  mutable std::mutex documents_mutex_;
  std::map<std::string, std::vector<std::size_t>> by_directory_;
  std::multimap<std::string, std::size_t, std::less<>> endpoints_, deployments_, computes_;
  std::vector<Lookup>* log_ = nullptr;
};

}  // namespace amlint
