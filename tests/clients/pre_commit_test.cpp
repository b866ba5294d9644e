// pre-commit: the shipped .pre-commit-hooks.yaml, through the real pre-commit
// and git, in a new repository that uses this one as its hook repository;
// and what a partial run (the staged files only) must get right there.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "clients/clients.h"
#include "support/harness.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

struct Git {
  std::string git = which("git");
  std::map<std::string, std::string> env;

  ProcessResult run(const std::string& cwd, std::vector<std::string> args,
                    std::chrono::seconds timeout = std::chrono::seconds(60)) const {
    args.insert(args.begin(), git);
    ProcessOptions o = in_dir(cwd, env);
    o.timeout = timeout;
    o.unset_env = {"GITHUB_ACTIONS", "TF_BUILD",      "GITLAB_CI",     "PRE_COMMIT",
                   "GIT_DIR",        "GIT_WORK_TREE", "GIT_INDEX_FILE"};
    return run_process(args, o);
  }
};

// A git repository holding this source tree as it is now (committed or not),
// for pre-commit to clone as a hook repository. Returns its commit.
std::string make_hook_repository(const Git& git, const std::string& to) {
  fs::create_directories(to);
  const ProcessResult files =
      git.run(source_dir(), {"ls-files", "-z", "--cached", "--others", "--exclude-standard"});
  std::vector<std::string> names;
  if (files.exit_code == 0) {
    for (const std::string& name : split(files.out, '\0')) {
      if (!name.empty()) names.push_back(name);
    }
  } else {  // not a git checkout: everything but builds and node_modules
    for (auto it = fs::recursive_directory_iterator(source_dir());
         it != fs::recursive_directory_iterator(); ++it) {
      const std::string name = it->path().filename().string();
      if (it->is_directory() &&
          (starts_with(name, "build") || name == "node_modules" || name == ".git")) {
        it.disable_recursion_pending();
      } else if (it->is_regular_file()) {
        names.push_back(fs::relative(it->path(), source_dir()).string());
      }
    }
  }
  for (const std::string& name : names) {
    if (!fs::exists(fs::path(source_dir()) / name)) continue;  // deleted, not yet committed
    fs::create_directories((fs::path(to) / name).parent_path());
    fs::copy_file(fs::path(source_dir()) / name, fs::path(to) / name,
                  fs::copy_options::overwrite_existing);
  }
  EXPECT_EQ(git.run(to, {"init", "-q"}).exit_code, 0);
  EXPECT_EQ(git.run(to, {"add", "-A"}).exit_code, 0);
  const ProcessResult commit = git.run(to, {"commit", "-q", "-m", "amlint as a hook repository"});
  EXPECT_EQ(commit.exit_code, 0) << commit.err;
  return split_lines(git.run(to, {"rev-parse", "HEAD"}).out).at(0);
}

class PreCommit : public ::testing::Test {
 protected:
  void SetUp() override {
    available_ = !which("pre-commit").empty() && !git_.git.empty();
    if (!available_) return;
    git_.env = {{"HOME", dir_.path()},
                {"PRE_COMMIT_HOME", dir_.path() + "/pre-commit-cache"},
                {"GIT_AUTHOR_NAME", "amlint test"},
                {"GIT_AUTHOR_EMAIL", "test@example.com"},
                {"GIT_COMMITTER_NAME", "amlint test"},
                {"GIT_COMMITTER_EMAIL", "test@example.com"},
                {"GIT_CONFIG_NOSYSTEM", "1"}};
  }

  // A repository using `hook_id` from a copy of this one; `path` is PATH.
  void make_project(const std::string& hook_id, const std::string& path) {
    git_.env["PATH"] = path;
    const std::string rev = make_hook_repository(git_, dir_.path() + "/amlint");
    project_ = dir_.path() + "/project";
    fs::create_directories(project_);
    ASSERT_EQ(git_.run(project_, {"init", "-q"}).exit_code, 0);
    dir_.write("project/.pre-commit-config.yaml",
               "repos:\n  - repo: " + dir_.path() + "/amlint\n    rev: " + rev +
                   "\n    hooks:\n      - id: " + hook_id + "\n");
    dir_.write("project/README.md", "# A project\n");
    ASSERT_EQ(git_.run(project_, {"add", "-A"}).exit_code, 0);
    ASSERT_EQ(git_.run(project_, {"commit", "-q", "--no-verify", "-m", "start"}).exit_code, 0);
    const ProcessResult install = run_pre_commit({"install"});
    ASSERT_EQ(install.exit_code, 0) << install.out << install.err;
  }

  ProcessResult run_pre_commit(std::vector<std::string> args) const {
    args.insert(args.begin(), which("pre-commit"));
    ProcessOptions o = in_dir(project_, git_.env);
    o.unset_env = {"GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "PRE_COMMIT"};
    return run_process(args, o);
  }

  // Stages `files` and commits through the installed hook.
  ProcessResult commit(const std::map<std::string, std::string>& files,
                       std::chrono::seconds timeout = std::chrono::seconds(60)) {
    for (const auto& [name, content] : files) dir_.write("project/" + name, content);
    EXPECT_EQ(git_.run(project_, {"add", "-A"}).exit_code, 0);
    return git_.run(project_, {"commit", "-m", "change"}, timeout);
  }

  int commits() const { return std::stoi(git_.run(project_, {"rev-list", "--count", "HEAD"}).out); }

  // A manifest with an error, and the same fixed (warnings do not fail).
  const std::string kBad =
      "computeType: aci\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 64\n";
  const std::string kGood =
      "computeType: aci\ncontainerResourceRequirements:\n  cpu: 1\n  memoryInGB: 4\n";
  const std::string kFinding =
      "deploy/deployment_config_aci.yml:4:15: error: memoryInGB: 64 asks for 64 GB, but ACI is "
      "for workloads under 48 GB of RAM; lower it or deploy to AKS [AML201]";

  TempDir dir_;
  Git git_;
  std::string project_;
  bool available_ = false;
};

TEST_F(PreCommit, TheSystemHookRefusesABadManifestAndPassesAGoodOne) {
  REQUIRE_CLIENT(available_, "pre-commit and git (Debian packages pre-commit, git)");
  // amlint on PATH, as `cmake --install` would put it.
  fs::create_directories(dir_.path() + "/bin");
  fs::create_symlink(amlint_binary(), dir_.path() + "/bin/amlint");
  const char* path = std::getenv("PATH");
  make_project("amlint-system", dir_.path() + "/bin:" + (path ? path : "/usr/bin:/bin"));

  ProcessResult r = commit({{"deploy/deployment_config_aci.yml", kBad},
                            {".github/workflows/ci.yml", "on: push\njobs: {}\n"}});
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  const std::string shown = r.out + r.err;
  EXPECT_NE(shown.find("amlint (Azure ML deployment manifests, installed binary)"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("Failed"), std::string::npos) << shown;
  EXPECT_NE(shown.find(kFinding), std::string::npos) << shown;
  EXPECT_EQ(commits(), 1) << "the bad commit was made";

  r = commit({{"deploy/deployment_config_aci.yml", kGood}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("Passed"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(commits(), 2);
}

TEST_F(PreCommit, TheDefaultHookBuildsAmlintFromTheRepository) {
#ifdef AMLINT_SANITIZED
  // Minutes of build for nothing the sanitizers could check: the hook builds
  // its own amlint from the repository, the same in either build.
  GTEST_SKIP() << "the hook builds an unsanitized amlint; the normal build runs this test";
#endif
  REQUIRE_CLIENT(available_, "pre-commit and git (Debian packages pre-commit, git)");
  // No amlint on PATH: the hook builds its own from the hook repository.
  const char* env_path = std::getenv("PATH");
  std::string path;
  for (const std::string& d : split(env_path ? env_path : "/usr/bin:/bin", ':')) {
    if (d.empty() || fs::exists(fs::path(d) / "amlint")) continue;
    path += (path.empty() ? "" : ":") + d;
  }
  make_project("amlint", path);

  ProcessResult r = commit({{"deploy/deployment_config_aci.yml", kBad}}, std::chrono::seconds(900));
  const std::string shown = r.out + r.err;
  EXPECT_NE(r.exit_code, 0) << shown;
  EXPECT_NE(shown.find("amlint (Azure ML deployment manifests)"), std::string::npos) << shown;
  EXPECT_NE(shown.find("amlint: building amlint"), std::string::npos) << shown;
  EXPECT_NE(shown.find(kFinding), std::string::npos) << shown;
  EXPECT_EQ(commits(), 1);

  // The build is reused.
  r = commit({{"deploy/deployment_config_aci.yml", kGood}}, std::chrono::seconds(120));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ((r.out + r.err).find("building"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(commits(), 2);
}

// The system hook on amlint's own binary (as installed), for the tests below.
class PreCommitPartial : public PreCommit {
 protected:
  void use_installed_amlint() {
    fs::create_directories(dir_.path() + "/bin");
    fs::create_symlink(amlint_binary(), dir_.path() + "/bin/amlint");
    const char* path = std::getenv("PATH");
    make_project("amlint-system", dir_.path() + "/bin:" + (path ? path : "/usr/bin:/bin"));
  }

  static std::string endpoint(const std::string& traffic) {
    return "$schema: "
           "https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n"
           "name: churn\nauth_mode: key\ntraffic: " +
           traffic + "\n";
  }
  static std::string deployment(const std::string& name) {
    return "$schema: "
           "https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
           "name: " +
           name +
           "\nendpoint_name: churn\nmodel: azureml:churn:1\ninstance_type: Standard_D4as_v4\n"
           "instance_count: 1\n";
  }
};

// blue.yml is committed; the commit adds green.yml and splits the traffic.
// pre-commit passes amlint the two staged files only: blue is found in the
// project index, not reported as unknown.
TEST_F(PreCommitPartial, ABlueGreenCommitPassesThoughOnlyTwoFilesAreStaged) {
  REQUIRE_CLIENT(available_, "pre-commit and git (Debian packages pre-commit, git)");
  use_installed_amlint();
  ProcessResult r = commit({{"endpoints/churn/endpoint.yml", endpoint("{blue: 100}")},
                            {"endpoints/churn/blue.yml", deployment("blue")}});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  r = commit({{"endpoints/churn/endpoint.yml", endpoint("{blue: 90, green: 10}")},
              {"endpoints/churn/green.yml", deployment("green")}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ((r.out + r.err).find("AML509"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(commits(), 3);
  // The index's cache (.amlint_cache/, which ignores itself) is no change.
  EXPECT_EQ(git_.run(project_, {"status", "--porcelain"}).out, "");
  EXPECT_TRUE(fs::exists(project_ + "/.amlint_cache/index.tsv"));

  // Traffic to a deployment that exists nowhere is still an error.
  r = commit({{"endpoints/churn/endpoint.yml", endpoint("{blue: 90, grene: 10}")}});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE((r.out + r.err).find("traffic names deployment 'grene'"), std::string::npos)
      << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("did you mean 'green'?"), std::string::npos) << r.out << r.err;
}

// A batch deployment whose compute is a compute instance defined in
// another folder: AML102 when only the deployment is staged.
TEST_F(PreCommitPartial, ACrossDirectoryComputeIsCheckedWhenOnlyTheDeploymentIsStaged) {
  REQUIRE_CLIENT(available_, "pre-commit and git (Debian packages pre-commit, git)");
  use_installed_amlint();
  ProcessResult r =
      commit({{"compute/dev-box.yml",
               "$schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json\n"
               "name: dev-box\ntype: computeinstance\nsize: Standard_D4as_v4\n"}});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  r = commit({{"batch/score/deployment.yml",
               "$schema: "
               "https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json\n"
               "name: nightly\nendpoint_name: scoring-batch\ntype: model\n"
               "model: azureml:churn:1\ncompute: azureml:dev-box\n"}});
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err)
                .find("batch/score/deployment.yml:6:10: error: compute: azureml:dev-box "
                      "is dev-box.yml, a compute instance"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_EQ(commits(), 2) << "the deployment was not committed";
}

// A staged file named like an option stays a file: the hook ends the
// options with "--" (issue 19: `--config=quiet.yml` silenced the run).
TEST_F(PreCommitPartial, AStagedFileNamedLikeAnOptionStaysAFile) {
  REQUIRE_CLIENT(available_, "pre-commit and git (Debian packages pre-commit, git)");
  use_installed_amlint();
  const ProcessResult r = commit({{"--config=quiet.yml", "rules: {AML201: off}\n"},
                                  {"deploy/deployment_config_aci.yml", kBad}});
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find(kFinding), std::string::npos) << r.out << r.err;
  EXPECT_EQ(commits(), 1);
}

}  // namespace
}  // namespace amlint::testing
