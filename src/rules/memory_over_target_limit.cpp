// AML201: memory requested (request or limit) at or over the target's limit (F4).
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML201",
                         "memory-over-target-limit",
                         Severity::kError,
                         RuleFamily::kLimit,
                         "F4",
                         "memory requested at or over the target's memory limit",
                         "targets.*.memory_gb"};

class MemoryOverTargetLimit final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || !m.target || !m.target->memory_gb) return;
    const Limit& limit = *m.target->memory_gb;
    const Node* resources = m.root()->get("containerResourceRequirements");
    if (!resources) return;
    const std::string instead = rules::targets_where(ctx, [](const Target& t) {
      return t.production && t.production->value && !t.memory_gb && !t.v1_compute_types.empty();
    });
    for (const char* key : {"memoryInGB", "memoryInGBLimit"}) {
      const MapEntry* e = resources->entry(key);
      const auto gb = e ? as_number(e->value) : std::nullopt;
      if (!gb || *gb < limit.less_than) continue;
      out.report(kInfo, m, *e->value,
                 rules::key_value(*e->key, *e->value) + " asks for " + format_number(*gb) +
                     " GB, but " + m.target->short_name + " is for workloads under " +
                     format_number(limit.less_than) + " GB of RAM; lower it or deploy to " +
                     instead);
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_memory_over_target_limit() {
  return std::make_unique<MemoryOverTargetLimit>();
}

}  // namespace amlint
