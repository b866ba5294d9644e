// A typed view of rules/compute-targets.yaml: the deployment targets, what
// each supports and its limits, each value with the fact it comes from.
// Rules query this table; they hold no Azure number or target name.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capability/provenance.h"
#include "capability/typed_reader.h"
#include "core/source.h"
#include "manifest/loader.h"
#include "util/regex.h"

namespace amlint {

struct Flag {
  bool value = false;
  Citation cite;
};

struct Text {
  std::string value;
  Citation cite;
};

// A value must stay below `less_than` (the table says "less than 48 GB").
struct Limit {
  double less_than = 0;
  Citation cite;
  std::string instead;  // what to use instead when over the limit
};

// An upper bound the service enforces (a quota or a limit).
struct Bound {
  std::optional<double> min;
  double max = 0;
  Citation cite;
};

struct Capacity {
  double cpu = 0;
  double memory_gb = 0;
};

// What one container group of the target may hold: the hard limit, and the
// size above which a deployment can fail for lack of capacity in its region.
struct ContainerGroup {
  Capacity hard_limit;
  Capacity capacity_caution;
  Citation cite;
};

// The closed list of instance types (VM sizes) a target accepts. A size
// missing from it may be one Azure added since the list's date.
struct InstanceTypes {
  std::vector<std::string> sizes;
  std::vector<std::string> too_small;  // sizes the docs say may be too small
  std::vector<std::string> extra;      // the user's additions (capabilities:)
  Citation cite;
  bool allows(std::string_view name) const;
  bool is_too_small(std::string_view name) const;
  // The list and the additions, in order.
  std::vector<std::string> all() const;
};

struct Target {
  std::string id;          // "aci"
  std::string name;        // "Azure Container Instances"
  std::string short_name;  // "ACI", used in messages
  std::vector<std::string> v1_compute_types;
  std::vector<std::string> v2_formats;  // schema names of the v2 files that target it
  std::optional<Text> used_for;
  std::optional<Flag> production;
  std::optional<Flag> gpu_web_service;
  std::optional<Flag> gpu_batch;
  std::optional<Flag> fpga;
  std::optional<Flag> preview;
  std::optional<Flag> cluster_autoscale_via_sdk;
  std::optional<Flag> replica_autoscale;
  std::optional<Flag> designer;
  std::optional<Flag> low_priority_vms;
  std::optional<Flag> batch_compute;  // can run batch deployments
  std::optional<Flag> real_time;      // can serve real-time (online) endpoints
  // v1 web services: whether key authentication is on when the deployment
  // config does not say (authEnabled), and whether TLS is set in the
  // deployment config (sslEnabled) rather than on the compute (AML702, AML703).
  std::optional<Flag> auth_by_default;
  std::optional<Flag> tls_in_deployment_config;
  std::map<std::string, Bound> limits;
  std::optional<Text> hardware_acceleration;
  std::optional<Text> reached_through;
  std::optional<Limit> memory_gb;
  std::optional<Limit> model_size_gb;
  std::optional<ContainerGroup> container_group;
  std::optional<InstanceTypes> instance_types;
};

// A pattern or a list amlint recognises a request by, with its source.
struct Pattern {
  Regex regex;
  Citation cite;
  bool search(std::string_view text) const { return regex.search(text); }
  bool full_match(std::string_view text) const { return regex.full_match(text); }
};

struct Detection {
  Pattern gpu_vm_size;
  Pattern gpu_image;
  Pattern fpga_vm_size;
  Pattern fpga_key;
  Pattern fpga_image;
  Pattern functions_packaging;
  Pattern prompt_flow_model_property;
  Pattern prompt_flow_variable;
  Pattern prompt_flow_image;
  std::vector<std::string> node_autoscale_keys;  // folded (see fold_identifier)
  std::vector<std::string> production_segments;  // lower case
  std::vector<std::string> test_segments;        // lower case
};

struct Sizing {
  double model_ram_headroom = 1;  // factor on the model's size
  Citation cite;
};

// A date in a product's life: the end of support of CLI v1, of SDK v1 ...
struct LifecycleEvent {
  std::string what;   // "CLI v1 (the azure-cli-ml extension) support"
  std::string ended;  // YYYY-MM-DD
  std::string instead;
  Citation cite;
};

struct Node;

class CapabilityTable {
 public:
  // The table built into the binary (rules/compute-targets.yaml), read on
  // first use (data/builtin.cpp).
  static const CapabilityTable& builtin();
  // Parses and validates a table; on failure returns every error found.
  // `shape` is schemas/compute-targets.schema.json (schema::builtin), or null
  // for a table the build has validated.
  static std::unique_ptr<CapabilityTable> parse(const SourceFile& source,
                                                std::vector<TableError>& errors,
                                                const schema::SchemaFile* shape,
                                                Syntax syntax = Syntax::kYaml);
  // The built-in table with `overrides` merged over it: a partial table of
  // the same shape (from `capabilities:` in a config file, `source`), whose
  // mappings merge key by key and whose other values replace the built-in
  // ones. The result is validated like a whole table; errors in the
  // overrides carry their position in `source`.
  static std::unique_ptr<CapabilityTable> merged_with(const Node& overrides,
                                                      const SourceFile& source,
                                                      std::vector<TableError>& errors);
  // The same over any `base` table (merged_with passes the built-in one),
  // the merged tree checked against `shape`.
  static std::unique_ptr<CapabilityTable> merged_with(const SourceFile& base, Syntax base_syntax,
                                                      const Node& overrides,
                                                      const SourceFile& source,
                                                      const schema::SchemaFile& shape,
                                                      std::vector<TableError>& errors);

  const std::vector<Target>& targets() const { return targets_; }
  // F1 ... F14, in id order.
  const std::vector<Fact>& facts() const { return facts_; }
  const Fact* fact(std::string_view id) const;
  const std::vector<Source>& sources() const { return sources_; }
  // The source with this id, nullptr when a citation names it in words.
  const Source* source(std::string_view id) const;
  // Where a citation's value comes from: its own source, or its fact's.
  const Source* source_of(const Citation& cite) const;
  const Detection& detection() const { return detection_; }
  // "cli_v1", "sdk_v1", "fpga"; nullptr when the table has no such event.
  const LifecycleEvent* lifecycle(std::string_view name) const;
  const Sizing& sizing() const { return sizing_; }
  // Every value of the table with its citation, for `amlint facts`.
  const std::vector<FactRecord>& records() const { return records_; }

  // The target a v1 `computeType` deploys to (case-insensitive), or nullptr.
  const Target* target_for_v1_compute_type(std::string_view compute_type) const;
  // The target of a v2 file, by its schema name ("managed-online-deployment").
  const Target* target_for_v2_format(std::string_view schema_name) const;
  // Every v1 computeType value, in table order.
  std::vector<std::string> v1_compute_types() const;
  // Short names of the targets where `pick` is true, in table order ("AKS").
  template <typename Pick>
  std::vector<std::string> short_names_where(Pick pick) const {
    std::vector<std::string> out;
    for (const Target& t : targets_) {
      if (pick(t)) out.push_back(t.short_name);
    }
    return out;
  }

 private:
  friend class TableReader;
  std::vector<Source> sources_;
  std::vector<Fact> facts_;
  std::vector<Target> targets_;
  Detection detection_;
  std::map<std::string, LifecycleEvent> lifecycle_;
  Sizing sizing_;
  std::vector<FactRecord> records_;
};

}  // namespace amlint
