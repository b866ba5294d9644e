#include "capability/table_reader.h"

#include <set>

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {
namespace {

std::string yes_no(bool b) { return b ? "true" : "false"; }

std::string capacity_text(const Capacity& c) {
  return format_number(c.cpu) + " vCPUs / " + format_number(c.memory_gb) + " GB";
}

}  // namespace

std::unique_ptr<CapabilityTable> TableReader::read(const Node* root,
                                                   const schema::SchemaFile* shape) {
  if (!conforms(shape, root)) return nullptr;
  auto table = std::make_unique<CapabilityTable>();
  table_ = table.get();
  if (!expect_map(root, "the table")) return nullptr;
  table->sources_ = read_sources(required(*root, "sources"));
  if (const Node* facts = required(*root, "facts"); facts && expect_map(facts, "facts")) {
    read_facts(*facts);
  }
  if (const Node* targets = required(*root, "targets"); targets && expect_map(targets, "targets")) {
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
  if (const Node* l = required(*root, "lifecycle")) read_lifecycle(l);
  read_sizing(root->get("sizing"));
  if (!ok()) return nullptr;
  return table;
}

void TableReader::read_facts(const Node& node) {
  static const Regex kFactId("F[0-9]+");
  for (const MapEntry& e : node.resolved().entries) fact_ids_.push_back(e.key->resolved().text);
  for (const MapEntry& e : node.resolved().entries) {
    Fact f;
    f.id = e.key->resolved().text;
    const std::string w = "facts." + f.id;
    if (!kFactId.full_match(f.id)) error(e.key, "fact ids look like F1, F2 ...");
    if (!expect_map(e.value, w)) continue;
    f.text = text(required(*e.value, "text"), w + ".text").value_or("");
    f.source = text(required(*e.value, "source"), w + ".source").value_or("");
    if (const Node* h = e.value->get("history")) {
      if (!h->is_seq()) error(h, w + ".history must be a list");
      for (const Node* item : h->resolved().items) {
        if (!expect_map(item, w + ".history item")) continue;
        f.history.push_back(
            Fact::Earlier{text(required(*item, "text"), w + ".history.text").value_or(""),
                          text(required(*item, "source"), w + ".history.source").value_or("")});
      }
    }
    record(f.id, f.text, Citation{"", f.source, ""});
    table_->facts_.push_back(std::move(f));
  }
}

std::optional<Flag> TableReader::flag(const Node& target, const char* key,
                                      const std::string& where) {
  const Node* node = target.get(key);
  if (!node) return std::nullopt;
  const std::string w = where + "." + key;
  if (!expect_map(node, w)) return std::nullopt;
  Flag f;
  f.value = boolean(required(*node, "value"), w + ".value").value_or(false);
  f.cite = cite(*node, w);
  record(w, yes_no(f.value), f.cite);
  return f;
}

std::optional<Text> TableReader::text_value(const Node& target, const char* key,
                                            const std::string& where) {
  const Node* node = target.get(key);
  if (!node) return std::nullopt;
  const std::string w = where + "." + key;
  if (!expect_map(node, w)) return std::nullopt;
  Text t;
  t.value = text(required(*node, "value"), w + ".value").value_or("");
  t.cite = cite(*node, w);
  record(w, t.value, t.cite);
  return t;
}

std::optional<Limit> TableReader::limit(const Node& target, const char* key,
                                        const std::string& where) {
  const Node* node = target.get(key);
  if (!node) return std::nullopt;
  const std::string w = where + "." + key;
  if (!expect_map(node, w)) return std::nullopt;
  Limit l;
  l.less_than = number(required(*node, "less_than"), w + ".less_than").value_or(0);
  if (const Node* i = node->get("instead")) l.instead = text(i, w + ".instead").value_or("");
  l.cite = cite(*node, w);
  record(w, "less than " + format_number(l.less_than), l.cite);
  return l;
}

std::map<std::string, Bound> TableReader::limits(const Node* node, const std::string& where) {
  std::map<std::string, Bound> out;
  if (!node || !expect_map(node, where)) return out;
  for (const MapEntry& e : node->resolved().entries) {
    const std::string lw = where + "." + e.key->resolved().text;
    if (!expect_map(e.value, lw)) continue;
    Bound b;
    if (const Node* min = e.value->get("min")) b.min = number(min, lw + ".min");
    b.max = number(required(*e.value, "max"), lw + ".max").value_or(0);
    b.cite = cite(*e.value, lw);
    record(lw,
           b.min ? format_number(*b.min) + " to " + format_number(b.max)
                 : "at most " + format_number(b.max),
           b.cite);
    out[e.key->resolved().text] = b;
  }
  return out;
}

Capacity TableReader::capacity(const Node* node, const std::string& where) {
  Capacity c;
  if (!node || !expect_map(node, where)) return c;
  c.cpu = number(required(*node, "cpu"), where + ".cpu").value_or(0);
  c.memory_gb = number(required(*node, "memory_gb"), where + ".memory_gb").value_or(0);
  return c;
}

std::optional<ContainerGroup> TableReader::container_group(const Node& target,
                                                           const std::string& where) {
  const Node* node = target.get("container_group");
  if (!node) return std::nullopt;
  const std::string w = where + ".container_group";
  if (!expect_map(node, w)) return std::nullopt;
  ContainerGroup g;
  g.hard_limit = capacity(required(*node, "hard_limit"), w + ".hard_limit");
  g.capacity_caution = capacity(required(*node, "capacity_caution"), w + ".capacity_caution");
  g.cite = cite(*node, w);
  record(w,
         "at most " + capacity_text(g.hard_limit) + "; regional capacity can fail above " +
             capacity_text(g.capacity_caution),
         g.cite);
  return g;
}

std::optional<InstanceTypes> TableReader::instance_types(const Node& target,
                                                         const std::string& where) {
  const Node* node = target.get("instance_types");
  if (!node) return std::nullopt;
  const std::string w = where + ".instance_types";
  if (!expect_map(node, w)) return std::nullopt;
  InstanceTypes t;
  t.sizes = strings(required(*node, "sizes"), w + ".sizes");
  if (const Node* s = node->get("too_small")) t.too_small = strings(s, w + ".too_small");
  if (const Node* x = node->get("extra")) t.extra = strings(x, w + ".extra");
  t.cite = cite(*node, w);
  std::string value = std::to_string(t.sizes.size()) + " sizes";
  if (!t.too_small.empty()) value += "; may be too small: " + join(t.too_small, ", ");
  if (!t.extra.empty()) value += "; added by you: " + join(t.extra, ", ");
  record(w, value, t.cite);
  return t;
}

Target TableReader::read_target(const std::string& id, const Node* node) {
  Target t;
  t.id = id;
  const std::string w = "targets." + id;
  if (!expect_map(node, w)) return t;
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
  t.batch_compute = flag(*node, "batch_compute", w);
  t.real_time = flag(*node, "real_time", w);
  t.auth_by_default = flag(*node, "auth_by_default", w);
  t.tls_in_deployment_config = flag(*node, "tls_in_deployment_config", w);
  t.limits = limits(node->get("limits"), w + ".limits");
  t.hardware_acceleration = text_value(*node, "hardware_acceleration", w);
  t.reached_through = text_value(*node, "reached_through", w);
  t.memory_gb = limit(*node, "memory_gb", w);
  t.model_size_gb = limit(*node, "model_size_gb", w);
  t.container_group = container_group(*node, w);
  t.instance_types = instance_types(*node, w);
  return t;
}

Pattern TableReader::pattern(const Node& map, const char* key) {
  const std::string w = std::string("detection.") + key;
  Pattern p;
  const Node* node = required(map, key);
  if (!node || !expect_map(node, w)) return p;
  const Node* text_node = required(*node, "pattern");
  p.regex = Regex(text(text_node, w + ".pattern").value_or(""));
  if (text_node && !p.regex.ok())
    error(text_node, w + " is not a valid RE2 pattern: " + p.regex.error());
  p.cite = cite(*node, w);
  record(w, p.regex.pattern(), p.cite);
  return p;
}

std::vector<std::string> TableReader::word_list(const Node& map, const char* key,
                                                bool required_key) {
  const std::string w = std::string("detection.") + key;
  const Node* node = required_key ? required(map, key) : map.get(key);
  if (!node || !expect_map(node, w)) return {};
  std::vector<std::string> values = strings(required(*node, "values"), w + ".values");
  record(w, join(values, ", "), cite(*node, w));
  return values;
}

Detection TableReader::read_detection(const Node* node) {
  Detection d;
  if (!expect_map(node, "detection")) return d;
  d.gpu_vm_size = pattern(*node, "gpu_vm_size");
  d.gpu_image = pattern(*node, "gpu_image");
  d.fpga_vm_size = pattern(*node, "fpga_vm_size");
  d.fpga_key = pattern(*node, "fpga_key");
  d.fpga_image = pattern(*node, "fpga_image");
  d.functions_packaging = pattern(*node, "functions_packaging");
  d.prompt_flow_model_property = pattern(*node, "prompt_flow_model_property");
  d.prompt_flow_variable = pattern(*node, "prompt_flow_variable");
  d.prompt_flow_image = pattern(*node, "prompt_flow_image");
  for (const std::string& k : word_list(*node, "node_autoscale_keys", true))
    d.node_autoscale_keys.push_back(fold_identifier(k));
  for (const std::string& s : word_list(*node, "production_segments", true))
    d.production_segments.push_back(to_lower(s));
  for (const std::string& s : word_list(*node, "test_segments", false))
    d.test_segments.push_back(to_lower(s));
  return d;
}

void TableReader::read_lifecycle(const Node* node) {
  if (!expect_map(node, "lifecycle")) return;
  for (const MapEntry& e : node->resolved().entries) {
    const std::string name = e.key->resolved().text;
    const std::string w = "lifecycle." + name;
    if (!expect_map(e.value, w)) continue;
    LifecycleEvent event;
    event.what = text(required(*e.value, "what"), w + ".what").value_or("");
    event.ended = date(required(*e.value, "ended"), w + ".ended").value_or("");
    if (const Node* i = e.value->get("instead"))
      event.instead = text(i, w + ".instead").value_or("");
    event.cite = cite(*e.value, w);
    record(w, event.what + " ends " + event.ended, event.cite);
    table_->lifecycle_[name] = std::move(event);
  }
  for (const char* needed : {"cli_v1", "sdk_v1"}) {
    if (!table_->lifecycle_.count(needed))
      error(node, std::string("lifecycle needs '") + needed + "'");
  }
}

void TableReader::read_sizing(const Node* node) {
  if (!node || !expect_map(node, "sizing")) return;
  const Node* h = node->get("model_ram_headroom");
  if (!h || !expect_map(h, "sizing.model_ram_headroom")) return;
  table_->sizing_.model_ram_headroom =
      number(required(*h, "value"), "sizing.model_ram_headroom.value").value_or(1);
  table_->sizing_.cite = cite(*h, "sizing.model_ram_headroom");
  record("sizing.model_ram_headroom", format_number(table_->sizing_.model_ram_headroom),
         table_->sizing_.cite);
}

}  // namespace amlint
