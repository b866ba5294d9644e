// AML501-AML505: every key, type and value of a manifest against the schema of
// its format (schemas/*.schema.json), and the references it makes (AML503:
// IoT Edge routes, endpoint kinds). A schema property may route its value
// violations to a more specific rule (x-amlint-rule: AML508 names, AML509
// traffic, AML511 scale settings, AML512 service limits).
#include "rules/common.h"
#include "rules/registry.h"
#include "schema/schema.h"
#include "util/text.h"

namespace amlint {

namespace structure_rules {
const RuleInfo kUnknownKey{"AML501",
                           "unknown-key",
                           Severity::kError,
                           RuleFamily::kStructure,
                           "",
                           "a key the format does not define (v1: a warning, az ml ignores it)"};
const RuleInfo kWrongType{"AML502",
                          "wrong-type",
                          Severity::kError,
                          RuleFamily::kStructure,
                          "",
                          "a value of the wrong type (YAML 1.1 booleans and quoted numbers named)"};
const RuleInfo kInvalidValue{"AML503",
                             "invalid-value",
                             Severity::kError,
                             RuleFamily::kStructure,
                             "",
                             "a value outside what the format allows (enum, pattern or range)"};
const RuleInfo kMissingRequiredKey{"AML504",
                                   "missing-required-key",
                                   Severity::kError,
                                   RuleFamily::kStructure,
                                   "",
                                   "a key the format requires is missing"};
const RuleInfo kKeyIgnoredByTarget{"AML505",
                                   "key-ignored-by-target",
                                   Severity::kWarning,
                                   RuleFamily::kStructure,
                                   "",
                                   "a valid key that this deployment's target ignores"};
}  // namespace structure_rules

namespace {

using namespace structure_rules;

// A layered IoT Edge deployment (`az iot edge deployment create --layered`)
// sets single properties with dotted keys ("properties.desired.modules.x")
// on top of a base deployment, so the base's required keys are not its own.
bool is_layered(const Manifest& m) {
  const Node* modules = m.root()->get("modulesContent");
  if (!modules || !modules->is_map()) return false;
  for (const MapEntry& e : modules->resolved().entries) {
    if (!e.value->is_map()) continue;
    for (const MapEntry& p : e.value->resolved().entries) {
      if (starts_with(p.key->resolved().text, "properties.desired.")) return true;
    }
  }
  return false;
}

class StructureCheck final : public Check {
 public:
  const RuleInfo& info() const override { return kUnknownKey; }
  std::vector<const RuleInfo*> rules() const override {
    // The rules that schemas route values to (x-amlint-rule) are named here
    // too; tests/rule_catalog_test.cpp checks that none is missing.
    return {&kUnknownKey,         &kWrongType,          &kInvalidValue,
            &kMissingRequiredKey, &kKeyIgnoredByTarget, find_rule("AML508"),
            find_rule("AML509"),  find_rule("AML511"),  find_rule("AML512")};
  }

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    if (!m.root()) return;
    check_schema(m, out);
    report_routes_to_undefined_modules(m, out);
    report_endpoint_of_another_kind(m, ctx, out);
  }

 private:
  static void check_schema(const Manifest& m, Sink& out) {
    const std::string_view name = schema_name(m.format);
    if (name.empty() || !m.root()) return;
    const schema::SchemaFile* file = schema::builtin(name);
    if (!file) return;
    schema::ValidateOptions options;
    options.format_label = with_article(format_name(m.format));
    const bool v1 = is_v1(m.format);
    const bool action = m.format == Format::kAmlDeployAction;
    const bool edge = m.format == Format::kIotEdgeManifest;
    // Who reads the file decides what an unknown key costs: az ml v1 and the
    // aml-deploy action skip it (a warning: the setting is silently lost), the
    // v2 SDK rejects the file (an error).
    options.unknown_key_note = v1       ? "az ml v1 ignores it"
                               : action ? "the aml-deploy action ignores it"
                               : edge   ? "it is not part of the IoT Edge deployment manifest"
                                        : "az ml rejects the file";
    const bool ignored_key_is_a_warning = v1 || action || edge;
    options.null_is_unset = v1;  // the aml-deploy action's JSON Schema rejects null
    if (!v1 && !action && !edge) options.missing_key_note = "add it, or pass it with --set";
    if (m.format == Format::kV1DeploymentConfig && m.target && m.compute_type) {
      options.compute_type = to_lower(m.compute_type->resolved().text);
    }
    if (action) {  // the action deploys to AKS when it names a compute target, else to ACI
      options.compute_type = m.root()->get("deployment_compute_target") ? "aks" : "aci";
      options.target_noun = "the deployment target";
    }
    const bool layered = edge && is_layered(m);
    for (const schema::Violation& v : schema::validate(*file, *m.root(), options)) {
      if (layered && v.kind == schema::ViolationKind::kMissingRequired) continue;
      const RuleInfo* rule = rule_for(v);
      Severity severity = rule->severity;
      if (v.kind == schema::ViolationKind::kUnknownKey && ignored_key_is_a_warning)
        severity = Severity::kWarning;
      if (v.advisory) severity = Severity::kWarning;
      out.report(*rule, severity, m.locate(*v.node), v.message);
      if (!v.fix_title.empty()) add_fix(m, v, out);
    }
  }

  // The violation's fix as an edit of the node's bytes (rules::scalar_edit).
  static void add_fix(const Manifest& m, const schema::Violation& v, Sink& out) {
    auto edit = rules::scalar_edit(m, *v.node, v.fix_text, v.fix_unquote);
    if (!edit) return;
    out.fix(v.fix_title, v.fix_safe ? Applicability::kSafe : Applicability::kUnsafe,
            {std::move(*edit)});
  }

  static const RuleInfo* rule_for(const schema::Violation& v) {
    if (!v.rule.empty()) {
      if (const RuleInfo* r = find_rule(v.rule)) return r;
    }
    switch (v.kind) {
      case schema::ViolationKind::kUnknownKey:
        return &kUnknownKey;
      case schema::ViolationKind::kWrongType:
        return &kWrongType;
      case schema::ViolationKind::kInvalidValue:
        return &kInvalidValue;
      case schema::ViolationKind::kMissingRequired:
        return &kMissingRequiredKey;
      case schema::ViolationKind::kIgnoredByTarget:
        return &kKeyIgnoredByTarget;
    }
    return &kInvalidValue;
  }
};

}  // namespace

std::unique_ptr<Check> make_structure_check() { return std::make_unique<StructureCheck>(); }

}  // namespace amlint
