// The schema validator on small inline schemas: each keyword, each amlint
// extension, each violation kind, and PyYAML typing of YAML values.
#include "schema/schema.h"

#include <gtest/gtest.h>

#include "manifest/loader.h"

namespace amlint::schema {
namespace {

const char* const kSchema = R"({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["computeType"],
  "x-amlint-misplaced": {"enableInsights": "appInsightsEnabled"},
  "properties": {
    "computeType": {"type": "string", "enum": ["aci", "aks", "aksendpoint", "local"],
                    "x-amlint-case-insensitive": true},
    "appInsightsEnabled": {"type": "boolean"},
    "cpuLimit": {"type": "number", "exclusiveMinimum": 0},
    "gpuCores": {"type": "integer", "minimum": 0, "x-amlint-targets": ["aks", "aksendpoint"],
                 "x-amlint-hint": "ACI has no GPUs"},
    "name": {"type": "string", "minLength": 3, "maxLength": 32,
             "pattern": "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$", "x-amlint-rule": "AML508",
             "x-amlint-message": "use letters, digits and '-'"},
    "description": {"type": "string"},
    "scale": {"$ref": "#/$defs/scale"},
    "model": {"anyOf": [{"type": "string"},
                        {"type": "object", "additionalProperties": false,
                         "properties": {"path": {"type": "string", "x-amlint-path": {"kind": "any"}}}}]},
    "containerResourceRequirements": {
      "type": "object", "additionalProperties": false,
      "x-amlint-misplaced": {"gpu": "gpuCores at the top level"},
      "properties": {"cpu": {"type": "number"}, "memoryInGB": {"type": "number"}}
    },
    "tags": {"type": "object", "additionalProperties": {"type": "string"}}
  },
  "$defs": {
    "scale": {"type": "object", "required": ["type"],
              "properties": {"type": {"const": "default", "x-amlint-rule": "AML511"},
                             "replicas": {"type": "array", "items": {"type": "integer"}, "maxItems": 2}}}
  }
})";

struct Checked {
  std::unique_ptr<SchemaFile> schema;
  std::unique_ptr<SourceFile> source;
  LoadResult loaded;
  std::vector<Violation> violations;
  std::string describe() const {
    std::string out;
    for (const Violation& v : violations) {
      const Pos p = source->position(v.node->range.begin);
      out += std::to_string(p.line) + ":" + std::to_string(p.column) + " " +
             std::to_string(static_cast<int>(v.kind)) + (v.rule.empty() ? "" : " " + v.rule) + " " +
             v.message + "\n";
    }
    return out;
  }
};

Checked run(const std::string& yaml, const std::string& compute_type = "") {
  Checked r;
  std::vector<CompileError> errors;
  r.schema = compile("test.schema.json", kSchema, errors);
  EXPECT_TRUE(r.schema) << (errors.empty() ? "" : errors.front().message);
  r.source = std::make_unique<SourceFile>("t.yml", "", yaml);
  r.loaded = load_source(*r.source, Syntax::kYaml, Limits{});
  ValidateOptions options;
  options.compute_type = compute_type;
  options.format_label = "a test file";
  options.unknown_key_note = "ignored";
  r.violations = validate(*r.schema, *r.loaded.documents.at(0)->root(), options);
  return r;
}

TEST(Schema, ACleanDocumentHasNoViolations) {
  const Checked r =
      run("computeType: AKS\nappInsightsEnabled: true\ngpuCores: 1\nname: blue-1\n"
          "model: {path: ./m}\ntags: {team: x}\nscale: {type: default, replicas: [1, 2]}\n",
          "aks");
  EXPECT_TRUE(r.violations.empty()) << r.describe();
}

TEST(Schema, UnknownKeysGetTheBestSuggestion) {
  const Checked r =
      run("computeType: aci\n"
          "enableInsights: true\n"      // misplaced map
          "cpu_limit: 1\n"              // same when folded
          "insightsAppEnabled: true\n"  // same words
          "descripton: x\n"             // a typo
          "memoryInGB: 4\n"             // defined elsewhere
          "containerResourceRequirements:\n"
          "  gpu: 1\n"  // nested misplaced map
          "zzz: 1\n");
  EXPECT_EQ(r.describe(),
            "2:1 0 unknown key 'enableInsights' (ignored); did you mean 'appInsightsEnabled'?\n"
            "3:1 0 unknown key 'cpu_limit' (ignored); did you mean 'cpuLimit'?\n"
            "4:1 0 unknown key 'insightsAppEnabled' (ignored); did you mean 'appInsightsEnabled'?\n"
            "5:1 0 unknown key 'descripton' (ignored); did you mean 'description'?\n"
            "6:1 0 unknown key 'memoryInGB' (ignored); 'memoryInGB' belongs under "
            "containerResourceRequirements\n"
            "8:3 0 unknown key 'gpu' in containerResourceRequirements (ignored); did you mean "
            "gpuCores at the top level?\n"
            "9:1 0 unknown key 'zzz' (ignored)\n");
}

TEST(Schema, TypesFollowPyYaml) {
  const Checked r = run(
      "computeType: aci\n"
      "cpuLimit: '2'\n"               // quoted number
      "appInsightsEnabled: 'true'\n"  // quoted boolean
      "description: yes\n"            // YAML 1.1 boolean where a string is wanted
      "containerResourceRequirements: {cpu: 1e3, memoryInGB: 1.0e+3}\n"  // PyYAML: string, float
      "tags: {team: 7}\n"
      "name: [a]\n");
  EXPECT_EQ(r.describe(),
            "2:11 1 cpuLimit: '2' is a string because it is quoted; write 2 without quotes\n"
            "3:21 1 appInsightsEnabled: 'true' is a string because it is quoted; write true "
            "without quotes\n"
            "4:14 1 description: yes is read as a boolean by az ml (YAML 1.1); quote it if you "
            "mean the word\n"
            "5:38 1 cpu: 1e3 is a string to az ml (YAML 1.1 numbers with an exponent need a dot "
            "and a sign, as in "
            "1.0e+3); write the number out\n"
            "6:14 1 team: 7 is an integer, but must be a string\n"
            "7:7 1 name is a list, but must be a string\n");
}

TEST(Schema, Yaml11BooleansWorkButAreNamed) {
  const Checked r = run("computeType: aci\nappInsightsEnabled: on\n");
  EXPECT_EQ(r.describe(),
            "2:21 1 appInsightsEnabled: 'on' is a boolean only to YAML 1.1 readers such as az ml's "
            "(YAML 1.2 "
            "tools read a string); write true\n");
}

TEST(Schema, ValuesEnumsRangesPatternsAndRuleOverrides) {
  const Checked r =
      run("computeType: acs\n"
          "cpuLimit: 0\n"
          "gpuCores: -1\n"
          "name: 1bad_name\n"
          "scale: {type: target_utilization, replicas: [1, 2, 3]}\n",
          "aks");
  EXPECT_EQ(r.describe(),
            "1:14 2 computeType: acs is not one of aci, aks, aksendpoint or local; did you mean "
            "'aci' or 'aks'?\n"
            "2:11 2 cpuLimit: 0 must be greater than 0\n"
            "3:11 2 gpuCores: -1 is below the minimum of 0\n"
            "4:7 2 AML508 name: 1bad_name is invalid; use letters, digits and '-'\n"
            "5:15 2 AML511 type: target_utilization must be 'default'\n"
            "5:35 2 replicas: takes at most 2 items\n");
}

TEST(Schema, MissingRequiredKeysAreReportedOnTheirParent) {
  const Checked r = run("description: x\nscale: {replicas: []}\n");
  EXPECT_EQ(r.describe(),
            "2:1 3 missing required key 'type' in scale\n"
            "1:1 3 missing required key 'computeType' of a test file\n");
}

TEST(Schema, KeysForOtherTargetsAreIgnoredByThem) {
  const Checked r = run("computeType: aci\ngpuCores: 1\n", "aci");
  EXPECT_EQ(r.describe(),
            "2:1 4 'gpuCores' applies only when computeType is aks or aksendpoint; it is ignored "
            "for aci: ACI has no GPUs\n");
}

TEST(Schema, AnyOfPicksTheBranchByTypeAndPathsAreFound) {
  Checked r = run("computeType: aci\nmodel: 3\n");
  EXPECT_EQ(r.describe(), "2:8 1 model: 3 is an integer, but must be a mapping or a string\n");
  r = run("computeType: aci\nmodel: {path: ./weights, size: 1}\n");
  EXPECT_EQ(r.describe(), "2:26 0 unknown key 'size' in model (ignored)\n");
  const auto paths = local_paths(*r.schema, *r.loaded.documents[0]->root());
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(paths[0].node->resolved().text, "./weights");
  EXPECT_EQ(paths[0].spec.kind, "any");
}

TEST(Schema, CompileErrorsHavePositions) {
  std::vector<CompileError> errors;
  EXPECT_FALSE(compile("x", R"({"type": "object", "propertyNames": {}})", errors));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message, "amlint's validator does not support the keyword 'propertyNames'");
  EXPECT_EQ(errors[0].pos, (Pos{1, 20}));
  errors.clear();
  EXPECT_FALSE(
      compile("x", R"json({"pattern": "(?=x)", "items": {"$ref": "#/$defs/nope"}})json", errors));
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_NE(errors[0].message.find("not valid RE2"), std::string::npos);
  EXPECT_NE(errors[1].message.find("$ref must name an entry"), std::string::npos);
}

}  // namespace
}  // namespace amlint::schema
