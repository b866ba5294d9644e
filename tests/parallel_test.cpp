// Linting in parallel (--jobs): the same report, byte for byte, for any
// number of threads, in every format; and references between files resolve
// whichever order the files are linted in.
#include <gtest/gtest.h>

#include "report/reporter.h"
#include "support/harness.h"

namespace amlint::testing {
namespace {

TEST(Jobs, EveryFormatIsTheSameForOneTwoAndEightThreads) {
  for (const OutputFormat& format : output_formats()) {
    const std::vector<std::string> args = {"check", "--format", std::string(format.name),
                                           "fixtures"};
    std::vector<std::string> one = args;
    one.insert(one.begin() + 1, {"--jobs", "1"});
    const ProcessResult expected = run_amlint(one, in_dir(source_dir()));
    ASSERT_EQ(expected.exit_code, 1) << format.name << ": " << expected.err;
    ASSERT_GT(expected.out.size(), 1000U) << format.name;
    for (const char* jobs : {"2", "8"}) {
      std::vector<std::string> many = args;
      many.insert(many.begin() + 1, {"-j", jobs});
      const ProcessResult r = run_amlint(many, in_dir(source_dir()));
      EXPECT_EQ(r.exit_code, expected.exit_code) << format.name << " -j " << jobs;
      EXPECT_EQ(r.err, expected.err) << format.name << " -j " << jobs;
      EXPECT_TRUE(r.out == expected.out) << format.name << " -j " << jobs << " differs from -j 1";
    }
  }
}

TEST(Jobs, ReferencesResolveWhateverTheOrderOfLinting) {
  // The deployment is linted before its endpoint is read (and the other way
  // round), in one stream and across files; it is linted again once the
  // whole project is in.
  TempDir dir;
  const auto endpoint = [](const std::string& name) {
    return "$schema: "
           "https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json\n"
           "name: " +
           name + "\ncompute: azureml:k8s\nauth_mode: key\n";
  };
  const auto deployment = [](const std::string& endpoint_name) {
    return "$schema: "
           "https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
           "name: blue\nendpoint_name: " +
           endpoint_name +
           "\nmodel: azureml:m:1\n"
           "instance_type: Standard_D4as_v4\ninstance_count: 1\n";
  };
  const std::string a = dir.write("a/deployment.yml", deployment("scoring"));
  dir.write("b/endpoint.yml", endpoint("scoring"));
  const std::string stream =
      dir.write("c/stream.yml", deployment("inline") + "---\n" + endpoint("inline"));
  for (const char* jobs : {"1", "2"}) {
    const ProcessResult r = run_amlint({"--format", "concise", "-j", jobs, dir.path()});
    EXPECT_NE(
        r.out.find(
            a +
            ":3:16: error: endpoint_name: scoring is endpoint.yml, a Kubernetes online endpoint"),
        std::string::npos)
        << r.out;
    EXPECT_NE(
        r.out.find(stream +
                   ":3:16: error: endpoint_name: inline is stream.yml (document 2), a Kubernetes "
                   "online endpoint"),
        std::string::npos)
        << r.out;
  }
}

TEST(Jobs, AFileWhoseTextIsDroppedReportsAsIfItWereWhole) {
  // A run over files keeps only the lines its findings need (SourceFile::
  // keep_lines); standard input keeps its text. Suppressions far from what
  // they cover, a secret on a line of its own and another rule's message
  // that quotes it, snippets and fingerprints: the same either way.
  TempDir dir;
  std::string text =
      "# amlint: ignore-file AML402 -- migrating in Q1\n"
      "computeType: ACI\n"
      "containerResourceRequirements:\n"
      "  cpu: 1\n"
      "  # amlint: ignore AML201 -- load test\n"
      "  memoryInGB: 64\n"
      "# amlint: ignore AML999 -- no such rule\n";
  for (int i = 0; i < 200; ++i) text += "# filler line " + std::to_string(i) + "\n";
  text +=
      "keys:\n"
      "  primaryKey: 7c1e9d3b5a2f4e6d8c0b1a3f5e7d9c2b\n"
      "cpu: 1 # amlint: ignore AML203\n";
  const std::string path = dir.write("deploy/deployment_config.yml", text);
  for (const char* format : {"human", "json", "sarif"}) {
    const std::vector<std::string> common = {"check", "--format", format, "--color", "never"};
    std::vector<std::string> from_file = common;
    from_file.push_back(path);
    std::vector<std::string> from_stdin = common;
    from_stdin.insert(from_stdin.end(), {"--stdin-filename", path, "-"});
    ProcessOptions with_text;
    with_text.stdin_text = text;
    const ProcessResult whole = run_amlint(from_stdin, with_text);
    const ProcessResult dropped = run_amlint(from_file);
    EXPECT_EQ(dropped.exit_code, whole.exit_code) << format;
    EXPECT_TRUE(dropped.out == whole.out) << format << ":\n"
                                          << dropped.out << "\n---\n"
                                          << whole.out;
    EXPECT_EQ(dropped.out.find("7c1e9d3b5a2f4e6d8c0b1a3f5e7d9c2b"), std::string::npos) << format;
    if (std::string(format) == "human") {
      EXPECT_NE(whole.out.find("AML007"), std::string::npos) << whole.out;  // the unknown rule
      EXPECT_NE(whole.out.find("AML701"), std::string::npos) << whole.out;
      EXPECT_EQ(whole.out.find("[AML201]"), std::string::npos) << whole.out;  // suppressed
      EXPECT_NE(whole.out.find("[AML202]"), std::string::npos) << whole.out;  // not suppressed
    }
  }
}

}  // namespace
}  // namespace amlint::testing
