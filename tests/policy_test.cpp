// Team policy through the binary: .amlint.yaml (discovery and every key),
// `amlint config` and `amlint init`, inline suppressions in every form, the
// baseline round trip, atomic writes, and secrets that no output shows.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/harness.h"
#include "support/policy_cases.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

bool has(const ProcessResult& r, const std::string& text) {
  return r.out.find(text) != std::string::npos;
}

TEST(Config, TheNearestConfigWinsAndSettingsAreNotMerged) {
  TempDir dir;
  dir.write(".amlint.yaml", "rules:\n  AML402: off\n");
  dir.write("team/.amlint.yaml", "rules:\n  aci-region-capacity: off\n");
  dir.write("a.yml", kAci24);
  dir.write("team/b.yml", kAci24);
  const ProcessResult r = concise(dir, {"."});
  EXPECT_FALSE(has(r, "a.yml:1:1: warning")) << r.out;      // AML402 off at the root
  EXPECT_TRUE(has(r, "a.yml:5:15: warning")) << r.out;      // AML202 on at the root
  EXPECT_TRUE(has(r, "team/b.yml:1:1: warning")) << r.out;  // the team config does not inherit
  EXPECT_FALSE(has(r, "team/b.yml:5:15")) << r.out;         // and turns AML202 off
  // --config applies one file to every file.
  dir.write("strict.yaml", "rules:\n  AML402: error\n");
  const ProcessResult forced = concise(dir, {"--config", "strict.yaml", "."});
  EXPECT_TRUE(has(forced, "a.yml:1:1: error")) << forced.out;
  EXPECT_TRUE(has(forced, "team/b.yml:1:1: error")) << forced.out;
  EXPECT_EQ(forced.exit_code, 1);
}

TEST(Config, TheSearchStopsAtTheRepositoryRoot) {
  TempDir dir;
  dir.write(".amlint.yaml", "rules:\n  AML402: off\n");  // above the repository
  fs::create_directories(fs::path(dir.path()) / "repo" / ".git");
  dir.write("repo/deploy/a.yml", kAci24);
  const ProcessResult r = concise(dir, {"repo"});
  EXPECT_TRUE(has(r, "repo/deploy/a.yml:1:1: warning")) << r.out;  // AML402 still on
  // A .git file (a worktree or a submodule) marks a root too; a config at
  // the root itself is found.
  fs::remove_all(fs::path(dir.path()) / "repo" / ".git");
  dir.write("repo/.git", "gitdir: ../somewhere\n");
  EXPECT_TRUE(has(concise(dir, {"repo"}), "repo/deploy/a.yml:1:1: warning"));
  dir.write("repo/.amlint.yaml", "rules:\n  AML402: off\n");
  EXPECT_FALSE(has(concise(dir, {"repo"}), "repo/deploy/a.yml:1:1: warning"));
}

TEST(Config, RuleSeveritiesPathsAndOverrides) {
  TempDir dir;
  dir.write(".amlint.yaml",
            "rules:\n"
            "  AML402: off\n"
            "  AML202: {severity: error, paths: [strict/]}\n"
            "overrides:\n"
            "  - paths: [\"**/lab/*.yml\"]\n"
            "    rules: {aci-region-capacity: info}\n");
  dir.write("a.yml", kAci24);
  dir.write("strict/b.yml", kAci24);
  dir.write("x/lab/c.yml", kAci24);
  const ProcessResult r = concise(dir, {"."});
  EXPECT_TRUE(has(r, "a.yml:5:15: warning: memoryInGB: 24")) << r.out;
  EXPECT_TRUE(has(r, "strict/b.yml:5:15: error: memoryInGB: 24")) << r.out;
  EXPECT_TRUE(has(r, "x/lab/c.yml:5:15: info: memoryInGB: 24")) << r.out;
  EXPECT_FALSE(has(r, "[AML402]")) << r.out;
  EXPECT_EQ(r.exit_code, 1);
}

TEST(Config, IgnoredPathsAreSkippedEvenWhenNamed) {
  TempDir dir;
  dir.write(".amlint.yaml", "ignore: [legacy/, \"*.generated.yml\"]\n");
  const std::string legacy = dir.write("legacy/old.yml", kAciTooBig);
  dir.write("svc/x.generated.yml", kAciTooBig);
  dir.write("svc/real.yml", kAciTooBig);
  const ProcessResult walked = concise(dir, {"."});
  EXPECT_TRUE(has(walked, "svc/real.yml")) << walked.out;
  EXPECT_FALSE(has(walked, "legacy/")) << walked.out;
  EXPECT_FALSE(has(walked, "generated")) << walked.out;
  // pre-commit names the changed files: ignore still holds.
  const ProcessResult named = concise(dir, {"legacy/old.yml"});
  EXPECT_EQ(named.out, "");
  EXPECT_EQ(named.exit_code, 0);
}

TEST(Config, ProductionAndTestPathsReplaceTheDefaultNames) {
  TempDir dir;
  const std::string aci =
      "computeType: aci\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 4\n";
  dir.write("prod/a.yml", aci);
  dir.write("deploy/live/b.yml", aci);
  dir.write("scratch/c.yml", aci);
  ProcessResult r = concise(dir, {"."});
  EXPECT_TRUE(has(r, "prod/a.yml:1:14: error") && has(r, "[AML301]")) << r.out;
  EXPECT_TRUE(has(r, "scratch/c.yml:1:14: warning: this ACI web service has no authentication"))
      << r.out;
  dir.write(".amlint.yaml", "production: [deploy/live/]\ntest: [scratch/]\n");
  r = concise(dir, {"."});
  EXPECT_FALSE(has(r, "prod/a.yml:1:14: error")) << r.out;
  EXPECT_TRUE(has(r,
                  "deploy/live/b.yml:1:14: error: ACI is for low-CPU testing or development, not "
                  "production, but "
                  "this config matches the production path 'deploy/live/' of .amlint.yaml"))
      << r.out;
  EXPECT_TRUE(has(r, "deploy/live/b.yml:1:14: warning: ACI serves plain HTTP")) << r.out;  // AML703
  EXPECT_FALSE(has(r, "scratch/c.yml:1:14")) << r.out;  // AML702 quiet
}

TEST(Config, FailLevelAndTheFlagThatWins) {
  TempDir dir;
  dir.write("a.yml", kAci24);  // warnings only
  EXPECT_EQ(concise(dir, {"a.yml"}).exit_code, 0);
  dir.write(".amlint.yaml", "fail-level: warning\n");
  EXPECT_EQ(concise(dir, {"a.yml"}).exit_code, 1);
  EXPECT_EQ(concise(dir, {"--fail-level", "error", "a.yml"}).exit_code, 0);
}

TEST(Config, CapabilityOverridesMergeOverTheTableAndAreValidated) {
  TempDir dir;
  dir.write("a.yml", kAciTooBig);  // 64 GB on ACI: AML201 under the built-in 48 GB
  EXPECT_TRUE(has(concise(dir, {"a.yml"}), "[AML201]"));
  dir.write(".amlint.yaml",
            "capabilities:\n"
            "  targets:\n"
            "    aci:\n"
            "      memory_gb: {less_than: 96, source: quota raised}\n");
  ProcessResult r = concise(dir, {"a.yml"});
  EXPECT_FALSE(has(r, "[AML201]")) << r.out;
  EXPECT_TRUE(has(r, "[AML202]")) << r.out;  // the rest of the table still applies
  dir.write(".amlint.yaml",
            "capabilities:\n"
            "  targets:\n"
            "    aci:\n"
            "      memory_gb: {less_than: lots, source: quota raised}\n");
  r = concise(dir, {"a.yml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".amlint.yaml:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("capabilities:"), std::string::npos) << r.err;
}

TEST(Config, ModelBindingServesAml203) {
  TempDir dir;
  make_sparse_file(dir.path() + "/models/big.pkl", 2ULL << 30U);
  dir.write("svc/deployment_config_aci.yml", "computeType: aci\nauthEnabled: true\n");
  EXPECT_FALSE(has(concise(dir, {"svc"}), "[AML203]"));
  dir.write(".amlint.yaml", "model:\n  \"svc/deployment_config_*.yml\": models/big.pkl\n");
  const ProcessResult r = concise(dir, {"svc"});
  EXPECT_TRUE(
      has(r, "svc/deployment_config_aci.yml:1:14: error: the model 'models/big.pkl' is 2 GB"))
      << r.out;
}

TEST(Config, JsonSuppressionsLiveInTheConfig) {
  TempDir dir;
  const std::string json =
      "{\"computeType\": \"aci\", \"authEnabled\": true,\n"
      " \"containerResourceRequirements\": {\"cpu\": 1, \"memoryInGB\": 24}}\n";
  dir.write("svc/deploymentconfig.json", json);
  dir.write(".amlint.yaml",
            "rules: {AML402: off}\n"
            "suppress:\n"
            "  - rule: AML202\n"
            "    path: svc/deploymentconfig.json\n"
            "    pointer: /containerResourceRequirements\n"
            "    reason: load test\n");
  EXPECT_EQ(concise(dir, {"."}).out, "");
  dir.write(".amlint.yaml",
            "rules: {AML402: off}\n"
            "suppress:\n"
            "  - rule: AML202\n"
            "    path: svc/deploymentconfig.json\n"
            "    pointer: /containerResourceRequirements/cpu\n"
            "    reason: load test\n");
  const ProcessResult r = concise(dir, {"."});
  EXPECT_TRUE(has(r, "svc/deploymentconfig.json:2:60: warning: memoryInGB: 24")) << r.out;
  EXPECT_TRUE(
      has(r,
          ".amlint.yaml:3:5: warning: suppression of AML202 in svc/deploymentconfig.json at "
          "/containerResourceRequirements/cpu matches no finding; remove it [AML009]"))
      << r.out;
}

TEST(Config, MistakesAreUsageErrorsWithPositionsAndSuggestions) {
  TempDir dir;
  dir.write("a.yml", kAci24);
  dir.write(".amlint.yaml",
            "rulez:\n  AML202: off\n"
            "rules:\n  AML2O2: off\n  AML201: severe\n"
            "fail-level: loud\n"
            "ignore: [\"a/**b\"]\n");
  const ProcessResult r = concise(dir, {"a.yml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  for (const char* expected :
       {".amlint.yaml:1:1: unknown key 'rulez'; did you mean 'rules'?",
        ".amlint.yaml:4:3: no rule 'AML2O2'; did you mean AML202?",
        ".amlint.yaml:5:11: AML201: severe is not one of error, warning, info or off",
        ".amlint.yaml:6:13: fail-level: loud is not one of error, warning, info or none",
        ".amlint.yaml:7:10: ignore: 'a/**b' is not a valid path pattern"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  // One line per mistake, in the order of the file.
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 5) << r.err;
  EXPECT_LT(r.err.find(":4:3:"), r.err.find(":5:11:")) << r.err;
  dir.write(".amlint.yaml", "rules: [\n");
  EXPECT_EQ(concise(dir, {"a.yml"}).exit_code, 2);
}

TEST(Config, ConfigCommandShowsWhereEachSettingComesFrom) {
  TempDir dir;
  dir.write(".amlint.yaml",
            "fail-level: warning\n"
            "rules:\n"
            "  AML402: off\n"
            "  aci-region-capacity: {severity: error, paths: [strict/]}\n"
            "  inline-secret: {suppressible: false}\n");
  const ProcessResult r = run_amlint({"config"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r, "config file:  .amlint.yaml\n")) << r.out;
  EXPECT_TRUE(has(r, "fail-level:   warning (.amlint.yaml:1)")) << r.out;
  EXPECT_TRUE(has(r, "AML402  v1-deployment-retired               off (.amlint.yaml:3)")) << r.out;
  EXPECT_TRUE(has(r, "warning (default); error in strict/ (.amlint.yaml:4)")) << r.out;
  EXPECT_TRUE(has(r, "not suppressible (.amlint.yaml:5)")) << r.out;
  EXPECT_TRUE(has(r, "AML201  memory-over-target-limit            error (default)")) << r.out;
  TempDir empty;
  EXPECT_TRUE(
      has(run_amlint({"config"}, in_dir(empty.path())), "config file:  none (built-in defaults)"));
}

TEST(Config, InitWritesAValidStarterAndNeverOverwritesByAccident) {
  TempDir dir;
  ProcessResult r = run_amlint({"init"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string written = read_file_text(dir.path() + "/.amlint.yaml");
  EXPECT_NE(written.find("inline-secret: {suppressible: false}"), std::string::npos);
  r = run_amlint({"config"}, in_dir(dir.path()));  // the starter is a valid config
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r, "not suppressible (.amlint.yaml:")) << r.out;
  dir.write(".amlint.yaml", "rules: {AML402: off}\n");
  r = run_amlint({"init"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_file_text(dir.path() + "/.amlint.yaml"), "rules: {AML402: off}\n");
  EXPECT_EQ(run_amlint({"init", "--force"}, in_dir(dir.path())).exit_code, 0);
  EXPECT_EQ(read_file_text(dir.path() + "/.amlint.yaml"), written);
}

TEST(Config, TheReadmeExampleIsAValidConfig) {
  const std::string readme = read_file_text(source_dir() + "/README.md");
  const std::size_t section = readme.find("## Team policy");
  ASSERT_NE(section, std::string::npos);
  const std::size_t open = readme.find("```yaml\n", section);
  const std::size_t close = readme.find("```\n", open + 8);
  ASSERT_NE(close, std::string::npos);
  TempDir dir;
  dir.write(".amlint.yaml", readme.substr(open + 8, close - open - 8));
  dir.write(".amlint-baseline.json", "{\"version\": 1, \"entries\": []}\n");
  const ProcessResult r = run_amlint({"config"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Suppressions, EveryFormThroughTheBinary) {
  TempDir dir;
  dir.write("s.yml",
            "# amlint: ignore-file AML402 -- migrating in Q1\n"
            "computeType: aci\n"
            "authEnabled: true\n"
            "containerResourceRequirements:\n"
            "  # amlint: ignore AML202 -- load test\n"
            "  cpu: 8\n"
            "  memoryInGB: 24  # amlint: ignore AML202\n"
            "  memoryInGBLimit: 2  # amlint: ignore AML201 -- nothing to hide\n");
  dir.write("t.yml",
            "computeType: aci  # amlint: ignore AML402 until=2024-01-01 -- expired\n"
            "authEnabled: true\n");
  const ProcessResult r = concise(dir, {"s.yml", "t.yml"});
  const std::vector<std::string> expected = {
      "s.yml:7:19: warning: suppression of AML202 gives no reason; add one after '--', e.g. '-- "
      "load test, removed "
      "by 2027-03' [AML005]",
      "s.yml:8:3: warning: 'memoryInGBLimit' applies only when computeType is aks or aksendpoint; "
      "it is ignored for "
      "aci: ACI reserves exactly memoryInGB; limits are read only for AKS [AML505]",
      "s.yml:8:23: warning: suppression of AML201 matches no finding on line 8; remove it [AML009]",
      "t.yml:1:1: warning: v1 deployment configs (az ml model deploy --dc) are read only by CLI v1 "
      "(support ended on 2025-09-30) and SDK v1 (support ended on 2026-06-30); move to a managed "
      "online endpoint or a Kubernetes online endpoint (CLI v2) [AML402]",
      "t.yml:1:19: warning: suppression of AML402 expired on 2024-01-01 and no longer applies; fix "
      "the finding, or "
      "renew it with a later until= [AML006]"};
  EXPECT_EQ(split_lines(r.out), expected) << r.out;
  // A rule the config makes non-suppressible stays reported.
  dir.write(".amlint.yaml", "rules:\n  aci-region-capacity: {suppressible: false}\n");
  const ProcessResult strict = concise(dir, {"s.yml"});
  EXPECT_TRUE(has(strict, "s.yml:6:8: warning: cpu: 8")) << strict.out;
  EXPECT_TRUE(
      has(strict,
          "s.yml:5:3: error: AML202 is marked non-suppressible in .amlint.yaml:2; fix the finding "
          "instead [AML007]"))
      << strict.out;
  // Turning the rule off makes its suppressions neither used nor unused.
  dir.write(".amlint.yaml", "rules:\n  AML201: off\n");
  EXPECT_FALSE(has(concise(dir, {"s.yml"}), "[AML009]"));
}

TEST(Baseline, RoundTripSurvivesEditsAboveAndReportsFixedFindingsAsStale) {
  TempDir dir;
  dir.write(".git/HEAD",
            "ref: refs/heads/main\n");  // the repository root: baseline paths are relative to it
  dir.write("svc/deployment_config_aci.yml", kAciTooBig);
  dir.write("other/deployment_config_aci.yml", kAci24);
  ProcessResult r = run_amlint({"baseline", "svc", "other"}, in_dir(dir.path()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "amlint: wrote 5 entries to .amlint-baseline.json\n");
  const std::string baseline = read_file_text(dir.path() + "/.amlint-baseline.json");
  EXPECT_NE(baseline.find("\"path\": \"svc/deployment_config_aci.yml\""), std::string::npos)
      << baseline;
  EXPECT_NE(baseline.find("\"pointer\": \"/containerResourceRequirements/memoryInGB\""),
            std::string::npos);

  r = concise(dir, {"--baseline", ".amlint-baseline.json", "svc", "other"});
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.exit_code, 0);
  // Lines added above the findings: still hidden. From a subdirectory too.
  dir.write("svc/deployment_config_aci.yml", std::string("# owner: fraud team\n\n") + kAciTooBig);
  r = run_amlint(
      {"check", "-q", "--format", "concise", "--baseline", "../.amlint-baseline.json", "."},
      in_dir(dir.path() + "/svc"));
  EXPECT_EQ(r.out, "") << r.out;
  // A new finding is reported; the old ones stay hidden.
  dir.write("svc/deployment_config_aci.yml", std::string(kAciTooBig) + "gpuCores: 1\n");
  r = concise(dir, {"--baseline", ".amlint-baseline.json", "svc"});
  EXPECT_TRUE(has(r, "svc/deployment_config_aci.yml:6:11: error:")) << r.out;
  EXPECT_EQ(split_lines(r.out).size(), 1U) << r.out;
  // Fixed: the entries become stale, reported in the baseline file; entries of
  // files not linted in this run (other/) are left alone.
  dir.write("svc/deployment_config_aci.yml", "computeType: aci\nauthEnabled: true\n");
  r = concise(dir, {"--baseline", ".amlint-baseline.json", "svc"});
  EXPECT_EQ(r.exit_code, 0);
  const std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  for (const std::string& line : lines) {
    EXPECT_EQ(line.rfind(".amlint-baseline.json:", 0), 0U) << line;
    EXPECT_NE(line.find("in svc/deployment_config_aci.yml at "
                        "/containerResourceRequirements/memoryInGB matches no "
                        "current finding"),
              std::string::npos)
        << line;
  }
  // The config can name the baseline.
  dir.write(".amlint.yaml", "baseline: .amlint-baseline.json\n");
  EXPECT_TRUE(has(concise(dir, {"svc"}), "[AML008]"));
}

TEST(Baseline, WritesAreAtomicAndAFailedRunKeepsThePreviousFile) {
  TempDir dir;
  dir.write("a.yml", kAci24);
  ASSERT_EQ(run_amlint({"baseline", "a.yml"}, in_dir(dir.path())).exit_code, 0);
  const std::string before = read_file_text(dir.path() + "/.amlint-baseline.json");
  // The run fails (a named path is missing): nothing is written.
  ProcessResult r = run_amlint({"baseline", "a.yml", "missing.yml"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_file_text(dir.path() + "/.amlint-baseline.json"), before);
  // The write fails (the target is a directory): an error, and no temporary file is left.
  fs::create_directories(dir.path() + "/taken/x");
  r = run_amlint({"baseline", "--baseline-file", "taken", "a.yml"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("taken"), std::string::npos) << r.err;
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path()))
    entries += e.path().filename().string()[0] != '.' ? 1 : 0;
  EXPECT_EQ(entries, 2U) << "a.yml and taken/ only";
  // A malformed baseline is a usage error with a position.
  dir.write("bad.json", "{\"version\": 1, \"entries\": [{\"rule\": \"AML201\"}]}\n");
  r = concise(dir, {"--baseline", "bad.json", "a.yml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid baseline bad.json:1:28: an entry without a fingerprint"),
            std::string::npos)
      << r.err;
}

TEST(Secrets, NoOutputFormatShowsTheValue) {
  TempDir dir;
  const std::string key = "d41d8cd98f00b204e9800998ecf8427e";  // not the one in AML701.md
  const std::string pem_line = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
  dir.write("deployment_config_aks.yml", "computeType: aks\nkeys:\n  primaryKey: " + key +
                                             "\nsslKey: |\n  -----BEGIN RSA PRIVATE KEY-----\n  " +
                                             pem_line + "\n  -----END RSA PRIVATE KEY-----\n");
  for (const char* format :
       {"human", "concise", "json", "sarif", "junit", "checkstyle", "github", "azure", "gitlab"}) {
    const ProcessResult r =
        run_amlint({"check", "--format", format, "--output", std::string(format) + "=out.txt",
                    "deployment_config_aks.yml"},
                   in_dir(dir.path()));
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_NE(r.out.find("AML701"), std::string::npos) << format;
    for (const std::string& secret : {key, pem_line}) {
      EXPECT_EQ(r.out.find(secret), std::string::npos) << format << " shows the secret:\n" << r.out;
      EXPECT_EQ(r.err.find(secret), std::string::npos) << format;
      EXPECT_EQ(read_file_text(dir.path() + "/out.txt").find(secret), std::string::npos) << format;
    }
  }
  EXPECT_EQ(run_amlint({"baseline"}, in_dir(dir.path())).exit_code, 0);
  EXPECT_EQ(read_file_text(dir.path() + "/.amlint-baseline.json").find(key), std::string::npos);
}

TEST(Secrets, TheCorpusHasOneLiteralPasswordAndNoOtherSecret) {
  // ../shared/corpus, as copied into fixtures/corpus: only the compute
  // sample that writes its SSH password inline is reported.
  const ProcessResult r = run_amlint({"check", "-q", "--format", "concise", "--ignore",
                                      "AML0,AML1,AML2,AML3,AML4,"
                                      "AML5,AML6,AML702,AML703",
                                      "fixtures/corpus"},
                                     in_dir(source_dir()));
  EXPECT_EQ(split_lines(r.out),
            std::vector<std::string>{
                "fixtures/corpus/azureml-examples/cli__resources__compute__cluster-ssh-password."
                "yml:10:19: error: ssh_settings.admin_password holds a literal secret (16 "
                "characters, not shown); a committed secret is leaked: rotate it, and pass it "
                "at deploy time (a key vault reference or a pipeline secret) [AML701]"})
      << r.out;
}

}  // namespace
}  // namespace amlint::testing
