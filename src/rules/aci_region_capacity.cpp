// AML202: CPU or memory above what one container group of the target offers,
// in the deployment's region when it names one.
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML202", "aci-region-capacity", Severity::kWarning, "",
                         "CPU or memory above what a container group offers in the region"};

class AciRegionCapacity final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || !m.target || !m.target->container_group) return;
    const Node* resources = m.root()->get("containerResourceRequirements");
    if (!resources) return;
    const auto location = as_text(m.root()->get("location"));
    const auto [capacity, listed] = m.target->container_group->for_location(location.value_or(""));
    const std::string where = listed ? "in " + std::string(*location) : "in most regions";
    const std::string instead = rules::targets_where(ctx, [](const Target& t) {
      return t.production && t.production->value && !t.v1_compute_types.empty();
    });
    struct Ask {
      const char* key;
      double max;
      const char* unit;
    };
    for (const Ask& ask :
         {Ask{"cpu", capacity.cpu, " CPUs"}, Ask{"memoryInGB", capacity.memory_gb, " GB"}}) {
      const MapEntry* e = resources->entry(ask.key);
      const auto value = e ? as_number(e->value) : std::nullopt;
      if (!value || *value <= ask.max) continue;
      out.report(kInfo, m, *e->value,
                 rules::key_value(*e->key, *e->value) + " is more than an " + m.target->short_name +
                     " container group offers " + where + " (" + format_number(ask.max) + ask.unit +
                     "); lower it or deploy to " + instead);
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_aci_region_capacity() { return std::make_unique<AciRegionCapacity>(); }

}  // namespace amlint
