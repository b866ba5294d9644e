// AML010: a manifest holds template placeholders (manifest/placeholder.h).
// No rule judges a placeholder, so this says once, at the first one, that
// those values were not checked.
#include "manifest/placeholder.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML010",
                         "template-placeholders",
                         Severity::kInfo,
                         RuleFamily::kInput,
                         "",
                         "a manifest holds template placeholders, whose values are not checked"};

class TemplatePlaceholders final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    if (!m.root()) return;
    const Node* first = nullptr;
    std::size_t count = 0;
    rules::for_each_scalar(*m.root(), [&](const Node& value) {
      if (!is_placeholder(value)) return;
      if (!first) first = &value;
      ++count;
    });
    if (!first) return;
    const std::string what =
        count == 1 ? "a template placeholder" : std::to_string(count) + " template placeholders";
    out.report(kInfo, m, *first,
               "this file holds " + what + ", first " + quote(first->resolved().text) +
                   ", whose values amlint does not judge; lint the rendered file to check them");
  }
};

}  // namespace

std::unique_ptr<Check> make_template_placeholders() {
  return std::make_unique<TemplatePlaceholders>();
}

}  // namespace amlint
