// The output formats as the built binary writes them: what each stream holds
// (its document and nothing else), goldens of every format but SARIF, the
// SARIF shape GitHub needs, several reports from one run (--output), the
// automatic choice of format, --fail-level, and file names and messages with
// characters that each format must escape. The real clients (validators,
// pre-commit, Vim, the GitHub and Azure libraries) are in tests/clients/.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "report/reporter.h"
#include "rules/registry.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const char* const kCleanV2 =
    "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n"
    "name: my-endpoint\nauth_mode: key\n";

// The files the report goldens lint, relative to fixtures/report/input.
const std::vector<std::string> kGoldenFiles = {"svc/deployment_config_aci.yml",
                                               "svc/inference_config.yml", "broken.yml",
                                               "endpoint.yml", "notes.yml"};

// A copy of fixtures/report/input in a temporary directory.
void copy_golden_input(const TempDir& dir) {
  fs::copy(fs::path(source_dir()) / "fixtures/report/input", dir.path(),
           fs::copy_options::recursive);
}

std::string golden_extension(std::string_view format) {
  if (format == "json" || format == "gitlab") return ".json";
  if (format == "junit" || format == "checkstyle") return ".xml";
  return ".txt";
}

class ReportGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportGolden, MatchesTheExpectedOutput) {
  const std::string format = GetParam();
  TempDir dir;
  copy_golden_input(dir);
  std::vector<std::string> args = {"--format", format};
  args.insert(args.end(), kGoldenFiles.begin(), kGoldenFiles.end());
  const ProcessResult r = run_amlint(args, in_dir(dir.path()));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "amlint: 3 errors, 3 warnings, 1 info in 5 files\n");
  const std::string expected_path =
      source_dir() + "/fixtures/report/expected/report." + format + golden_extension(format);
  if (std::getenv("AMLINT_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << r.out;
    GTEST_SKIP() << "updated " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path))
      << expected_path << " is missing; run with AMLINT_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(r.out, read_file_text(expected_path))
      << "the " << format << " output changed; if that was meant, regenerate with "
      << "AMLINT_UPDATE_GOLDEN=1 ctest --test-dir build -R ReportGolden and review the diff";
}

std::vector<std::string> golden_formats() {
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) {
    if (f.name != "sarif") names.emplace_back(f.name);
  }
  return names;
}

INSTANTIATE_TEST_SUITE_P(Formats, ReportGolden, ::testing::ValuesIn(golden_formats()),
                         [](const auto& param_info) { return param_info.param; });

TEST(Formats, EachStreamHoldsItsDocumentAndNothingElse) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  dir.write("deploy/endpoint.yml", kCleanV2);
  for (const OutputFormat& format : output_formats()) {
    const std::string name(format.name);
    const ProcessResult r = run_amlint({"--format", name, "deploy"}, in_dir(dir.path()));
    EXPECT_EQ(r.exit_code, 1) << name;
    EXPECT_EQ(r.err, "amlint: 1 error, 2 warnings, 0 info in 2 files\n") << name;
    ASSERT_FALSE(r.out.empty()) << name;
    EXPECT_EQ(r.out.back(), '\n') << name;
    if (name == "json" || name == "sarif" || name == "gitlab") {
      EXPECT_NO_THROW(JsonDoc{r.out}) << name << ":\n" << r.out;
    } else if (name == "junit" || name == "checkstyle") {
      EXPECT_EQ(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0U) << name;
      const std::string root = name == "junit" ? "</testsuites>\n" : "</checkstyle>\n";
      EXPECT_TRUE(ends_with(r.out, root)) << name;
    } else if (name == "github" || name == "azure") {
      const std::string prefix = name == "github" ? "::" : "##vso[task.logissue ";
      for (const std::string& line : split_lines(r.out)) {
        EXPECT_EQ(line.rfind(prefix, 0), 0U) << name << ": " << line;
      }
      EXPECT_EQ(split_lines(r.out).size(), 3U) << r.out;
    } else if (name == "concise") {
      EXPECT_EQ(split_lines(r.out).size(), 3U) << r.out;
    }
  }
}

TEST(Formats, ACleanRunStillWritesAWholeDocument) {
  TempDir dir;
  dir.write("endpoint.yml", kCleanV2);
  const auto run = [&](const std::string& format) {
    const ProcessResult r = run_amlint({"--format", format, "endpoint.yml"}, in_dir(dir.path()));
    EXPECT_EQ(r.exit_code, 0) << format;
    EXPECT_EQ(r.err, "amlint: no problems found in 1 file\n") << format;
    return r.out;
  };
  const JsonDoc sarif(run("sarif"));
  EXPECT_TRUE(items_at(sarif.root(), "/runs/0/results").empty());
  const JsonDoc json(run("json"));
  EXPECT_TRUE(items_at(json.root(), "/findings").empty());
  EXPECT_EQ(text_at(json.root(), "/files/0"), "endpoint.yml");
  EXPECT_EQ(run("gitlab"), "[]\n");
  EXPECT_NE(run("junit").find("<testcase classname=\"endpoint.yml\" name=\"amlint\" "
                              "file=\"endpoint.yml\" time=\"0\"/>"),
            std::string::npos);
  EXPECT_NE(run("checkstyle").find("<file name=\"endpoint.yml\"/>"), std::string::npos);
  EXPECT_EQ(run("github"), "");
  EXPECT_EQ(run("azure"), "");
  EXPECT_EQ(run("concise"), "");
}

TEST(Json, FindingsCarryEveryField) {
  TempDir dir;
  dir.write("svc/deployment_config_aci.yml", "computeType: aci\n");
  dir.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
  dir.write("svc/score.py", "def run(data):\n    return data\n");
  const ProcessResult r =
      run_amlint({"--format", "json", "svc/inference_config.yml"}, in_dir(dir.path()));
  const JsonDoc doc(r.out);
  const Node& root = doc.root();
  EXPECT_EQ(int_at(root, "/version"), 1);
  EXPECT_EQ(text_at(root, "/tool/name"), "amlint");
  EXPECT_EQ(text_at(root, "/tool/version"), AMLINT_VERSION);
  EXPECT_EQ(int_at(root, "/summary/files"), 1);
  EXPECT_EQ(int_at(root, "/summary/errors"), 1);
  const auto findings = items_at(root, "/findings");
  ASSERT_EQ(findings.size(), 1U) << r.out;
  const Node& f = *findings[0];
  EXPECT_EQ(text_at(f, "/rule"), "AML101");
  EXPECT_EQ(text_at(f, "/slug"), "gpu-web-service-outside-aks");
  EXPECT_EQ(text_at(f, "/severity"), "error");
  EXPECT_EQ(text_at(f, "/path"), "svc/inference_config.yml");
  EXPECT_EQ(int_at(f, "/start/line"), 2);
  EXPECT_EQ(int_at(f, "/start/column"), 12);
  EXPECT_EQ(int_at(f, "/end/line"), 2);
  EXPECT_EQ(int_at(f, "/end/column"), 16);  // exclusive: "true" is columns 12-15
  EXPECT_EQ(text_at(f, "/doc_path"), "/enableGpu");
  EXPECT_EQ(text_at(f, "/related/0/path"), "svc/deployment_config_aci.yml");
  EXPECT_EQ(int_at(f, "/related/0/start/column"), 14);
  EXPECT_EQ(text_at(f, "/related/0/doc_path"), "/computeType");
  EXPECT_EQ(text_at(f, "/related/0/message"), "deployment_config_aci.yml deploys to ACI here");
  EXPECT_EQ(text_at(f, "/fingerprint").size(), 16U);
}

// The fingerprint of each finding of `yaml` (as file deploy.yml), by rule.
std::map<std::string, std::string> fingerprints(const TempDir& dir, const std::string& yaml) {
  dir.write("deploy.yml", yaml);
  const JsonDoc doc(run_amlint({"--format", "sarif", "deploy.yml"}, in_dir(dir.path())).out);
  std::map<std::string, std::string> out;
  for (const Node* result : items_at(doc.root(), "/runs/0/results")) {
    out[text_at(*result, "/ruleId")] = text_at(*result, "/partialFingerprints/amlint~1v1");
  }
  return out;
}

TEST(Fingerprints, SurviveMovedLinesButNotAnotherNodeOrFile) {
  TempDir dir;
  const auto before = fingerprints(dir, kAciTooBig);
  ASSERT_EQ(before.size(), 3U);
  // Lines added above, keys reordered, indentation changed: same findings.
  const auto moved = fingerprints(dir,
                                  "# a comment\n\n"
                                  "containerResourceRequirements:\n"
                                  "    memoryInGB: 64\n"
                                  "    cpu: 1\n"
                                  "authEnabled: true\n"
                                  "computeType: aci\n");
  EXPECT_EQ(moved, before);
  // The same rule on another node: a new finding.
  const auto limit = fingerprints(dir,
                                  "computeType: aci\n"
                                  "containerResourceRequirements:\n"
                                  "  cpu: 1\n"
                                  "  memoryInGBLimit: 64\n"
                                  "authEnabled: true\n");
  EXPECT_NE(limit.at("AML201"), before.at("AML201"));
  EXPECT_EQ(limit.at("AML402"), before.at("AML402"));

  // The same mistake in two documents of one stream: unique fingerprints.
  dir.write("multi.yml", std::string(kAciTooBig) + "---\n" + kAciTooBig);
  const JsonDoc doc(run_amlint({"--format", "json", "multi.yml"}, in_dir(dir.path())).out);
  std::set<std::string> seen;
  for (const Node* f : items_at(doc.root(), "/findings")) {
    EXPECT_TRUE(seen.insert(text_at(*f, "/fingerprint")).second) << text_at(*f, "/fingerprint");
  }
  EXPECT_EQ(seen.size(), 7U);  // three per document, and AML001 for the second document
}

TEST(Sarif, RulesRegionsUrisAndRelatedLocations) {
  TempDir dir;
  dir.write("svc/deployment_config_aci.yml", kAciTooBig);
  dir.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
  dir.write("svc/score.py", "def run(data):\n    return data\n");
  const ProcessResult r = run_amlint({"--format", "sarif", "svc"}, in_dir(dir.path()));
  const JsonDoc doc(r.out);
  const Node& run = at(doc.root(), "/runs/0");
  EXPECT_EQ(text_at(doc.root(), "/version"), "2.1.0");
  EXPECT_EQ(text_at(run, "/columnKind"), "unicodeCodePoints");
  const std::string root_uri = text_at(run, "/originalUriBaseIds/%SRCROOT%/uri");
  EXPECT_EQ(root_uri.rfind("file:///", 0), 0U) << root_uri;
  EXPECT_EQ(root_uri.back(), '/') << root_uri;

  // Every rule, each with its documentation as help.
  const auto rules = items_at(run, "/tool/driver/rules");
  ASSERT_EQ(rules.size(), all_rules().size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string id(all_rules()[i]->id);
    EXPECT_EQ(text_at(*rules[i], "/id"), id);
    EXPECT_EQ(text_at(*rules[i], "/name"), all_rules()[i]->slug);
    EXPECT_FALSE(text_at(*rules[i], "/shortDescription/text").empty()) << id;
    EXPECT_FALSE(text_at(*rules[i], "/fullDescription/text").empty()) << id;
    EXPECT_EQ(text_at(*rules[i], "/help/markdown"), run_amlint({"explain", id}).out) << id;
    EXPECT_EQ(text_at(*rules[i], "/defaultConfiguration/level"),
              all_rules()[i]->severity == Severity::kInfo
                  ? "note"
                  : std::string(severity_name(all_rules()[i]->severity)));
  }

  const auto results = items_at(run, "/results");
  ASSERT_EQ(results.size(), 4U) << r.out;
  for (const Node* result : results) {
    const std::int64_t index = int_at(*result, "/ruleIndex");
    EXPECT_EQ(text_at(*rules.at(static_cast<std::size_t>(index)), "/id"),
              text_at(*result, "/ruleId"));
    EXPECT_EQ(text_at(*result, "/locations/0/physicalLocation/artifactLocation/uriBaseId"),
              "%SRCROOT%");
  }
  // AML201 at memoryInGB: 64, line 4, columns 15-16 (end column exclusive).
  const Node& memory = *results[1];
  EXPECT_EQ(text_at(memory, "/ruleId"), "AML201");
  EXPECT_EQ(text_at(memory, "/level"), "error");
  EXPECT_EQ(text_at(memory, "/locations/0/physicalLocation/artifactLocation/uri"),
            "svc/deployment_config_aci.yml");
  const Node& region = at(memory, "/locations/0/physicalLocation/region");
  EXPECT_EQ(int_at(region, "/startLine"), 4);
  EXPECT_EQ(int_at(region, "/startColumn"), 15);
  EXPECT_EQ(int_at(region, "/endLine"), 4);
  EXPECT_EQ(int_at(region, "/endColumn"), 17);
  EXPECT_EQ(text_at(memory, "/properties/documentPath"),
            "/containerResourceRequirements/memoryInGB");
  // AML101 in the inference config points at the deployment config too.
  const Node& gpu = *results[3];
  EXPECT_EQ(text_at(gpu, "/ruleId"), "AML101");
  EXPECT_EQ(int_at(gpu, "/relatedLocations/0/id"), 1);
  EXPECT_EQ(text_at(gpu, "/relatedLocations/0/physicalLocation/artifactLocation/uri"),
            "svc/deployment_config_aci.yml");
  EXPECT_EQ(text_at(gpu, "/relatedLocations/0/message/text"),
            "deployment_config_aci.yml deploys to ACI here");
  EXPECT_EQ(text_at(*results[0], "/level"), "warning");
}

TEST(Sarif, PathsAreRelativeToTheRepositoryRoot) {
  TempDir dir;
  fs::create_directories(dir.path() + "/repo/.git");
  dir.write("repo/ml/deploy.yml", kAciTooBig);
  const std::string outside = dir.write("elsewhere/deploy.yml", kAciTooBig);
  // Run from a subdirectory of the repository: URIs stay repository-relative.
  const ProcessResult r =
      run_amlint({"--format", "sarif", "deploy.yml", outside}, in_dir(dir.path() + "/repo/ml"));
  const JsonDoc doc(r.out);
  const Node& run = at(doc.root(), "/runs/0");
  const std::string root = fs::canonical(dir.path() + "/repo").string();
  EXPECT_EQ(text_at(run, "/originalUriBaseIds/%SRCROOT%/uri"), "file://" + root + "/");
  const auto results = items_at(run, "/results");
  ASSERT_EQ(results.size(), 6U) << r.out;
  const Node& inside = at(*results[0], "/locations/0/physicalLocation/artifactLocation");
  EXPECT_EQ(text_at(inside, "/uri"), "ml/deploy.yml");
  EXPECT_EQ(text_at(inside, "/uriBaseId"), "%SRCROOT%");
  const Node& away = at(*results[3], "/locations/0/physicalLocation/artifactLocation");
  EXPECT_EQ(text_at(away, "/uri"), "file://" + outside);
  EXPECT_FALSE(has(away, "/uriBaseId"));
  // GitHub annotations use the same repository-relative paths.
  const ProcessResult gh =
      run_amlint({"--format", "github", "deploy.yml"}, in_dir(dir.path() + "/repo/ml"));
  EXPECT_EQ(gh.out.rfind("::warning file=ml/deploy.yml,line=1,", 0), 0U) << gh.out;
}

TEST(Output, SeveralReportsFromOneRunWhileStdoutGetsItsOwn) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  // out/ does not exist yet: it is created (tests/cli_test.cpp has more).
  const ProcessResult r =
      run_amlint({"--output", "sarif=out/amlint.sarif", "--output", "junit=out/amlint.xml",
                  "--output", "json=out/amlint.json", "deploy"},
                 in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Standard output is not a terminal here and no CI is detected: human.
  EXPECT_NE(r.out.find("4 |   memoryInGB: 64\n"), std::string::npos) << r.out;
  for (const auto& [format, file] : std::vector<std::pair<std::string, std::string>>{
           {"sarif", "amlint.sarif"}, {"junit", "amlint.xml"}, {"json", "amlint.json"}}) {
    const std::string path = dir.path() + "/out/" + file;
    // (EXPECT_TRUE: a diff of two SARIF files would flood the log.)
    EXPECT_TRUE(read_file_text(path) ==
                run_amlint({"--format", format, "deploy"}, in_dir(dir.path())).out)
        << format << " report in " << path << " differs from --format " << format;
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    EXPECT_EQ(st.st_mode & 0777U, 0666U & ~mask) << path;
  }
  // Nothing but the three reports is left in the directory.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path() + "/out")) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"amlint.json", "amlint.sarif", "amlint.xml"}));

  // A report replaces an older file of the same name.
  dir.write("out/amlint.json", "old");
  run_amlint({"--format", "concise", "--output", "json=out/amlint.json", "deploy"},
             in_dir(dir.path()));
  EXPECT_NO_THROW(JsonDoc{read_file_text(dir.path() + "/out/amlint.json")});
}

TEST(Output, MalformedRequestsAreUsageErrors) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  for (const char* spec : {"bogus=x.txt", "sarif", "sarif=", "=x.sarif", "auto=x"}) {
    const ProcessResult r = run_amlint({"--output", spec, file});
    EXPECT_EQ(r.exit_code, 2) << spec;
    EXPECT_TRUE(r.out.empty()) << spec;
    EXPECT_EQ(r.err.rfind("amlint: --output takes FORMAT=FILE with FORMAT one of human, ", 0), 0U)
        << r.err;
  }
  const ProcessResult bad_level = run_amlint({"--fail-level", "fatal", file});
  EXPECT_EQ(bad_level.exit_code, 2);
}

TEST(Auto, PicksTheFormatOfTheCiOrHookItRunsUnder) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  const auto first_line = [&](std::map<std::string, std::string> env,
                              std::vector<std::string> args = {}) {
    args.push_back(file);
    const ProcessResult r = run_amlint(args, in_dir(dir.path(), std::move(env)));
    return split_lines(r.out).at(0);
  };
  EXPECT_EQ(first_line({{"GITHUB_ACTIONS", "true"}}).rfind("::warning file=deploy.yml,", 0), 0U);
  EXPECT_EQ(first_line({{"TF_BUILD", "True"}}).rfind("##vso[task.logissue type=warning;", 0), 0U);
  EXPECT_EQ(first_line({{"PRE_COMMIT", "1"}}),
            file +
                ":1:1: warning: v1 deployment configs (az ml model deploy --dc) are read only by "
                "CLI v1 (support ended on 2025-09-30) and SDK v1 (support ended on 2026-06-30); "
                "move to a managed online endpoint or a Kubernetes online endpoint (CLI v2) "
                "[AML402]");
  // GitLab shows a job's log as plain text: one line per finding, no snippets.
  const auto out = [&](std::map<std::string, std::string> env) {
    return run_amlint({file}, in_dir(dir.path(), std::move(env))).out;
  };
  EXPECT_EQ(out({{"GITLAB_CI", "true"}}), run_amlint({"--format", "concise", file}).out);
  EXPECT_NE(out({{"GITLAB_CI", "false"}}).find("  |"), std::string::npos);
  const std::string human = file + ":1:1: warning: v1 deployment configs";
  EXPECT_EQ(first_line({}).rfind(human, 0), 0U);
  EXPECT_EQ(first_line({{"GITHUB_ACTIONS", "false"}, {"TF_BUILD", ""}}).rfind(human, 0), 0U);
  // GitHub Actions wins over pre-commit running inside it, and over TF_BUILD.
  EXPECT_EQ(first_line({{"GITHUB_ACTIONS", "true"}, {"TF_BUILD", "True"}, {"PRE_COMMIT", "1"}})
                .rfind("::", 0),
            0U);
  EXPECT_EQ(first_line({{"TF_BUILD", "True"}, {"PRE_COMMIT", "1"}}).rfind("##vso[", 0), 0U);
  // An explicit format wins; --format auto is the same as no format here.
  EXPECT_EQ(first_line({{"GITHUB_ACTIONS", "true"}}, {"--format", "concise"}).rfind(file, 0), 0U);
  EXPECT_EQ(first_line({{"TF_BUILD", "True"}}, {"--format", "auto"}).rfind("##vso[", 0), 0U);
}

TEST(Auto, ATerminalGetsTheHumanFormat) {
  // util-linux's script(1) runs amlint on a pseudo-terminal.
  if (!fs::exists("/usr/bin/script")) GTEST_SKIP() << "no /usr/bin/script (util-linux)";
  TempDir dir;
  dir.write("deploy.yml", kAciTooBig);
  const ProcessResult r =
      run_process({"/usr/bin/script", "-qec", amlint_binary() + " -q deploy.yml", "/dev/null"},
                  in_dir(dir.path(), {{"GITHUB_ACTIONS", "true"}, {"TERM", "dumb"}}));
  EXPECT_EQ(r.out.find("::"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("memoryInGB: 64"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("^~"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\x1b[1;31merror"), std::string::npos) << "colour on a terminal: " << r.out;
}

TEST(FailLevel, SetsWhichSeverityFails) {
  TempDir dir;
  const std::string warning = dir.write("a/deploy.yml", "computeType: aks\n");  // AML402
  const std::string info = dir.write("b/ci.yml", "on: push\n");                 // AML003
  const std::string error = dir.write("c/deploy.yml", kAciTooBig);
  const auto code = [&](const std::string& file, std::vector<std::string> args) {
    args.push_back("-q");
    args.push_back(file);
    return run_amlint(args).exit_code;
  };
  EXPECT_EQ(code(warning, {}), 0);
  EXPECT_EQ(code(warning, {"--fail-level", "error"}), 0);
  EXPECT_EQ(code(warning, {"--fail-level", "warning"}), 1);
  EXPECT_EQ(code(warning, {"--fail-level", "info"}), 1);
  EXPECT_EQ(code(info, {"--fail-level", "warning"}), 0);
  EXPECT_EQ(code(info, {"--fail-level", "info"}), 1);
  EXPECT_EQ(code(error, {}), 1);
  EXPECT_EQ(code(error, {"--fail-level", "none"}), 0);
  EXPECT_EQ(code(error, {"check", "--fail-level", "none"}), 0);
}

TEST(Azure, WarningsAloneSucceedWithIssuesAndInfoIsLeftOut) {
  TempDir dir;
  dir.write("deploy.yml", "computeType: aks\n");  // AML402, a warning
  dir.write("ci.yml", "on: push\n");              // AML003, info
  const auto azure = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--format", "azure"});
    args.insert(args.end(), {"deploy.yml", "ci.yml"});
    return split_lines(run_amlint(args, in_dir(dir.path())).out);
  };
  auto out = azure({});
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[0].rfind("##vso[task.logissue type=warning;sourcepath=deploy.yml;linenumber=1;"
                         "columnnumber=1;code=AML402;]v1 deployment configs",
                         0),
            0U)
      << out[0];
  EXPECT_EQ(out[1], "##vso[task.complete result=SucceededWithIssues;]");
  // When warnings fail the step, it does not succeed with issues.
  out = azure({"--fail-level", "warning"});
  ASSERT_EQ(out.size(), 1U);
  // When info findings fail the step, they are logged (as warnings).
  out = azure({"--fail-level", "info"});
  ASSERT_EQ(out.size(), 2U);
  EXPECT_EQ(out[1].rfind("##vso[task.logissue type=warning;sourcepath=ci.yml;linenumber=1;"
                         "columnnumber=1;code=AML003;]not a recognised",
                         0),
            0U)
      << out[1];
  // Errors: no task.complete; the exit code fails the step.
  dir.write("deploy.yml", kAciTooBig);
  out = azure({});
  EXPECT_EQ(out.back().find("task.complete"), std::string::npos) << out.back();
}

// File names and messages with every character some format must escape.
class Escaping : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("svc/" + kOddName, "computeType: aci\nauthEnabled: true\n");
    dir_.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
    dir_.write("svc/score.py", "def run(data):\n    return data\n");
    dir_.write("value.yml", "computeType: \"a%b;c]d:e,f\\nü\"\n");
  }
  std::string run(const std::string& format) const {
    const ProcessResult r = run_amlint(
        {"-q", "--format", format, "svc/" + kOddName, "svc/inference_config.yml", "value.yml"},
        in_dir(dir_.path()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    return r.out;
  }

  // A file name with a line feed and non-ASCII, and what messages quote.
  const std::string kOddName = "dep%;]:,\nü.yml";
  const std::string kGpuMessage =
      "enableGpu: true in inference_config.yml asks for a GPU, but dep%;]:,\nü.yml deploys to ACI, "
      "which has no GPU web services; deploy to AKS or drop the GPU request";
  const std::string kValueMessage =
      "computeType: 'a%b;c]d:e,f\\nü' is not one of aci, aks, aksendpoint or local";
  TempDir dir_;
};

TEST_F(Escaping, JsonSarifAndGitlabKeepEveryCharacter) {
  const JsonDoc json(run("json"));
  EXPECT_EQ(text_at(json.root(), "/files/0"), "svc/" + kOddName);
  EXPECT_EQ(text_at(json.root(), "/findings/0/path"), "svc/" + kOddName);
  EXPECT_EQ(text_at(json.root(), "/findings/1/message"), kGpuMessage);
  EXPECT_EQ(text_at(json.root(), "/findings/1/related/0/message"),
            "dep%;]:,\nü.yml deploys to ACI here");
  EXPECT_EQ(text_at(json.root(), "/findings/3/message"), kValueMessage);

  const JsonDoc sarif(run("sarif"));
  const Node& results = at(sarif.root(), "/runs/0/results");
  EXPECT_EQ(text_at(results, "/0/locations/0/physicalLocation/artifactLocation/uri"),
            "svc/dep%25%3B%5D%3A%2C%0A%C3%BC.yml");
  EXPECT_EQ(text_at(results, "/1/message/text"), kGpuMessage);
  EXPECT_EQ(text_at(results, "/3/message/text"), kValueMessage);

  const JsonDoc gitlab(run("gitlab"));
  EXPECT_EQ(text_at(gitlab.root(), "/0/location/path"), "svc/" + kOddName);
  EXPECT_EQ(text_at(gitlab.root(), "/1/description"), kGpuMessage);
  EXPECT_EQ(text_at(gitlab.root(), "/3/description"), kValueMessage);
}

TEST_F(Escaping, GithubAndAzureCommandsStayOnOneLine) {
  const auto github = split_lines(run("github"));
  ASSERT_EQ(github.size(), 4U);
  EXPECT_EQ(github[0].substr(0, github[0].find(",line=")),
            "::warning file=svc/dep%25;]%3A%2C%0Aü.yml");
  EXPECT_EQ(github[1],
            "::error file=svc/inference_config.yml,line=2,col=12,endLine=2,endColumn=16,"
            "title=AML101 gpu-web-service-outside-aks::enableGpu: true in inference_config.yml "
            "asks for a GPU, but dep%25;]:,%0Aü.yml deploys to ACI, which has no GPU web services; "
            "deploy to AKS or drop the GPU request%0Anote: svc/dep%25;]:,%0Aü.yml:1:14: "
            "dep%25;]:,%0Aü.yml deploys to ACI here");
  EXPECT_EQ(
      github[3],
      "::error file=value.yml,line=1,col=14,endLine=1,endColumn=30,title=AML503 "
      "invalid-value::computeType: 'a%25b;c]d:e,f\\nü' is not one of aci, aks, aksendpoint or "
      "local");

  const auto azure = split_lines(run("azure"));
  ASSERT_EQ(azure.size(), 4U);
  EXPECT_EQ(azure[0].substr(0, azure[0].find(";linenumber=")),
            "##vso[task.logissue type=warning;sourcepath=svc/dep%AZP25%3B%5D:,%0Aü.yml");
  EXPECT_EQ(azure[1],
            "##vso[task.logissue type=error;sourcepath=svc/inference_config.yml;linenumber=2;"
            "columnnumber=12;code=AML101;]enableGpu: true in inference_config.yml asks for a GPU, "
            "but dep%AZP25;]:,%0Aü.yml deploys to ACI, which has no GPU web services; deploy to "
            "AKS or drop the GPU request%0Anote: svc/dep%AZP25;]:,%0Aü.yml:1:14: "
            "dep%AZP25;]:,%0Aü.yml deploys to ACI here");
}

TEST_F(Escaping, XmlAttributesKeepLineBreaksAsCharacterReferences) {
  const std::string junit = run("junit");
  EXPECT_NE(junit.find("<testsuite name=\"svc/dep%;]:,&#10;ü.yml\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("message=\"enableGpu: true in inference_config.yml asks for a GPU, but "
                       "dep%;]:,&#10;ü.yml deploys to ACI"),
            std::string::npos)
      << junit;
  const std::string checkstyle = run("checkstyle");
  EXPECT_NE(checkstyle.find("<file name=\"svc/dep%;]:,&#10;ü.yml\">"), std::string::npos)
      << checkstyle;
  EXPECT_NE(checkstyle.find("message=\"computeType: &apos;a%b;c]d:e,f\\nü&apos; is not"),
            std::string::npos)
      << checkstyle;
}

TEST_F(Escaping, ConciseAndHumanPrintOneLinePerFinding) {
  const auto concise = split_lines(run("concise"));
  ASSERT_EQ(concise.size(), 4U);
  EXPECT_EQ(concise[0].rfind("svc/dep%;]:,\\nü.yml:1:1: warning: ", 0), 0U) << concise[0];
  EXPECT_EQ(concise[1],
            "svc/inference_config.yml:2:12: error: enableGpu: true in "
            "inference_config.yml asks for a GPU, but dep%;]:,\\nü.yml deploys to "
            "ACI, which has no GPU web services; deploy to AKS or drop the GPU "
            "request [AML101]");
  const std::string human = run("human");
  EXPECT_NE(human.find("svc/dep%;]:,\\nü.yml:1:14: note: dep%;]:,\\nü.yml deploys to ACI here\n"),
            std::string::npos)
      << human;
}

}  // namespace
}  // namespace amlint::testing
