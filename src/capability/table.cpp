#include "capability/table.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "capability/table_reader.h"
#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

namespace {

void collect(const Node* node, std::unordered_set<const Node*>& out) {
  if (!node || !out.insert(node).second) return;
  const Node& n = node->resolved();
  out.insert(&n);
  for (const MapEntry& e : n.entries) {
    collect(e.key, out);
    collect(e.value, out);
  }
  for (const Node* item : n.items) collect(item, out);
}

// A value with its citation ({value: false, fact: F1}, {less_than: 48, ...}):
// an override replaces it whole, citation included.
bool is_record(const Node& map) {
  return map.get("value") || map.get("less_than") || map.get("max") || map.get("min") ||
         map.get("pattern") || map.get("values");
}

// `over` merged over `base`: mappings key by key, records and anything else
// replaced. New map nodes live in `out` and count as written where `over` is.
const Node* merge(const Node* base, const Node* over, Document& out,
                  std::unordered_set<const Node*>& from_override) {
  if (!base || !base->is_map() || !over->is_map() || is_record(over->resolved())) {
    collect(over, from_override);
    return over;
  }
  const Node& b = base->resolved();
  const Node& o = over->resolved();
  Node& merged = out.make();
  merged.kind = NodeKind::kMap;
  merged.range = o.range;
  from_override.insert(&merged);
  for (const MapEntry& e : b.entries) {
    const Node* replacement = o.get(e.key->resolved().text);
    merged.entries.push_back(
        MapEntry{e.key, replacement ? merge(e.value, replacement, out, from_override) : e.value});
  }
  for (const MapEntry& e : o.entries) {
    if (b.get(e.key->resolved().text)) continue;
    collect(e.key, from_override);
    collect(e.value, from_override);
    merged.entries.push_back(e);
  }
  return &merged;
}

}  // namespace

std::unique_ptr<CapabilityTable> CapabilityTable::parse(const SourceFile& source,
                                                        std::vector<TableError>& errors,
                                                        const schema::SchemaFile* shape,
                                                        Syntax syntax) {
  const LoadResult loaded = load_source(source, syntax, Limits{});
  for (const Problem& p : loaded.problems) {
    errors.push_back(TableError{source.path(), source.position(p.range.begin), p.message});
  }
  if (!errors.empty()) return nullptr;
  if (loaded.documents.size() != 1) {
    errors.push_back(TableError{source.path(), Pos{}, "a capability table is one YAML document"});
    return nullptr;
  }
  return TableReader(source, errors).read(loaded.documents[0]->root(), shape);
}

std::unique_ptr<CapabilityTable> CapabilityTable::merged_with(
    const SourceFile& base, Syntax base_syntax, const Node& overrides, const SourceFile& source,
    const schema::SchemaFile& shape, std::vector<TableError>& errors) {
  const LoadResult loaded = load_source(base, base_syntax, Limits{});
  if (loaded.documents.size() != 1)
    throw std::logic_error("the built-in table is not one document");
  Document merged;
  std::unordered_set<const Node*> from_override;
  const Node* root = merge(loaded.documents[0]->root(), &overrides, merged, from_override);
  return TableReader(base, source, from_override, errors).read(root, &shape);
}

const Target* CapabilityTable::target_for_v1_compute_type(std::string_view compute_type) const {
  const std::string lower = to_lower(compute_type);
  for (const Target& t : targets_) {
    for (const std::string& c : t.v1_compute_types) {
      if (c == lower) return &t;
    }
  }
  return nullptr;
}

const Target* CapabilityTable::target_for_v2_format(std::string_view schema_name) const {
  for (const Target& t : targets_) {
    for (const std::string& f : t.v2_formats) {
      if (f == schema_name) return &t;
    }
  }
  return nullptr;
}

const Fact* CapabilityTable::fact(std::string_view id) const {
  for (const Fact& f : facts_) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const Source* CapabilityTable::source(std::string_view id) const {
  for (const Source& s : sources_) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Source* CapabilityTable::source_of(const Citation& cite) const {
  if (!cite.fact.empty()) {
    const Fact* f = fact(cite.fact);
    return f ? source(f->source) : nullptr;
  }
  return source(cite.source);
}

const LifecycleEvent* CapabilityTable::lifecycle(std::string_view name) const {
  const auto it = lifecycle_.find(std::string(name));
  return it == lifecycle_.end() ? nullptr : &it->second;
}

bool InstanceTypes::allows(std::string_view name) const {
  const auto same = [&](const std::string& s) { return iequals(s, trim(name)); };
  return std::any_of(sizes.begin(), sizes.end(), same) ||
         std::any_of(extra.begin(), extra.end(), same);
}

bool InstanceTypes::is_too_small(std::string_view name) const {
  return std::any_of(too_small.begin(), too_small.end(),
                     [&](const std::string& s) { return iequals(s, trim(name)); });
}

std::vector<std::string> InstanceTypes::all() const {
  std::vector<std::string> out = sizes;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::vector<std::string> CapabilityTable::v1_compute_types() const {
  std::vector<std::string> out;
  for (const Target& t : targets_) {
    out.insert(out.end(), t.v1_compute_types.begin(), t.v1_compute_types.end());
  }
  return out;
}

}  // namespace amlint
