#include "rules/common.h"

#include <filesystem>

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

}  // namespace amlint::rules
