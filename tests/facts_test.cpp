// The facts through the binary, as a user meets them: `amlint facts`,
// `explain`'s data section, extending a list that may be stale, and v1 paths
// resolved where az ml v1 runs.
#include <gtest/gtest.h>

#include "report/facts_report.h"
#include "support/harness.h"
#include "support/json_doc.h"

namespace amlint::testing {
namespace {

TEST(Facts, ListsEveryFactWithItsSourceDateAndRules) {
  ProcessResult r = run_amlint({"facts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("targets.aci.memory_gb: less than 48\n  fact:    F4\n"), std::string::npos);
  EXPECT_NE(r.out.find("  source:  Managed online endpoints SKU list, 2025-10-18 <https://"),
            std::string::npos);
  EXPECT_NE(r.out.find("  used by: AML510"), std::string::npos);

  r = run_amlint({"facts", "lifecycle"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("lifecycle.cli_v1: CLI v1 (the azure-cli-ml extension) support ends "
                        "2025-09-30\n",
                        0),
            0U)
      << r.out;
  EXPECT_EQ(r.out.find("targets."), std::string::npos);

  // A rule id lists what the rule reads; F4 lists the fact and what cites it.
  r = run_amlint({"facts", "AML402"});
  EXPECT_NE(r.out.find("lifecycle.sdk_v1:"), std::string::npos);
  r = run_amlint({"facts", "F4"});
  EXPECT_NE(r.out.find("targets.aci.memory_gb:"), std::string::npos);

  r = run_amlint({"facts", "no-such-fact"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no fact matches no-such-fact"), std::string::npos);
}

TEST(Facts, JsonCarriesSourceDatesAndTheNewestDate) {
  const ProcessResult r = run_amlint({"facts", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const JsonDoc doc(r.out);
  EXPECT_EQ(text_at(doc.root(), "/newest"), newest_fact_date());
  const auto facts = items_at(doc.root(), "/facts");
  ASSERT_GT(facts.size(), 100U);
  for (const Node* f : facts) {
    EXPECT_FALSE(text_at(*f, "/id").empty());
    EXPECT_FALSE(text_at(*f, "/source/title").empty()) << text_at(*f, "/id");
    EXPECT_EQ(text_at(*f, "/source/as_of").size(), 10U) << text_at(*f, "/id");
  }
}

TEST(Facts, ExplainEndsWithTheDataAndDatesBehindTheRule) {
  const ProcessResult r = run_amlint({"explain", "AML510"});
  ASSERT_EQ(r.exit_code, 0);
  const std::size_t at = r.out.find("\n## Data and dates (amlint facts AML510)\n");
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- `targets.managed_online.instance_types`: 85 sizes", at),
            std::string::npos);
  // A rule that reads no data has no such section.
  EXPECT_EQ(run_amlint({"explain", "AML002"}).out.find("## Data and dates"), std::string::npos);
}

constexpr const char* kNewSize =
    "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
    "name: blue\n"
    "endpoint_name: churn-endpoint\n"
    "model: azureml:churn-model:7\n"
    "environment: azureml:sklearn-env:2\n"
    "instance_type: Standard_NC8ads_A10_v4\n"
    "instance_count: 1\n";

TEST(StaleLists, AWellFormedSizeMissingFromTheListIsAWarningAndTheConfigExtendsIt) {
  TempDir dir;
  dir.write(".git/HEAD", "ref: refs/heads/main\n");
  const std::string file = dir.write("blue.yml", kNewSize);
  ProcessResult r = run_amlint({"check", "--format", "concise", file});
  EXPECT_EQ(r.exit_code, 0) << r.out;  // a warning: the run passes
  EXPECT_NE(r.out.find("warning: instance_type: Standard_NC8ads_A10_v4 is not on the managed "
                       "online SKU list of 2025-10-18"),
            std::string::npos)
      << r.out;
  dir.write(".amlint.yaml",
            "capabilities:\n"
            "  targets:\n"
            "    managed_online:\n"
            "      instance_types: {extra: [Standard_NC8ads_A10_v4]}\n");
  r = run_amlint({"check", "--format", "concise", file});
  EXPECT_EQ(r.out.find("[AML510]"), std::string::npos) << r.out;
}

TEST(StaleLists, WhatIsKnownToBeWrongStaysAnError) {
  TempDir dir;
  std::string text = kNewSize;
  for (const char* size : {"Standard_D4s_v3", "DS3_v2"}) {
    std::string t = text;
    t.replace(t.find("Standard_NC8ads_A10_v4"), 22, size);
    const ProcessResult r = run_amlint({"check", "--format", "concise", dir.write("blue.yml", t)});
    EXPECT_EQ(r.exit_code, 1) << size << ": " << r.out;
    EXPECT_NE(r.out.find("error: instance_type: " + std::string(size)), std::string::npos) << r.out;
  }
}

TEST(RunDirectories, V1PathsResolveWhereAzMlV1Runs) {
  TempDir dir;
  dir.write(".git/HEAD", "ref: refs/heads/main\n");
  const std::string config =
      dir.write("deploy/inference_config.yml", "entryScript: src/score.py\nruntime: python\n");
  dir.write("deploy/deployment_config_aci.yml", "computeType: aci\nauthEnabled: true\n");
  // Relative to the repository root, where the pipeline runs az ml.
  dir.write("src/score.py", "");
  ProcessResult r = run_amlint({"check", "--format", "concise", config});
  EXPECT_EQ(r.out.find("[AML601]"), std::string::npos) << r.out;

  // Elsewhere: reported, naming where amlint looked; run-directories adds
  // the folder the pipeline runs in.
  const std::string moved =
      dir.write("deploy/inference_config.yml", "entryScript: app/score.py\nruntime: python\n");
  r = run_amlint({"check", "--format", "concise", moved});
  EXPECT_NE(r.out.find("entryScript: app/score.py does not exist next to this config, nor in "
                       "the repository root"),
            std::string::npos)
      << r.out;
  dir.write("pipelines/app/score.py", "");
  dir.write(".amlint.yaml", "run-directories: [pipelines]\n");
  r = run_amlint({"check", "--format", "concise", moved});
  EXPECT_EQ(r.out.find("[AML601]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace amlint::testing
