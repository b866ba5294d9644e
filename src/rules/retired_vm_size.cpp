// AML403: an instance type or VM size from a retired family (retirement
// dates are data in rules/vm-sizes.yaml).
#include "capability/vm_sizes.h"
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML403", "retired-vm-size", Severity::kError, "",
                         "an instance_type or size from a retired VM family",
                         "retired"};

class RetiredVmSize final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (is_v1(m.format) || m.format == Format::kUnknown || !m.root()) return;
    const VmSizeTable& sizes = VmSizeTable::builtin();
    rules::for_each_entry(*m.root(), [&](const Node& key, const Node& value) {
      const std::string folded = fold_identifier(key.resolved().text);
      if (folded != "instancetype" && folded != "size" && folded != "vmsize") return;
      const auto name = value_text(&value);
      const RetiredFamily* family = name ? sizes.retired_family(*name) : nullptr;
      if (!family) return;
      const bool past = ctx.today >= family->retired;
      std::string message = rules::key_value(key, value) + " belongs to the " + family->name +
                            " family, " + (past ? "retired on " : "retiring on ") +
                            family->retired;
      if (!past && !family->note.empty()) message += ", and " + family->note;
      if (const std::string next = family->successor_of(*name); !next.empty()) {
        message += "; use " + next + ", its documented successor";
      } else if (!family->instead.empty()) {
        message += "; use " + family->instead;
      }
      out.report(kInfo, past ? Severity::kError : Severity::kWarning, m.locate(value), message);
    });
  }
};

}  // namespace

std::unique_ptr<Check> make_retired_vm_size() { return std::make_unique<RetiredVmSize>(); }

}  // namespace amlint
