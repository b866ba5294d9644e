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

constexpr RuleInfo kInfo{"AML403",
                         "retired-vm-size",
                         Severity::kError,
                         RuleFamily::kLifecycle,
                         "",
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
                            " family, " + (past ? "retired on " : "retiring on ") + family->retired;
      if (!past && !family->note.empty()) message += ", and " + family->note;
      const Instead next = instead(*name, *family, m, ctx);
      message += "; use " + next.advice;
      out.report(kInfo, past ? Severity::kError : Severity::kWarning, m.locate(value), message);
      // One size named: replacing it is a judgement (capacity, price,
      // quota), so the fix is unsafe. A family named is no fix.
      if (next.size.empty()) return;
      if (auto edit = rules::scalar_edit(m, value, next.size)) {
        out.fix("replace with " + next.size, Applicability::kUnsafe, {std::move(*edit)});
      }
    });
  }

 private:
  struct Instead {
    std::string advice;  // for the message
    std::string size;    // the one size it names, or ""
  };

  // What to use instead: on a target with a closed size list, the smallest
  // listed size that holds as much (a successor off the list would be
  // refused); elsewhere the documented successor, else the guide's advice.
  static Instead instead(std::string_view size, const RetiredFamily& family, const Manifest& m,
                         const Context& ctx) {
    const Target* target = rules::v2_target(m, ctx);
    const VmSize* old = VmSizeTable::builtin().find(size);
    if (target && target->instance_types && old) {
      if (const VmSize* next = rules::smallest_size_holding(*old, *target->instance_types)) {
        return {next->name + ", the smallest size " + target->short_name +
                    " offers with at least its vCPUs, memory and GPUs",
                next->name};
      }
    }
    if (const std::string next = family.successor_of(size); !next.empty())
      return {next + ", its documented successor", next};
    return {family.instead.empty() ? "a current size" : family.instead, ""};
  }
};

}  // namespace

std::unique_ptr<Check> make_retired_vm_size() { return std::make_unique<RetiredVmSize>(); }

}  // namespace amlint
