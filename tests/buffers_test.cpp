// The pipeline on texts held in memory (lint_buffer, LintOptions::buffers):
// what an editor's unsaved buffer, a file being fixed and standard input go
// through. A buffer is linted as the file at its path would be.
#include <gtest/gtest.h>

#include "lint/linter.h"
#include "support/harness.h"

namespace amlint::testing {
namespace {

const char* const kInference = "entryScript: score.py\ncudaVersion: '10.0'\n";

LintOptions options_for(ConfigResolver& configs) {
  LintOptions options;
  options.today = "2026-11-26";
  options.configs = &configs;
  options.jobs = 1;
  return options;
}

std::vector<std::string> lines_of(const LintReport& report) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    const Pos p = f.location.begin();
    out.push_back(format_position(f.location.file->path(), p) + " " + std::string(f.rule->id) +
                  " " + f.message);
  }
  return out;
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(Buffers, ABufferPairsWithItsSiblingsOnDiskAndHidesTheFileAtItsPath) {
  TempDir dir;
  dir.write("svc/deployment_config_aci.yml", "computeType: aci\nauthEnabled: true\n");
  const std::string at =
      dir.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
  ConfigResolver configs;
  LintOptions options = options_for(configs);
  options.buffers.push_back(Buffer{at, kInference});
  options.paths = {dir.path()};  // the walk meets the file on disk at the buffer's path
  const LintReport report = lint(options);
  const std::vector<std::string> lines = lines_of(report);
  EXPECT_TRUE(has(lines, at + ":2:14 AML101 cudaVersion: 10.0 in inference_config.yml"))
      << ::testing::PrintToString(lines);
  EXPECT_FALSE(has(lines, "enableGpu"))
      << "the disk copy was read: " << ::testing::PrintToString(lines);
  std::size_t copies = 0;
  for (const SourceFile* f : report.files) copies += f->path() == at;
  EXPECT_EQ(copies, 1u);
  // The text stays whole: it cannot be read again for snippets or fixes.
  for (const SourceFile* f : report.files) {
    if (f->path() == at) {
      EXPECT_EQ(f->text(), kInference);
    }
  }
}

TEST(Buffers, ABufferTakesTheConfigOfItsPlace) {
  TempDir dir;
  dir.write(".git/HEAD", "ref: refs/heads/main\n");
  dir.write(".amlint.yaml", "rules:\n  AML402: off\n");
  const std::string at = dir.path() + "/prod/deployment_config.yml";  // not on disk
  ConfigResolver configs;
  const LintReport report =
      lint_buffer(Buffer{at, "computeType: aci\nauthEnabled: true\n"}, options_for(configs));
  const std::vector<std::string> lines = lines_of(report);
  EXPECT_FALSE(has(lines, "AML402")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has(lines, at + ":1:14 AML301")) << ::testing::PrintToString(lines);
  // prod/ is a production path, so ACI (a test target, without TLS) is reported there.
  EXPECT_TRUE(has(lines, at + ":1:14 AML703")) << ::testing::PrintToString(lines);
}

TEST(Buffers, ATextFromNowhereIsShownAsStdinAndPairsWithNothing) {
  ConfigResolver configs;
  const LintReport report = lint_buffer(Buffer{"", kInference}, options_for(configs));
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0]->path(), "<stdin>");
  EXPECT_FALSE(report.files[0]->has_path());
  const std::vector<std::string> lines = lines_of(report);
  EXPECT_TRUE(has(lines, "<stdin>:1:1 AML402")) << ::testing::PrintToString(lines);
  EXPECT_FALSE(has(lines, "AML101")) << "nothing to pair with: " << ::testing::PrintToString(lines);
}

TEST(Buffers, LintingTheSameBufferTwiceGivesTheSameReport) {
  TempDir dir;
  const std::string at = dir.write("svc/deployment_config_aci.yml", "computeType: aci\n");
  ConfigResolver configs;
  const LintOptions options = options_for(configs);
  const std::string text = "computeType: aci\ncontainerResourceRequirements:\n  memoryInGB: 64\n";
  const std::vector<std::string> first = lines_of(lint_buffer(Buffer{at, text}, options));
  EXPECT_TRUE(has(first, at + ":3:15 AML201")) << ::testing::PrintToString(first);
  EXPECT_EQ(lines_of(lint_buffer(Buffer{at, text}, options)), first);
}

TEST(Buffers, AnUnparsableBufferIsReportedAtItsLine) {
  ConfigResolver configs;
  const LintReport report =
      lint_buffer(Buffer{"deploy.yml", "computeType: [aci\n"}, options_for(configs));
  const std::vector<std::string> lines = lines_of(report);
  ASSERT_EQ(lines.size(), 1u) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has(lines, "deploy.yml:1:14 AML001 invalid YAML")) << lines[0];
}

}  // namespace
}  // namespace amlint::testing
