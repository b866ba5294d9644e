// The project keeps reference copies: the root and the keys that references
// read, at their places in the file, made into documents when a lookup
// returns them; and it records the lookups a check makes.
#include "model/project.h"

#include <gtest/gtest.h>

#include "manifest/format.h"

namespace amlint {
namespace {

struct Loaded {
  std::unique_ptr<SourceFile> file;
  std::vector<std::unique_ptr<Document>> documents;
  Manifest manifest(std::size_t doc = 0) const {
    Manifest m;
    m.file = file.get();
    m.doc = documents.at(doc).get();
    m.format = detect_format(m.doc->root()).format;
    m.directory = "/repo/app";
    if (const Node* type = m.doc->root()->get("computeType")) m.compute_type = type;
    return m;
  }
};

Loaded load(const std::string& text) {
  Loaded l;
  l.file = std::make_unique<SourceFile>("app/x.yml", "/repo/app/x.yml", text);
  l.documents = load_source(*l.file, Syntax::kYaml, Limits{}).documents;
  return l;
}

// A manifest that asks, in `directory` of the project `scope`.
Manifest asker(std::string directory = "/repo/app", std::string scope = "") {
  Manifest m;
  m.directory = std::move(directory);
  m.scope = std::move(scope);
  return m;
}

TEST(Project, ReferenceCopiesKeepTheNamesAtTheirPlacesAndNothingElse) {
  const Loaded l = load(
      "$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json\n"
      "base: &n Scoring\n"
      "name: *n\n"
      "compute: azureml:k8s\n");
  const Manifest full = l.manifest();
  Project project;
  project.add_manifest(reference_copy(full));
  EXPECT_EQ(project.manifests().front().root(), nullptr)
      << "made into a document only when looked up";
  project.index();
  const std::vector<const Manifest*> found = project.endpoints_named(asker(), "scoring");
  ASSERT_EQ(found.size(), 1U);
  const Manifest& copy = *found.front();
  ASSERT_NE(copy.root(), nullptr);
  EXPECT_EQ(copy.format, Format::kV2KubernetesOnlineEndpoint);
  EXPECT_EQ(copy.root()->get("compute"), nullptr);
  const Node* name = copy.root()->get("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->kind, NodeKind::kAlias);
  EXPECT_EQ(name->resolved().text, "Scoring");
  const Location at = copy.locate(*name);
  const Location original = full.locate(*full.root()->get("name"));
  EXPECT_EQ(at.range.begin, original.range.begin);
  EXPECT_EQ(at.range.end, original.range.end);
  EXPECT_EQ(at.doc_path, "/name");
  EXPECT_EQ(copy.locate(*copy.root()).range.end, full.locate(*full.root()).range.end);
  EXPECT_EQ(project.endpoints_named(asker(), "scoring").front(), &copy) << "made once";
}

TEST(Project, TheComputeTypeOfAV1ConfigSurvivesTheCopy) {
  const Loaded l = load("description: x\ncomputeType: aci\n");
  Project project;
  project.add_manifest(reference_copy(l.manifest()));
  project.index();
  const std::vector<const Manifest*> found =
      project.in_directory("/repo/app", Format::kV1DeploymentConfig);
  ASSERT_EQ(found.size(), 1U);
  ASSERT_NE(found.front()->compute_type, nullptr);
  EXPECT_EQ(found.front()->compute_type->text, "aci");
  EXPECT_EQ(document_path(*found.front()->compute_type), "/computeType");
  EXPECT_EQ(found.front()->root()->get("description"), nullptr);
}

TEST(Project, RecordsLookupsAndTellsWhetherTheyFindSomething) {
  std::vector<Lookup> lookups;
  Project alone;
  alone.record_lookups(&lookups);
  EXPECT_TRUE(alone.endpoints_named(asker(), "scoring").empty());
  EXPECT_EQ(alone.compute_named(asker(), "azureml:gpu"), nullptr);
  EXPECT_TRUE(alone.deployments_of(asker(), "scoring", true).empty());
  ASSERT_EQ(lookups.size(), 3U);
  EXPECT_EQ(lookups[1].kind, Lookup::Kind::kComputeNamed);
  EXPECT_EQ(lookups[1].key, "azureml:gpu");
  EXPECT_TRUE(lookups[2].batch);

  const Loaded l = load(
      "$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json\n"
      "name: GPU\ntype: amlcompute\n");
  Project whole;
  whole.add_manifest(reference_copy(l.manifest()));
  whole.index();
  EXPECT_FALSE(whole.finds(lookups[0]));
  EXPECT_TRUE(whole.finds(lookups[1]));
  EXPECT_FALSE(whole.finds(lookups[2]));
}

}  // namespace
}  // namespace amlint

namespace amlint {
namespace {

// Two projects, and two folders of one project, each with an endpoint
// "scoring" and its own deployments: each endpoint sees only its own, as
// az ml, which resolves names within one workspace, would.
TEST(Project, ReferencesResolveInTheAskersProjectNearestItsFolder) {
  const std::string endpoint =
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n"
      "name: scoring\nauth_mode: key\n";
  const std::string deployment =
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
      "endpoint_name: scoring\nname: ";
  struct Placed {
    Loaded file;
    std::string directory, scope;
  };
  std::vector<Placed> placed;
  placed.push_back({load(endpoint), "/repo/envs/dev", "/repo"});
  placed.push_back({load(deployment + "green\n"), "/repo/envs/dev/deployments", "/repo"});
  placed.push_back({load(endpoint), "/repo/envs/prod", "/repo"});
  placed.push_back({load(deployment + "blue\n"), "/repo/envs/prod", "/repo"});
  placed.push_back({load(endpoint), "/other", "/other"});
  Project project;
  for (const Placed& p : placed) {
    Manifest m = p.file.manifest();
    m.directory = p.directory;
    m.scope = p.scope;
    project.add_manifest(reference_copy(m));
  }
  project.index();
  const auto names = [](const std::vector<const Manifest*>& found) {
    std::vector<std::string> out;
    for (const Manifest* m : found) out.push_back(m->root()->get("name")->text);
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names(project.deployments_of(asker("/repo/envs/dev", "/repo"), "scoring", false)),
            Names{"green"});
  EXPECT_EQ(names(project.deployments_of(asker("/repo/envs/prod", "/repo"), "scoring", false)),
            Names{"blue"});
  EXPECT_TRUE(project.deployments_of(asker("/other", "/other"), "scoring", false).empty())
      << "another project's deployments are not this endpoint's";
  const std::vector<const Manifest*> dev =
      project.endpoints_named(asker("/repo/envs/dev/deployments", "/repo"), "scoring");
  ASSERT_EQ(dev.size(), 1U);
  EXPECT_EQ(dev.front()->directory, "/repo/envs/dev");
  EXPECT_EQ(project.endpoints_named(asker("/repo/x", "/repo"), "scoring").size(), 2U)
      << "equally near: both";
}

}  // namespace
}  // namespace amlint
