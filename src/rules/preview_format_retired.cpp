// AML404: a file in the 2021 preview format of CLI v2 ($schema
// k8sOnlineEndpoint, onlineEndpoint ..., `target:` and deployments inline in
// the endpoint). The CLI that read it was replaced by the GA `ml` extension
// (2.4.0, 2022-05-24), whose endpoint and deployment schemas have neither
// `target` nor `deployments` and reject unknown fields, so az ml refuses the
// file. One finding per file, with what to write instead.
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML404",
    "preview-format-retired",
    Severity::kError,
    RuleFamily::kLifecycle,
    "",
    "a file in the 2021 preview format of CLI v2, which today's az ml rejects"};

class PreviewFormatRetired final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context&, Sink& out) const override {
    if (m.format != Format::kV2Preview || !m.root()) return;
    const Node& root = m.root()->resolved();
    const MapEntry* schema = root.entry("$schema");
    const MapEntry* at = schema ? schema : root.entry("deployments");
    if (!at) return;
    const std::string url(as_text(schema ? schema->value : nullptr).value_or(""));
    const std::string lower = to_lower(url);
    const bool kubernetes = lower.find("/k8s") != std::string::npos || root.get("target");
    const std::string kind = kubernetes ? "kubernetes" : "managed";
    const bool endpoint = lower.find("deployment") == std::string::npos;
    std::string name = url.substr(url.find_last_of('/') + 1);
    name = name.substr(0, name.find('.'));
    const std::string what =
        schema ? "$schema names " + name + ", the" : "inline 'deployments' are the";
    out.report(kInfo, m, *(schema ? schema->value : at->key),
               what +
                   " 2021 preview format of CLI v2, which today's az ml rejects (its endpoints "
                   "have no 'target' and no inline 'deployments'); write " +
                   (endpoint ? "the endpoint as a " + kind +
                                   "OnlineEndpoint file and each deployment as its own " + kind +
                                   "OnlineDeployment file with endpoint_name"
                             : "it as a " + kind + "OnlineDeployment file with endpoint_name") +
                   (kubernetes && endpoint ? ", and 'target' as the endpoint's 'compute'" : ""));
  }
};

}  // namespace

std::unique_ptr<Check> make_preview_format_retired() {
  return std::make_unique<PreviewFormatRetired>();
}

}  // namespace amlint
