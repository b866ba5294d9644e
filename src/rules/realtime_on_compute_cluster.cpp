// AML104: an online endpoint or deployment whose compute resolves to a target
// that serves no real-time traffic (a compute cluster serves batch scoring).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML104",
    "realtime-on-compute-cluster",
    Severity::kError,
    RuleFamily::kCapability,
    "F13",
    "a Kubernetes online endpoint whose compute is a compute cluster (or instance, or VM)",
    "targets.*.real_time"};

class RealtimeOnComputeCluster final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    // Only Kubernetes online endpoints name a compute; elsewhere `compute`
    // is an unknown key (AML501).
    if (m.format != Format::kV2KubernetesOnlineEndpoint) return;
    const MapEntry* compute = m.root()->entry("compute");
    const auto ref = compute ? value_text(compute->value) : std::nullopt;
    const Manifest* target = ref ? ctx.project.compute_named(m, *ref) : nullptr;
    const Target* kind = target ? rules::v2_target(*target, ctx) : nullptr;
    if (!kind || !kind->real_time || kind->real_time->value) return;
    const std::string serving = rules::targets_where(ctx, [](const Target& t) {
      return t.real_time && t.real_time->value && !t.v2_formats.empty();
    });
    const Node& type = target->root()->get("type") ? *target->root()->get("type") : *target->root();
    out.report(kInfo, m, *compute->value,
               rules::key_value(*compute->key, *compute->value) + " is " +
                   rules::describe_manifest(*target, ctx) +
                   (kind->used_for ? ", which is for " + kind->used_for->value : std::string()) +
                   ", not for real-time requests; attach " + serving + " and point compute at it",
               {Related{target->locate(type), "the compute is defined here"}});
  }
};

}  // namespace

std::unique_ptr<Check> make_realtime_on_compute_cluster() {
  return std::make_unique<RealtimeOnComputeCluster>();
}

}  // namespace amlint
