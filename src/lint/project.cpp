#include "lint/project.h"

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {
namespace {

// The top-level keys that other manifests read through the lookups (the
// rules that resolve references: AML102, AML104, AML503, AML509, AML512, and
// the v1 pairing of AML101 and AML103).
constexpr std::string_view kReferenceKeys[] = {"name", "type", "endpoint_name", "computeType"};

// A copy of `from` without its children (the copies keep scalars).
Node& copy_node(Document& doc, const Node& from, const Node* parent) {
  Node& n = doc.make();
  n.kind = from.kind;
  n.style = from.style;
  n.has_tag = from.has_tag;
  n.range = from.range;
  n.text = from.text;
  n.parent = parent;
  n.index = from.index;
  n.is_key = from.is_key;
  return n;
}

// The same for an entry's key or value; an alias keeps a copy of its target.
Node& copy_entry_node(Document& doc, const Node& from, const Node& parent) {
  Node& n = copy_node(doc, from, &parent);
  if (from.kind == NodeKind::kAlias && from.target) n.target = &copy_node(doc, *from.target, nullptr);
  return n;
}

}  // namespace

Reference reference_copy(const Manifest& manifest) {
  Reference out{manifest, nullptr};
  Manifest& m = out.manifest;
  m.doc = nullptr;
  m.compute_type = nullptr;
  const Node* root = manifest.root();
  if (!root) return out;
  std::vector<const MapEntry*> entries;
  std::size_t nodes = 1;
  for (const std::string_view key : kReferenceKeys) {
    if (const MapEntry* e = root->entry(key)) {
      entries.push_back(e);
      for (const Node* n : {e->key, e->value}) nodes += n->kind == NodeKind::kAlias && n->target ? 2 : 1;
    }
  }
  out.doc = std::make_unique<Document>();
  Document& doc = *out.doc;
  doc.reserve(nodes);
  doc.begin_offset = manifest.doc->begin_offset;
  doc.index = manifest.doc->index;
  Node& copy = copy_node(doc, *root, nullptr);
  doc.set_root(&copy);
  copy.entries.reserve(entries.size());
  for (const MapEntry* e : entries) {
    Node& k = copy_entry_node(doc, *e->key, copy);
    Node& v = copy_entry_node(doc, *e->value, copy);
    v.key = &k;
    copy.entries.push_back(MapEntry{&k, &v});
    if (manifest.compute_type == e->value) m.compute_type = &v;
  }
  m.doc = &doc;
  return out;
}

const SourceFile& Project::add_file(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return *files_.back();
}

void Project::add_manifest(Reference reference) {
  by_directory_[reference.manifest.directory].push_back(manifests_.size());
  manifests_.push_back(std::move(reference.manifest));
  if (reference.doc) documents_.push_back(std::move(reference.doc));
}

void Project::reserve(std::size_t files, std::size_t manifests) {
  files_.reserve(files);
  documents_.reserve(manifests);
  manifests_.reserve(manifests);
}

void Project::record(Lookup lookup) const {
  if (log_) log_->push_back(std::move(lookup));
}

std::vector<const Manifest*> Project::in_directory(const std::string& directory,
                                                   Format format) const {
  record(Lookup{Lookup::Kind::kInDirectory, directory, false, format});
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
  record(Lookup{Lookup::Kind::kEndpointsNamed, std::string(name)});
  std::vector<const Manifest*> out;
  const auto [begin, end] = endpoints_.equal_range(to_lower(name));
  for (auto it = begin; it != end; ++it) out.push_back(&manifests_[it->second]);
  return out;
}

std::vector<const Manifest*> Project::deployments_of(std::string_view endpoint_name, bool batch) const {
  record(Lookup{Lookup::Kind::kDeploymentsOf, std::string(endpoint_name), batch});
  std::vector<const Manifest*> out;
  const auto [begin, end] = deployments_.equal_range(to_lower(endpoint_name));
  for (auto it = begin; it != end; ++it) {
    const Manifest& m = manifests_[it->second];
    if (is_batch_deployment(m.format) == batch) out.push_back(&m);
  }
  return out;
}

const Manifest* Project::compute_named(std::string_view reference) const {
  record(Lookup{Lookup::Kind::kComputeNamed, std::string(reference)});
  std::string_view name = trim(reference);
  if (starts_with(to_lower(name), "azureml:")) name.remove_prefix(8);
  if (name.find('/') != std::string_view::npos || name.find(':') != std::string_view::npos) return nullptr;
  const auto it = computes_.find(to_lower(name));
  return it == computes_.end() ? nullptr : &manifests_[it->second];
}

bool Project::finds(const Lookup& lookup) const {
  switch (lookup.kind) {
    case Lookup::Kind::kEndpointsNamed:
      return !endpoints_named(lookup.key).empty();
    case Lookup::Kind::kDeploymentsOf:
      return !deployments_of(lookup.key, lookup.batch).empty();
    case Lookup::Kind::kComputeNamed:
      return compute_named(lookup.key) != nullptr;
    case Lookup::Kind::kInDirectory:
      return !in_directory(lookup.key, lookup.format).empty();
  }
  return false;
}

}  // namespace amlint
