// AML510: a managed online deployment's instance_type that managed online
// endpoints do not offer. The list of sizes (rules/compute-targets.yaml) may
// be older than Azure's, so only what amlint knows to be wrong is an error: a
// name that is not a VM size name, or a known size of a family the list has
// never held. A well-formed size missing from the list is a warning that
// names the list's date and how to extend it; a size the docs call possibly
// too small is a warning too.
#include <set>

#include "capability/vm_sizes.h"
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/regex.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML510",
                         "instance-type-not-allowed",
                         Severity::kError,
                         RuleFamily::kStructure,
                         "",
                         "a managed online instance_type outside the allowed VM sizes",
                         "targets.managed_online.instance_types, vm_sizes"};

class InstanceTypeNotAllowed final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (m.format != Format::kV2ManagedOnlineDeployment) return;
    const MapEntry* e = m.root()->entry("instance_type");
    const auto type = e ? value_text(e->value) : std::nullopt;
    const Target* target = rules::v2_target(m, ctx);
    if (!type || !target || !target->instance_types) return;
    const InstanceTypes& types = *target->instance_types;
    const VmSizeTable& sizes = VmSizeTable::builtin();
    const RetiredFamily* retired = sizes.retired_family(*type);
    if (ctx.caps.detection().fpga_vm_size.full_match(*type) ||
        (retired && ctx.today >= retired->retired))
      return;  // AML103, AML403
    const std::string asked = rules::key_value(*e->key, *e->value);
    if (types.is_too_small(*type)) {
      out.report(kInfo, Severity::kWarning, m.locate(*e->value),
                 asked +
                     " may be too small for a managed online deployment; "
                     "test under load or choose a larger size");
      return;
    }
    if (types.allows(*type)) return;
    const std::string list = rules::dated_source(types.cite, ctx.caps);
    static const Regex kSizeName("(?i)standard_[a-z0-9][a-z0-9_-]*");
    const VmSize* known = sizes.find(*type);
    const Suggestion meant = suggestion(*type, types, sizes, ctx);
    if (!kSizeName.full_match(trim(*type))) {
      out.report(kInfo, m, *e->value,
                 asked +
                     " is not an Azure VM size name (they read Standard_<size>, as in "
                     "Standard_DS3_v2)" +
                     meant.text);
      add_fix(m, *e->value, meant, out);
    } else if (known && !offered_families(types, sizes).count(known->family)) {
      out.report(kInfo, m, *e->value,
                 asked + " is a " + known->family + " size, a family " + list +
                     " does not hold: managed online endpoints do not offer it" + meant.text);
    } else {
      out.report(kInfo, Severity::kWarning, m.locate(*e->value),
                 asked + " is not on " + list +
                     "; if Azure offers it now, list it in capabilities.targets.managed_online."
                     "instance_types.extra of " +
                     kConfigName + meant.text);
    }
  }

 private:
  static constexpr const char* kConfigName = ".amlint.yaml";

  static std::set<std::string> offered_families(const InstanceTypes& types,
                                                const VmSizeTable& sizes) {
    std::set<std::string> out;
    for (const std::string& s : types.all()) {
      if (const VmSize* size = sizes.find(s)) out.insert(size->family);
    }
    return out;
  }

  struct Suggestion {
    std::string text;    // for the message: "; did you mean 'Standard_NC4as_T4_v3'?", or ""
    std::string size;    // the one size it names, or ""
    bool exact = false;  // the same name but for case and the Standard_ prefix
  };

  // Current sizes of the same kind (a GPU size for a GPU typo) near `type`.
  static Suggestion suggestion(std::string_view type, const InstanceTypes& types,
                               const VmSizeTable& sizes, const Context& ctx) {
    std::string wanted(type);
    if (!starts_with(to_lower(wanted), "standard_")) wanted = "Standard_" + wanted;
    const bool gpu = rules::is_gpu_vm_size(wanted, ctx);
    std::vector<std::string> candidates;
    for (const std::string& c : types.all()) {
      if (!sizes.retired_family(c) && rules::is_gpu_vm_size(c, ctx) == gpu)
        candidates.push_back(c);  // neither retired nor retiring
    }
    for (const std::string& c : candidates) {
      if (iequals(c, wanted)) return {"; did you mean '" + c + "'?", c, true};
    }
    std::vector<std::string> near = closest_matches(wanted, candidates);
    if (near.size() > 3) near.resize(3);  // the closest few, not a catalogue
    const std::string only = near.size() == 1 ? near[0] : "";
    for (std::string& n : near) n = "'" + n + "'";
    return {near.empty() ? "" : "; did you mean " + join_or(near) + "?", only, false};
  }

  // A value that is no size name, with one size meant: the listed name
  // without its Standard_ prefix is certain; the one near spelling is a
  // judgement. A real size (of a family not offered, or not on the list,
  // which may be older than Azure's) is left to the user.
  static void add_fix(const Manifest& m, const Node& value, const Suggestion& meant, Sink& out) {
    if (meant.size.empty()) return;
    if (auto edit = rules::scalar_edit(m, value, meant.size)) {
      out.fix("replace with " + meant.size,
              meant.exact ? Applicability::kSafe : Applicability::kUnsafe, {std::move(*edit)});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_instance_type_not_allowed() {
  return std::make_unique<InstanceTypeNotAllowed>();
}

}  // namespace amlint
