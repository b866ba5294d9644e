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
    const std::vector<std::string> args = {"check", "--format", std::string(format.name), "fixtures"};
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
    return "$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json\n"
           "name: " + name + "\ncompute: azureml:k8s\nauth_mode: key\n";
  };
  const auto deployment = [](const std::string& endpoint_name) {
    return "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
           "name: blue\nendpoint_name: " + endpoint_name + "\nmodel: azureml:m:1\n"
           "instance_type: Standard_DS3_v2\ninstance_count: 1\n";
  };
  const std::string a = dir.write("a/deployment.yml", deployment("scoring"));
  dir.write("b/endpoint.yml", endpoint("scoring"));
  const std::string stream = dir.write("c/stream.yml", deployment("inline") + "---\n" + endpoint("inline"));
  for (const char* jobs : {"1", "2"}) {
    const ProcessResult r = run_amlint({"--format", "concise", "-j", jobs, dir.path()});
    EXPECT_NE(r.out.find(a + ":3:16: error: endpoint_name: scoring is endpoint.yml, a Kubernetes online endpoint"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(stream + ":3:16: error: endpoint_name: inline is stream.yml (document 2), a Kubernetes "
                                  "online endpoint"),
              std::string::npos)
        << r.out;
  }
}

}  // namespace
}  // namespace amlint::testing
