// AML301: a deployment config for a test-only target lies under a production
// directory (F6, F7).
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML301",
                         "test-target-in-production",
                         Severity::kError,
                         RuleFamily::kUsage,
                         "F6, F7",
                         "a deployment config for a test-only target lies under a production path",
                         "targets.*.production, targets.*.used_for, detection.production_segments"};

class TestTargetInProduction final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || !m.target || !m.target->production ||
        m.target->production->value || !m.compute_type || m.production.empty()) {
      return;
    }
    const std::string instead = rules::targets_where(ctx, [](const Target& t) {
      return t.production && t.production->value && !t.v1_compute_types.empty();
    });
    std::string use = m.target->used_for ? " is for " + m.target->used_for->value + "," : " is";
    out.report(kInfo, m, *m.compute_type,
               m.target->short_name + use + " not production, but this config " + m.production +
                   "; deploy production services to " + instead);
  }
};

}  // namespace

std::unique_ptr<Check> make_test_target_in_production() {
  return std::make_unique<TestTargetInProduction>();
}

}  // namespace amlint
