// A manifest: one document of a file, classified, with what its place
// decides (production or test paths). What the rules look at, and what the
// project keeps of every file for the references between them.
#pragma once

#include <string>

#include "capability/table.h"
#include "core/diagnostic.h"
#include "manifest/format.h"
#include "manifest/node.h"

namespace amlint {

// One document of a file, classified.
struct Manifest {
  const SourceFile* file = nullptr;
  const Document* doc = nullptr;
  Format format = Format::kUnknown;
  // v1 deployment configs: the computeType node and the target it names.
  const Node* compute_type = nullptr;
  const Target* target = nullptr;
  // The file's directory (v1 inference configs pair with deployment configs
  // in the same directory).
  std::string directory;
  // The project it belongs to (FilePlace::scope): references resolve within
  // it, as az ml resolves names within the workspace the project targets.
  std::string scope;
  // Why the file counts as a production deployment ("lies under 'prod/'");
  // empty when it does not. From the config's `production` paths, else the
  // table's production_segments.
  std::string production;
  // Whether it lies in a test or development path (config `test`, else the
  // table's test_segments).
  bool test_path = false;
  bool linted = true;  // false for a sibling loaded only to pair with

  const Node* root() const { return doc ? doc->root() : nullptr; }
  Location locate(const Node& node) const;
};

}  // namespace amlint
