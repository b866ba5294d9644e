// AML503 for references, a part of the schema check (rules/structure.cpp): a
// deployment whose endpoint_name names an endpoint of another kind in the
// same run (a managed deployment on a Kubernetes endpoint, a batch
// deployment on an online endpoint). az ml rejects it.
#include <algorithm>

#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

// The endpoint format a deployment format belongs to.
Format endpoint_for(Format deployment) {
  switch (deployment) {
    case Format::kV2ManagedOnlineDeployment:
      return Format::kV2ManagedOnlineEndpoint;
    case Format::kV2KubernetesOnlineDeployment:
      return Format::kV2KubernetesOnlineEndpoint;
    default:
      return is_batch_deployment(deployment) ? Format::kV2BatchEndpoint : Format::kUnknown;
  }
}

class EndpointReferences {
 public:
  void check(const Manifest& m, const Context& ctx, Sink& out) const {
    const Format wanted = endpoint_for(m.format);
    if (wanted == Format::kUnknown) return;
    const MapEntry* ref = m.root()->entry("endpoint_name");
    const auto name = ref ? value_text(ref->value) : std::nullopt;
    if (!name) return;
    // With several endpoints of that name, the deployment is wrong only when
    // none of them is of its kind.
    const std::vector<const Manifest*> endpoints = ctx.project.endpoints_named(m, *name);
    if (endpoints.empty() || std::any_of(endpoints.begin(), endpoints.end(),
                                         [&](const Manifest* e) { return e->format == wanted; })) {
      return;
    }
    const Manifest* endpoint = endpoints.front();
    const Node& at =
        endpoint->root()->get("name") ? *endpoint->root()->get("name") : *endpoint->root();
    out.report(structure_rules::kInvalidValue, m, *ref->value,
               rules::key_value(*ref->key, *ref->value) + " is " + rules::file_name(*endpoint) +
                   ", " + with_article(format_name(endpoint->format)) + ", but this is " +
                   with_article(format_name(m.format)) + "; point it at " +
                   with_article(format_name(wanted)),
               {Related{endpoint->locate(at), "the endpoint is defined here"}});
  }
};

}  // namespace

void structure_rules::report_endpoint_of_another_kind(const Manifest& m, const Context& ctx,
                                                      Sink& out) {
  EndpointReferences().check(m, ctx, out);
}

}  // namespace amlint
