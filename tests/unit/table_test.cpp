// The capability table: the built-in one loads and agrees with itself, and a
// user's table is validated with positions.
#include "capability/table.h"

#include <gtest/gtest.h>

#include <set>

namespace amlint {
namespace {

std::vector<TableError> errors_of(const std::string& text) {
  const SourceFile source("t.yaml", "", text);
  std::vector<TableError> errors;
  EXPECT_EQ(CapabilityTable::parse(source, errors, schema::builtin("compute-targets")), nullptr);
  return errors;
}

const char* const kMinimal = R"(schema_version: 2
sources:
  docs: {title: The docs, url: https://example.org/docs, as_of: 2026-01-01}
facts:
  F1: {text: a fact, source: docs}
targets:
  aci:
    name: Azure Container Instances
    short_name: ACI
    v1_compute_types: [aci]
    memory_gb: {less_than: 8, fact: F1}
detection:
  gpu_vm_size: {pattern: 'nc', source: docs}
  gpu_image: {pattern: 'cuda', source: docs}
  fpga_vm_size: {pattern: 'pb', source: docs}
  fpga_key: {pattern: 'fpga', source: docs}
  fpga_image: {pattern: 'fpga', source: docs}
  functions_packaging: {pattern: '^function_', source: docs}
  prompt_flow_model_property: {pattern: 'flow', source: docs}
  prompt_flow_variable: {pattern: 'flow', source: docs}
  prompt_flow_image: {pattern: 'flow', source: docs}
  node_autoscale_keys: {values: [minCount], source: docs}
  production_segments: {values: [prod], source: docs}
lifecycle:
  cli_v1: {what: CLI v1 support, ended: 2025-09-30, source: docs, instead: v2}
  sdk_v1: {what: SDK v1 support, ended: 2026-06-30, source: docs, instead: v2}
)";

TEST(CapabilityTable, BuiltInTableLoadsWithEveryTarget) {
  const CapabilityTable& t = CapabilityTable::builtin();
  std::vector<std::string> ids;
  for (const Target& target : t.targets()) ids.push_back(target.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"local", "compute_instance", "aks", "aci", "compute_cluster",
                                      "functions", "iot_edge", "data_box_edge", "managed_online",
                                      "kubernetes", "batch_endpoint", "virtual_machine"}));
  EXPECT_EQ(
      t.target_for_v2_format("managed-online-deployment")->limits.at("request_timeout_ms").max,
      180000);
  EXPECT_EQ(t.target_for_v2_format("amlcompute")->id, "compute_cluster");
  EXPECT_EQ(t.facts().size(), 14U);
  const Target* aci = t.target_for_v1_compute_type("ACI");
  ASSERT_NE(aci, nullptr);
  EXPECT_EQ(aci->memory_gb->less_than, 48);
  EXPECT_EQ(aci->memory_gb->cite.fact, "F4");
  EXPECT_EQ(aci->model_size_gb->less_than, 1);
  EXPECT_EQ(t.target_for_v1_compute_type("aksendpoint")->id, "aks");
  EXPECT_EQ(t.target_for_v1_compute_type("kubernetes"), nullptr);
  EXPECT_EQ(t.v1_compute_types(), (std::vector<std::string>{"local", "aks", "aksendpoint", "aci"}));
}

TEST(CapabilityTable, AciContainerGroupsHaveOneLimitForEveryRegion) {
  // The ACI limits page (2025-11-17) has no region table any more: a hard
  // limit, and a size above which regional capacity can fail.
  const ContainerGroup& g =
      *CapabilityTable::builtin().target_for_v1_compute_type("aci")->container_group;
  EXPECT_EQ(g.hard_limit.cpu, 31);
  EXPECT_EQ(g.hard_limit.memory_gb, 240);
  EXPECT_EQ(g.capacity_caution.cpu, 4);
  EXPECT_EQ(g.capacity_caution.memory_gb, 16);
  EXPECT_EQ(g.cite.source, "aci-limits");
}

TEST(CapabilityTable, FactsKeepTheWordingTheyHadBefore) {
  const Fact* f3 = CapabilityTable::builtin().fact("F3");
  ASSERT_NE(f3, nullptr);
  EXPECT_NE(f3->text.find("retired"), std::string::npos);
  ASSERT_EQ(f3->history.size(), 1U);
  EXPECT_EQ(f3->history[0].text,
            "FPGA is available only on AKS and on Data Box Edge (through IoT Edge).");
  EXPECT_EQ(f3->history[0].source, "compute-targets-2020");
}

TEST(CapabilityTable, VersionOneTablesAreRefusedWithAWayOut) {
  std::string text = kMinimal;
  text.replace(0, 17, "schema_version: 1");
  const auto errors = errors_of(text);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("schema_version: 1 must be '2'; version 1 tables predate "
                                   "sources: copy rules/compute-targets.yaml"),
            std::string::npos)
      << errors[0].message;
}

TEST(CapabilityTable, AMinimalUserTableLoads) {
  const SourceFile source("t.yaml", "", kMinimal);
  std::vector<TableError> errors;
  const auto table = CapabilityTable::parse(source, errors, schema::builtin("compute-targets"));
  ASSERT_NE(table, nullptr) << errors.front().message;
  EXPECT_EQ(table->target_for_v1_compute_type("aci")->memory_gb->less_than, 8);
}

TEST(CapabilityTable, ErrorsCarryPositionsAndSuggestions) {
  std::string text = kMinimal;
  text.replace(text.find("memory_gb: {"), 9, "memory_GB");
  auto errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].pos, (Pos{11, 5}));
  EXPECT_NE(errors[0].message.find("did you mean 'memory_gb'?"), std::string::npos)
      << errors[0].message;

  text = kMinimal;
  text.replace(text.find("fact: F1}"), 8, "fact: F9");
  errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("cites F9"), std::string::npos);

  text = kMinimal;
  text.replace(text.find("'cuda'"), 6, "'(cuda'");
  errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("not a valid RE2 pattern"), std::string::npos);
  EXPECT_EQ(errors[0].pos, (Pos{14, 24}));

  text = kMinimal;
  text.replace(text.find("less_than: 8"), 12, "less_than: lots");
  errors = errors_of(text);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("less_than: lots is a string, but must be a number"),
            std::string::npos)
      << errors[0].message;
  EXPECT_EQ(errors[0].pos, (Pos{11, 28}));

  errors = errors_of("schema_version: 2\n");
  EXPECT_EQ(errors.size(), 5U);  // sources, facts, targets, detection, lifecycle missing

  errors = errors_of("a: [\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("invalid YAML"), std::string::npos);
}

}  // namespace
}  // namespace amlint

#include "schema/schema.h"

namespace amlint {
namespace {

TEST(CapabilityTable, V1ComputeTypesAgreeWithTheV1Schema) {
  // Two data files name the v1 compute types: the table (which target each
  // deploys to) and the schema (which values az ml accepts). They must agree.
  const schema::SchemaFile* file = schema::builtin("v1-deployment-config");
  ASSERT_NE(file, nullptr);
  const schema::Schema* compute_type = file->root().property("computeType");
  ASSERT_NE(compute_type, nullptr);
  std::set<std::string> in_schema;
  for (const Node* v : compute_type->resolved().enum_values) in_schema.insert(v->text);
  const std::vector<std::string> types = CapabilityTable::builtin().v1_compute_types();
  EXPECT_EQ(in_schema, std::set<std::string>(types.begin(), types.end()));
}

TEST(CapabilityTable, EveryBuiltInSchemaCompiles) {
  for (const char* name :
       {"v1-deployment-config", "v1-inference-config", "managed-online-deployment",
        "kubernetes-online-deployment", "managed-online-endpoint", "kubernetes-online-endpoint",
        "batch-endpoint", "model-batch-deployment", "batch-deployment-legacy",
        "pipeline-component-batch-deployment", "amlcompute", "compute-instance",
        "kubernetes-compute", "virtual-machine-compute", "iot-edge-manifest",
        "aml-deploy-action"}) {
    EXPECT_NE(schema::builtin(name), nullptr) << name;
  }
}

}  // namespace
}  // namespace amlint
