// AML512: a setting above what the service allows by default (limits are data
// in rules/compute-targets.yaml: request time-out, instances per deployment,
// deployments per endpoint).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML512",
    "over-service-limit",
    Severity::kWarning,
    RuleFamily::kStructure,
    "",
    "a request time-out, instance count or deployment count over the service limit",
    "targets.*.limits, detection.prompt_flow_model_property, detection.prompt_flow_variable, "
    "detection.prompt_flow_image"};

// Whether a deployment shows that it serves a prompt flow: the model
// property the service reads, a variable of prompt flow's serving image, or
// that image.
bool is_prompt_flow(const Manifest& m, const Context& ctx) {
  const Detection& d = ctx.caps.detection();
  const Node& root = *m.root();
  const auto has_key = [](const Node* map, const Pattern& p) {
    if (!map || !map->is_map()) return false;
    for (const MapEntry& e : map->resolved().entries) {
      if (p.full_match(e.key->resolved().text)) return true;
    }
    return false;
  };
  const Node* model = root.get("model");
  if (has_key(model ? model->get("properties") : nullptr, d.prompt_flow_model_property))
    return true;
  if (has_key(root.get("environment_variables"), d.prompt_flow_variable)) return true;
  const Node* environment = root.get("environment");
  const auto image = value_text(environment ? environment->get("image") : nullptr);
  return image && d.prompt_flow_image.search(*image);
}

class OverServiceLimit final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (is_online_deployment(m.format)) {
      const bool flow = is_prompt_flow(m, ctx) &&
                        rules::limit_of(m, ctx, "prompt_flow_request_timeout_ms") != nullptr;
      over(m, ctx, rules::entry_at(m.root(), {"request_settings", "request_timeout_ms"}),
           flow ? "prompt_flow_request_timeout_ms" : "request_timeout_ms", out,
           flow ? " for a prompt flow deployment" : "");
      over(m, ctx, m.root()->entry("instance_count"), "instance_count", out);
      return;
    }
    if (!is_online_endpoint(m.format)) return;
    const Bound* bound = rules::limit_of(m, ctx, "deployments_per_endpoint");
    const MapEntry* name = m.root()->entry("name");
    const auto text = name ? value_text(name->value) : std::nullopt;
    if (!bound || !text) return;
    const std::size_t count = ctx.project.deployments_of(m, *text, false).size();
    if (static_cast<double>(count) <= bound->max) return;
    out.report(kInfo, m, *name->value,
               "endpoint '" + std::string(*text) + "' has " + std::to_string(count) +
                   " deployments, over the limit of " + format_number(bound->max) +
                   " per endpoint (" + rules::dated_source(bound->cite, ctx.caps) +
                   "); delete old deployments or split the endpoint");
  }

 private:
  static void over(const Manifest& m, const Context& ctx, const MapEntry* e,
                   const std::string& limit, Sink& out, const std::string& what = "") {
    const Bound* bound = rules::limit_of(m, ctx, limit);
    const auto v = e ? as_number(e->value) : std::nullopt;
    if (!bound || !v || *v <= bound->max) return;
    std::string message = rules::key_value(*e->key, *e->value) + " is over the limit of " +
                          format_number(bound->max) + what + " on " +
                          rules::v2_target(m, ctx)->short_name + " (" +
                          rules::dated_source(bound->cite, ctx.caps) + ")";
    const Bound* flow = rules::limit_of(m, ctx, "prompt_flow_request_timeout_ms");
    if (limit == "request_timeout_ms" && flow && *v <= flow->max) {
      message += "; a prompt flow deployment may take " + format_number(flow->max) +
                 ": if this is one, give its model the property azureml.promptflow.source_flow_id";
    } else {
      message += "; lower it, or request a quota increase where the service allows one";
    }
    out.report(kInfo, m, *e->value, message);
  }
};

}  // namespace

std::unique_ptr<Check> make_over_service_limit() { return std::make_unique<OverServiceLimit>(); }

}  // namespace amlint
