// AML302: a deployment config sets cluster (node) autoscaling, which the
// Azure ML SDK and CLI cannot set (F9). Replica autoscaling is fine.
#include <algorithm>

#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML302",
                         "cluster-autoscale-via-sdk",
                         Severity::kError,
                         RuleFamily::kUsage,
                         "F9",
                         "a deployment config sets cluster (node) autoscaling",
                         "targets.*.cluster_autoscale_via_sdk, detection.node_autoscale_keys"};

class ClusterAutoscaleViaSdk final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig) return;
    const auto& keys = ctx.caps.detection().node_autoscale_keys;
    const std::string clusters = rules::targets_where(ctx, [](const Target& t) {
      return t.cluster_autoscale_via_sdk && !t.cluster_autoscale_via_sdk->value;
    });
    rules::for_each_entry(*m.root(), [&](const Node& key, const Node& value) {
      if (!key.is_scalar()) return;
      const std::string folded = fold_identifier(key.resolved().text);
      if (std::find(keys.begin(), keys.end(), folded) == keys.end()) return;
      out.report(kInfo, m, key,
                 rules::key_value(key, value) +
                     " sets cluster (node) autoscaling, which Azure ML "
                     "deployments cannot set; scale the " +
                     clusters +
                     " cluster's nodes on the cluster itself (Azure portal), and use autoScaler "
                     "for replicas");
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_cluster_autoscale_via_sdk() {
  return std::make_unique<ClusterAutoscaleViaSdk>();
}

}  // namespace amlint
