// AML512: a setting above what the service allows by default (limits are data
// in rules/compute-targets.yaml: request time-out, instances per deployment,
// deployments per endpoint).
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML512", "over-service-limit", Severity::kWarning, "",
    "a request time-out, instance count or deployment count over the service limit"};

class OverServiceLimit final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (is_online_deployment(m.format)) {
      over(m, ctx, rules::entry_at(m.root(), {"request_settings", "request_timeout_ms"}),
           "request_timeout_ms", out);
      over(m, ctx, m.root()->entry("instance_count"), "instance_count", out);
      return;
    }
    if (!is_online_endpoint(m.format)) return;
    const Bound* bound = rules::limit_of(m, ctx, "deployments_per_endpoint");
    const MapEntry* name = m.root()->entry("name");
    const auto text = name ? as_text(name->value) : std::nullopt;
    if (!bound || !text) return;
    const std::size_t count = ctx.project.deployments_of(*text, false).size();
    if (static_cast<double>(count) <= bound->max) return;
    out.report(kInfo, m, *name->value,
               "endpoint '" + std::string(*text) + "' has " + std::to_string(count) +
                   " deployments, over the limit of " + format_number(bound->max) +
                   " per endpoint (" + bound->cite.label() +
                   "); delete old deployments or split the endpoint");
  }

 private:
  static void over(const Manifest& m, const Context& ctx, const MapEntry* e,
                   const std::string& limit, Sink& out) {
    const Bound* bound = rules::limit_of(m, ctx, limit);
    const auto v = e ? as_number(e->value) : std::nullopt;
    if (!bound || !v || *v <= bound->max) return;
    out.report(kInfo, m, *e->value,
               rules::key_value(*e->key, *e->value) + " is over the limit of " +
                   format_number(bound->max) + " for " + rules::v2_target(m, ctx)->short_name +
                   " (" + bound->cite.label() +
                   "); lower it, or request a quota increase where the service allows one");
  }
};

}  // namespace

std::unique_ptr<Check> make_over_service_limit() { return std::make_unique<OverServiceLimit>(); }

}  // namespace amlint
