// AML401: a deployment to a target that was a preview and is no longer an
// Azure ML deployment target (F11): Azure ML modules on IoT Edge, and models
// packaged as Azure Functions.
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML401",
                         "preview-target",
                         Severity::kInfo,
                         RuleFamily::kLifecycle,
                         "F11",
                         "a deployment to a former preview target (IoT Edge ML modules, Azure "
                         "Functions)",
                         "targets.*.preview, detection.functions_packaging"};

bool preview(const Target* t) { return t && t->preview && t->preview->value; }

const Target* target_named(const Context& ctx, std::string_view id) {
  for (const Target& t : ctx.caps.targets()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

// Modules that read or write the routes Azure ML's IoT images use
// (amlInput / amlOutput): the ML modules of an IoT Edge manifest.
std::vector<std::string> ml_modules(const Node& root) {
  std::vector<std::string> names;
  const MapEntry* routes =
      rules::entry_at(&root, {"modulesContent", "$edgeHub", "properties.desired", "routes"});
  if (!routes || !routes->value->is_map()) return names;
  rules::for_each_scalar(*routes->value, [&](const Node& route) {
    const std::string lower = to_lower(route.text);
    for (std::string_view marker : {"/outputs/amloutput", "/inputs/amlinput"}) {
      const std::size_t at = lower.find(marker);
      if (at == std::string::npos) continue;
      const std::size_t start = route.text.rfind("/modules/", at);
      if (start == std::string::npos) continue;
      std::string name = route.text.substr(start + 9, at - start - 9);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  });
  return names;
}

class PreviewTarget final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format == Format::kIotEdgeManifest) {
      const Target* edge = rules::v2_target(m, ctx);
      if (!preview(edge)) return;
      const MapEntry* modules = rules::entry_at(
          m.root(), {"modulesContent", "$edgeAgent", "properties.desired", "modules"});
      for (const std::string& name : ml_modules(*m.root())) {
        const MapEntry* module = nullptr;
        if (modules && modules->value->is_map()) {
          for (const MapEntry& e : modules->value->resolved().entries) {
            if (iequals(e.key->resolved().text, name)) module = &e;
          }
        }
        if (!module) continue;  // a route to an undefined module: AML503
        out.report(kInfo, m, *module->key,
                   "module '" + name + "' serves an Azure ML model on " + edge->short_name +
                       ", a preview that is no longer an Azure ML deployment target: it has "
                       "no SLA and no Azure ML support; serve the model from an online "
                       "endpoint, or own the module as your own container");
      }
      return;
    }
    if (m.format == Format::kAmlDeployAction) {
      const MapEntry* image = m.root()->entry("create_image");
      const auto value = image ? value_text(image->value) : std::nullopt;
      const Target* functions = target_named(ctx, "functions");
      if (!value || !ctx.caps.detection().functions_packaging.search(*value) || !preview(functions))
        return;
      out.report(kInfo, m, *image->value,
                 rules::key_value(*image->key, *image->value) + " packages the model for " +
                     functions->short_name +
                     ", a preview that is no longer an Azure ML deployment target; deploy to "
                     "a managed online endpoint instead");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_preview_target() { return std::make_unique<PreviewTarget>(); }

}  // namespace amlint
