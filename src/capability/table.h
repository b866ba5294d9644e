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

#include "core/source.h"
#include "manifest/loader.h"
#include "util/regex.h"

namespace amlint {

// Where a value comes from: a fact id of the table (F1 ... F14) or a source.
struct Citation {
  std::string fact;
  std::string source;
  // "F4" or the source text.
  const std::string& label() const { return fact.empty() ? source : fact; }
};

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

struct ContainerGroup {
  std::string source;
  Capacity default_capacity;
  struct Region {
    Capacity capacity;
    std::vector<std::string> locations;  // folded: lower case, no spaces or dashes
  };
  std::vector<Region> regions;
  // The capacity in `location` (any spelling: "West Europe", "westeurope"),
  // and whether the location is one the table lists.
  std::pair<Capacity, bool> for_location(std::string_view location) const;
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
};

struct Detection {
  Regex gpu_vm_size;
  Regex gpu_image;
  Regex fpga_vm_size;
  Regex fpga_key;
  Regex fpga_image;
  Regex functions_packaging;
  std::vector<std::string> node_autoscale_keys;  // folded (see fold_identifier)
  std::vector<std::string> production_segments;  // lower case
  std::vector<std::string> test_segments;        // lower case
};

struct Sizing {
  double model_ram_headroom = 1;  // factor on the model's size
  Citation cite;
};

struct Lifecycle {
  std::string v1_end_of_support;  // YYYY-MM-DD
  std::string v1_source;
  std::string v1_instead;
};

// An error in a capability table file, with its 1-based position.
struct TableError {
  std::string file;  // the table's path, or the config file that overrides it
  Pos pos;
  std::string message;
};

struct Node;

class CapabilityTable {
 public:
  // The table built into the binary (rules/compute-targets.yaml), read on
  // first use (capability/builtin.cpp).
  static const CapabilityTable& builtin();
  // Parses and validates a table; on failure returns every error found.
  static std::unique_ptr<CapabilityTable> parse(const SourceFile& source,
                                                std::vector<TableError>& errors,
                                                Syntax syntax = Syntax::kYaml);
  // The built-in table with `overrides` merged over it: a partial table of
  // the same shape (from `capabilities:` in a config file, `source`), whose
  // mappings merge key by key and whose other values replace the built-in
  // ones. The result is validated like a whole table; errors in the
  // overrides carry their position in `source`.
  static std::unique_ptr<CapabilityTable> merged_with(const Node& overrides,
                                                      const SourceFile& source,
                                                      std::vector<TableError>& errors);
  // The same over any `base` table (merged_with passes the built-in one).
  static std::unique_ptr<CapabilityTable> merged_with(const SourceFile& base, Syntax base_syntax,
                                                      const Node& overrides,
                                                      const SourceFile& source,
                                                      std::vector<TableError>& errors);

  const std::vector<Target>& targets() const { return targets_; }
  const std::map<std::string, std::string>& facts() const { return facts_; }
  const Detection& detection() const { return detection_; }
  const Lifecycle& lifecycle() const { return lifecycle_; }
  const Sizing& sizing() const { return sizing_; }

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
  std::map<std::string, std::string> facts_;
  std::vector<Target> targets_;
  Detection detection_;
  Lifecycle lifecycle_;
  Sizing sizing_;
};

}  // namespace amlint
