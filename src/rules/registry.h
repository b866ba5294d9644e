// The one list of rules, sorted by id. Adding a rule: its .cpp in src/rules/,
// one line here and in registry.cpp, rules/AMLnnn.md, and fixtures/rules/AMLnnn/
// (tests/rule_catalog_test.cpp names whatever is missing).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace amlint {

// Rules the linter reports itself, while reading files.
namespace input_rules {
extern const RuleInfo kInvalidSyntax;     // AML001
extern const RuleInfo kDuplicateKey;      // AML002
extern const RuleInfo kUnrecognizedFile;  // AML003
extern const RuleInfo kNonStrictJson;     // AML004
}  // namespace input_rules

// Checks that look at manifests.
std::unique_ptr<Check> make_gpu_web_service_outside_aks();    // AML101
std::unique_ptr<Check> make_fpga_outside_aks_or_edge();       // AML103
std::unique_ptr<Check> make_memory_over_target_limit();       // AML201
std::unique_ptr<Check> make_aci_region_capacity();            // AML202
std::unique_ptr<Check> make_model_over_target_limit();        // AML203
std::unique_ptr<Check> make_test_target_in_production();      // AML301
std::unique_ptr<Check> make_cluster_autoscale_via_sdk();      // AML302
std::unique_ptr<Check> make_v1_deployment_retired();          // AML402
std::unique_ptr<Check> make_invalid_value();                  // AML503

// Every check, sorted by rule id.
const std::vector<std::unique_ptr<Check>>& all_checks();
// Every rule (input rules and checks), sorted by id.
const std::vector<const RuleInfo*>& all_rules();
// A rule by id (any case) or slug; nullptr when there is none.
const RuleInfo* find_rule(std::string_view id_or_slug);

}  // namespace amlint
