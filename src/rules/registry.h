// The one list of rules, sorted by id. Adding a rule: its .cpp in src/rules/,
// one line here and in registry.cpp, rules/AMLnnn.md, and fixtures/rules/AMLnnn/
// (tests/rule_catalog_test.cpp names whatever is missing).
#pragma once

#include <memory>
#include <optional>
#include <string>
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

// Rules about the team's policy itself (src/policy/policy.cpp).
namespace policy_rules {
extern const RuleInfo kSuppressionWithoutReason;  // AML005
extern const RuleInfo kExpiredSuppression;        // AML006
extern const RuleInfo kInvalidSuppression;        // AML007
extern const RuleInfo kStaleBaselineEntry;        // AML008
extern const RuleInfo kUnusedSuppression;         // AML009
}  // namespace policy_rules

// Rules of the schema check (rules/structure.cpp).
namespace structure_rules {
extern const RuleInfo kUnknownKey;          // AML501
extern const RuleInfo kWrongType;           // AML502
extern const RuleInfo kInvalidValue;        // AML503
extern const RuleInfo kMissingRequiredKey;  // AML504
extern const RuleInfo kKeyIgnoredByTarget;  // AML505

// The parts of the schema check that look past one value: AML503 for
// references (rules/iot_edge_routes.cpp, rules/endpoint_references.cpp).
void report_routes_to_undefined_modules(const Manifest& m, Sink& out);
void report_endpoint_of_another_kind(const Manifest& m, const Context& ctx, Sink& out);
}  // namespace structure_rules

// Checks that look at manifests.
std::unique_ptr<Check> make_template_placeholders();              // AML010
std::unique_ptr<Check> make_gpu_web_service_outside_aks();        // AML101
std::unique_ptr<Check> make_gpu_batch_outside_compute_cluster();  // AML102
std::unique_ptr<Check> make_fpga_outside_aks_or_edge();           // AML103
std::unique_ptr<Check> make_realtime_on_compute_cluster();        // AML104
std::unique_ptr<Check> make_memory_over_target_limit();           // AML201
std::unique_ptr<Check> make_aci_region_capacity();                // AML202
std::unique_ptr<Check> make_model_over_target_limit();            // AML203
std::unique_ptr<Check> make_model_exceeds_instance_memory();      // AML204
std::unique_ptr<Check> make_test_target_in_production();          // AML301
std::unique_ptr<Check> make_cluster_autoscale_via_sdk();          // AML302
std::unique_ptr<Check> make_preview_target();                     // AML401
std::unique_ptr<Check> make_v1_deployment_retired();              // AML402
std::unique_ptr<Check> make_preview_format_retired();             // AML404
std::unique_ptr<Check> make_retired_vm_size();                    // AML403
std::unique_ptr<Check> make_structure_check();                    // AML501-AML505
std::unique_ptr<Check> make_conflicting_settings();               // AML506
std::unique_ptr<Check> make_limit_below_request();                // AML507
std::unique_ptr<Check> make_invalid_name();                       // AML508
std::unique_ptr<Check> make_invalid_traffic();                    // AML509
std::unique_ptr<Check> make_instance_type_not_allowed();          // AML510
std::unique_ptr<Check> make_invalid_scale_range();                // AML511
std::unique_ptr<Check> make_over_service_limit();                 // AML512
std::unique_ptr<Check> make_format_mismatch();                    // AML513
std::unique_ptr<Check> make_missing_local_path();                 // AML601
std::unique_ptr<Check> make_inline_secret();                      // AML701
std::unique_ptr<Check> make_auth_disabled();                      // AML702
std::unique_ptr<Check> make_tls_disabled();                       // AML703

// A Kubernetes quantity ("200Mi", "100m", "1Gi") as a number (AML507).
std::optional<double> kubernetes_quantity(std::string_view text);

// Every check, sorted by rule id.
const std::vector<std::unique_ptr<Check>>& all_checks();
// Every rule (input rules and checks), sorted by id.
const std::vector<const RuleInfo*>& all_rules();
// Whether `rule` is named by one of `patterns` (id, slug or id prefix, any case).
bool rule_matches(const RuleInfo& rule, const std::vector<std::string>& patterns);

// A rule by id (any case) or slug; nullptr when there is none.
const RuleInfo* find_rule(std::string_view id_or_slug);

// The fixes a rule's findings may carry (Finding::fixes): none, only safe
// ones, only unsafe ones, or both (a wrong case is safe, another spelling
// unsafe). For `amlint rules` and the docs' `## Fix` sections; the fix
// catalog test holds it to the fixtures under fixtures/fix/<RULE>/.
enum class FixKind { kNone, kSafe, kUnsafe, kSafeAndUnsafe };
FixKind fix_kind(const RuleInfo& rule);
// "safe", "unsafe", "safe/unsafe", or "" for kNone.
std::string_view fix_kind_name(FixKind kind);
// Whether a fix of `applicability` is one that `kind` allows.
bool fix_kind_allows(FixKind kind, Applicability applicability);

}  // namespace amlint
