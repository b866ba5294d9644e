// AML703: a production web service that serves plain HTTP: an ACI service
// (where TLS is set in the deployment config) in a production path without
// `sslEnabled: true`. Scoring requests then carry data and the service key in
// clear text.
#include "rules/common.h"
#include "rules/registry.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML703",
                         "tls-disabled",
                         Severity::kWarning,
                         RuleFamily::kSecurity,
                         "",
                         "a production web service is exposed without TLS",
                         "targets.*.tls_in_deployment_config, detection.production_segments"};

class TlsDisabled final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    const auto s = rules::web_service_security(m, ctx);
    if (!s || m.production.empty() || !s->target->tls_in_deployment_config ||
        !s->target->tls_in_deployment_config->value || rules::is_true(s->tls)) {
      return;
    }
    const bool v1 = m.format == Format::kV1DeploymentConfig;
    const std::string key = v1 ? "sslEnabled" : "ssl_enabled";
    const std::string files = v1 ? "sslCertificate, sslKey and cname"
                                 : "ssl_cert_pem_file, ssl_key_pem_file and ssl_cname";
    const std::string fix = "; set " + key + ": true with " + files;
    const std::string where = "this production config " + m.production;
    if (s->tls) {
      out.report(
          kInfo, m, *s->tls->value,
          key + ": false serves " + s->target->short_name + " over plain HTTP, and " + where + fix);
    } else {
      out.report(kInfo, m, *s->anchor,
                 s->target->short_name + " serves plain HTTP unless " + key + " is true, and " +
                     where + fix);
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_tls_disabled() { return std::make_unique<TlsDisabled>(); }

}  // namespace amlint
