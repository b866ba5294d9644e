// AML508: names Azure ML rejects. Single names, compute names included, are
// checked by the schemas (x-amlint-rule: AML508); this check adds the
// Kubernetes rule that an endpoint and deployment name together take 6 to 62
// characters.
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML508",
                         "invalid-name",
                         Severity::kError,
                         RuleFamily::kStructure,
                         "",
                         "an endpoint, deployment, compute or namespace name Azure ML rejects",
                         "targets.*.limits.endpoint_and_deployment_name_length"};

class InvalidName final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV2KubernetesOnlineDeployment) return;
    const Bound* bound = rules::limit_of(m, ctx, "endpoint_and_deployment_name_length");
    if (!bound) return;
    const double min = bound->min.value_or(0);
    const double max = bound->max;
    const MapEntry* name = m.root()->entry("name");
    const auto deployment = name ? value_text(name->value) : std::nullopt;
    const auto endpoint = value_text(m.root()->get("endpoint_name"));
    if (!deployment || !endpoint) return;
    const int length = count_code_points(*deployment) + count_code_points(*endpoint);
    if (length >= min && length <= max) return;
    out.report(kInfo, m, *name->value,
               "endpoint name and deployment name take " + std::to_string(length) +
                   " characters together, but " + rules::v2_target(m, ctx)->short_name + " needs " +
                   format_number(min) + " to " + format_number(max) +
                   (length > max ? "; shorten them" : "; lengthen them"));
  }
};

}  // namespace

std::unique_ptr<Check> make_invalid_name() { return std::make_unique<InvalidName>(); }

}  // namespace amlint
