// AML402: every file that only SDK v1 and CLI v1 read (v1 deployment
// configs, inference configs that no deployment config pairs with, aml-deploy
// action parameters): both have reached the end of their support (dates in
// rules/compute-targets.yaml, lifecycle).
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML402",
                         "v1-deployment-retired",
                         Severity::kWarning,
                         RuleFamily::kLifecycle,
                         "",
                         "a file only SDK v1 and CLI v1 read: their support has ended",
                         "lifecycle.cli_v1, lifecycle.sdk_v1"};

class V1DeploymentRetired final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    const LifecycleEvent* cli = ctx.caps.lifecycle("cli_v1");
    const LifecycleEvent* sdk = ctx.caps.lifecycle("sdk_v1");
    if (!cli || !sdk || !m.root()) return;
    const Node& root = m.root()->resolved();
    if (m.format == Format::kV1DeploymentConfig || m.format == Format::kV1InferenceConfig) {
      const bool deployment = m.format == Format::kV1DeploymentConfig;
      // A pair is one deployment: its deployment config carries the finding.
      if (!deployment && !rules::paired(m, ctx).empty()) return;
      const MapEntry* e = root.entry(deployment ? "computeType" : "entryScript");
      if (!e) return;
      out.report(kInfo, m, *e->key,
                 std::string(deployment ? "v1 deployment configs (az ml model deploy --dc)"
                                        : "v1 inference configs (az ml model deploy --ic)") +
                     " are read only by CLI v1 (support " + ended(*cli, ctx) +
                     ") and SDK v1 (support " + ended(*sdk, ctx) + "); move to " + cli->instead);
    } else if (m.format == Format::kAmlDeployAction && !root.entries.empty()) {
      out.report(kInfo, m, *root.entries.front().key,
                 "the aml-deploy action deploys with SDK v1 (azureml-core), whose support " +
                     ended(*sdk, ctx) +
                     "; deploy with CLI v2 (az ml online-deployment create) "
                     "to a managed or Kubernetes online endpoint instead");
    }
  }

 private:
  static std::string ended(const LifecycleEvent& event, const Context& ctx) {
    return (ctx.today >= event.ended ? "ended on " : "ends on ") + event.ended;
  }
};

}  // namespace

std::unique_ptr<Check> make_v1_deployment_retired() {
  return std::make_unique<V1DeploymentRetired>();
}

}  // namespace amlint
