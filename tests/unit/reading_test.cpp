// Reading files as az ml reads them: the format it loads (type and compute
// first, $schema as a hint), template placeholders that no rule judges, and
// the casing azure-ai-ml compares enums with.
#include <gtest/gtest.h>

#include <memory>

#include "manifest/format.h"
#include "manifest/loader.h"
#include "manifest/placeholder.h"
#include "util/text.h"

namespace amlint {
namespace {

struct Loaded {
  std::unique_ptr<SourceFile> file;
  LoadResult result;
  const Node* root() const { return result.documents.at(0)->root(); }
};

Loaded load(const std::string& text) {
  Loaded l;
  l.file = std::make_unique<SourceFile>("t.yml", "t.yml", text);
  l.result = load_source(*l.file, Syntax::kYaml, Limits{});
  return l;
}

constexpr const char* kManagedSchema =
    "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n";
constexpr const char* kKubernetesSchema =
    "$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineDeployment.schema.json\n";

TEST(FormatAsAzMlLoadsIt, TypeKubernetesDecidesAnOnlineDeployment) {
  Loaded l = load(std::string(kManagedSchema) + "name: b\nendpoint_name: e\ntype: kubernetes\n");
  DetectedFormat d = detect_format(l.root());
  EXPECT_EQ(d.format, Format::kV2KubernetesOnlineDeployment);
  EXPECT_EQ(d.hinted, Format::kV2ManagedOnlineDeployment);
  ASSERT_NE(d.hint, nullptr);
  EXPECT_EQ(d.hint->resolved().text.rfind("https://", 0), 0U);

  // Without type (or with `Kubernetes`, which azure-ai-ml does not match),
  // a Kubernetes $schema still loads as a managed deployment.
  for (const char* type : {"", "type: Kubernetes\n"}) {
    l = load(std::string(kKubernetesSchema) + "name: b\nendpoint_name: e\n" + type);
    d = detect_format(l.root());
    EXPECT_EQ(d.format, Format::kV2ManagedOnlineDeployment) << type;
    EXPECT_EQ(d.hinted, Format::kV2KubernetesOnlineDeployment) << type;
  }

  l = load(std::string(kKubernetesSchema) + "name: b\nendpoint_name: e\ntype: kubernetes\n");
  d = detect_format(l.root());
  EXPECT_EQ(d.format, Format::kV2KubernetesOnlineDeployment);
  EXPECT_EQ(d.hinted, Format::kUnknown);
}

TEST(FormatAsAzMlLoadsIt, ComputeDecidesAnOnlineEndpoint) {
  const std::string schema =
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n";
  Loaded l = load(schema + "name: e\nauth_mode: key\ncompute: azureml:k8s\n");
  EXPECT_EQ(detect_format(l.root()).format, Format::kV2KubernetesOnlineEndpoint);
  l = load(schema + "name: e\nauth_mode: key\ncompute:\n");  // empty: no compute
  EXPECT_EQ(detect_format(l.root()).format, Format::kV2ManagedOnlineEndpoint);
  l = load("name: e\nauth_mode: key\ncompute: azureml:k8s\n");  // no $schema
  EXPECT_EQ(detect_format(l.root()).format, Format::kV2KubernetesOnlineEndpoint);
  EXPECT_EQ(detect_format(l.root()).hinted, Format::kUnknown);
}

TEST(FormatAsAzMlLoadsIt, KeysThatLookKubernetesAreAHintWithoutType) {
  Loaded l = load("name: b\nendpoint_name: e\ninstance_type: gpuinstance\nresources: {}\n");
  const DetectedFormat d = detect_format(l.root());
  EXPECT_EQ(d.format, Format::kV2ManagedOnlineDeployment);
  EXPECT_EQ(d.hinted, Format::kV2KubernetesOnlineDeployment);
  ASSERT_NE(d.hint, nullptr);
  EXPECT_EQ(d.hint->resolved().text, "resources");
}

TEST(Placeholders, EveryTemplateFormAndNothingElse) {
  for (const char* p :
       {"$endpointName", "${ENDPOINT}", "${{ secrets.KEY }}", "$(modelPath)",
        "{{acr_name}}.azurecr.io/image", "<instance-type>", "<'python' or 'spark-py'>",
        "azureml:<model name>:<version>", "__REGISTRY_PASSWORD", "__INSTANCE_COUNT__", "#{name}#",
        "https://#{kv}#.vault.azure.net"}) {
    EXPECT_TRUE(is_placeholder(std::string_view(p))) << p;
  }
  for (const char* v : {"Standard_DS3_v2", "my-endpoint", "score.py", "__init__.py", "a < b",
                        "FROM /messages/* INTO $upstream", "US$5", "p@ss$word1", ""}) {
    EXPECT_FALSE(is_placeholder(std::string_view(v))) << v;
  }
}

TEST(Placeholders, KeysAreNeverPlaceholdersAndValuesHaveNoText) {
  const Loaded l = load("$schema: x\nname: $endpointName\nsize: Standard_D4as_v4\n");
  const Node& root = *l.root();
  EXPECT_FALSE(is_placeholder(*root.entry("$schema")->key));
  EXPECT_TRUE(is_placeholder(*root.get("name")));
  EXPECT_EQ(value_text(root.get("name")), std::nullopt);
  EXPECT_EQ(value_text(root.get("size")), std::optional<std::string_view>("Standard_D4as_v4"));
}

TEST(Placeholders, DummySecretsAreTheWordsTutorialsUse) {
  for (const char* d : {"password", "PLACE_HOLDER", "your-password", "ChangeMe", "xxxxxxxx", ""})
    EXPECT_TRUE(is_dummy_secret(d)) << d;
  for (const char* s : {"example-password", "s3cr3t-R4nd0m", "hunter2"})
    EXPECT_FALSE(is_dummy_secret(s)) << s;
}

TEST(CamelToSnake, AsAzureAiMlConvertsEnumValues) {
  EXPECT_EQ(camel_to_snake("SystemAssigned"), "system_assigned");
  EXPECT_EQ(camel_to_snake("AMLToken"), "aml_token");
  EXPECT_EQ(camel_to_snake("SYSTEM_ASSIGNED"), "system_assigned");
  EXPECT_EQ(camel_to_snake("SYSTEMASSIGNED"), "systemassigned");
  EXPECT_EQ(camel_to_snake("System_Assigned"), "system__assigned");
  EXPECT_EQ(camel_to_snake("SystemAssigned, UserAssigned"), "system_assigned,user_assigned");
  EXPECT_EQ(camel_to_snake("system_assigned,user_assigned"), "system_assigned,user_assigned");
  EXPECT_EQ(camel_to_snake("Key"), "key");
}

}  // namespace
}  // namespace amlint
