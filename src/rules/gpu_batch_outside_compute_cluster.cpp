// AML102: a batch deployment runs on something other than a compute cluster
// (or Kubernetes compute), or asks for a GPU other than through its compute
// (F2: GPU batch scoring runs on compute clusters).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML102",
    "gpu-batch-outside-compute-cluster",
    Severity::kError,
    RuleFamily::kCapability,
    "F2",
    "a batch deployment's compute is not a cluster, or it asks for a GPU elsewhere",
    "targets.*.gpu_batch, targets.*.batch_compute, detection.gpu_vm_size, vm_sizes"};

class GpuBatchOutsideComputeCluster final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (!is_batch_deployment(m.format)) return;
    const std::string clusters = rules::targets_where(
        ctx, [](const Target& t) { return t.batch_compute && t.batch_compute->value; });
    const Node& root = *m.root();
    bool on_kubernetes = false;
    for (const MapEntry* compute :
         {root.entry("compute"), rules::entry_at(&root, {"settings", "default_compute"})}) {
      const auto ref = compute ? value_text(compute->value) : std::nullopt;
      const Manifest* target = ref ? ctx.project.compute_named(m, *ref) : nullptr;
      const Target* kind = target ? rules::v2_target(*target, ctx) : nullptr;
      on_kubernetes = on_kubernetes || (target && target->format == Format::kV2KubernetesCompute);
      if (kind && kind->batch_compute && !kind->batch_compute->value) {
        const Node& type =
            target->root()->get("type") ? *target->root()->get("type") : *target->root();
        out.report(kInfo, m, *compute->value,
                   rules::key_value(*compute->key, *compute->value) + " is " +
                       rules::describe_manifest(*target, ctx) + "; batch deployments run on " +
                       clusters + ": point compute at a compute cluster",
                   {Related{target->locate(type), "the compute is defined here"}});
      }
    }
    // A GPU comes from the compute cluster, never from the deployment. On
    // Kubernetes compute, resources.instance_type picks the cluster's
    // InstanceType resource, which is how GPUs are asked for there.
    if (on_kubernetes) return;
    for (const MapEntry* e :
         {root.entry("instance_type"), rules::entry_at(&root, {"resources", "instance_type"})}) {
      const auto size = e ? value_text(e->value) : std::nullopt;
      if (!size || !rules::is_gpu_vm_size(*size, ctx)) continue;
      out.report(kInfo, m, *e->value,
                 rules::key_value(*e->key, *e->value) +
                     " asks for a GPU, but a batch deployment gets its GPUs "
                     "from its compute: create a GPU compute cluster and set compute to it");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_gpu_batch_outside_compute_cluster() {
  return std::make_unique<GpuBatchOutsideComputeCluster>();
}

}  // namespace amlint
