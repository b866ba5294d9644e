// AML202: CPU or memory above what one container group of the target can
// hold (an error past the hard limit), or above the size from which a
// deployment can fail for lack of capacity in its region (a warning).
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML202",
                         "aci-region-capacity",
                         Severity::kWarning,
                         RuleFamily::kLimit,
                         "",
                         "CPU or memory above what an ACI container group can hold",
                         "targets.*.container_group"};

class AciRegionCapacity final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || !m.target || !m.target->container_group) return;
    const Node* resources = m.root()->get("containerResourceRequirements");
    if (!resources) return;
    const ContainerGroup& group = *m.target->container_group;
    const std::string instead = rules::targets_where(ctx, [](const Target& t) {
      return t.production && t.production->value && !t.v1_compute_types.empty();
    });
    struct Ask {
      const char* key;
      double hard_limit;
      double caution;
      const char* unit;
    };
    for (const Ask& ask :
         {Ask{"cpu", group.hard_limit.cpu, group.capacity_caution.cpu, " vCPUs"},
          Ask{"memoryInGB", group.hard_limit.memory_gb, group.capacity_caution.memory_gb, " GB"}}) {
      const MapEntry* e = resources->entry(ask.key);
      const auto value = e ? as_number(e->value) : std::nullopt;
      if (!value || *value <= ask.caution) continue;
      const std::string asked = rules::key_value(*e->key, *e->value);
      if (*value > ask.hard_limit) {
        out.report(kInfo, Severity::kError, m.locate(*e->value),
                   asked + " is more than an " + m.target->short_name +
                       " container group can hold (" + format_number(ask.hard_limit) + ask.unit +
                       "); lower it or deploy to " + instead);
        continue;
      }
      out.report(kInfo, m, *e->value,
                 asked + " is above " + format_number(ask.caution) + ask.unit + ", from where " +
                     m.target->short_name +
                     " deployments can fail for lack of capacity in the region; lower it, "
                     "or deploy to " +
                     instead);
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_aci_region_capacity() { return std::make_unique<AciRegionCapacity>(); }

}  // namespace amlint
