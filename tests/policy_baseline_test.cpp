// `amlint baseline` and the baseline in a check, through the binary: what a
// baseline may hold (never a finding of a rule the config makes
// non-suppressible), which entries a run rewrites (those of the paths it is
// given; --replace: all), and a check without the config's baseline.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/harness.h"
#include "support/policy_cases.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

// The same with 16 GB: AML402 only.
constexpr const char* kAci16 =
    "computeType: aci\n"
    "authEnabled: true\n"
    "containerResourceRequirements:\n"
    "  cpu: 1\n"
    "  memoryInGB: 16\n";

// A directory that is a repository root, so that baseline paths are relative to it.
void make_repository(const TempDir& dir) { dir.write(".git/HEAD", "ref: refs/heads/main\n"); }

ProcessResult amlint_in(const TempDir& dir, const std::vector<std::string>& args) {
  return run_amlint(args, in_dir(dir.path()));
}

// "path rule" of every entry of the baseline file, sorted.
std::vector<std::string> entries(const TempDir& dir,
                                 const std::string& file = ".amlint-baseline.json") {
  const std::string text = read_file_text(dir.path() + "/" + file);
  std::vector<std::string> out;
  for (std::size_t at = text.find("\"rule\": \""); at != std::string::npos;
       at = text.find("\"rule\": \"", at + 1)) {
    const std::size_t rule = at + 9;
    const std::string id = text.substr(rule, text.find('"', rule) - rule);
    const std::size_t p = text.find("\"path\": \"", rule) + 9;
    out.push_back(text.substr(p, text.find('"', p) - p) + " " + id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Entries = std::vector<std::string>;

TEST(Baseline, NeverWritesEntriesForRulesTheConfigMakesNonSuppressible) {
  TempDir dir;
  make_repository(dir);
  dir.write("a.yml", kAci24);
  dir.write("b.yml", kAci24);
  ASSERT_EQ(amlint_in(dir, {"baseline", "."}).exit_code, 0);
  EXPECT_EQ(entries(dir),
            (Entries{"a.yml AML202", "a.yml AML402", "b.yml AML202", "b.yml AML402"}));
  // The team makes AML202 non-suppressible: a new baseline of a.yml leaves its
  // AML202 out, and drops the one that b.yml's entries held.
  dir.write(".amlint.yaml", "rules:\n  aci-region-capacity: {suppressible: false}\n");
  const ProcessResult r = amlint_in(dir, {"baseline", "a.yml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries(dir), (Entries{"a.yml AML402", "b.yml AML402"}));
  EXPECT_EQ(r.err,
            "amlint: wrote 2 entries to .amlint-baseline.json (1 kept for paths this run did not "
            "cover); left out 2 findings of AML202, which .amlint.yaml:2 makes non-suppressible: "
            "fix them instead\n");
  // So the check reports the findings, and no entry of the baseline is stale.
  const ProcessResult check = concise(dir, {"--baseline", ".amlint-baseline.json", "."});
  const std::string aml202 =
      ":5:15: warning: memoryInGB: 24 is above 16 GB, from where ACI deployments can fail for "
      "lack of capacity in the region; lower it, or deploy to AKS [AML202]";
  EXPECT_EQ(split_lines(check.out), (Entries{"a.yml" + aml202, "b.yml" + aml202})) << check.out;
}

TEST(Baseline, UpdatesOnlyTheEntriesOfThePathsItIsGiven) {
  TempDir dir;
  make_repository(dir);
  dir.write("a.yml", kAci24);
  dir.write("svc/b.yml", kAci24);
  dir.write("svc/c.yml", kAci24);
  dir.write("other/d.yml", kAci24);
  ASSERT_EQ(amlint_in(dir, {"baseline", "."}).exit_code, 0);
  EXPECT_EQ(entries(dir).size(), 8U);
  // b is fixed and a changes: a baseline of b rewrites b's entries only.
  dir.write("svc/b.yml", kAci16);
  dir.write("a.yml", std::string(kAci24) + "gpuCores: 1\n");
  ProcessResult r = amlint_in(dir, {"baseline", "svc/b.yml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "amlint: wrote 7 entries to .amlint-baseline.json (6 kept for paths this run did not "
            "cover)\n");
  EXPECT_EQ(entries(dir),
            (Entries{"a.yml AML202", "a.yml AML402", "other/d.yml AML202", "other/d.yml AML402",
                     "svc/b.yml AML402", "svc/c.yml AML202", "svc/c.yml AML402"}));
  // A directory covers every path under it, files deleted since included.
  fs::remove(dir.path() + "/svc/c.yml");
  ASSERT_EQ(amlint_in(dir, {"baseline", "svc"}).exit_code, 0);
  EXPECT_EQ(entries(dir), (Entries{"a.yml AML202", "a.yml AML402", "other/d.yml AML202",
                                   "other/d.yml AML402", "svc/b.yml AML402"}));
  // From a subdirectory, the paths are still the repository's.
  r = run_amlint({"baseline", "--baseline-file", "../.amlint-baseline.json", "."},
                 in_dir(dir.path() + "/other"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries(dir).size(), 5U);
  // Only a.yml's new finding is reported.
  r = concise(dir, {"--baseline", ".amlint-baseline.json", "."});
  EXPECT_EQ(split_lines(r.out).size(), 1U) << r.out;
  EXPECT_NE(r.out.find("a.yml:6:11: error:"), std::string::npos) << r.out;
}

TEST(Baseline, ReplaceWritesExactlyThisRunsEntries) {
  TempDir dir;
  make_repository(dir);
  dir.write("a.yml", kAci24);
  dir.write("b.yml", kAci24);
  ASSERT_EQ(amlint_in(dir, {"baseline", "."}).exit_code, 0);
  const ProcessResult r = amlint_in(dir, {"baseline", "--replace", "b.yml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "amlint: wrote 2 entries to .amlint-baseline.json\n");
  EXPECT_EQ(entries(dir), (Entries{"b.yml AML202", "b.yml AML402"}));
}

TEST(Baseline, AnUnreadablePreviousBaselineIsAUsageErrorUnlessReplaced) {
  TempDir dir;
  dir.write("a.yml", kAci24);
  dir.write(".amlint-baseline.json", "{\"version\": 2, \"entries\": []}\n");
  ProcessResult r = amlint_in(dir, {"baseline", "a.yml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid baseline .amlint-baseline.json:1:13: this amlint reads version 1"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--replace"), std::string::npos) << r.err;
  EXPECT_EQ(read_file_text(dir.path() + "/.amlint-baseline.json"),
            "{\"version\": 2, \"entries\": []}\n");
  r = amlint_in(dir, {"baseline", "--replace", "a.yml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entries(dir), (Entries{"a.yml AML202", "a.yml AML402"}));
}

TEST(Baseline, CheckNoBaselineRunsWithoutTheConfigsBaseline) {
  TempDir dir;
  dir.write("a.yml", kAci24);
  ASSERT_EQ(amlint_in(dir, {"baseline", "a.yml"}).exit_code, 0);
  dir.write(".amlint.yaml", "baseline: .amlint-baseline.json\n");
  EXPECT_EQ(concise(dir, {"a.yml"}).out, "");
  ProcessResult r = concise(dir, {"--no-baseline", "a.yml"});
  EXPECT_EQ(split_lines(r.out).size(), 2U) << r.out;  // AML202 and AML402 again
  EXPECT_EQ(r.err, "");
  // Without `check` too; and a baseline the config names that is missing is not read.
  fs::remove(dir.path() + "/.amlint-baseline.json");
  EXPECT_EQ(concise(dir, {"a.yml"}).exit_code, 2);
  r = amlint_in(dir, {"-q", "--format", "concise", "--no-baseline", "a.yml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(split_lines(r.out).size(), 2U) << r.out;
  // With --baseline it is a usage error.
  r = concise(dir, {"--no-baseline", "--baseline", "other.json", "a.yml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--no-baseline"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace amlint::testing
