// The command line's rough edges, through the built binary: report files
// whose directories do not exist yet, the CI integrations' jobs as written,
// `amlint rules --format json`, and suggestions for mistyped commands and
// options.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "manifest/loader.h"
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

}  // namespace
}  // namespace amlint::testing
