// Reports of fixes fed to the programs that read them: Microsoft's SARIF
// validator reads the `fixes` of results (the replacements' regions and
// content), and the JSON Schema of amlint's own report its `fixes`. The
// manifests are tests/support/fixable.h's: every kind of fix amlint has,
// with a byte order mark, CRLF, lone CRs and multi-byte characters.
#include <gtest/gtest.h>

#include "clients/clients.h"
#include "support/fixable.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/text.h"

namespace amlint::testing {
namespace {

// A report in `format` of the fixable manifests, written under `dir`.
std::string lint_fixable(const TempDir& dir, const std::string& format) {
  for (const auto& [path, text] : fixable_files()) dir.write(path, text);
  const ProcessResult r = run_amlint({"-q", "--format", format, "deploy"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  return r.out;
}

TEST(SarifValidator, ResultsWithFixesPassMicrosoftsValidator) {
  REQUIRE_CLIENT(!sarif_multitool().empty(),
                 "@microsoft/sarif-multitool (npm ci --prefix tests/clients)");
  TempDir dir;
  const std::string sarif = lint_fixable(dir, "sarif");
  std::size_t fixes = 0;
  const JsonDoc doc(sarif);
  for (const Node* result : items_at(doc.root(), "/runs/0/results")) {
    if (has(*result, "/fixes")) fixes += items_at(*result, "/fixes").size();
  }
  EXPECT_EQ(fixes, 7U) << sarif;
  const std::vector<std::string> problems = sarif_problems(dir.write("fixes.sarif", sarif), dir);
  EXPECT_TRUE(problems.empty()) << join(problems, "\n");

  // The validator reads the fixes: a deleted region ending on line 0, a
  // changed file named by an absolute URI and a base both.
  std::string broken = sarif;
  const std::size_t end_line = broken.find("\"endLine\": ", broken.find("\"deletedRegion\""));
  broken.replace(end_line, broken.find(',', end_line) - end_line, "\"endLine\": 0");
  const std::string uri = "\"uri\": \"deploy/";
  broken.replace(broken.find(uri, broken.find("\"artifactChanges\"")), uri.size(),
                 "\"uri\": \"file:///deploy/");
  const std::vector<std::string> refused = sarif_problems(dir.write("broken.sarif", broken), dir);
  ASSERT_EQ(refused.size(), 2U) << join(refused, "\n");
  EXPECT_NE(refused[0].find("JSON1008: runs[0].results[0].fixes[0].artifactChanges[0]."
                            "replacements[0].deletedRegion.endLine"),
            std::string::npos)
      << refused[0];
  EXPECT_NE(refused[1].find("SARIF1004: runs[0].results[0].fixes[0].artifactChanges[0]."
                            "artifactLocation"),
            std::string::npos)
      << refused[1];
}

TEST(JsonSchema, FindingsWithFixesMatchTheSchema) {
  const std::string python = python_with_jsonschema();
  REQUIRE_CLIENT(!python.empty(), "Python's jsonschema (Debian package python3-jsonschema)");
  TempDir dir;
  const std::string json = lint_fixable(dir, "json");
  std::size_t fixes = 0;
  const JsonDoc doc(json);
  for (const Node* f : items_at(doc.root(), "/findings")) {
    if (has(*f, "/fixes")) fixes += items_at(*f, "/fixes").size();
  }
  EXPECT_EQ(fixes, 7U) << json;
  const ProcessResult r =
      validate_json(python, "amlint-output.schema.json", dir.write("fixes.json", json));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Validator: 0 errors"), std::string::npos) << r.out << r.err;

  // The schema is not blind to them: an applicability it does not know, an
  // edit without its byte offset, an empty list of fixes.
  std::string bad = json;
  bad.replace(bad.find("\"applicability\": \"safe\""), 23, "\"applicability\": \"maybe\"");
  const std::size_t offset = bad.find("\"offset\": ");
  bad.replace(offset, 10, "\"offsets\": ");
  // (AML402's finding has no fixes of its own.)
  bad.insert(bad.find("\"fingerprint\": ", bad.find("\"rule\": \"AML402\"")), "\"fixes\": [],\n");
  const ProcessResult refused =
      validate_json(python, "amlint-output.schema.json", dir.write("bad.json", bad));
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_NE(refused.out.find("'maybe' is not one of"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("'offset' is a required property"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("/fixes: []"), std::string::npos) << refused.out;  // too short
}

}  // namespace
}  // namespace amlint::testing
