#include "rules/common.h"

#include <filesystem>
#include <tuple>

#include "capability/vm_sizes.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint::rules {

std::vector<const Manifest*> paired(const Manifest& m, const Context& ctx) {
  if (m.format == Format::kV1InferenceConfig) {
    return ctx.project.in_directory(m.directory, Format::kV1DeploymentConfig);
  }
  if (m.format == Format::kV1DeploymentConfig) {
    return ctx.project.in_directory(m.directory, Format::kV1InferenceConfig);
  }
  return {};
}

std::string file_name(const Manifest& m) {
  std::string name = std::filesystem::path(m.file->path()).filename().string();
  if (m.doc && m.doc->index > 0) name += " (document " + std::to_string(m.doc->index + 1) + ")";
  return name;
}

Related deploys_here(const Manifest& deployment) {
  const Node& at = deployment.compute_type ? *deployment.compute_type : *deployment.root();
  return Related{deployment.locate(at),
                 file_name(deployment) + " deploys to " +
                     (deployment.target ? deployment.target->short_name : "this target") + " here"};
}

std::string targets_where(const Context& ctx, const std::function<bool(const Target&)>& pick) {
  return join_or(ctx.caps.short_names_where(pick));
}

void for_each_entry(const Node& node, const std::function<void(const Node&, const Node&)>& visit) {
  const Node& n = node.resolved();
  if (n.kind == NodeKind::kMap) {
    for (const MapEntry& e : n.entries) {
      visit(*e.key, *e.value);
      for_each_entry(*e.value, visit);
    }
  } else if (n.kind == NodeKind::kSeq) {
    for (const Node* item : n.items) for_each_entry(*item, visit);
  }
}

void for_each_scalar(const Node& node, const std::function<void(const Node&)>& visit) {
  const Node& n = node.resolved();
  if (n.kind == NodeKind::kScalar) {
    visit(n);
  } else if (n.kind == NodeKind::kMap) {
    for (const MapEntry& e : n.entries) for_each_scalar(*e.value, visit);
  } else if (n.kind == NodeKind::kSeq) {
    for (const Node* item : n.items) for_each_scalar(*item, visit);
  }
}

std::string key_value(const Node& key, const Node& value) {
  const Node& v = value.resolved();
  std::string text = key.resolved().text + ": ";
  if (v.kind == NodeKind::kScalar) {
    text += v.text.size() > 60 ? v.text.substr(0, 57) + "..." : v.text;
  } else if (v.kind == NodeKind::kNull) {
    text += "null";
  } else {
    text += "...";
  }
  return text;
}

const MapEntry* entry_at(const Node* root, std::initializer_list<std::string_view> path) {
  const MapEntry* e = nullptr;
  const Node* node = root;
  for (std::string_view key : path) {
    if (!node) return nullptr;
    e = node->entry(key);
    if (!e) return nullptr;
    node = e->value;
  }
  return e;
}

const Target* v2_target(const Manifest& m, const Context& ctx) {
  return ctx.caps.target_for_v2_format(schema_name(m.format));
}

const Bound* limit_of(const Manifest& m, const Context& ctx, const std::string& name) {
  const Target* t = v2_target(m, ctx);
  if (!t) return nullptr;
  const auto it = t->limits.find(name);
  return it == t->limits.end() ? nullptr : &it->second;
}

bool is_gpu_vm_size(std::string_view size, const Context& ctx) {
  if (const VmSize* s = VmSizeTable::builtin().find(size)) return s->gpus > 0;
  return ctx.caps.detection().gpu_vm_size.search(size);
}

const VmSize* smallest_size_holding(const VmSize& needs, const InstanceTypes& types) {
  const VmSizeTable& sizes = VmSizeTable::builtin();
  const VmSize* best = nullptr;
  for (const std::string& name : types.all()) {
    const VmSize* s = sizes.find(name);
    if (!s || sizes.retired_family(name) || s->vcpus < needs.vcpus ||
        s->memory_gb < needs.memory_gb || s->gpus < needs.gpus || s->memory_gb <= 0)
      continue;
    if (!best || std::tie(s->memory_gb, s->vcpus) < std::tie(best->memory_gb, best->vcpus))
      best = s;
  }
  return best;
}

std::optional<TextEdit> scalar_edit(const Manifest& m, const Node& n, std::string_view text,
                                    bool unquote) {
  if (n.kind != NodeKind::kScalar || n.has_tag || !m.file->has_text()) return std::nullopt;
  const std::string_view source = m.file->text();
  if (n.range.end > source.size() || n.range.begin >= n.range.end) return std::nullopt;
  const std::string_view original = source.substr(n.range.begin, n.range.end - n.range.begin);
  if (original.find_first_of("\n\r") != std::string_view::npos) return std::nullopt;
  const bool quoted = original.front() == '"' || original.front() == '\'';
  // The range must be the scalar as written, and nothing else (an anchor).
  if (quoted != n.is_quoted() ||
      (quoted && (original.size() < 2 || original.back() != original.front())) ||
      (!quoted && original != n.text))
    return std::nullopt;
  if (!quoted && unquote) return std::nullopt;
  std::string replacement(text);
  if (quoted && !unquote) {
    if (replacement.find_first_of("\"'\\") != std::string::npos) return std::nullopt;
    replacement = original.front() + replacement + original.back();
  }
  return TextEdit{n.range, std::move(replacement)};
}

std::string dated_source(const Citation& cite, const CapabilityTable& table) {
  const Source* source = table.source_of(cite);
  if (!source) return cite.label();
  return (source->short_title.empty() ? source->title : source->short_title) + " of " +
         source->as_of;
}

std::string describe_manifest(const Manifest& m, const Context& ctx) {
  std::string what = std::string(format_name(m.format));
  if (const Target* t = v2_target(m, ctx)) what = t->short_name;
  return file_name(m) + ", " + what;
}

std::optional<WebServiceSecurity> web_service_security(const Manifest& m, const Context& ctx) {
  const Node* root = m.root();
  if (!root || !root->is_map()) return std::nullopt;
  WebServiceSecurity s;
  if (m.format == Format::kV1DeploymentConfig) {
    s.target = m.target;
    s.anchor = m.compute_type;
    s.auth = root->entry("authEnabled");
    s.token_auth = root->entry("tokenAuthEnabled");
    s.tls = root->entry("sslEnabled");
  } else if (m.format == Format::kAmlDeployAction) {
    // Without deployment_compute_target the action deploys to ACI.
    const MapEntry* aks = root->entry("deployment_compute_target");
    s.target = ctx.caps.target_for_v1_compute_type(aks ? "aks" : "aci");
    s.anchor =
        aks ? aks->key
            : (root->resolved().entries.empty() ? root : root->resolved().entries.front().key);
    s.auth = root->entry("authentication_enabled");
    s.token_auth = root->entry("token_auth_enabled");
    s.tls = root->entry("ssl_enabled");
  }
  if (!s.target || !s.anchor) return std::nullopt;
  return s;
}

bool is_true(const MapEntry* entry) {
  return entry && entry->value->is_scalar() && as_bool(entry->value).value_or(false);
}

}  // namespace amlint::rules
