// AML506: settings that contradict each other, as the SDK checks them when
// it builds the deployment (azureml-core validate_configuration).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML506",
    "conflicting-settings",
    Severity::kError,
    RuleFamily::kStructure,
    "",
    "settings that contradict each other (autoscale, auth, environment, SSL ...)"};

bool is_set(const Node* n) { return n && !n->is_null(); }
bool is_true(const Node* n) { return n && as_bool(n).value_or(false); }

class ConflictingSettings final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    if (m.format == Format::kV1DeploymentConfig) deployment(m, out);
    if (m.format == Format::kV1InferenceConfig) inference(m, out);
    if (m.format == Format::kAmlDeployAction) action(m, out);
    if (m.format == Format::kV2KubernetesOnlineDeployment) kubernetes_gpu(m, out);
  }

 private:
  static void deployment(const Manifest& m, Sink& out) {
    const Node& root = *m.root();
    const std::string type =
        m.target && m.compute_type ? to_lower(m.compute_type->resolved().text) : "";
    const bool aks = type == "aks" || type == "aksendpoint";
    if (aks) autoscale(m, out);
    const MapEntry* token = root.entry("tokenAuthEnabled");
    if (aks && token && is_true(token->value) && is_true(root.get("authEnabled"))) {
      out.report(kInfo, m, *token->key,
                 "tokenAuthEnabled and authEnabled are both true, which the SDK rejects; set "
                 "authEnabled: false "
                 "to use tokens, or drop tokenAuthEnabled");
    }
    if (type != "aci") return;
    if (const MapEntry* ssl = root.entry("sslEnabled"); ssl && is_true(ssl->value)) {
      std::vector<std::string> missing;
      for (const char* k : {"sslCertificate", "sslKey", "cname"}) {
        if (!is_set(root.get(k))) missing.emplace_back(k);
      }
      if (!missing.empty()) {
        out.report(kInfo, m, *ssl->key,
                   "sslEnabled: true needs sslCertificate, sslKey and cname, but " +
                       join_and(missing) + (missing.size() == 1 ? " is" : " are") +
                       " missing; add them or disable SSL");
      }
    }
    all_or_none(m, {"vnetName", "subnetName"}, "a virtual network", out);
    all_or_none(m, {"vaultBaseUrl", "keyName", "keyVersion"}, "a customer-managed key", out);
  }

  static void all_or_none(const Manifest& m, std::initializer_list<const char*> keys,
                          const char* what, Sink& out) {
    std::vector<std::string> missing;
    const MapEntry* first = nullptr;
    for (const char* k : keys) {
      const MapEntry* e = m.root()->entry(k);
      if (e && is_set(e->value)) {
        if (!first) first = e;
      } else {
        missing.emplace_back(k);
      }
    }
    if (!first || missing.empty()) return;
    std::vector<std::string> all(keys.begin(), keys.end());
    out.report(kInfo, m, *first->key,
               std::string(what) + " needs " + join_and(all) + " together, but " +
                   join_and(missing) + (missing.size() == 1 ? " is" : " are") +
                   " missing; give all of them or none");
  }

  static void autoscale(const Manifest& m, Sink& out) {
    const Node& root = *m.root();
    const Node* scaler = root.get("autoScaler");
    const MapEntry* enabled = scaler ? scaler->entry("autoscaleEnabled") : nullptr;
    const MapEntry* replicas = root.entry("numReplicas");
    const auto on = enabled ? as_bool(enabled->value) : std::nullopt;
    if (on == true && replicas && is_set(replicas->value)) {
      out.report(
          kInfo, m, *replicas->key,
          "numReplicas fixes the replica count while autoScaler.autoscaleEnabled is true; the SDK "
          "rejects both: drop numReplicas or disable autoscaling");
    }
    if (on == false && !(replicas && is_set(replicas->value))) {
      out.report(
          kInfo, m, *enabled->key,
          "autoscaleEnabled: false needs numReplicas, which is missing; set numReplicas or enable "
          "autoscaling");
    }
    if (on == true || !scaler) return;
    for (const char* k :
         {"minReplicas", "maxReplicas", "refreshPeriodInSeconds", "targetUtilization"}) {
      if (const MapEntry* e = scaler->entry(k); e && is_set(e->value)) {
        out.report(kInfo, m, *e->key,
                   std::string("autoScaler.") + k +
                       " is set but autoscaleEnabled is not true, which the SDK "
                       "rejects; add autoscaleEnabled: true or remove it");
        return;
      }
    }
  }

  // The aml-deploy action passes its parameters to the same SDK calls.
  static void action(const Manifest& m, Sink& out) {
    const Node& root = *m.root();
    const MapEntry* replicas = root.entry("num_replicas");
    if (replicas && is_set(replicas->value) && is_true(root.get("autoscale_enabled"))) {
      out.report(kInfo, m, *replicas->key,
                 "num_replicas fixes the replica count while autoscale_enabled is true; the SDK "
                 "rejects both: "
                 "drop num_replicas or disable autoscaling");
    }
    const MapEntry* token = root.entry("token_auth_enabled");
    const MapEntry* key_auth = root.entry("authentication_enabled");
    if (token && is_true(token->value) && key_auth && is_true(key_auth->value)) {
      out.report(
          kInfo, m, *token->key,
          "token_auth_enabled and authentication_enabled are both true, which the SDK rejects; set "
          "authentication_enabled: false to use tokens");
      // Tokens asked for explicitly: key auth goes. Unsafe, as callers that
      // send the key then fail.
      if (key_auth->value->is_quoted()) return;
      if (auto edit = rules::scalar_edit(m, *key_auth->value, "false")) {
        out.fix("set authentication_enabled: false", Applicability::kUnsafe, {std::move(*edit)});
      }
    }
  }

  // Kubernetes schedules GPUs only when their request equals their limit.
  static void kubernetes_gpu(const Manifest& m, Sink& out) {
    const MapEntry* request =
        rules::entry_at(m.root(), {"resources", "requests", "nvidia.com/gpu"});
    const MapEntry* limit = rules::entry_at(m.root(), {"resources", "limits", "nvidia.com/gpu"});
    if (!request || !limit) return;
    const auto r = kubernetes_quantity(value_text(request->value).value_or(""));
    const auto l = kubernetes_quantity(value_text(limit->value).value_or(""));
    if (!r || !l || *r == *l) return;
    out.report(kInfo, m, *limit->value,
               "nvidia.com/gpu is requested " + format_number(*r) + " and limited to " +
                   format_number(*l) +
                   "; Kubernetes needs a GPU request and limit to be equal: make them the same",
               {Related{m.locate(*request->value), "the request is here"}});
  }

  static void inference(const Manifest& m, Sink& out) {
    const Node& root = *m.root();
    const Node* environment = root.get("environment");
    if (is_set(environment)) {
      for (const char* k : {"runtime", "condaFile", "extraDockerfileSteps", "enableGpu",
                            "cudaVersion", "baseImage"}) {
        const MapEntry* e = root.entry(k);
        if (!e || !is_set(e->value) || (std::string_view(k) == "enableGpu" && !is_true(e->value)))
          continue;
        out.report(kInfo, m, *e->key,
                   std::string(k) +
                       " cannot be given with an inline environment, which the SDK rejects; move "
                       "it into the environment or drop the environment");
      }
    }
    const Node* docker = environment ? environment->get("docker") : nullptr;
    const MapEntry* dockerfile = docker ? docker->entry("baseDockerfile") : nullptr;
    if (dockerfile && is_set(dockerfile->value) && is_set(docker->get("baseImage"))) {
      out.report(kInfo, m, *dockerfile->key,
                 "environment.docker sets both baseDockerfile and baseImage, which the SDK "
                 "rejects; keep one");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_conflicting_settings() {
  return std::make_unique<ConflictingSettings>();
}

}  // namespace amlint
