// A run never passes silently over what it should have linted: a directory
// of no manifests, a broken manifest met by a walk, a file in the 2021
// preview format; and YAML that is not a manifest stays out of the way
// (no line under pre-commit, not a linted file, not a JUnit test case).
#include <gtest/gtest.h>

#include "support/harness.h"
#include "util/text.h"

namespace amlint::testing {
namespace {

constexpr const char* kDeployment =
    "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
    "name: blue\nendpoint_name: scoring\nmodel: azureml:m:1\n"
    "instance_type: Standard_D4as_v4\ninstance_count: 1\n";

TEST(NoSilentPass, ADirectoryOfNoManifestsIsAUsageErrorUnlessAllowed) {
  TempDir dir;
  dir.write("wrong-dir/.github/workflows/ci.yml", "on: push\njobs: {}\n");
  dir.write("wrong-dir/notes.yaml", "just: yaml\n");
  const ProcessResult r = run_amlint({"check", "wrong-dir"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("wrong-dir holds no Azure ML manifest"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--allow-empty"), std::string::npos) << r.err;

  const ProcessResult allowed =
      run_amlint({"check", "--allow-empty", "wrong-dir"}, in_dir(dir.path()));
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.err, "amlint: no problems found in 0 files\n");

  // One empty directory among others is still named.
  dir.write("good/blue.yml", kDeployment);
  const ProcessResult mixed = run_amlint({"check", "good", "wrong-dir"}, in_dir(dir.path()));
  EXPECT_EQ(mixed.exit_code, 2) << mixed.err;
  EXPECT_NE(mixed.err.find("wrong-dir holds no"), std::string::npos) << mixed.err;
}

TEST(NoSilentPass, AWalkReportsBrokenFilesThatLookLikeManifests) {
  TempDir dir;
  // No Azure ML key before the break; the name says what it is.
  dir.write("svc/deployment.yml", "name: blue\n\tinstance_count: 1\n");
  dir.write("svc/endpoint.yaml", "name: scoring\ntraffic: {blue: 100\n");
  // A Helm template that does not parse before it is rendered: not ours.
  dir.write("chart/templates/deployment.yaml", "spec:\n  replicas: {{ .Values.n }\n");
  dir.write("svc/broken-notes.yml", "a: [\n");
  const ProcessResult r = run_amlint({"check", "--format", "concise", "."}, in_dir(dir.path()));
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0].rfind("svc/deployment.yml:2:1: error: tab character", 0), 0U) << lines[0];
  EXPECT_EQ(lines[1].rfind("svc/endpoint.yaml:2:10: error: invalid YAML", 0), 0U) << lines[1];
  EXPECT_EQ(r.exit_code, 1);
}

TEST(NoSilentPass, PreviewFormatFilesAreReportedInAWalk) {
  TempDir dir;
  dir.write("old/endpoint.yml",
            "$schema: https://azuremlschemas.azureedge.net/latest/k8sOnlineEndpoint.schema.json\n"
            "name: my-aks-endpoint\ntype: online\ntarget: azureml:aks\ntraffic: {blue: 100}\n"
            "deployments:\n  - name: blue\n    model: azureml:m:1\n");
  const ProcessResult r = run_amlint({"check", "--format", "concise", "old"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("old/endpoint.yml:1:10: error: $schema names k8sOnlineEndpoint, the 2021 "
                        "preview format of CLI v2",
                        0),
            0U)
      << r.out;
  EXPECT_NE(r.out.find("[AML404]"), std::string::npos);
}

TEST(NoSilentPass, NonManifestsAreQuietUnderPreCommitAndNeverCounted) {
  TempDir dir;
  dir.write("blue.yml", kDeployment);
  dir.write(".pre-commit-config.yaml", "repos: []\n");
  dir.write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
  const std::vector<std::string> staged = {"check",
                                           "--format",
                                           "concise",
                                           "blue.yml",
                                           ".pre-commit-config.yaml",
                                           ".github/workflows/ci.yml"};
  const ProcessResult hook = run_amlint(staged, in_dir(dir.path(), {{"PRE_COMMIT", "1"}}));
  EXPECT_EQ(hook.exit_code, 0) << hook.out << hook.err;
  EXPECT_EQ(hook.out, "") << "no AML003 line under pre-commit";
  EXPECT_EQ(hook.err, "amlint: no problems found in 1 file\n");

  // Named by hand, a non-manifest keeps its AML003 note (and then counts:
  // it has a finding).
  const ProcessResult named = run_amlint(staged, in_dir(dir.path()));
  EXPECT_EQ(named.exit_code, 0);
  EXPECT_EQ(split_lines(named.out).size(), 2U) << named.out;
  EXPECT_NE(named.out.find(".pre-commit-config.yaml:1:1: info:"), std::string::npos) << named.out;

  // A walk: the workflow is not a test case of the JUnit report.
  const ProcessResult junit = run_amlint({"check", "--format", "junit", "."}, in_dir(dir.path()));
  EXPECT_NE(junit.out.find("blue.yml"), std::string::npos) << junit.out;
  EXPECT_EQ(junit.out.find("ci.yml"), std::string::npos) << junit.out;
  EXPECT_EQ(junit.out.find("pre-commit-config"), std::string::npos) << junit.out;
}

}  // namespace
}  // namespace amlint::testing
