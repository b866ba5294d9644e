#include "rules/registry.h"

#include <algorithm>
#include <utility>

#include "util/text.h"

namespace amlint {

namespace input_rules {
const RuleInfo kInvalidSyntax{"AML001",
                              "invalid-syntax",
                              Severity::kError,
                              RuleFamily::kInput,
                              "",
                              "a file cannot be parsed, or exceeds an input limit"};
const RuleInfo kDuplicateKey{
    "AML002", "duplicate-key", Severity::kError, RuleFamily::kInput, "", "a mapping repeats a key"};
const RuleInfo kUnrecognizedFile{"AML003",
                                 "unrecognized-file",
                                 Severity::kInfo,
                                 RuleFamily::kInput,
                                 "",
                                 "a file named explicitly is not a known manifest"};
const RuleInfo kNonStrictJson{"AML004",
                              "non-strict-json",
                              Severity::kWarning,
                              RuleFamily::kInput,
                              "",
                              "a .json file parses only as YAML"};
}  // namespace input_rules

namespace policy_rules {
const RuleInfo kSuppressionWithoutReason{"AML005",
                                         "suppression-without-reason",
                                         Severity::kWarning,
                                         RuleFamily::kPolicy,
                                         "",
                                         "an inline or config suppression gives no reason"};
const RuleInfo kExpiredSuppression{
    "AML006",
    "expired-suppression",
    Severity::kWarning,
    RuleFamily::kPolicy,
    "",
    "a suppression's until= date has passed, so it no longer applies"};
const RuleInfo kInvalidSuppression{
    "AML007",
    "invalid-suppression",
    Severity::kError,
    RuleFamily::kPolicy,
    "",
    "a suppression cannot be read, or names a rule the project makes non-suppressible"};
const RuleInfo kStaleBaselineEntry{"AML008",
                                   "stale-baseline-entry",
                                   Severity::kWarning,
                                   RuleFamily::kPolicy,
                                   "",
                                   "a baseline entry matches no current finding"};
const RuleInfo kUnusedSuppression{"AML009",
                                  "unused-suppression",
                                  Severity::kWarning,
                                  RuleFamily::kPolicy,
                                  "",
                                  "a suppression suppresses nothing"};
}  // namespace policy_rules

const std::vector<std::unique_ptr<Check>>& all_checks() {
  static const std::vector<std::unique_ptr<Check>> kChecks = [] {
    std::vector<std::unique_ptr<Check>> v;
    v.push_back(make_template_placeholders());
    v.push_back(make_gpu_web_service_outside_aks());
    v.push_back(make_gpu_batch_outside_compute_cluster());
    v.push_back(make_fpga_outside_aks_or_edge());
    v.push_back(make_realtime_on_compute_cluster());
    v.push_back(make_memory_over_target_limit());
    v.push_back(make_aci_region_capacity());
    v.push_back(make_model_over_target_limit());
    v.push_back(make_model_exceeds_instance_memory());
    v.push_back(make_test_target_in_production());
    v.push_back(make_cluster_autoscale_via_sdk());
    v.push_back(make_preview_target());
    v.push_back(make_v1_deployment_retired());
    v.push_back(make_retired_vm_size());
    v.push_back(make_preview_format_retired());
    v.push_back(make_structure_check());
    v.push_back(make_conflicting_settings());
    v.push_back(make_limit_below_request());
    v.push_back(make_invalid_name());
    v.push_back(make_invalid_traffic());
    v.push_back(make_instance_type_not_allowed());
    v.push_back(make_invalid_scale_range());
    v.push_back(make_over_service_limit());
    v.push_back(make_format_mismatch());
    v.push_back(make_missing_local_path());
    v.push_back(make_inline_secret());
    v.push_back(make_auth_disabled());
    v.push_back(make_tls_disabled());
    return v;
  }();
  return kChecks;
}

const std::vector<const RuleInfo*>& all_rules() {
  static const std::vector<const RuleInfo*> kRules = [] {
    std::vector<const RuleInfo*> v = {&input_rules::kInvalidSyntax,
                                      &input_rules::kDuplicateKey,
                                      &input_rules::kUnrecognizedFile,
                                      &input_rules::kNonStrictJson,
                                      &policy_rules::kSuppressionWithoutReason,
                                      &policy_rules::kExpiredSuppression,
                                      &policy_rules::kInvalidSuppression,
                                      &policy_rules::kStaleBaselineEntry,
                                      &policy_rules::kUnusedSuppression,
                                      &structure_rules::kUnknownKey,
                                      &structure_rules::kWrongType,
                                      &structure_rules::kInvalidValue,
                                      &structure_rules::kMissingRequiredKey,
                                      &structure_rules::kKeyIgnoredByTarget};
    for (const auto& check : all_checks()) {
      if (std::find(v.begin(), v.end(), &check->info()) == v.end()) v.push_back(&check->info());
    }
    std::sort(v.begin(), v.end(),
              [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
    return v;
  }();
  return kRules;
}

const RuleInfo* find_rule(std::string_view id_or_slug) {
  for (const RuleInfo* rule : all_rules()) {
    if (iequals(rule->id, id_or_slug) || iequals(rule->slug, id_or_slug)) return rule;
  }
  return nullptr;
}

FixKind fix_kind(const RuleInfo& rule) {
  // By id. A rule gets a row when its check attaches fixes to findings.
  static constexpr std::pair<std::string_view, FixKind> kFixes[] = {
      {"AML004", FixKind::kSafe},           // the trailing comma removed
      {"AML403", FixKind::kUnsafe},         // the one size the message names
      {"AML501", FixKind::kSafe},           // the one key meant
      {"AML502", FixKind::kSafe},           // true/false, the number unquoted
      {"AML503", FixKind::kSafeAndUnsafe},  // the case (safe), the near value (unsafe)
      {"AML506", FixKind::kUnsafe},         // aml-deploy: key auth off beside token auth
      {"AML509", FixKind::kUnsafe},         // the one deployment given 100
      {"AML510", FixKind::kSafeAndUnsafe},  // the Standard_ prefix (safe), a near size (unsafe)
      {"AML702", FixKind::kUnsafe},         // authentication turned on
  };
  for (const auto& [id, kind] : kFixes) {
    if (id == rule.id) return kind;
  }
  return FixKind::kNone;
}

std::string_view fix_kind_name(FixKind kind) {
  switch (kind) {
    case FixKind::kSafe:
      return "safe";
    case FixKind::kUnsafe:
      return "unsafe";
    case FixKind::kSafeAndUnsafe:
      return "safe/unsafe";
    case FixKind::kNone:
      break;
  }
  return "";
}

bool fix_kind_allows(FixKind kind, Applicability applicability) {
  if (kind == FixKind::kSafeAndUnsafe) return true;
  return applicability == Applicability::kSafe ? kind == FixKind::kSafe : kind == FixKind::kUnsafe;
}

bool rule_matches(const RuleInfo& rule, const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (iequals(rule.slug, p) || (!p.empty() && starts_with(to_lower(rule.id), to_lower(p))))
      return true;
  }
  return false;
}

}  // namespace amlint
