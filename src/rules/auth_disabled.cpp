// AML702: a real-time web service that anyone who finds its URL can call:
// key and token authentication both off (`authEnabled: false` on AKS, or ACI,
// whose authentication is off unless asked for). Quiet in test paths.
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML702",
                         "auth-disabled",
                         Severity::kWarning,
                         RuleFamily::kSecurity,
                         "",
                         "a real-time endpoint is reachable without authentication",
                         "targets.*.auth_by_default, detection.test_segments"};

class AuthDisabled final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    const auto s = rules::web_service_security(m, ctx);
    if (!s || m.test_path || !s->target->auth_by_default || rules::is_true(s->token_auth)) return;
    const bool on = s->auth ? rules::is_true(s->auth) : s->target->auth_by_default->value;
    if (on) return;
    const std::string key =
        m.format == Format::kAmlDeployAction ? "authentication_enabled" : "authEnabled";
    const std::string service = "this " + s->target->short_name + " web service";
    if (s->auth) {
      out.report(kInfo, m, *s->auth->value,
                 key + ": false lets anyone who finds " + service + "'s URL call it; set " + key +
                     ": true (callers send the service key)");
      // Unsafe: callers that send no key then fail.
      if (s->auth->value->is_quoted()) return;
      if (auto edit = rules::scalar_edit(m, *s->auth->value, "true")) {
        out.fix("set " + key + ": true", Applicability::kUnsafe, {std::move(*edit)});
      }
    } else {
      out.report(kInfo, m, *s->anchor,
                 service + " has no authentication: " + key + " defaults to false on " +
                     s->target->short_name + "; set " + key +
                     ": true (callers send the service key)");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_auth_disabled() { return std::make_unique<AuthDisabled>(); }

}  // namespace amlint
