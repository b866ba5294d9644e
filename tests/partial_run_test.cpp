// Partial runs. The files named (pre-commit's staged ones, an editor's
// buffer) resolve their references against the rest of their project,
// through the project index and its cache; and a run never passes silently
// over what it should have linted: a directory of no manifests, a broken
// manifest met by a walk, a file in the 2021 preview format. YAML that is
// not a manifest stays out of the way (no line under pre-commit, not a
// linted file, not a JUnit test case). The same through the real pre-commit
// and git: tests/clients/pre_commit_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lint/linter.h"
#include "policy/config.h"
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

std::string endpoint(const std::string& traffic) {
  return "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n"
         "name: churn\nauth_mode: key\ntraffic: " +
         traffic + "\n";
}

std::string deployment(const std::string& name) {
  std::string text = kDeployment;
  text.replace(text.find("name: blue"), 10, "name: " + name);
  text.replace(text.find("endpoint_name: scoring"), 22, "endpoint_name: churn");
  return text;
}

// A project (its .amlint.yaml marks the root) with an endpoint and two
// deployments, of which a run names only some.
struct Project {
  TempDir dir;
  Project() {
    dir.write(".amlint.yaml", "");
    dir.write("churn/endpoint.yml", endpoint("{blue: 90, green: 10}"));
    dir.write("churn/blue.yml", deployment("blue"));
    dir.write("churn/green.yml", deployment("green"));
  }
  ProcessResult check(std::vector<std::string> args) const {
    args.insert(args.begin(), {"check", "--format", "concise", "-q"});
    return run_amlint(args, in_dir(dir.path()));
  }
};

TEST(ProjectContext, NamedFilesSeeTheRestOfTheirProject) {
  Project p;
  const ProcessResult r = p.check({"churn/endpoint.yml", "churn/green.yml"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "") << "blue.yml, not named, is in the project";

  const ProcessResult alone = p.check({"--no-project", "churn/endpoint.yml", "churn/green.yml"});
  EXPECT_EQ(alone.exit_code, 1);
  EXPECT_NE(alone.out.find("traffic names deployment 'blue', which no deployment of this "
                           "endpoint has"),
            std::string::npos)
      << alone.out;
}

TEST(ProjectContext, TheCacheFollowsChangesOnDiskAndSurvivesDamage) {
  Project p;
  EXPECT_EQ(p.check({"churn/endpoint.yml"}).out, "");
  const std::string cache = p.dir.path() + "/.amlint_cache/index.tsv";
  ASSERT_TRUE(std::filesystem::exists(cache));
  EXPECT_NE(read_file_text(cache).find("churn/blue.yml"), std::string::npos);
  const std::string ignore = read_file_text(p.dir.path() + "/.amlint_cache/.gitignore");
  EXPECT_NE(ignore.find("\n*\n"), std::string::npos) << "git ignores the cache: " << ignore;

  // blue.yml renamed on disk (another size): the cached entry is not trusted.
  p.dir.write("churn/blue.yml", deployment("blue-two"));
  ProcessResult r = p.check({"churn/endpoint.yml"});
  EXPECT_NE(r.out.find("traffic names deployment 'blue'"), std::string::npos) << r.out;

  // A damaged cache is rebuilt, never trusted in part.
  p.dir.write(".amlint_cache/index.tsv", "amlint-index 1 " AMLINT_VERSION "\n12\tx\n");
  p.dir.write("churn/blue.yml", deployment("blue"));
  r = p.check({"churn/endpoint.yml"});
  EXPECT_EQ(r.out, "") << r.out;
  EXPECT_NE(read_file_text(cache).find("churn/blue.yml"), std::string::npos);
}

// Two folders of one project hold an endpoint of the same name (two
// workspaces): each endpoint's traffic resolves against its own folder's
// deployments, never the other's.
TEST(ProjectContext, ReferencesResolvePerEndpointNotByBareName) {
  TempDir dir;
  dir.write(".amlint.yaml", "");
  dir.write("dev/endpoint.yml", endpoint("{green: 100}"));
  dir.write("dev/green.yml", deployment("green"));
  dir.write("prod/endpoint.yml", endpoint("{green: 100}"));
  dir.write("prod/blue.yml", deployment("blue"));
  for (const std::vector<std::string>& paths :
       {std::vector<std::string>{"."}, std::vector<std::string>{"prod/endpoint.yml"}}) {
    std::vector<std::string> args = {"check", "--format", "concise", "-q"};
    args.insert(args.end(), paths.begin(), paths.end());
    const ProcessResult r = run_amlint(args, in_dir(dir.path()));
    const std::vector<std::string> lines = split_lines(r.out);
    ASSERT_EQ(lines.size(), 1U) << r.out;
    EXPECT_EQ(lines[0].rfind("prod/endpoint.yml:4:11: error: traffic names deployment 'green'", 0),
              0U)
        << lines[0];
  }
}

// An editor's buffer wins over the file on disk at its path.
TEST(ProjectContext, ABufferReplacesItsFileOnDisk) {
  Project p;
  ConfigResolver configs("");  // the nearest .amlint.yaml, which marks the project
  LintOptions options;
  options.today = "2026-12-04";
  options.configs = &configs;
  // green.yml being edited, renamed to green-2; on disk it is still green.
  const LintReport report =
      lint_buffer(Buffer{p.dir.path() + "/churn/green.yml", deployment("green-2")}, options);
  const LintReport endpoint_report = lint_buffer(
      Buffer{p.dir.path() + "/churn/endpoint.yml", endpoint("{blue: 90, green: 10}")}, options);
  EXPECT_TRUE(report.findings.empty());
  ASSERT_EQ(endpoint_report.findings.size(), 0U) << "both deployments are on disk";
  LintOptions both = options;
  both.buffers = {Buffer{p.dir.path() + "/churn/green.yml", deployment("green-2")},
                  Buffer{p.dir.path() + "/churn/endpoint.yml", endpoint("{blue: 90, green: 10}")}};
  const LintReport edited = lint(both);
  ASSERT_EQ(edited.findings.size(), 1U);
  EXPECT_NE(edited.findings.front().message.find("traffic names deployment 'green'"),
            std::string::npos)
      << edited.findings.front().message;
}

}  // namespace
}  // namespace amlint::testing
