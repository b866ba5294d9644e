// --fix: the golden fixtures of fixtures/fix/<RULE>/ (each input with the
// exact text --fix gives, and --unsafe-fixes where it differs), idempotence,
// a property test over the real corpus and every rule fixture (a file
// without a fixable finding is never changed, no comment is lost, no rule
// gains a finding), and the unified diff, applied with the real `patch`,
// giving the same bytes as --fix.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "fix/diff.h"
#include "fix/fixer.h"
#include "support/harness.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const fs::path kFixtures = fs::path(source_dir()) / "fixtures";

LintOptions fixing_options() {
  LintOptions options;
  options.today = "2026-11-26";
  options.project_context = false;  // each fixture stands alone
  return options;
}

std::vector<fs::path> manifests_under(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && has_manifest_extension(e.path().filename().string()))
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

FixOutcome fix_file(const fs::path& path, bool unsafe, const std::string& text) {
  return fix_buffer(Buffer{path.string(), text}, fixing_options(), FixOptions{unsafe});
}

std::map<std::string, std::size_t> rule_counts(const std::string& path, const std::string& text) {
  std::map<std::string, std::size_t> out;
  for (const Finding& f : lint_buffer(Buffer{path, text}, fixing_options()).findings)
    ++out[std::string(f.rule->id)];
  return out;
}

// Every comment of `text`: from a '#' that starts a line's content or
// follows a blank, to the end of its line.
std::vector<std::string> comments_of(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& line : split_lines(text)) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        out.push_back(line.substr(i));
        break;
      }
    }
  }
  return out;
}

class FixGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(FixGolden, FixesExactlyAndIdempotently) {
  const fs::path input(GetParam());
  const std::string rule = input.parent_path().filename().string();
  const std::string text = read_file_text(input.string());
  for (const bool unsafe : {false, true}) {
    fs::path expected_path = input.string() + (unsafe ? ".unsafe" : ".fixed");
    if (unsafe && !fs::exists(expected_path)) expected_path = input.string() + ".fixed";
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing";
    const std::string expected = read_file_text(expected_path.string());
    const FixOutcome fixed = fix_file(input, unsafe, text);
    EXPECT_EQ(fixed.text, expected) << input << (unsafe ? " with --unsafe-fixes" : "");
    EXPECT_TRUE(fixed.dropped.empty()) << fixed.dropped.front().why;
    // A second --fix changes nothing.
    EXPECT_EQ(fix_file(input, unsafe, fixed.text).text, fixed.text) << input << ": not idempotent";
    // The fixed file has no finding of the rule that a fix of this kind fixes.
    for (const Finding& f :
         lint_buffer(Buffer{input.string(), fixed.text}, fixing_options()).findings) {
      if (f.rule->id != rule) continue;
      for (const Fix& x : f.fixes) {
        EXPECT_FALSE(wanted(x, FixOptions{unsafe})) << input << ": still " << f.message;
      }
    }
  }
}

std::vector<std::string> fix_fixtures() {
  std::vector<std::string> out;
  for (const fs::path& p : manifests_under(kFixtures / "fix")) out.push_back(p.string());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixGolden, ::testing::ValuesIn(fix_fixtures()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           const fs::path path(param.param);
                           std::string name = path.parent_path().filename().string() + "_" +
                                              path.filename().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixGolden);

// Over every real-world manifest of the corpus and every rule fixture: a
// file without a fixable finding is never changed; a fixed one keeps every
// comment and no rule gains a finding.
TEST(FixProperty, NeverChangesWhatItCannotFixNeverDropsACommentNeverAddsAFinding) {
  std::size_t files = 0;
  std::size_t changed = 0;
  for (const char* dir : {"corpus", "rules", "examples"}) {
    for (const fs::path& path : manifests_under(kFixtures / dir)) {
      ++files;
      const std::string text = read_file_text(path.string());
      const LintReport report = lint_buffer(Buffer{path.string(), text}, fixing_options());
      const auto before = rule_counts(path.string(), text);
      for (const bool unsafe : {false, true}) {
        const bool fixable =
            std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
              return std::any_of(f.fixes.begin(), f.fixes.end(),
                                 [&](const Fix& x) { return wanted(x, FixOptions{unsafe}); });
            });
        const FixOutcome out = fix_file(path, unsafe, text);
        if (!fixable) {
          EXPECT_EQ(out.text, text) << path << ": changed without a fixable finding";
          continue;
        }
        if (out.text == text) continue;
        changed += unsafe ? 0 : 1;
        const std::vector<std::string> after_comments = comments_of(out.text);
        for (const std::string& c : comments_of(text)) {
          EXPECT_NE(std::find(after_comments.begin(), after_comments.end(), c),
                    after_comments.end())
              << path << ": lost the comment " << c;
        }
        for (const auto& [rule, count] : rule_counts(path.string(), out.text)) {
          const auto it = before.find(rule);
          EXPECT_LE(count, it == before.end() ? 0 : it->second) << path << ": more " << rule;
        }
      }
    }
  }
  EXPECT_GT(files, 300U) << "the corpus and the rule fixtures are where they were";
  std::cout << "fixed " << changed << " of " << files << " files\n";
}

// --diff applies with patch -p0 to give the bytes --fix writes.
TEST(FixDiff, PatchAppliesTheDiffToGiveWhatFixWrites) {
  TempDir fixed;
  TempDir patched;
  const std::string kFile =
      "# scoring\r\n"
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\r\n"
      "name: blue\r\nendpoint_name: churn\r\nmodel: azureml:churn:1\r\n"
      "instance_type: Standard_D4as_v4\r\ninstance_count: 1\r\n"
      "app_insights_enabled: yes   # on\r\nenviroment_variables: {A: '1'}";  // no final newline
  for (const TempDir* dir : {&fixed, &patched}) dir->write("svc/blue.yml", kFile);
  const ProcessResult diff =
      run_amlint({"check", "--diff", "svc/blue.yml"}, in_dir(patched.path()));
  EXPECT_EQ(diff.exit_code, 1) << diff.err;
  EXPECT_EQ(diff.out.rfind("--- svc/blue.yml\n+++ svc/blue.yml\n@@ ", 0), 0U) << diff.out;
  EXPECT_EQ(read_file_text(patched.path() + "/svc/blue.yml"), kFile) << "--diff changes nothing";
  const ProcessResult patch = run_process({"/usr/bin/patch", "-p0", "--quiet"}, [&] {
    ProcessOptions o = in_dir(patched.path());
    o.stdin_text = diff.out;
    return o;
  }());
  ASSERT_EQ(patch.exit_code, 0) << patch.out << patch.err << diff.out;
  const ProcessResult fix = run_amlint({"check", "--fix", "svc/blue.yml"}, in_dir(fixed.path()));
  EXPECT_EQ(fix.exit_code, 0) << fix.out << fix.err;
  EXPECT_NE(fix.err.find("amlint: applied 2 fixes in 1 file"), std::string::npos) << fix.err;
  const std::string after = read_file_text(fixed.path() + "/svc/blue.yml");
  EXPECT_EQ(read_file_text(patched.path() + "/svc/blue.yml"), after);
  EXPECT_NE(after.find("app_insights_enabled: true   # on\r\n"), std::string::npos) << after;
  EXPECT_NE(after.find("environment_variables: {A: '1'}"), std::string::npos) << after;
  EXPECT_EQ(after.rfind("# scoring\r\n", 0), 0U) << "CRLF and comments kept";
  // Nothing left to fix: --diff prints nothing and exits 0.
  const ProcessResult again = run_amlint({"check", "--diff", "svc/blue.yml"}, in_dir(fixed.path()));
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(again.out, "");
}

TEST(FixCommand, StandardInputGetsItsFixedTextAndUnsafeFixesNeedFix) {
  const std::string text = "{\n  \"computeType\": \"aci\",\n  \"authEnabled\": true,\n}\n";
  ProcessOptions o;
  o.stdin_text = text;
  const ProcessResult r =
      run_amlint({"check", "--fix", "--stdin-filename", "deploymentconfig.json", "-"}, o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "{\n  \"computeType\": \"aci\",\n  \"authEnabled\": true\n}\n");
  const ProcessResult clean =
      run_amlint({"check", "--fix", "--stdin-filename", "deploymentconfig.json", "-"}, [&] {
        ProcessOptions c;
        c.stdin_text = r.out;
        return c;
      }());
  EXPECT_EQ(clean.out, r.out) << "a text with nothing to fix comes out as it went in";
  const ProcessResult unsafe = run_amlint({"check", "--unsafe-fixes", "x.yml"});
  EXPECT_EQ(unsafe.exit_code, 2);
  EXPECT_NE(unsafe.err.find("--unsafe-fixes needs --fix or --diff"), std::string::npos)
      << unsafe.err;
}

// A fix that would add a finding is not applied, and the run says why.
TEST(FixCommand, AFixThatWouldAddAFindingIsDroppedAndReported) {
  TempDir dir;
  const std::string text =
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
      "name: blue\nendpoint_name: churn\nmodel: azureml:churn:1\n"
      "instance_type: Standard_D4as_v4\ninstance_count: 1\nenviroment_variables: 5\n";
  dir.write("d.yml", text);
  const ProcessResult r =
      run_amlint({"check", "--fix", "--format", "concise", "d.yml"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("amlint: d.yml:7:1: not fixed (AML501, rename to "
                       "'environment_variables'): it would add AML502: environment_variables: 5 "
                       "is an integer, but must be a mapping"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("applied 0 fixes in 0 files"), std::string::npos) << r.err;
  EXPECT_EQ(read_file_text(dir.path() + "/d.yml"), text);
  EXPECT_NE(r.out.find("[AML501]"), std::string::npos) << "the finding remains: " << r.out;
}

TEST(UnifiedDiff, HunksCountLinesAndMarkAMissingFinalNewline) {
  EXPECT_EQ(unified_diff("a.yml", "x\n", "x\n"), "");
  EXPECT_EQ(unified_diff("a.yml", "a\nb\nc\n", "a\nB\nc\n"),
            "--- a.yml\n+++ a.yml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  EXPECT_EQ(unified_diff("a.yml", "a", "b"),
            "--- a.yml\n+++ a.yml\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No "
            "newline at end of file\n");
  // Two changes 10 lines apart: two hunks of 3 lines of context.
  std::string before;
  for (int i = 1; i <= 20; ++i) before += "l" + std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("l2\n"), 3, "L2\n");
  after.replace(after.find("l15\n"), 4, "L15\n");
  const std::string d = unified_diff("a.yml", before, after);
  EXPECT_NE(d.find("@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n"), std::string::npos) << d;
  EXPECT_NE(d.find("@@ -12,7 +12,7 @@\n l12\n l13\n l14\n-l15\n+L15\n l16\n l17\n l18\n"),
            std::string::npos)
      << d;
}

}  // namespace
}  // namespace amlint::testing
