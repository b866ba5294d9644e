// AML509: an endpoint's traffic that does not add up (0 or 100), that names
// a deployment the project does not have, or mirror traffic to more than one
// deployment. Value ranges are in the schemas (x-amlint-rule: AML509).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML509",
    "invalid-traffic",
    Severity::kError,
    RuleFamily::kStructure,
    "",
    "traffic not summing to 0 or 100, naming an unknown deployment, or bad mirror traffic"};

class InvalidTraffic final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (!is_online_endpoint(m.format)) return;
    const Node& root = *m.root();
    const auto name = value_text(root.get("name"));
    std::vector<std::string> known;  // deployments of this endpoint in the run
    if (name) {
      for (const Manifest* d : ctx.project.deployments_of(m, *name, false)) {
        if (const auto n = value_text(d->root()->get("name"))) known.emplace_back(*n);
      }
    }
    if (const MapEntry* traffic = root.entry("traffic"); traffic && traffic->value->is_map()) {
      double sum = 0;
      bool numeric = true;
      for (const MapEntry& e : traffic->value->resolved().entries) {
        const auto v = as_number(e.value);
        numeric = numeric && v.has_value();
        sum += v.value_or(0);
        unknown_deployment(m, e, known, out);
      }
      if (numeric && sum != 0 && sum != 100) {
        out.report(kInfo, m, *traffic->key,
                   "traffic adds up to " + format_number(sum) +
                       "%; it must total 0 or 100: adjust the shares");
        whole_share(m, traffic->value->resolved(), known, out);
      }
    }
    if (const MapEntry* mirror = root.entry("mirror_traffic"); mirror && mirror->value->is_map()) {
      const auto& entries = mirror->value->resolved().entries;
      const Node* traffic = root.get("traffic");
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string& target = entries[i].key->resolved().text;
        const Node* live = traffic ? traffic->get(target) : nullptr;
        if (live && as_number(live).value_or(0) > 0) {
          out.report(kInfo, m, *entries[i].key,
                     "deployment '" + target +
                         "' gets live traffic and mirrored traffic; a deployment receives "
                         "one or the other: mirror to a deployment that takes no live traffic",
                     {Related{m.locate(*live), "its live traffic is here"}});
        }
        if (i > 0) {
          out.report(kInfo, m, *entries[i].key,
                     "mirror_traffic copies traffic to one deployment only; remove '" +
                         entries[i].key->resolved().text + "'");
        }
        unknown_deployment(m, entries[i], known, out);
      }
    }
  }

 private:
  // One deployment sharing traffic and no other known: it takes it all.
  // Unsafe: the user may have meant to add another deployment's share.
  static void whole_share(const Manifest& m, const Node& traffic,
                          const std::vector<std::string>& known, Sink& out) {
    if (traffic.entries.size() != 1) return;
    const MapEntry& only = traffic.entries.front();
    const std::string& name = only.key->resolved().text;
    if (std::any_of(known.begin(), known.end(),
                    [&](const std::string& k) { return !iequals(k, name); }))
      return;
    if (auto edit = rules::scalar_edit(m, *only.value, "100")) {
      out.fix("give '" + name + "' 100", Applicability::kUnsafe, {std::move(*edit)});
    }
  }

  static void unknown_deployment(const Manifest& m, const MapEntry& e,
                                 const std::vector<std::string>& known, Sink& out) {
    const std::string& name = e.key->resolved().text;
    if (is_placeholder(std::string_view(name))) return;  // a templated deployment name
    if (known.empty()) {
      // No deployment of this endpoint is in the project: it may have been
      // deployed from elsewhere, so a warning, not an error.
      const auto endpoint = value_text(m.root()->get("name"));
      out.report(kInfo, Severity::kWarning, m.locate(*e.key),
                 "traffic names deployment '" + name + "', but no deployment of " +
                     (endpoint ? "endpoint " + quote(*endpoint) : std::string("this endpoint")) +
                     " is in the project; az ml refuses traffic to a deployment the endpoint "
                     "does not have: add its deployment file, or check the name");
      return;
    }
    if (std::any_of(known.begin(), known.end(),
                    [&](const std::string& k) { return iequals(k, name); }))
      return;
    std::string message =
        "traffic names deployment '" + name + "', which no deployment of this endpoint has";
    std::vector<std::string> near = closest_matches(name, known);
    for (std::string& n : near) n = "'" + n + "'";
    message +=
        near.empty() ? "; known: " + join(known, ", ") : "; did you mean " + join_or(near) + "?";
    out.report(kInfo, m, *e.key, message);
  }
};

}  // namespace

std::unique_ptr<Check> make_invalid_traffic() { return std::make_unique<InvalidTraffic>(); }

}  // namespace amlint
