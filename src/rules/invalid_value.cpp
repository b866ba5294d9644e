// AML503: a value outside what the format allows. For now: a v1 computeType
// that names no deployment target.
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML503", "invalid-value", Severity::kError, "",
                         "a value outside what the format allows (enum, pattern or range)"};

class InvalidValue final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || m.target || !m.compute_type) return;
    const std::vector<std::string> valid = ctx.caps.v1_compute_types();
    const auto text = as_text(m.compute_type);
    std::string message;
    if (!text) {
      message = "computeType must name a deployment target: " + join_or(valid);
    } else {
      message = "computeType " + quote(*text) + " is not a deployment target";
      std::vector<std::string> near = closest_matches(*text, valid);
      if (!near.empty()) {
        for (std::string& n : near) n = "'" + n + "'";
        message += "; did you mean " + join_or(near) + "?";
      } else {
        message += "; use " + join_or(valid);
      }
    }
    out.report(kInfo, m, *m.compute_type, message);
  }
};

}  // namespace

std::unique_ptr<Check> make_invalid_value() { return std::make_unique<InvalidValue>(); }

}  // namespace amlint
