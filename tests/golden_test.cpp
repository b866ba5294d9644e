// Every fixture under fixtures/rules/ (and the shipped examples under
// fixtures/examples/) is linted and its findings compared
// with the expectations it carries (see support/expectations.h). Each
// directory is one run, its files named on the command line, so that
// inference configs pair with the deployment configs beside them. A file
// `.amlint-test-args` in a directory holds extra arguments, one per line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/expectations.h"
#include "support/harness.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

// Directories holding fixtures, relative to fixtures/.
std::vector<std::string> fixture_directories() {
  std::vector<std::string> dirs;
  const fs::path fixtures = fs::path(source_dir()) / "fixtures";
  dirs.emplace_back("examples");  // one run, walked as the README's quick start does
  for (const char* top : {"rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fixtures / top)) {
      if (!entry.is_directory()) continue;
      bool has_files = false;
      for (const auto& f : fs::directory_iterator(entry.path())) {
        has_files = has_files || (f.is_regular_file() && has_manifest_extension(f.path().string()));
      }
      if (has_files) dirs.push_back(fs::relative(entry.path(), fixtures).string());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<std::string> fixture_files(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& f : fs::directory_iterator(dir)) {
    const std::string name = f.path().filename().string();
    if (!has_manifest_extension(name)) continue;  // .expect, .amlint-test-args, score.py ...
    files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> test_args(const fs::path& dir) {
  std::vector<std::string> args;
  const fs::path args_file = dir / ".amlint-test-args";
  if (!fs::exists(args_file)) return args;
  std::string text = read_file_text(args_file.string());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string arg(trim(std::string_view(text).substr(start, end - start)));
    if (!arg.empty()) {
      if (!args.empty() && (args.back() == "--targets" || args.back() == "--config" ||
                            args.back() == "--baseline")) {
        arg = (dir / arg).string();
      }
      args.push_back(arg);
    }
    start = end + 1;
  }
  return args;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, FindingsMatchExpectations) {
  const fs::path dir = fs::path(source_dir()) / "fixtures" / GetParam();
  const bool walk = GetParam() == "examples";
  TempDir temp;
  // A `NAME.sparse` file holding a size ("20GiB") stands for a big file NAME
  // (a model): the directory is copied to a temporary one under the same
  // relative path, where NAME becomes a sparse file of that size.
  fs::path run_dir = dir;
  bool has_sparse = false;
  for (const auto& f : fs::directory_iterator(dir))
    has_sparse = has_sparse || f.path().extension() == ".sparse";
  if (has_sparse) {
    run_dir = fs::path(temp.path()) / fs::relative(dir, source_dir());
    fs::create_directories(run_dir);
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().extension() == ".sparse") {
        make_sparse_file((run_dir / f.path().stem()).string(),
                         parse_size(std::string(trim(read_file_text(f.path().string())))));
      } else if (f.is_regular_file()) {
        fs::copy_file(f.path(), run_dir / f.path().filename());
      }
    }
  }
  const LintReport report =
      walk ? lint_paths({dir.string()})
           : lint_paths(fixture_files(run_dir), expand_args(test_args(dir), temp));
  ASSERT_FALSE(report.files.empty()) << "no fixture files in " << dir;
  EXPECT_TRUE(report.internal_errors.empty()) << report.internal_errors.front();
  for (const SourceFile* linted : report.files) {
    // Expectations live beside the fixture in the source tree.
    const fs::path source =
        has_sparse ? dir / fs::path(linted->path()).filename() : fs::path(linted->path());
    std::vector<std::string> errors;
    const std::vector<Expectation> expected = expectations_for(source.string(), errors);
    for (const std::string& e : errors) ADD_FAILURE() << source.string() << ": " << e;
    for (const std::string& p : compare(expected, findings_in(report, linted->path()))) {
      ADD_FAILURE() << fs::relative(source, source_dir()).string() << ": " << p;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, ::testing::ValuesIn(fixture_directories()),
                         [](const auto& p) { return test_name_of(p.param); });

}  // namespace
}  // namespace amlint::testing
