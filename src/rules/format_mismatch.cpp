// AML513: the $schema URL (or, without one, the document's keys) suggest one
// format, but az ml loads another: azure-ai-ml picks an online deployment's
// class by `type: kubernetes` and an online endpoint's by `compute:`, and
// ignores $schema, which only tells editors what to check. amlint lints the
// file as az ml reads it (manifest/format.h); this says where they part.
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML513",
                         "format-mismatch",
                         Severity::kWarning,
                         RuleFamily::kStructure,
                         "",
                         "$schema or the keys suggest another format than the one az ml loads"};

// What makes az ml load `format`, and what the user does to get `hinted`.
std::string what_decides(Format format, Format hinted) {
  if (is_online_deployment(format)) {
    return format == Format::kV2KubernetesOnlineDeployment
               ? "its type: kubernetes makes az ml load a Kubernetes online deployment"
               : "without type: kubernetes az ml loads it as a managed online deployment";
  }
  if (is_online_endpoint(format)) {
    return format == Format::kV2KubernetesOnlineEndpoint
               ? "its compute: makes az ml load a Kubernetes online endpoint"
               : "without compute: az ml loads it as a managed online endpoint";
  }
  return "az ml loads it as " + with_article(format_name(format)) + ", not " +
         with_article(format_name(hinted));
}

std::string what_to_do(Format hinted, bool from_schema) {
  if (hinted == Format::kV2KubernetesOnlineDeployment)
    return from_schema ? "add type: kubernetes, or fix $schema" : "add type: kubernetes";
  if (hinted == Format::kV2KubernetesOnlineEndpoint)
    return "add compute: azureml:<your Kubernetes compute>, or fix $schema";
  return "fix $schema, so that editors check the keys az ml reads";
}

class FormatMismatch final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    const DetectedFormat d = detect_format(m.root());
    if (d.hinted == Format::kUnknown || !d.hint || d.format != m.format) return;
    const bool from_schema = !d.schema.empty();
    const std::string suggests = from_schema
                                     ? "$schema names " + with_article(format_name(d.hinted))
                                     : "this looks like " + with_article(format_name(d.hinted)) +
                                           " (" + quote(d.hint->resolved().text) + ")";
    out.report(kInfo, m, *d.hint,
               suggests + ", but " + what_decides(d.format, d.hinted) + "; " +
                   what_to_do(d.hinted, from_schema));
  }
};

}  // namespace

std::unique_ptr<Check> make_format_mismatch() { return std::make_unique<FormatMismatch>(); }

}  // namespace amlint
