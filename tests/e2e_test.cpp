// The built binary, run as a user runs it: exit codes, formats, standard
// input, directory walks, hostile files, and the capability table options.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "report/facts_report.h"
#include "rules/registry.h"
#include "support/harness.h"
#include "util/regex.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const char* const kCleanV2 =
    "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
    "name: blue\nendpoint_name: my-endpoint\ninstance_type: Standard_D4as_v4\ninstance_count: 1\n";

TEST(Cli, VersionRulesAndExplain) {
  ProcessResult r = run_amlint({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  // The version names the date of the newest fact amlint encodes.
  EXPECT_EQ(r.out, "amlint " AMLINT_VERSION " (facts as of " + newest_fact_date() + ")\n");

  r = run_amlint({"rules"});
  EXPECT_EQ(r.exit_code, 0);
  for (const RuleInfo* rule : all_rules()) {
    EXPECT_NE(r.out.find(std::string(rule->id) + "  " + std::string(rule->slug)), std::string::npos)
        << rule->id;
  }

  r = run_amlint({"explain", "AML201"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("# AML201 memory-over-target-limit", 0), 0U) << r.out.substr(0, 80);
  EXPECT_EQ(run_amlint({"explain", "memory-over-target-limit"}).out, r.out);
  EXPECT_EQ(run_amlint({"explain", "aml201"}).out, r.out);

  r = run_amlint({"explain", "AML2O1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "amlint: no rule 'AML2O1'; did you mean AML201? (amlint rules lists them)\n");
}

TEST(Cli, UsageErrorsExitTwoWithOneLine) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--bogus", "x.yml"},
                                               {"check", "/nonexistent/deploy.yml"},
                                               {"--format", "xml", "."},
                                               {"--model", "/nonexistent/model.onnx", "."},
                                               {}}) {
    const ProcessResult r = run_amlint(args);
    EXPECT_EQ(r.exit_code, 2) << (args.empty() ? "(no arguments)" : args[0]);
    EXPECT_TRUE(r.out.empty());
    if (!args.empty()) {
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      EXPECT_EQ(r.err.rfind("amlint: ", 0), 0U) << r.err;
    }
  }
}

TEST(Cli, UnreadableNamedFileIsAUsageError) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  ::chmod(file.c_str(), 0);
  ProcessOptions unprivileged;  // as root, without the capabilities that read any file
  unprivileged.without_file_privileges = true;
  const ProcessResult r = run_amlint({file}, unprivileged);
  if (r.exit_code == kCannotDropPrivileges) GTEST_SKIP() << "root here cannot give up reading";
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos);
}

TEST(Cli, ExitCodesFollowTheWorstSeverity) {
  TempDir dir;
  EXPECT_EQ(run_amlint({dir.write("a/deploy.yml", kAciTooBig)}).exit_code, 1);
  EXPECT_EQ(run_amlint({dir.write("b/deploy.yml", "computeType: aks\n")}).exit_code,
            0);  // AML402 only
  EXPECT_EQ(run_amlint({dir.write("c/deploy.yml", kCleanV2)}).exit_code, 0);
  EXPECT_EQ(run_amlint({dir.write("d/broken.yml", "computeType: [aci\n")}).exit_code, 1);
  EXPECT_EQ(run_amlint({"check", dir.path() + "/b"}).exit_code, 0);
}

TEST(Formats, ConciseIsExactlyOneLinePerFindingWithTheSummaryOnStderr) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  const ProcessResult r = run_amlint({"--format", "concise", file});
  const Regex line_re(R"(^(.+):(\d+):(\d+): (error|warning|info): (.+) \[(AML\d{3})\]$)");
  ASSERT_TRUE(line_re.ok()) << line_re.error();
  const auto out = split_lines(r.out);
  ASSERT_EQ(out.size(), 3U) << r.out;
  for (const std::string& l : out) EXPECT_TRUE(line_re.full_match(l)) << l;
  EXPECT_EQ(out[1],
            file +
                ":4:15: error: memoryInGB: 64 asks for 64 GB, but ACI is for workloads under 48 GB "
                "of RAM; lower it or deploy to AKS [AML201]");
  EXPECT_EQ(r.err, "amlint: 1 error, 2 warnings, 0 info in 1 file\n");
  EXPECT_TRUE(run_amlint({"--format", "concise", "-q", file}).err.empty());
}

TEST(Formats, HumanShowsTheLineAndACaretWithoutColourOffATerminal) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  const ProcessResult r = run_amlint({"--format", "human", file});
  EXPECT_NE(r.out.find(file + ":4:15: error: memoryInGB: 64 asks for 64 GB"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("4 |   memoryInGB: 64\n  |               ^~\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(
      run_amlint({"--format", "human", "--color", "always", file}).out.find("\x1b[1;31merror"),
      std::string::npos);
  EXPECT_NE(
      run_amlint({"--format", "human", "--color", "always", file}, {"", "", {{"NO_COLOR", "1"}}})
          .out.find('\x1b'),
      std::string::npos)
      << "--color always wins over NO_COLOR";
}

TEST(Formats, RelatedLocationsBecomeNotes) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", "computeType: aks\ncomputeType: aci\n");
  const ProcessResult r = run_amlint({"--format", "human", file});
  EXPECT_NE(r.out.find(file + ":2:1: error: duplicate key 'computeType' (first at 1:1)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(file + ":1:1: note: first 'computeType' is here"), std::string::npos)
      << r.out;
}

TEST(Cli, IgnoreTakesOneListPerFlagAndRejectsUnknownRules) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  // The path after --ignore is a path, not a second rule.
  ProcessResult r = run_amlint({"--format", "concise", "--ignore", "AML402", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("[AML402]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[AML201]"), std::string::npos) << r.out;
  // Comma lists, repeated flags, slugs and id prefixes.
  r = run_amlint(
      {"--format", "concise", "--ignore", "v1-deployment-retired,AML20", "--ignore", "AML5", file});
  EXPECT_EQ(r.out, "") << r.out;
  EXPECT_EQ(r.exit_code, 0);
  r = run_amlint({"--ignore", "AML999", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "amlint: --ignore: no rule matches 'AML999' (amlint rules lists them)\n");
}

// --ignore drops rules one by one, not the check that reports them: the
// schema check reports AML501-AML505, and ignoring AML501 keeps the others.
TEST(Cli, IgnoringOneRuleOfACheckKeepsItsOtherRules) {
  TempDir dir;
  const std::string v2 = dir.write("deploy.yml",
                                   "$schema: https://azuremlschemas.azureedge.net/latest/"
                                   "managedOnlineDeployment.schema.json\n"
                                   "name: blue\n"
                                   "endpoint_name: my-endpoint\n"
                                   "model: azureml:my-model:1\n"
                                   "instance_count: two\n"
                                   "egress_public_network_access: sometimes\n"
                                   "colour: blue\n");
  const std::string v1 = dir.write("v1/deployment_config.yml",
                                   "computeType: AKS\nsslEnabled: true\nauthEnabled: true\n");
  ProcessResult r = run_amlint(
      {"--format", "concise", "--ignore", "AML501,AML402", "--fail-level", "warning", v2, v1});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.out.find("[AML501]"), std::string::npos) << r.out;
  for (const char* kept :
       {"5:17: error: instance_count: two is a string, but must be an integer [AML502]",
        "6:31: error: egress_public_network_access: sometimes is not one of "
        "enabled or disabled [AML503]",
        "1:1: error: missing required key 'instance_type'",
        "2:1: warning: 'sslEnabled' applies only when computeType is aci"}) {
    EXPECT_NE(r.out.find(kept), std::string::npos) << kept << "\n" << r.out;
  }
  // Every rule of the check ignored: nothing of it is left.
  r = run_amlint({"--format", "concise", "--ignore", "AML5,AML402", v2, v1});
  EXPECT_EQ(r.out, "") << r.out;
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Stdin, ReadsStandardInputUnderTheGivenName) {
  ProcessResult r = run_amlint({"--format", "concise", "--stdin-filename", "deploy/aci.yml", "-"},
                               {kAciTooBig, "", {}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("deploy/aci.yml:4:15: error:"), std::string::npos) << r.out;

  r = run_amlint({"--format", "concise", "-"}, {kAciTooBig, "", {}});
  EXPECT_NE(r.out.find("<stdin>:4:15: error:"), std::string::npos) << r.out;

  // A .json name selects strict JSON.
  r = run_amlint({"--format", "concise", "--stdin-filename", "dc.json", "-"},
                 {"{\"computeType\": \"aks\",}", "", {}});
  EXPECT_NE(r.out.find("dc.json:1:22: warning: trailing comma"), std::string::npos) << r.out;
}

TEST(Walk, FindsManifestsSkipsTheRestAndNeverLoops) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  dir.write("deploy/notes.yml", "just: some yaml\n");                      // not a manifest
  dir.write("deploy/helm.yaml", "image: {{ .Values.image }}\n");           // not a manifest, broken
  dir.write("deploy/broken.json", "{\"computeType\": \"aci\" \"x\": 1}");  // a manifest, broken
  dir.write(".git/config.yml", kAciTooBig);
  dir.write("node_modules/x/deploy.yml", kAciTooBig);
  dir.write("build/deploy.yml", kAciTooBig);
  dir.write("README.md", "computeType: aci\n");
  fs::create_directory_symlink(dir.path(), dir.path() + "/deploy/loop");
  const ProcessResult r = run_amlint({"--format", "concise", dir.path()});
  EXPECT_FALSE(r.timed_out);
  const auto out = split_lines(r.out);
  ASSERT_EQ(out.size(), 4U) << r.out;
  EXPECT_EQ(out[0].rfind(dir.path() + "/deploy/aci.yml:1:1:", 0), 0U) << out[0];
  EXPECT_EQ(out[3].rfind(dir.path() + "/deploy/broken.json:1:23: error: invalid JSON", 0), 0U)
      << out[3];
  // notes.yml and helm.yaml are not manifests: they are not linted files.
  EXPECT_EQ(r.err, "amlint: 2 errors, 2 warnings, 0 info in 2 files\n");

  // A walked directory shows paths relative to where it was named.
  const ProcessResult rel = run_amlint({"--format", "concise", "deploy"}, {"", dir.path(), {}});
  EXPECT_EQ(split_lines(rel.out).at(0).rfind("deploy/aci.yml:1:1:", 0), 0U) << rel.out;
  const ProcessResult dot =
      run_amlint({"--format", "concise", "."}, {"", dir.path() + "/deploy", {}});
  EXPECT_EQ(split_lines(dot.out).at(0).rfind("aci.yml:1:1:", 0), 0U) << dot.out;
}

TEST(Pairing, AFindingInAnUnnamedSiblingMovesToTheNamedFile) {
  // pre-commit names only the changed file; its inference config still pairs.
  TempDir dir;
  const std::string deploy = dir.write("svc/deployment_config_aci.yml", "computeType: aci\n");
  dir.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
  dir.write("svc/unrelated.yml", "computeType: [broken\n");  // not reported: not named
  ProcessResult r = run_amlint({"--format", "human", deploy});
  EXPECT_NE(r.out.find(deploy +
                       ":1:14: error: enableGpu: true in inference_config.yml asks for a GPU, but "
                       "deployment_config_aci.yml deploys to ACI"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("inference_config.yml:2:12: note: the request is here"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("unrelated.yml"), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, 1);

  // The other way round: an edited buffer on standard input pairs with the
  // deployment configs on disk beside the name it is given.
  r = run_amlint(
      {"--format", "concise", "--stdin-filename", dir.path() + "/svc/inference_config.yml", "-"},
      {"entryScript: score.py\ncudaVersion: '10.0'\n", "", {}});
  EXPECT_NE(
      r.out.find("svc/inference_config.yml:2:14: error: cudaVersion: 10.0 in inference_config.yml"),
      std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("enableGpu"), std::string::npos)
      << "the file on disk must not be linted too: " << r.out;
}

TEST(Project, ReferencesResolveAcrossFilesAndShowBothPlaces) {
  TempDir dir;
  dir.write("compute/ci.yml",
            "$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json\n"
            "name: my-instance\ntype: computeinstance\nsize: Standard_D4as_v4\n");
  const std::string batch = dir.write(
      "batch/deployment.yml",
      "$schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json\n"
      "name: nightly\nendpoint_name: scoring\ntype: model\nmodel: azureml:churn:3\n"
      "compute: azureml:my-instance\n");
  const ProcessResult r = run_amlint({"--format", "human", dir.path()});
  EXPECT_NE(
      r.out.find(batch +
                 ":6:10: error: compute: azureml:my-instance is ci.yml, a compute instance; batch "
                 "deployments run on a compute cluster or Kubernetes compute"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(dir.path() + "/compute/ci.yml:3:7: note: the compute is defined here"),
            std::string::npos)
      << r.out;
  // An unresolved reference is not a finding: the compute may be in the workspace.
  const ProcessResult alone = run_amlint({"--format", "concise", batch});
  EXPECT_EQ(alone.out.find("[AML102]"), std::string::npos) << alone.out;
}

TEST(Project, TypoedKeysGetTheirSuggestion) {
  TempDir dir;
  const std::string v1 =
      dir.write("v1/deploymentconfig.json",
                "{\"computeType\": \"aci\", \"enableAppInsights\": true, \"authEnabled\": true,\n"
                " \"containerResourceRequirements\": {\"cpu\": 1, \"cpu_limit\": 2}}\n");
  const std::string v2 = dir.write(
      "v2/blue.yml",
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
      "name: blue\nendpoint_name: scoring\nmodel: azureml:m:1\n"
      "instance_typ: Standard_D4as_v4\ninstance_count: 1\n");
  const ProcessResult r = run_amlint({"--format", "concise", v1, v2});
  EXPECT_NE(
      r.out.find(
          v1 +
          ":1:24: warning: unknown key 'enableAppInsights' (az ml v1 ignores it); did you mean "
          "'appInsightsEnabled'?"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(
          "unknown key 'cpu_limit' in containerResourceRequirements (az ml v1 ignores it); did you "
          "mean 'cpuLimit'?"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(v2 +
                 ":5:1: error: unknown key 'instance_typ' (az ml rejects the file); did you mean "
                 "'instance_type'?"),
      std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find(
          v2 + ":1:1: error: missing required key 'instance_type' of a managed online deployment"),
      std::string::npos)
      << r.out;
}

TEST(Walk, NamedFilesThatAreNotManifestsAreReported) {
  TempDir dir;
  const ProcessResult r = run_amlint(
      {"--format", "concise", dir.write("ci.yml", "on: push\n"), dir.write("empty.json", "")});
  const auto out = split_lines(r.out);
  ASSERT_EQ(out.size(), 2U) << r.out;
  EXPECT_NE(out[0].find(":1:1: info: not a recognised Azure ML deployment manifest"),
            std::string::npos);
  EXPECT_NE(out[1].find(":1:1: info: file holds no YAML or JSON document"), std::string::npos);
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Robustness, OneBadFileDoesNotLoseTheOthers) {
  TempDir dir;
  const std::string bad = dir.write("a/bad.yml", std::string("\x00\x01\x02", 3));
  const std::string fifo = dir.path() + "/a/pipe.yml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  const std::string good = dir.write("b/deploy.yml", kAciTooBig);
  const ProcessResult r = run_amlint({"--format", "concise", bad, fifo, dir.path() + "/a", good});
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 1);
  const auto out = split_lines(r.out);
  ASSERT_EQ(out.size(), 5U) << r.out;
  EXPECT_NE(out[0].find("bad.yml:1:1: error: NUL byte"), std::string::npos) << out[0];
  EXPECT_NE(out[1].find("pipe.yml:1:1: error: cannot read the file: it is a FIFO"),
            std::string::npos)
      << out[1];
  EXPECT_NE(out[2].find("deploy.yml:1:1: warning:"), std::string::npos) << out[2];
}

TEST(Robustness, HostileFilesEndFastWithAFinding) {
  TempDir dir;
  std::string bomb = "computeType: aci\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919 + 13) % 256));
  const std::u16string utf16 = u"computeType: aci\n";
  std::string utf16_bytes = "\xFF\xFE";
  for (const char16_t c : utf16) {
    utf16_bytes.push_back(static_cast<char>(c & 0xFF));
    utf16_bytes.push_back(static_cast<char>(c >> 8));
  }
  const struct {
    std::string name;
    std::string content;
    std::string expected;
  } cases[] = {
      {"bomb.yml", bomb, "error: aliases expand this document"},
      {"self.yml", "computeType: aci\na: &x [*x]\n",
       "error: alias *x refers to a node that contains it"},
      {"deep.yml",
       "computeType: aci\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n",
       "error: nesting is deeper than 256 levels"},
      {"deep.json", "{\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}",
       "error: nesting is deeper than 256 levels"},
      {"garbage.yml", garbage, "error: NUL byte"},
      {"empty.yml", "", "info: file holds no YAML or JSON document"},
      {"utf16.yml", utf16_bytes, "error: file is encoded as UTF-16LE"},
  };
  for (const auto& c : cases) {
    const ProcessResult r = run_amlint({"--format", "concise", dir.write(c.name, c.content)});
    EXPECT_FALSE(r.timed_out) << c.name;
    EXPECT_LT(r.elapsed.count(), 1000 * kTimeFactor) << c.name;
    EXPECT_NE(r.out.find(c.expected), std::string::npos) << c.name << ": " << r.out;
    EXPECT_LT(r.exit_code, 2) << c.name << ": " << r.err;
  }
}

TEST(Table, TargetsFileReplacesTheBuiltInTable) {
  TempDir dir;
  const std::string table_path = source_dir() + "/rules/compute-targets.yaml";
  std::string table = read_file_text(table_path);
  const std::string from = "memory_gb: {less_than: 48, fact: F4}";
  ASSERT_NE(table.find(from), std::string::npos);
  table.replace(table.find(from), from.size(), "memory_gb: {less_than: 64.5, fact: F4}");
  const std::string custom = dir.write("targets.yaml", table);
  const std::string deploy = dir.write("x/deploy.yml", kAciTooBig);
  EXPECT_NE(run_amlint({"--format", "concise", deploy}).out.find("[AML201]"), std::string::npos);
  const ProcessResult r = run_amlint({"--format", "concise", "--targets", custom, deploy});
  EXPECT_EQ(r.out.find("[AML201]"), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, 0);

  const std::string broken =
      dir.write("bad.yaml", "schema_version: 2\nsources: {}\nfacts: {F1: x}\ntargets: []\n");
  const ProcessResult bad = run_amlint({"--targets", broken, deploy});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "amlint: invalid capability table " + broken +
                         ":3:13: F1: x is a string, but must be a mapping\n"
                         "amlint: invalid capability table " +
                         broken +
                         ":4:10: targets is a list, but must be a mapping\n"
                         "amlint: invalid capability table " +
                         broken +
                         ":1:1: missing required key 'detection'\n"
                         "amlint: invalid capability table " +
                         broken + ":1:1: missing required key 'lifecycle'\n");
}

TEST(Model, SizeComesFromMetadataOfAFileOrADirectory) {
  TempDir dir;
  const std::string deploy = dir.write("x/deployment_config_aci.yml", "computeType: aci\n");
  const auto models = expand_args({"{sparse:1536MiB}", "{sparse:100MiB}"}, dir);
  ProcessResult r = run_amlint({"--format", "concise", "--model", models[0], deploy});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("deployment_config_aci.yml:1:14: error: the model '" + models[0] +
                       "' is 1.5 GB, but ACI suits only models under 1 GB"),
            std::string::npos)
      << r.out;
  r = run_amlint({"--format", "concise", "--model", models[1], deploy});
  EXPECT_EQ(r.out.find("[AML203]"), std::string::npos) << r.out;
  // A directory counts every file under it.
  fs::create_directories(dir.path() + "/m/sub");
  fs::rename(models[0], dir.path() + "/m/sub/weights.bin");
  r = run_amlint({"--format", "concise", "--model", dir.path() + "/m", deploy});
  EXPECT_NE(r.out.find("is 1.5 GB"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace amlint::testing
