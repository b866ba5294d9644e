// AML402: every v1 deployment config: CLI v1 support has ended.
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML402", "v1-deployment-retired", Severity::kWarning, "",
                         "a v1 deployment config: CLI v1 support has ended"};

class V1DeploymentRetired final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig) return;
    const Lifecycle& life = ctx.caps.lifecycle();
    const MapEntry* e = m.root()->entry("computeType");
    if (!e) return;
    const bool ended = ctx.today >= life.v1_end_of_support;
    out.report(
        kInfo, m, *e->key,
        std::string("v1 deployment configs (az ml model deploy) are retired: CLI v1 support ") +
            (ended ? "ended on " : "ends on ") + life.v1_end_of_support + "; move to " +
            life.v1_instead);
  }
};

}  // namespace

std::unique_ptr<Check> make_v1_deployment_retired() {
  return std::make_unique<V1DeploymentRetired>();
}

}  // namespace amlint
