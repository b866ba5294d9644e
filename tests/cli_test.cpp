// The command line's rough edges, through the built binary: report files
// whose directories do not exist yet, the CI integrations' jobs as written,
// `amlint rules --format json`, and suggestions for mistyped commands and
// options.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "manifest/loader.h"
#include "rules/registry.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

// A YAML file of the repository read with amlint's own loader (the tests
// use no YAML library of their own).
class YamlFile {
 public:
  explicit YamlFile(const std::string& relative)
      : source_(std::make_unique<SourceFile>(relative, relative,
                                             read_file_text(source_dir() + "/" + relative))),
        loaded_(load_source(*source_, Syntax::kYaml, Limits{})) {
    if (!loaded_.problems.empty() || loaded_.documents.size() != 1) {
      throw std::runtime_error(relative + " is not one valid YAML document");
    }
  }
  const Node& root() const { return *loaded_.documents.front()->root(); }

 private:
  std::unique_ptr<SourceFile> source_;
  LoadResult loaded_;
};

const Node& child(const Node& map, std::string_view key) {
  const Node* value = map.resolved().get(key);
  if (!value) throw std::runtime_error("no key '" + std::string(key) + "'");
  return value->resolved();
}

// The directories a report goes to are created, as deep as it takes.
TEST(Output, CreatesTheMissingDirectoriesOfEachReport) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  const ProcessResult r = run_amlint({"--output", "sarif=reports/a/b/amlint.sarif", "--output",
                                      "json=" + dir.path() + "/other/amlint.json", "deploy"},
                                     in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("memoryInGB: 64"), std::string::npos) << r.out;
  EXPECT_TRUE(read_file_text(dir.path() + "/reports/a/b/amlint.sarif") ==
              run_amlint({"--format", "sarif", "deploy"}, in_dir(dir.path())).out);
  EXPECT_NO_THROW(JsonDoc{read_file_text(dir.path() + "/other/amlint.json")});
}

// Every destination is checked before anything is linted: one that cannot be
// created stops the run with one line naming it, nothing on standard output,
// and no report written (not even the ones that could have been).
TEST(Output, ADestinationThatCannotBeCreatedStopsTheRunBeforeAnyOutput) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  dir.write("blocker", "a file where a directory would go\n");
  fs::create_directories(dir.path() + "/taken");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sarif=blocker/amlint.sarif",
       "amlint: --output sarif=blocker/amlint.sarif: cannot create the directory 'blocker': "},
      {"sarif=blocker/deeper/amlint.sarif",
       "amlint: --output sarif=blocker/deeper/amlint.sarif: cannot create the directory "
       "'blocker/deeper': "},
      {"json=taken", "amlint: --output json=taken: 'taken' is a directory\n"},
      {"json=fresh/", "amlint: --output json=fresh/: 'fresh/' names a directory, not a file\n"},
  };
  for (const auto& [spec, message] : cases) {
    for (const char* format : {"human", "sarif"}) {
      const ProcessResult r = run_amlint(
          {"--format", format, "--output", "junit=ok/amlint.xml", "--output", spec, "deploy"},
          in_dir(dir.path()));
      EXPECT_EQ(r.exit_code, 2) << spec;
      EXPECT_EQ(r.out, "") << spec;
      EXPECT_EQ(r.err.rfind(message, 0), 0U) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      // The report that could be written was not, and left no temporary file.
      EXPECT_FALSE(fs::exists(dir.path() + "/ok/amlint.xml")) << spec;
      if (fs::exists(dir.path() + "/ok")) {
        EXPECT_TRUE(fs::is_empty(dir.path() + "/ok")) << spec;
      }
    }
  }
  EXPECT_FALSE(fs::exists(dir.path() + "/fresh"));
}

// A report that cannot be written whole is no pass (issue 19): a full disk
// on standard output is exit 2; --output never replaces a symlink, FIFO or
// device by a regular file; the --output files are written before standard
// output, so they survive a reader that stops early.
TEST(Output, WriteErrorsAreExit2AndOnlyRegularFilesAreReplaced) {
  TempDir dir;
  dir.write("deploy/deployment_config_aci.yml", "computeType: aci\nauthEnabled: true\n");
  ProcessResult r = run_process(
      {"/bin/sh", "-c", "\"$0\" check --format concise deploy > /dev/full", amlint_binary()},
      in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("amlint: cannot write the report to standard output: No space left on "
                       "device"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::exists("/dev/full"));
  fs::create_symlink(dir.path() + "/elsewhere.sarif", dir.path() + "/link.sarif");
  r = run_amlint({"check", "--output", "sarif=link.sarif", "deploy"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("'link.sarif' is a symbolic link; amlint replaces only a regular file"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::is_symlink(dir.path() + "/link.sarif"));
  EXPECT_FALSE(fs::exists(dir.path() + "/elsewhere.sarif"));
  // Standard output closed before amlint starts: the report file is whole.
  r = run_process(
      {"/bin/sh", "-c", "\"$0\" check --output json=out.json deploy >&-", amlint_binary()},
      in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("cannot write the report to standard output"), std::string::npos) << r.err;
  EXPECT_NE(read_file_text(dir.path() + "/out.json").find("\"findings\""), std::string::npos);
}

// SIGTERM while an --output file is open (it is opened before linting)
// leaves no temporary file behind.
TEST(Output, ASignalDuringTheRunLeavesNoTemporaryFile) {
  TempDir dir;
  for (int i = 0; i < 4000; ++i) {
    dir.write("big/d" + std::to_string(i) + "/deployment_config.yml",
              "computeType: aci\nauthEnabled: true\ncontainerResourceRequirements: {cpu: 1, "
              "memoryInGB: 64}\n");
  }
  const ProcessResult r =
      run_process({"/bin/sh", "-c",
                   "\"$0\" check -q -j1 --output json=out.json big >/dev/null & p=$!; sleep 0.2; "
                   "kill -TERM $p; wait $p; echo $?",
                   amlint_binary()},
                  in_dir(dir.path()));
  if (split_lines(r.out).at(0) != "143") {
    GTEST_SKIP() << "amlint ended before the signal (exit " << r.out << "): nothing to check";
  }
  for (const auto& e : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
  EXPECT_FALSE(fs::exists(dir.path() + "/out.json"));
}

TEST(Output, AnUnwritableDirectoryIsAUsageErrorBeforeAnyOutput) {
  TempDir dir;
  dir.write("deploy/aci.yml", kAciTooBig);
  fs::create_directories(dir.path() + "/locked");
  ::chmod((dir.path() + "/locked").c_str(), 0555);
  ProcessOptions unprivileged = in_dir(dir.path());
  unprivileged.without_file_privileges = true;  // as root, without the bypass of permissions
  for (const auto& [spec, message] : std::vector<std::pair<std::string, std::string>>{
           {"sarif=locked/amlint.sarif",
            "amlint: --output sarif=locked/amlint.sarif: cannot create a file in 'locked': "
            "Permission denied\n"},
           {"sarif=locked/sub/amlint.sarif",
            "amlint: --output sarif=locked/sub/amlint.sarif: cannot create the directory "
            "'locked/sub': Permission denied\n"}}) {
    const ProcessResult r = run_amlint({"--output", spec, "deploy"}, unprivileged);
    if (r.exit_code == kCannotDropPrivileges) GTEST_SKIP() << "root here cannot give up writing";
    EXPECT_EQ(r.exit_code, 2) << spec;
    EXPECT_EQ(r.out, "") << spec;
    EXPECT_EQ(r.err, message);
  }
}

// Runs the GitLab job's amlint line as GitLab would (GITLAB_CI=true, in the
// checked-out project), and reads the reports where its artifacts say.
TEST(Integrations, GitLabJobWritesTheReportsItsArtifactsRead) {
  const YamlFile ci("integrations/gitlab/amlint.gitlab-ci.yml");
  const Node& job = child(ci.root(), "amlint");
  std::vector<std::string> args;
  for (const Node* line : child(job, "script").items) {
    if (starts_with(line->resolved().text, "amlint ")) args = split(line->resolved().text, ' ');
  }
  ASSERT_FALSE(args.empty()) << "the job's script runs no amlint line";
  args.erase(args.begin());  // "amlint": run_amlint runs the built binary
  const Node& reports = child(child(job, "artifacts"), "reports");
  const std::string codequality = child(reports, "codequality").text;
  const std::string junit = child(reports, "junit").text;
  EXPECT_NE(std::find(args.begin(), args.end(), "gitlab=" + codequality), args.end())
      << "the code quality artifact is not written with --output gitlab=" << codequality;
  EXPECT_NE(std::find(args.begin(), args.end(), "junit=" + junit), args.end());

  TempDir project;
  project.write("ml/deploy.yml", kAciTooBig);
  const ProcessResult r = run_amlint(args, in_dir(project.path(), {{"GITLAB_CI", "true"}}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The job log gets one line per finding.
  EXPECT_EQ(r.out, run_amlint({"--format", "concise", "."}, in_dir(project.path())).out);
  const JsonDoc issues(read_file_text(project.path() + "/" + codequality));
  EXPECT_EQ(items_at(issues.root(), "").size(), 3U);
  EXPECT_NE(read_file_text(project.path() + "/" + junit).find("<testsuite "), std::string::npos);
}

// The family each block of ids belongs to (CONTRIBUTING.md, "Adding a rule"),
// independently of the code that names them.
std::string family_of_id(const std::string& id) {
  const int number = std::stoi(id.substr(3));
  if (number < 100) return number >= 5 && number <= 9 ? "policy" : "input";
  static const char* const kByBlock[] = {"",          "capability", "limit", "usage",
                                         "lifecycle", "structure",  "path",  "security"};
  return kByBlock[number / 100];
}

std::vector<std::string> texts(const std::vector<const Node*>& items) {
  std::vector<std::string> out;
  for (const Node* item : items) out.push_back(item->text);
  return out;
}

TEST(Rules, JsonListsEveryRegisteredRuleWithItsIdentity) {
  const ProcessResult r = run_amlint({"rules", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const JsonDoc doc(r.out);
  EXPECT_EQ(int_at(doc.root(), "/version"), 1);
  const std::vector<const Node*> listed = items_at(doc.root(), "/rules");
  ASSERT_EQ(listed.size(), all_rules().size());
  // SARIF describes the same rules, in the same order.
  TempDir empty;
  const JsonDoc sarif(
      run_amlint({"--format", "sarif", "--allow-empty", "."}, in_dir(empty.path())).out);
  const std::vector<const Node*> described = items_at(sarif.root(), "/runs/0/tool/driver/rules");
  ASSERT_EQ(described.size(), listed.size());
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const RuleInfo& rule = *all_rules()[i];
    const Node& entry = *listed[i];
    const std::string id(rule.id);
    EXPECT_EQ(text_at(entry, "/id"), id);
    EXPECT_EQ(text_at(entry, "/slug"), rule.slug) << id;
    EXPECT_EQ(text_at(entry, "/severity"), severity_name(rule.severity)) << id;
    EXPECT_EQ(text_at(entry, "/family"), family_of_id(id)) << id;
    EXPECT_EQ(text_at(entry, "/summary"), rule.summary) << id;
    EXPECT_EQ(text_at(entry, "/description"), text_at(*described[i], "/fullDescription/text"))
        << id;
    EXPECT_EQ(text_at(*described[i], "/id"), id);
    // "F6, F7" as a list; "" as an empty one.
    EXPECT_EQ(join(texts(items_at(entry, "/facts")), ", "), rule.facts) << id;
    EXPECT_EQ(join(texts(items_at(entry, "/data")), ", "), rule.data) << id;
    // "safe", "unsafe" or "safe/unsafe"; null for a rule without fixes.
    const std::string_view fix = fix_kind_name(fix_kind(rule));
    if (fix.empty()) {
      EXPECT_TRUE(at(entry, "/fix").is_null()) << id;
    } else {
      EXPECT_EQ(text_at(entry, "/fix"), fix) << id;
    }
  }
  // Some rule cites two facts, so the list form is exercised.
  EXPECT_TRUE(std::any_of(listed.begin(), listed.end(),
                          [](const Node* e) { return items_at(*e, "/facts").size() > 1; }));
}

TEST(Rules, TextStaysTheDefault) {
  const ProcessResult text = run_amlint({"rules"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out.rfind("ID      SLUG", 0), 0U) << text.out.substr(0, 80);
  // The FIX column: what --fix (and --unsafe-fixes) can do for each rule.
  const std::vector<std::string> lines = split_lines(text.out);
  ASSERT_EQ(lines.size(), all_rules().size() + 1);
  const std::size_t column = lines.front().find(" FIX ") + 1;
  ASSERT_NE(column, 0U) << lines.front();
  for (std::size_t i = 0; i < all_rules().size(); ++i) {
    const std::string_view fix = fix_kind_name(fix_kind(*all_rules()[i]));
    EXPECT_EQ(lines[i + 1].substr(column, lines[i + 1].find(' ', column) - column),
              fix.empty() ? "-" : fix)
        << lines[i + 1];
  }
  EXPECT_EQ(run_amlint({"rules", "--format", "text"}).out, text.out);
  const ProcessResult bad = run_amlint({"rules", "--format", "sarif"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
}

// A usage error of one line on standard error, nothing on standard output.
void expect_usage_error(const std::vector<std::string>& args, const std::string& message,
                        const ProcessOptions& options = {}) {
  const ProcessResult r = run_amlint(args, options);
  const std::string what = join(args, " ");
  EXPECT_EQ(r.exit_code, 2) << what;
  EXPECT_EQ(r.out, "") << what;
  EXPECT_EQ(r.err, "amlint: " + message + "\n") << what;
}

TEST(Suggestions, AMistypedCommandGetsTheNearestOne) {
  TempDir dir;
  const ProcessOptions here = in_dir(dir.path());
  expect_usage_error({"chek", "."}, "unknown command 'chek'; did you mean 'check'?", here);
  expect_usage_error({"chek"}, "unknown command 'chek'; did you mean 'check'?", here);
  expect_usage_error({"explian", "AML201"}, "unknown command 'explian'; did you mean 'explain'?",
                     here);
  expect_usage_error({"rule"}, "unknown command 'rule'; did you mean 'rules'?", here);
  expect_usage_error({"-q", "baselin"}, "unknown command 'baselin'; did you mean 'baseline'?",
                     here);
  expect_usage_error({"confgi"}, "unknown command 'confgi'; did you mean 'config'?", here);
}

TEST(Suggestions, AFirstWordThatNamesAFileIsStillLinted) {
  TempDir dir;
  const ProcessOptions here = in_dir(dir.path());
  // A manifest named like a mistyped command, and a directory.
  dir.write("chek", kAciTooBig);
  dir.write("rule/deploy.yml", kAciTooBig);
  for (const char* path : {"chek", "rule"}) {
    const ProcessResult r = run_amlint({"--format", "concise", path}, here);
    EXPECT_EQ(r.exit_code, 1) << path << ": " << r.err;
    EXPECT_NE(r.out.find("[AML201]"), std::string::npos) << path << ": " << r.out;
  }
  // A path that does not exist and is close to no command, or does not look
  // like a command (a '.' or a '/'), is a path that cannot be read, as before.
  for (const char* path : {"nosuch", "chek.yml", "./chek2", "ch"}) {
    expect_usage_error({path}, "cannot read '" + std::string(path) + "': No such file or directory",
                       here);
  }
  // After `check`, every word is a path.
  expect_usage_error({"check", "confg"}, "cannot read 'confg': No such file or directory", here);
}

TEST(Suggestions, AMistypedOptionGetsTheNearestOptionOfItsCommand) {
  TempDir dir;
  const std::string file = dir.write("deploy.yml", kAciTooBig);
  const std::string format = "unknown option '--formt'; did you mean '--format'?";
  expect_usage_error({"check", "--formt", "json", file}, format);
  expect_usage_error({"--formt", "json", file}, format);
  expect_usage_error({"check", "--formt=json", file}, format);
  expect_usage_error({"rules", "--formt", "json"}, format);
  expect_usage_error({"facts", "--fromat", "json"},
                     "unknown option '--fromat'; did you mean '--format'?");
  expect_usage_error({"check", "-format", "json", file},
                     "unknown option '-format'; did you mean '--format'?");
  expect_usage_error({"check", "--jbos", "2", file},
                     "unknown option '--jbos'; did you mean '--jobs'?");
  expect_usage_error({"baseline", "--baseline-fil", "x.json", file},
                     "unknown option '--baseline-fil'; did you mean '--baseline-file'?");
  expect_usage_error({"init", "--forse"}, "unknown option '--forse'; did you mean '--force'?");
  // Only the options of the command given count: --force is init's.
  expect_usage_error({"check", "--forse", file},
                     "unknown option '--forse' (see amlint check --help)");
  expect_usage_error({"--bogus", file}, "unknown option '--bogus' (see amlint --help)");
}

}  // namespace
}  // namespace amlint::testing
