#include "model/project.h"

#include <algorithm>

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {
namespace {

// The top-level keys that other manifests read through the lookups (the
// rules that resolve references: AML102, AML104, AML503, AML509, AML512, and
// the v1 pairing of AML101 and AML103).
constexpr std::string_view kReferenceKeys[] = {"name", "type", "endpoint_name", "computeType"};

using Leaf = CompactCopy::Leaf;

Leaf leaf_of(const Node& node) {
  return Leaf{node.kind,    node.style,
              node.has_tag, node.kind == NodeKind::kAlias && node.target != nullptr,
              node.range,   node.text};
}

// A key or a value of the copy, then its anchored node when it is an alias.
void add_leaves(std::vector<Leaf>& leaves, const Node& node) {
  leaves.push_back(leaf_of(node));
  if (leaves.back().has_target) leaves.push_back(leaf_of(*node.target));
}

// The node of the next leaf (and of its anchored node, for an alias).
Node& make_node(Document& doc, const std::vector<Leaf>& leaves, std::size_t& next,
                const Node* parent) {
  const Leaf& leaf = leaves[next++];
  Node& n = doc.make();
  n.kind = leaf.kind;
  n.style = leaf.style;
  n.has_tag = leaf.has_tag;
  n.range = leaf.range;
  n.text = leaf.text;
  n.parent = parent;
  if (leaf.has_target) n.target = &make_node(doc, leaves, next, nullptr);
  return n;
}

}  // namespace

std::string compute_reference_name(std::string_view reference) {
  std::string_view name = trim(reference);
  if (starts_with(to_lower(name), "azureml:")) name.remove_prefix(8);
  if (name.find('/') != std::string_view::npos || name.find(':') != std::string_view::npos)
    return "";
  return to_lower(name);
}

std::optional<std::string> reference_key(Format format, const Node& root) {
  std::optional<std::string_view> name;
  if (is_online_endpoint(format) || format == Format::kV2BatchEndpoint || is_compute(format)) {
    name = as_text(root.get("name"));
  } else if (is_online_deployment(format) || is_batch_deployment(format)) {
    name = as_text(root.get("endpoint_name"));
  }
  return name ? std::optional<std::string>(to_lower(*name)) : std::nullopt;
}

Reference reference_copy(const Manifest& manifest) {
  Reference out{manifest, {}};
  out.manifest.doc = nullptr;
  out.manifest.compute_type = nullptr;
  const Node* root = manifest.root();
  if (!root) return out;
  CompactCopy& copy = out.copy;
  copy.begin_offset = manifest.doc->begin_offset;
  copy.index = manifest.doc->index;
  copy.index_key = reference_key(manifest.format, *manifest.root());
  copy.leaves.push_back(leaf_of(*root));
  int entries = 0;
  for (const std::string_view key : kReferenceKeys) {
    const MapEntry* e = root->entry(key);
    if (!e) continue;
    if (manifest.compute_type == e->value) copy.compute_type_entry = entries;
    add_leaves(copy.leaves, *e->key);
    add_leaves(copy.leaves, *e->value);
    ++entries;
  }
  copy.leaves.shrink_to_fit();
  return out;
}

const SourceFile& Project::add_file(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return *files_.back();
}

void Project::redact(const SourceFile& file, ByteRange range) {
  for (const auto& owned : files_) {
    if (owned.get() == &file) owned->redact(range);
  }
}

void Project::add_manifest(Reference reference) {
  by_directory_[reference.manifest.directory].push_back(manifests_.size());
  manifests_.push_back(std::move(reference.manifest));
  copies_.push_back(std::move(reference.copy));
  documents_.emplace_back();
}

void Project::reserve(std::size_t files, std::size_t manifests) {
  files_.reserve(files);
  manifests_.reserve(manifests);
  copies_.reserve(manifests);
  documents_.reserve(manifests);
}

const Manifest* Project::document_of(std::size_t i) const {
  const std::lock_guard<std::mutex> lock(documents_mutex_);
  Manifest& m = manifests_[i];
  CompactCopy& copy = copies_[i];
  if (m.doc || copy.leaves.empty()) return &m;
  auto doc = std::make_unique<Document>();
  doc->reserve(copy.leaves.size());
  doc->begin_offset = copy.begin_offset;
  doc->index = copy.index;
  std::size_t next = 0;
  Node& root = make_node(*doc, copy.leaves, next, nullptr);
  doc->set_root(&root);
  while (next < copy.leaves.size()) {
    Node& key = make_node(*doc, copy.leaves, next, &root);
    key.is_key = true;
    Node& value = make_node(*doc, copy.leaves, next, &root);
    value.key = &key;
    if (static_cast<int>(root.entries.size()) == copy.compute_type_entry) m.compute_type = &value;
    root.entries.push_back(MapEntry{&key, &value});
  }
  m.doc = doc.get();
  documents_[i] = std::move(doc);
  copy.leaves = std::vector<Leaf>();
  return &m;
}

void Project::record(Lookup lookup) const {
  if (log_) log_->push_back(std::move(lookup));
}

std::vector<const Manifest*> Project::in_directory(const std::string& directory,
                                                   Format format) const {
  record(Lookup{Lookup::Kind::kInDirectory, directory, false, format, "", ""});
  std::vector<const Manifest*> out;
  const auto it = by_directory_.find(directory);
  if (it == by_directory_.end()) return out;
  for (const std::size_t i : it->second) {
    if (manifests_[i].format == format) out.push_back(document_of(i));
  }
  return out;
}

void Project::index() {
  endpoints_.clear();
  deployments_.clear();
  computes_.clear();
  for (std::size_t i = 0; i < manifests_.size(); ++i) {
    const std::optional<std::string>& key = copies_[i].index_key;
    if (!key) continue;
    const Format format = manifests_[i].format;
    if (is_online_endpoint(format) || format == Format::kV2BatchEndpoint) {
      endpoints_.emplace(*key, i);
    } else if (is_online_deployment(format) || is_batch_deployment(format)) {
      deployments_.emplace(*key, i);
    } else if (is_compute(format)) {
      computes_.emplace(*key, i);
    }
  }
}

namespace {

// How many leading folders two absolute directories share.
std::size_t common_folders(std::string_view a, std::string_view b) {
  std::size_t folders = 0;
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    if (a[i] == '/') ++folders;
    ++i;
  }
  const bool whole = (i == a.size() || a[i] == '/') && (i == b.size() || b[i] == '/');
  return folders + (whole && i > 0 ? 1 : 0);
}

}  // namespace

std::vector<std::size_t> Project::nearest(
    const std::multimap<std::string, std::size_t, std::less<>>& map, const std::string& key,
    const std::string& scope, const std::string& directory) const {
  std::vector<std::size_t> out;
  std::size_t best = 0;
  const auto [begin, end] = map.equal_range(key);
  for (auto it = begin; it != end; ++it) {
    const Manifest& m = manifests_[it->second];
    if (m.scope != scope) continue;
    const std::size_t shared = common_folders(m.directory, directory);
    if (out.empty() || shared > best) {
      out.assign(1, it->second);
      best = shared;
    } else if (shared == best) {
      out.push_back(it->second);
    }
  }
  return out;
}

std::vector<const Manifest*> Project::endpoints_named(const Manifest& from,
                                                      std::string_view name) const {
  record(Lookup{Lookup::Kind::kEndpointsNamed, std::string(name), false, Format::kUnknown,
                from.scope, from.directory});
  std::vector<const Manifest*> out;
  for (const std::size_t i : nearest(endpoints_, to_lower(name), from.scope, from.directory))
    out.push_back(document_of(i));
  return out;
}

std::vector<const Manifest*> Project::deployments_of(const Manifest& endpoint,
                                                     std::string_view endpoint_name,
                                                     bool batch) const {
  record(Lookup{Lookup::Kind::kDeploymentsOf, std::string(endpoint_name), batch, Format::kUnknown,
                endpoint.scope, endpoint.directory});
  const std::string key = to_lower(endpoint_name);
  std::vector<const Manifest*> out;
  const auto [begin, end] = deployments_.equal_range(key);
  for (auto it = begin; it != end; ++it) {
    const Manifest& d = manifests_[it->second];
    if (d.scope != endpoint.scope || is_batch_deployment(d.format) != batch) continue;
    // Its endpoint is the nearest of that name; the asker when the project
    // holds none (a text being edited, an endpoint not in the project).
    const std::vector<std::size_t> owners = nearest(endpoints_, key, d.scope, d.directory);
    const bool ours =
        owners.empty() || std::any_of(owners.begin(), owners.end(), [&](std::size_t o) {
          return manifests_[o].directory == endpoint.directory;
        });
    if (ours) out.push_back(document_of(it->second));
  }
  return out;
}

const Manifest* Project::compute_named(const Manifest& from, std::string_view reference) const {
  record(Lookup{Lookup::Kind::kComputeNamed, std::string(reference), false, Format::kUnknown,
                from.scope, from.directory});
  const std::string name = compute_reference_name(reference);
  if (name.empty()) return nullptr;
  const std::vector<std::size_t> found = nearest(computes_, name, from.scope, from.directory);
  return found.empty() ? nullptr : document_of(found.front());
}

bool Project::finds(const Lookup& lookup) const {
  Manifest asker;
  asker.scope = lookup.scope;
  asker.directory = lookup.directory;
  switch (lookup.kind) {
    case Lookup::Kind::kEndpointsNamed:
      return !endpoints_named(asker, lookup.key).empty();
    case Lookup::Kind::kDeploymentsOf:
      return !deployments_of(asker, lookup.key, lookup.batch).empty();
    case Lookup::Kind::kComputeNamed:
      return compute_named(asker, lookup.key) != nullptr;
    case Lookup::Kind::kInDirectory:
      return !in_directory(lookup.key, lookup.format).empty();
  }
  return false;
}

}  // namespace amlint
