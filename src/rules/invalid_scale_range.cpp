// AML511: a scale range that cannot work: minimum above maximum (v1
// autoScaler, v2 scale_settings, compute clusters, aml-deploy). Ranges such
// as a utilisation outside 1-100, and scale_settings.type on managed
// deployments, come from the schemas (x-amlint-rule: AML511).
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML511",
    "invalid-scale-range",
    Severity::kError,
    RuleFamily::kStructure,
    "",
    "min above max replicas or instances, or a utilisation target outside 1-100"};

class InvalidScaleRange final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    const Node* root = m.root();
    if (m.format == Format::kV1DeploymentConfig) {
      ordered(m, rules::entry_at(root, {"autoScaler", "minReplicas"}),
              rules::entry_at(root, {"autoScaler", "maxReplicas"}), out);
    } else if (is_online_deployment(m.format)) {
      ordered(m, rules::entry_at(root, {"scale_settings", "min_instances"}),
              rules::entry_at(root, {"scale_settings", "max_instances"}), out);
    } else if (m.format == Format::kV2AmlCompute) {
      ordered(m, root->entry("min_instances"), root->entry("max_instances"), out);
    } else if (m.format == Format::kAmlDeployAction) {
      ordered(m, root->entry("autoscale_min_replicas"), root->entry("autoscale_max_replicas"), out);
    }
  }

 private:
  static void ordered(const Manifest& m, const MapEntry* min, const MapEntry* max, Sink& out) {
    const auto lo = min ? as_number(min->value) : std::nullopt;
    const auto hi = max ? as_number(max->value) : std::nullopt;
    if (!lo || !hi || *lo <= *hi) return;
    out.report(kInfo, m, *min->value,
               rules::key_value(*min->key, *min->value) + " is above " +
                   rules::key_value(*max->key, *max->value) +
                   "; the minimum cannot exceed the maximum",
               {Related{m.locate(*max->value), "the maximum is here"}});
  }
};

}  // namespace

std::unique_ptr<Check> make_invalid_scale_range() { return std::make_unique<InvalidScaleRange>(); }

}  // namespace amlint
