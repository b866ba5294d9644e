// The inputs the fuzzer (tests/fuzz/) once crashed, hung or ran out of memory
// on, kept under fixtures/fuzz/: a file is one run, a directory one run of
// all its manifests. The built binary lints each; the run must end by itself
// within the time bound, exit with 0 or 1 (not an internal error or a
// signal), and report exactly the findings the fixture expects (`# expect:`
// comments or a `.expect` sibling, as in fixtures/rules/).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/expectations.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const fs::path kFuzzFixtures = fs::path(source_dir()) / "fixtures" / "fuzz";

// Each run, as a path relative to fixtures/fuzz/.
std::vector<std::string> fuzz_runs() {
  std::vector<std::string> runs;
  for (const auto& entry : fs::directory_iterator(kFuzzFixtures)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() || has_manifest_extension(name)) runs.push_back(name);
  }
  std::sort(runs.begin(), runs.end());
  return runs;
}

std::vector<std::string> files_of(const fs::path& run) {
  if (!fs::is_directory(run)) return {run.string()};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(run)) {
    if (has_manifest_extension(entry.path().filename().string()))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<Reported> reported_in(const JsonDoc& report, const std::string& path) {
  std::vector<Reported> out;
  for (const Node* f : items_at(report.root(), "/findings")) {
    if (text_at(*f, "/path") != path) continue;
    out.push_back(Reported{static_cast<int>(int_at(*f, "/start/line")),
                           static_cast<int>(int_at(*f, "/start/column")), text_at(*f, "/rule"),
                           text_at(*f, "/message")});
  }
  return out;
}

class FuzzRegression : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, EndsInTimeWithTheExpectedFindings) {
  const std::vector<std::string> files = files_of(kFuzzFixtures / GetParam());
  ASSERT_FALSE(files.empty()) << "no manifest in fixtures/fuzz/" << GetParam();
  std::vector<std::string> args = {"--format", "json", "-q"};
  args.insert(args.end(), files.begin(), files.end());
  ProcessOptions options;
  options.timeout = std::chrono::seconds(10 * kTimeFactor);
  const ProcessResult r = run_amlint(args, options);
  ASSERT_FALSE(r.timed_out) << "killed after " << options.timeout.count() << " s";
  EXPECT_LT(r.elapsed.count(), 2000 * kTimeFactor);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit code " << r.exit_code << "\n" << r.err;
  const JsonDoc report(r.out);
  for (const std::string& file : files) {
    std::vector<std::string> errors;
    const std::vector<Expectation> expected = expectations_for(file, errors);
    for (const std::string& e : errors) ADD_FAILURE() << file << ": " << e;
    for (const std::string& p : compare(expected, reported_in(report, file))) {
      ADD_FAILURE() << fs::relative(file, source_dir()).string() << ": " << p;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FuzzRegression, ::testing::ValuesIn(fuzz_runs()),
                         [](const auto& p) { return test_name_of(p.param); });

}  // namespace
}  // namespace amlint::testing
