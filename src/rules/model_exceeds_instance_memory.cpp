// AML204: a local model whose size x 1.5 exceeds the RAM of the deployment's
// instance type (the docs: start with a machine with 150% of the model's RAM).
#include <filesystem>

#include "capability/vm_sizes.h"
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/files.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML204",
                         "model-exceeds-instance-memory",
                         Severity::kWarning,
                         RuleFamily::kLimit,
                         "",
                         "a local model needs more than its instance type's RAM (x1.5 headroom)",
                         "sizing.model_ram_headroom, vm_sizes"};

class ModelExceedsInstanceMemory final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV2ManagedOnlineDeployment) return;
    const double headroom = ctx.caps.sizing().model_ram_headroom;
    const MapEntry* path = rules::entry_at(m.root(), {"model", "path"});
    const auto model = path ? value_text(path->value) : std::nullopt;
    const auto type = value_text(m.root()->get("instance_type"));
    if (!model || !type || starts_with(*model, "azureml:") ||
        model->find("://") != std::string_view::npos) {
      return;
    }
    const VmSize* size = VmSizeTable::builtin().find(*type);
    if (!size || size->memory_gb <= 0 || !m.file->has_path()) return;  // memory unknown
    const std::filesystem::path on_disk = std::filesystem::path(m.directory) / std::string(*model);
    const auto bytes = disk_size(on_disk.string());
    if (!bytes) return;  // AML601 reports a missing path
    const double needed = static_cast<double>(*bytes) * headroom / rules::kBytesPerGb;
    if (needed <= size->memory_gb) return;
    out.report(kInfo, m, *path->value,
               "the model at " + quote(*model) + " is " + format_bytes(*bytes) +
                   "; a machine with " + format_number(headroom * 100) + "% of that, " +
                   format_number(static_cast<double>(static_cast<long long>(needed * 10)) / 10) +
                   " GB of RAM, is the advised start, but " + size->name + " has " +
                   format_number(size->memory_gb) + " GB: choose a larger instance_type");
  }
};

}  // namespace

std::unique_ptr<Check> make_model_exceeds_instance_memory() {
  return std::make_unique<ModelExceedsInstanceMemory>();
}

}  // namespace amlint
