// AML203: the model given by --model is at or over the target's model-size
// limit (F5). Sizes come from file metadata; no model is read.
#include <cmath>

#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML203",
                         "model-over-target-limit",
                         Severity::kError,
                         RuleFamily::kLimit,
                         "F5",
                         "the model (--model) is at or over the target's model-size limit",
                         "targets.*.model_size_gb"};

class ModelOverTargetLimit final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV1DeploymentConfig || !ctx.model || !m.target ||
        !m.target->model_size_gb || !m.compute_type) {
      return;
    }
    const Limit& limit = *m.target->model_size_gb;
    if (static_cast<double>(ctx.model->bytes) < limit.less_than * rules::kBytesPerGb) return;
    std::string message = "the model " + quote(ctx.model->path) + " is " +
                          format_bytes(ctx.model->bytes) + ", but " + m.target->short_name +
                          " suits only models under " + format_number(limit.less_than) + " GB";
    if (!limit.instead.empty()) message += "; use " + limit.instead;
    out.report(kInfo, m, *m.compute_type, message);
  }
};

}  // namespace

std::unique_ptr<Check> make_model_over_target_limit() {
  return std::make_unique<ModelOverTargetLimit>();
}

}  // namespace amlint
