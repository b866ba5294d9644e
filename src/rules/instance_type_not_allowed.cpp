// AML510: a managed online deployment's instance_type outside the closed list
// of sizes managed online endpoints accept (rules/vm-sizes.yaml); a size the
// docs call possibly too small is a warning.
#include "capability/vm_sizes.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML510", "instance-type-not-allowed", Severity::kError, "",
                         "a managed online instance_type outside the allowed VM sizes"};

class InstanceTypeNotAllowed final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV2ManagedOnlineDeployment) return;
    const MapEntry* e = m.root()->entry("instance_type");
    const auto type = e ? as_text(e->value) : std::nullopt;
    const VmSizeTable& sizes = VmSizeTable::builtin();
    if (!type || sizes.managed_online_list().empty()) return;
    if (ctx.caps.detection().fpga_vm_size.full_match(*type) || sizes.retired_family(*type))
      return;  // AML103, AML403
    if (sizes.managed_online_too_small(*type)) {
      out.report(kInfo, Severity::kWarning, m.locate(*e->value),
                 rules::key_value(*e->key, *e->value) +
                     " may be too small for a managed online deployment; "
                     "test under load or choose a larger size");
      return;
    }
    if (sizes.managed_online_allowed(*type)) return;
    std::string message =
        rules::key_value(*e->key, *e->value) + " is not a size managed online endpoints offer";
    // Suggest current sizes of the same kind: a GPU size for a GPU typo.
    const bool gpu = rules::is_gpu_vm_size(*type, ctx);
    std::vector<std::string> candidates;
    for (const std::string& c : sizes.managed_online_list()) {
      if (!sizes.retired_family(c) && rules::is_gpu_vm_size(c, ctx) == gpu) candidates.push_back(c);
    }
    std::vector<std::string> near = closest_matches(*type, candidates);
    for (std::string& n : near) n = "'" + n + "'";
    message += near.empty() ? "; choose one from the managed online VM size list"
                            : "; did you mean " + join_or(near) + "?";
    out.report(kInfo, m, *e->value, message);
  }
};

}  // namespace

std::unique_ptr<Check> make_instance_type_not_allowed() {
  return std::make_unique<InstanceTypeNotAllowed>();
}

}  // namespace amlint
