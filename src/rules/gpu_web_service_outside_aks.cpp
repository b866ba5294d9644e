// AML101: a web-service deployment asks for a GPU where the table gives web
// services no GPU (F1). On a local web service the hardware is the machine's
// (F14): there a GPU request is a warning.
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML101",
    "gpu-web-service-outside-aks",
    Severity::kError,
    RuleFamily::kCapability,
    "F1, F14",
    "a web-service deployment asks for a GPU on a target without GPU web services",
    "targets.*.gpu_web_service, detection.gpu_image, detection.gpu_vm_size, vm_sizes"};

struct Request {
  const Node* node;
  std::string what;  // "enableGpu: true"
};

// A target whose hardware is that of the machine it runs on (F14).
bool runs_on_local_hardware(const Target& target) {
  return target.hardware_acceleration.has_value();
}

// Why `target` cannot honour the request, and what to do; the severity.
std::pair<Severity, std::string> why_not(const Target& target, const std::string& gpu_targets) {
  if (runs_on_local_hardware(target)) {
    return {Severity::kWarning, ", whose hardware acceleration " +
                                    target.hardware_acceleration->value +
                                    " (F14): it gets a GPU only where Docker on that machine has "
                                    "one; for a GPU service, deploy to " +
                                    gpu_targets};
  }
  return {Severity::kError,
          ", which has no GPU web services; deploy to " + gpu_targets + " or drop the GPU request"};
}

bool lacks_gpu(const Manifest& deployment) {
  return deployment.target && deployment.target->gpu_web_service &&
         !deployment.target->gpu_web_service->value;
}

// GPU requests in a v1 inference config: enableGpu, cudaVersion, a GPU image.
std::vector<Request> inference_requests(const Manifest& m, const Context& ctx) {
  std::vector<Request> out;
  const Node& root = *m.root();
  if (const MapEntry* e = root.entry("enableGpu"); e && as_bool(e->value).value_or(false)) {
    out.push_back({e->value, rules::key_value(*e->key, *e->value)});
  }
  if (const MapEntry* e = root.entry("cudaVersion"); e && value_text(e->value)) {
    out.push_back({e->value, rules::key_value(*e->key, *e->value)});
  }
  const Node* docker = root.get("environment") ? root.get("environment")->get("docker") : nullptr;
  for (const MapEntry* e :
       {root.entry("baseImage"), docker ? docker->entry("baseImage") : nullptr}) {
    const auto image = e ? value_text(e->value) : std::nullopt;
    if (image && ctx.caps.detection().gpu_image.search(*image)) {
      out.push_back({e->value, "base image " + quote(*image)});
    }
  }
  return out;
}

class GpuWebServiceOutsideAks final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    // v1 configs can only move to targets that v1 deploys to.
    const std::string gpu_targets = rules::targets_where(ctx, [](const Target& t) {
      return t.gpu_web_service && t.gpu_web_service->value && !t.v1_compute_types.empty();
    });
    if (m.format == Format::kV1DeploymentConfig && lacks_gpu(m)) {
      const Node& root = *m.root();
      const Node* resources = root.get("containerResourceRequirements");
      for (const MapEntry* e :
           {root.entry("gpuCores"), resources ? resources->entry("gpu") : nullptr}) {
        if (!e || as_number(e->value).value_or(0) <= 0) continue;
        if (runs_on_local_hardware(*m.target)) {
          const auto [severity, why] = why_not(*m.target, gpu_targets);
          out.report(kInfo, severity, m.locate(*e->value),
                     rules::key_value(*e->key, *e->value) + " asks for a GPU on " +
                         m.target->short_name + why);
          continue;
        }
        out.report(kInfo, m, *e->value,
                   rules::key_value(*e->key, *e->value) + " asks for a GPU, but " +
                       m.target->short_name + " has no GPU web services; they run only on " +
                       gpu_targets + ": deploy to " + gpu_targets + " or remove the GPU request");
      }
      return;
    }
    if (m.format != Format::kV1InferenceConfig) return;
    const std::vector<Request> requests = inference_requests(m, ctx);
    if (requests.empty()) return;
    for (const Manifest* deployment : rules::paired(m, ctx)) {
      if (!lacks_gpu(*deployment)) continue;
      const auto [severity, why] = why_not(*deployment->target, gpu_targets);
      for (const Request& r : requests) {
        out.report(kInfo, severity, m.locate(*r.node),
                   r.what + " in " + rules::file_name(m) + " asks for a GPU, but " +
                       rules::file_name(*deployment) + " deploys to " +
                       deployment->target->short_name + why,
                   {rules::deploys_here(*deployment)});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_gpu_web_service_outside_aks() {
  return std::make_unique<GpuWebServiceOutsideAks>();
}

}  // namespace amlint
