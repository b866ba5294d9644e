// AML507: a resource limit below its request (v1 cpuLimit/memoryInGBLimit,
// Kubernetes resources.limits against resources.requests).
#include <cmath>

#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "schema/schema.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML507",
                         "limit-below-request",
                         Severity::kError,
                         RuleFamily::kStructure,
                         "",
                         "a resource limit below its request (Kubernetes quantities parsed)"};

}  // namespace

// A Kubernetes quantity ("200Mi", "0.5", "100m", "1Gi", "1e3") as a number.
std::optional<double> kubernetes_quantity(std::string_view text) {
  text = trim(text);
  static const std::pair<std::string_view, double> kSuffixes[] = {{"Ki", 1024.0},
                                                                  {"Mi", 1048576.0},
                                                                  {"Gi", 1073741824.0},
                                                                  {"Ti", 1099511627776.0},
                                                                  {"Pi", 1125899906842624.0},
                                                                  {"Ei", 1152921504606846976.0},
                                                                  {"m", 1e-3},
                                                                  {"k", 1e3},
                                                                  {"M", 1e6},
                                                                  {"G", 1e9},
                                                                  {"T", 1e12},
                                                                  {"P", 1e15},
                                                                  {"E", 1e18}};
  double factor = 1;
  for (const auto& [suffix, f] : kSuffixes) {
    if (ends_with(text, suffix) && text.size() > suffix.size()) {
      const char before = text[text.size() - suffix.size() - 1];
      if (before >= '0' && before <= '9') {
        factor = f;
        text.remove_suffix(suffix.size());
        break;
      }
    }
  }
  Node number;
  number.kind = NodeKind::kScalar;
  number.text = std::string(text);
  const auto value = as_number(&number);
  if (!value || *value < 0) return std::nullopt;
  return *value * factor;
}

namespace {

class LimitBelowRequest final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    if (m.format == Format::kV1DeploymentConfig) {
      const Node* resources = m.root()->get("containerResourceRequirements");
      const schema::SchemaFile* file = schema::builtin(schema_name(m.format));
      if (!resources || !m.target || !m.compute_type || !file) return;
      // Only where the target reads limits (ACI does not: AML505 says so).
      const std::string type = m.compute_type->resolved().text;
      if (schema::applies_to(*file, "/containerResourceRequirements/cpuLimit", type)) {
        compare(m, resources->entry("cpu"), resources->entry("cpuLimit"), out, false);
      }
      if (schema::applies_to(*file, "/containerResourceRequirements/memoryInGBLimit", type)) {
        compare(m, resources->entry("memoryInGB"), resources->entry("memoryInGBLimit"), out, false);
      }
    } else if (m.format == Format::kV2KubernetesOnlineDeployment) {
      const Node* requests =
          m.root()->get("resources") ? m.root()->get("resources")->get("requests") : nullptr;
      const Node* limits =
          m.root()->get("resources") ? m.root()->get("resources")->get("limits") : nullptr;
      if (!requests || !limits) return;
      for (const char* k : {"cpu", "memory", "nvidia.com/gpu"}) {
        compare(m, requests->entry(k), limits->entry(k), out, true);
      }
    }
  }

 private:
  static void compare(const Manifest& m, const MapEntry* request, const MapEntry* limit, Sink& out,
                      bool k8s) {
    if (!request || !limit) return;
    const auto r = k8s ? kubernetes_quantity(value_text(request->value).value_or(""))
                       : as_number(request->value);
    const auto l =
        k8s ? kubernetes_quantity(value_text(limit->value).value_or("")) : as_number(limit->value);
    if (!r || !l || *l >= *r) return;
    out.report(kInfo, m, *limit->value,
               rules::key_value(*limit->key, *limit->value) + " is below the request " +
                   rules::key_value(*request->key, *request->value) +
                   "; a limit must be at least the request: raise the limit or lower the request",
               {Related{m.locate(*request->value), "the request is here"}});
  }
};

}  // namespace

std::unique_ptr<Check> make_limit_below_request() { return std::make_unique<LimitBelowRequest>(); }

}  // namespace amlint
