// Helpers shared by two or more rules.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "capability/vm_sizes.h"
#include "model/project.h"
#include "rules/rule.h"

namespace amlint::rules {

// The table's GB are GiB, as Azure ML sizes memory and models.
constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;

// The v1 deployment configs of `m`'s directory when `m` is an inference
// config, and the inference configs when `m` is a deployment config.
std::vector<const Manifest*> paired(const Manifest& m, const Context& ctx);

// The file name of a manifest, for messages: "deployment_config_aci.yml".
std::string file_name(const Manifest& m);

// `computeType: aci` as a related location: "deploys to ACI here".
Related deploys_here(const Manifest& deployment);

// "AKS", "AKS or Data Box Edge": the targets where `pick` holds.
std::string targets_where(const Context& ctx, const std::function<bool(const Target&)>& pick);

// Calls `visit(key, value)` for every map entry in the tree under `node`,
// aliases followed (the loader has bounded their expansion).
void for_each_entry(const Node& node, const std::function<void(const Node&, const Node&)>& visit);

// Calls `visit(scalar)` for every scalar under `node`.
void for_each_scalar(const Node& node, const std::function<void(const Node&)>& visit);

// A value written in the source as it appears: `gpuCores: 1`.
std::string key_value(const Node& key, const Node& value);

// The entry at a path of keys under `root` (`{"request_settings",
// "request_timeout_ms"}`), or nullptr.
const MapEntry* entry_at(const Node* root, std::initializer_list<std::string_view> path);

// The target a v2 file deploys to or describes, from the capability table.
const Target* v2_target(const Manifest& m, const Context& ctx);

// A service limit of the target a v2 file deploys to, or nullptr.
const Bound* limit_of(const Manifest& m, const Context& ctx, const std::string& name);

// Whether a VM size has GPUs: from rules/vm-sizes.yaml, else the N-series pattern.
bool is_gpu_vm_size(std::string_view size, const Context& ctx);

// The security settings of a v1 web service: a v1 deployment config
// (authEnabled, tokenAuthEnabled, sslEnabled) or an aml-deploy parameter file
// (authentication_enabled, token_auth_enabled, ssl_enabled), with the target
// it deploys to and the node to report at when a setting is absent.
struct WebServiceSecurity {
  const Target* target = nullptr;
  const Node* anchor = nullptr;  // computeType, or the file's first key
  const MapEntry* auth = nullptr;
  const MapEntry* token_auth = nullptr;
  const MapEntry* tls = nullptr;
};
// nullopt when `m` is neither format or its target is unknown.
std::optional<WebServiceSecurity> web_service_security(const Manifest& m, const Context& ctx);
// Whether an entry is present and true (YAML 1.1 and JSON spellings).
bool is_true(const MapEntry* entry);

// The smallest size `types` allows that holds at least `needs`' vCPUs,
// memory and GPUs, and is neither retired nor retiring (by memory, then
// vCPUs, then list order); nullptr when none does.
const VmSize* smallest_size_holding(const VmSize& needs, const InstanceTypes& types);

// The edit that makes scalar `n` read `text` in `m`'s file, touching only
// its bytes: its quotes kept, or dropped with `unquote` (a quoted number
// becoming a number). nullopt when that cannot be done by replacing those
// bytes alone: an alias, a tagged or multi-line scalar, a text its quotes
// cannot hold, or a file whose text is not at hand.
std::optional<TextEdit> scalar_edit(const Manifest& m, const Node& n, std::string_view text,
                                    bool unquote = false);

// A citation's source for a message: "the managed online SKU list of
// 2025-10-18" (its fact's source for a fact), or its label when the source
// is given in words.
std::string dated_source(const Citation& cite, const CapabilityTable& table);

// "my-ci.yml, a compute instance" for messages about a resolved reference.
std::string describe_manifest(const Manifest& m, const Context& ctx);

}  // namespace amlint::rules
