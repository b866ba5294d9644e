#include "rules/registry.h"

#include <algorithm>

#include "util/text.h"

namespace amlint {

namespace input_rules {
const RuleInfo kInvalidSyntax{"AML001", "invalid-syntax", Severity::kError, "",
                              "a file cannot be parsed, or exceeds an input limit"};
const RuleInfo kDuplicateKey{"AML002", "duplicate-key", Severity::kError, "",
                             "a mapping repeats a key"};
const RuleInfo kUnrecognizedFile{"AML003", "unrecognized-file", Severity::kInfo, "",
                                 "a file named explicitly is not a known manifest"};
const RuleInfo kNonStrictJson{"AML004", "non-strict-json", Severity::kWarning, "",
                              "a .json file parses only as YAML"};
}  // namespace input_rules

const std::vector<std::unique_ptr<Check>>& all_checks() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> v;
    v.push_back(make_gpu_web_service_outside_aks());
    v.push_back(make_fpga_outside_aks_or_edge());
    v.push_back(make_memory_over_target_limit());
    v.push_back(make_aci_region_capacity());
    v.push_back(make_model_over_target_limit());
    v.push_back(make_test_target_in_production());
    v.push_back(make_cluster_autoscale_via_sdk());
    v.push_back(make_v1_deployment_retired());
    v.push_back(make_invalid_value());
    return v;
  }();
  return checks;
}

const std::vector<const RuleInfo*>& all_rules() {
  static const std::vector<const RuleInfo*> rules = [] {
    std::vector<const RuleInfo*> v = {&input_rules::kInvalidSyntax, &input_rules::kDuplicateKey,
                                      &input_rules::kUnrecognizedFile,
                                      &input_rules::kNonStrictJson};
    for (const auto& check : all_checks()) v.push_back(&check->info());
    std::sort(v.begin(), v.end(), [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
    return v;
  }();
  return rules;
}

const RuleInfo* find_rule(std::string_view id_or_slug) {
  for (const RuleInfo* rule : all_rules()) {
    if (iequals(rule->id, id_or_slug) || iequals(rule->slug, id_or_slug)) return rule;
  }
  return nullptr;
}

}  // namespace amlint
