#include "capability/table.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

std::pair<Capacity, bool> ContainerGroup::for_location(std::string_view location) const {
  const std::string folded = fold_identifier(location);
  for (const Region& region : regions) {
    for (const std::string& l : region.locations) {
      if (l == folded) return {region.capacity, true};
    }
  }
  return {default_capacity, false};
}

// Reads the YAML tree into the typed table, collecting every error with its
// position instead of stopping at the first.
class TableReader {
 public:
  TableReader(const SourceFile& source, std::vector<TableError>& errors)
      : source_(source), errors_(errors) {}
  // Nodes in `overrides` are written in `override_source`, the others in `source`.
  TableReader(const SourceFile& source, const SourceFile& override_source,
              const std::unordered_set<const Node*>& overrides, std::vector<TableError>& errors)
      : source_(source),
        errors_(errors),
        override_source_(&override_source),
        overrides_(&overrides) {}

  std::unique_ptr<CapabilityTable> read(const Node* root) {
    auto table = std::make_unique<CapabilityTable>();
    if (!expect_map(root, "the table")) return nullptr;
    check_keys(*root,
               {"schema_version", "source", "facts", "targets", "detection", "sizing", "lifecycle"},
               "the table");
    const Node* version = required(*root, "schema_version");
    if (version && as_number(version) != 1.0) error(version, "schema_version must be 1");
    if (const Node* facts = required(*root, "facts"); facts && expect_map(facts, "facts")) {
      for (const MapEntry& e : facts->resolved().entries) {
        const std::string id = e.key->resolved().text;
        static const Regex kFactId("F[0-9]+");
        if (!kFactId.full_match(id)) error(e.key, "fact ids look like F1, F2 ...");
        table->facts_[id] = text(e.value, "fact " + id).value_or("");
      }
    }
    facts_ = &table->facts_;
    if (const Node* targets = required(*root, "targets");
        targets && expect_map(targets, "targets")) {
      std::set<std::string> compute_types;
      for (const MapEntry& e : targets->resolved().entries) {
        Target t = read_target(e.key->resolved().text, e.value);
        for (const std::string& c : t.v1_compute_types) {
          if (!compute_types.insert(c).second) {
            error(e.value, "v1 compute type '" + c + "' is given to two targets");
          }
        }
        table->targets_.push_back(std::move(t));
      }
    }
    if (const Node* d = required(*root, "detection")) table->detection_ = read_detection(d);
    if (const Node* l = required(*root, "lifecycle")) table->lifecycle_ = read_lifecycle(l);
    if (const Node* z = root->get("sizing"); z && expect_map(z, "sizing")) {
      check_keys(*z, {"model_ram_headroom"}, "sizing");
      if (const Node* h = z->get("model_ram_headroom");
          h && expect_map(h, "sizing.model_ram_headroom")) {
        check_keys(*h, {"value", "fact", "source"}, "sizing.model_ram_headroom");
        table->sizing_.model_ram_headroom =
            number(required(*h, "value"), "sizing.model_ram_headroom.value").value_or(1);
        table->sizing_.cite = citation(*h, "sizing.model_ram_headroom");
      }
    }
    if (!errors_.empty()) return nullptr;
    return table;
  }

 private:
  void error(const Node* at, std::string message) {
    const std::size_t offset = at ? at->range.begin : 0;
    const SourceFile& file = overrides_ && overrides_->count(at) ? *override_source_ : source_;
    errors_.push_back(TableError{file.path(), file.position(offset), std::move(message)});
  }

  bool expect_map(const Node* node, const std::string& what) {
    if (node && node->is_map()) return true;
    error(node, what + " must be a mapping");
    return false;
  }

  const Node* required(const Node& map, std::string_view key) {
    const Node* v = map.get(key);
    if (!v) error(&map, "missing key '" + std::string(key) + "'");
    return v;
  }

  void check_keys(const Node& map, const std::vector<std::string>& allowed,
                  const std::string& where) {
    for (const MapEntry& e : map.resolved().entries) {
      const std::string& k = e.key->resolved().text;
      if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
      std::string msg = "unknown key '" + k + "' in " + where;
      if (auto near = closest_match(k, allowed)) msg += "; did you mean '" + *near + "'?";
      error(e.key, msg);
    }
  }

  std::optional<std::string> text(const Node* node, const std::string& what) {
    if (const auto t = as_text(node)) return std::string(*t);
    error(node, what + " must be a string");
    return std::nullopt;
  }

  std::optional<double> number(const Node* node, const std::string& what) {
    const auto n = as_number(node);
    if (n && !node->is_quoted() && *n >= 0) return n;
    error(node, what + " must be a non-negative number");
    return std::nullopt;
  }

  std::vector<std::string> strings(const Node* node, const std::string& what) {
    std::vector<std::string> out;
    if (!node || !node->is_seq()) {
      error(node, what + " must be a list of strings");
      return out;
    }
    for (const Node* item : node->resolved().items) {
      if (auto t = text(item, what + " item")) out.push_back(*t);
    }
    return out;
  }

  Citation citation(const Node& map, const std::string& where) {
    Citation c;
    if (const Node* f = map.get("fact")) {
      c.fact = text(f, where + ".fact").value_or("");
      if (facts_ && !c.fact.empty() && !facts_->count(c.fact)) {
        error(f, where + " cites " + c.fact + ", which is not under 'facts'");
      }
    }
    if (const Node* s = map.get("source")) c.source = text(s, where + ".source").value_or("");
    if (c.fact.empty() && c.source.empty()) error(&map, where + " needs a 'fact' or a 'source'");
    return c;
  }

  std::optional<Flag> flag(const Node& target, const char* key, const std::string& where) {
    const Node* node = target.get(key);
    if (!node) return std::nullopt;
    const std::string w = where + "." + key;
    if (!expect_map(node, w)) return std::nullopt;
    check_keys(*node, {"value", "fact", "source"}, w);
    Flag f;
    const Node* v = node->get("value");
    const auto b = as_bool(v);
    if (!b || v->is_quoted()) error(v ? v : node, w + ".value must be true or false");
    f.value = b.value_or(false);
    f.cite = citation(*node, w);
    return f;
  }

  std::optional<Text> text_value(const Node& target, const char* key, const std::string& where) {
    const Node* node = target.get(key);
    if (!node) return std::nullopt;
    const std::string w = where + "." + key;
    if (!expect_map(node, w)) return std::nullopt;
    check_keys(*node, {"value", "fact", "source"}, w);
    Text t;
    t.value = text(node->get("value"), w + ".value").value_or("");
    t.cite = citation(*node, w);
    return t;
  }

  std::optional<Limit> limit(const Node& target, const char* key, const std::string& where) {
    const Node* node = target.get(key);
    if (!node) return std::nullopt;
    const std::string w = where + "." + key;
    if (!expect_map(node, w)) return std::nullopt;
    check_keys(*node, {"less_than", "fact", "source", "instead"}, w);
    Limit l;
    l.less_than = number(required(*node, "less_than"), w + ".less_than").value_or(0);
    if (const Node* i = node->get("instead")) l.instead = text(i, w + ".instead").value_or("");
    l.cite = citation(*node, w);
    return l;
  }

  Capacity capacity(const Node& node, const std::string& where) {
    Capacity c;
    c.cpu = number(required(node, "cpu"), where + ".cpu").value_or(0);
    c.memory_gb = number(required(node, "memory_gb"), where + ".memory_gb").value_or(0);
    return c;
  }

  std::optional<ContainerGroup> container_group(const Node& target, const std::string& where) {
    const Node* node = target.get("container_group");
    if (!node) return std::nullopt;
    const std::string w = where + ".container_group";
    if (!expect_map(node, w)) return std::nullopt;
    check_keys(*node, {"source", "default", "regions"}, w);
    ContainerGroup g;
    g.source = text(required(*node, "source"), w + ".source").value_or("");
    if (const Node* d = required(*node, "default"); d && expect_map(d, w + ".default")) {
      check_keys(*d, {"cpu", "memory_gb"}, w + ".default");
      g.default_capacity = capacity(*d, w + ".default");
    }
    if (const Node* regions = node->get("regions")) {
      if (!regions->is_seq()) error(regions, w + ".regions must be a list");
      for (const Node* r : regions->resolved().items) {  // empty unless a list
        if (!expect_map(r, w + ".regions item")) continue;
        check_keys(*r, {"cpu", "memory_gb", "locations"}, w + ".regions item");
        ContainerGroup::Region region;
        region.capacity = capacity(*r, w + ".regions item");
        for (const std::string& l :
             strings(required(*r, "locations"), w + ".regions item.locations")) {
          region.locations.push_back(fold_identifier(l));
        }
        g.regions.push_back(std::move(region));
      }
    }
    return g;
  }

  Target read_target(const std::string& id, const Node* node) {
    Target t;
    t.id = id;
    const std::string w = "targets." + id;
    if (!expect_map(node, w)) return t;
    check_keys(*node,
               {"name",
                "short_name",
                "v1_compute_types",
                "used_for",
                "production",
                "gpu_web_service",
                "gpu_batch",
                "fpga",
                "preview",
                "cluster_autoscale_via_sdk",
                "replica_autoscale",
                "designer",
                "low_priority_vms",
                "hardware_acceleration",
                "reached_through",
                "memory_gb",
                "model_size_gb",
                "container_group",
                "v2_formats",
                "batch_compute",
                "real_time",
                "limits",
                "auth_by_default",
                "tls_in_deployment_config"},
               w);
    t.name = text(required(*node, "name"), w + ".name").value_or(id);
    t.short_name = text(required(*node, "short_name"), w + ".short_name").value_or(id);
    for (const std::string& c :
         strings(required(*node, "v1_compute_types"), w + ".v1_compute_types")) {
      t.v1_compute_types.push_back(to_lower(c));
    }
    if (const Node* v2 = node->get("v2_formats")) t.v2_formats = strings(v2, w + ".v2_formats");
    t.used_for = text_value(*node, "used_for", w);
    t.production = flag(*node, "production", w);
    t.gpu_web_service = flag(*node, "gpu_web_service", w);
    t.gpu_batch = flag(*node, "gpu_batch", w);
    t.fpga = flag(*node, "fpga", w);
    t.preview = flag(*node, "preview", w);
    t.cluster_autoscale_via_sdk = flag(*node, "cluster_autoscale_via_sdk", w);
    t.replica_autoscale = flag(*node, "replica_autoscale", w);
    t.designer = flag(*node, "designer", w);
    t.low_priority_vms = flag(*node, "low_priority_vms", w);
    t.batch_compute = flag(*node, "batch_compute", w);
    t.real_time = flag(*node, "real_time", w);
    t.auth_by_default = flag(*node, "auth_by_default", w);
    t.tls_in_deployment_config = flag(*node, "tls_in_deployment_config", w);
    if (const Node* limits = node->get("limits"); limits && expect_map(limits, w + ".limits")) {
      for (const MapEntry& e : limits->resolved().entries) {
        const std::string lw = w + ".limits." + e.key->resolved().text;
        if (!expect_map(e.value, lw)) continue;
        check_keys(*e.value, {"min", "max", "fact", "source"}, lw);
        Bound b;
        if (const Node* min = e.value->get("min")) b.min = number(min, lw + ".min");
        b.max = number(required(*e.value, "max"), lw + ".max").value_or(0);
        b.cite = citation(*e.value, lw);
        t.limits[e.key->resolved().text] = b;
      }
    }
    t.hardware_acceleration = text_value(*node, "hardware_acceleration", w);
    t.reached_through = text_value(*node, "reached_through", w);
    t.memory_gb = limit(*node, "memory_gb", w);
    t.model_size_gb = limit(*node, "model_size_gb", w);
    t.container_group = container_group(*node, w);
    return t;
  }

  Regex pattern(const Node& map, const char* key) {
    const Node* node = required(map, key);
    Regex re(text(node, std::string("detection.") + key).value_or(""));
    if (node && !re.ok())
      error(node, std::string("detection.") + key + " is not a valid RE2 pattern: " + re.error());
    return re;
  }

  Detection read_detection(const Node* node) {
    Detection d;
    if (!expect_map(node, "detection")) return d;
    check_keys(
        *node,
        {"gpu_vm_size", "gpu_image", "fpga_vm_size", "fpga_key", "fpga_image",
         "functions_packaging", "node_autoscale_keys", "production_segments", "test_segments"},
        "detection");
    d.gpu_vm_size = pattern(*node, "gpu_vm_size");
    d.gpu_image = pattern(*node, "gpu_image");
    d.fpga_vm_size = pattern(*node, "fpga_vm_size");
    d.fpga_key = pattern(*node, "fpga_key");
    d.fpga_image = pattern(*node, "fpga_image");
    d.functions_packaging = pattern(*node, "functions_packaging");
    for (const std::string& k :
         strings(required(*node, "node_autoscale_keys"), "detection.node_autoscale_keys")) {
      d.node_autoscale_keys.push_back(fold_identifier(k));
    }
    for (const std::string& s :
         strings(required(*node, "production_segments"), "detection.production_segments")) {
      d.production_segments.push_back(to_lower(s));
    }
    if (const Node* t = node->get("test_segments")) {
      for (const std::string& s : strings(t, "detection.test_segments"))
        d.test_segments.push_back(to_lower(s));
    }
    return d;
  }

  Lifecycle read_lifecycle(const Node* node) {
    Lifecycle l;
    if (!expect_map(node, "lifecycle")) return l;
    check_keys(*node, {"v1_cli"}, "lifecycle");
    const Node* v1 = required(*node, "v1_cli");
    if (!expect_map(v1, "lifecycle.v1_cli")) return l;
    check_keys(*v1, {"end_of_support", "source", "instead"}, "lifecycle.v1_cli");
    const Node* date = required(*v1, "end_of_support");
    l.v1_end_of_support = text(date, "lifecycle.v1_cli.end_of_support").value_or("");
    static const Regex kDate("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (date && !kDate.full_match(l.v1_end_of_support)) {
      error(date, "lifecycle.v1_cli.end_of_support must be a date, YYYY-MM-DD");
    }
    l.v1_source = text(required(*v1, "source"), "lifecycle.v1_cli.source").value_or("");
    l.v1_instead = text(required(*v1, "instead"), "lifecycle.v1_cli.instead").value_or("");
    return l;
  }

  const SourceFile& source_;
  std::vector<TableError>& errors_;
  const SourceFile* override_source_ = nullptr;
  const std::unordered_set<const Node*>* overrides_ = nullptr;
  const std::map<std::string, std::string>* facts_ = nullptr;
};

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
  return map.get("value") || map.get("less_than") || map.get("max") || map.get("min");
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
  return TableReader(source, errors).read(loaded.documents[0]->root());
}

std::unique_ptr<CapabilityTable> CapabilityTable::merged_with(const SourceFile& base,
                                                              Syntax base_syntax,
                                                              const Node& overrides,
                                                              const SourceFile& source,
                                                              std::vector<TableError>& errors) {
  const LoadResult loaded = load_source(base, base_syntax, Limits{});
  if (loaded.documents.size() != 1)
    throw std::logic_error("the built-in table is not one document");
  Document merged;
  std::unordered_set<const Node*> from_override;
  const Node* root = merge(loaded.documents[0]->root(), &overrides, merged, from_override);
  return TableReader(base, source, from_override, errors).read(root);
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

std::vector<std::string> CapabilityTable::v1_compute_types() const {
  std::vector<std::string> out;
  for (const Target& t : targets_) {
    out.insert(out.end(), t.v1_compute_types.begin(), t.v1_compute_types.end());
  }
  return out;
}

}  // namespace amlint
