// The pieces the output formats share: JSON and XML escaping, the command
// escapes, the automatic format, fail levels, fingerprints, and the edits of
// fixes the rules do not make yet.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "core/fingerprint.h"
#include "report/reporter.h"
#include "report/xml_writer.h"
#include "rules/registry.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/files.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace amlint {
namespace {

TEST(JsonWriter, EscapesWhatJsonRequiresAndRepairsUtf8) {
  EXPECT_EQ(json_quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_quote("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(json_quote(std::string("\x01\x1f\x7f", 3)), R"("\u0001\u001f\u007f")");
  EXPECT_EQ(json_quote("ü %;]:,"), "\"ü %;]:,\"");  // UTF-8 stays as it is
  EXPECT_EQ(json_quote("a\xFF"
                       "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");  // invalid byte: U+FFFD
}

TEST(JsonWriter, NestsAndPrettyPrints) {
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("a").number(-1);
  json.key("b").begin_array().string("x").boolean(true).end_array();
  json.key("c").begin_array().end_array();
  json.key("d").begin_object().end_object();
  json.end_object();
  json.finish();
  EXPECT_EQ(
      out.str(),
      "{\n  \"a\": -1,\n  \"b\": [\n    \"x\",\n    true\n  ],\n  \"c\": [],\n  \"d\": {}\n}\n");
}

TEST(XmlWriter, AttributesKeepEveryCharacterXmlCanHold) {
  EXPECT_EQ(xml_attribute("<a & 'b' \"c\">"), "&lt;a &amp; &apos;b&apos; &quot;c&quot;&gt;");
  EXPECT_EQ(xml_attribute("1\n2\r3\t4"), "1&#10;2&#13;3&#9;4");
  EXPECT_EQ(xml_text("1\n2\r3\t4 'q' \"q\""), "1\n2&#13;3\t4 'q' \"q\"");
  // Not allowed in XML 1.0 at all: C0 controls, U+FFFE, U+FFFF, bad UTF-8.
  EXPECT_EQ(xml_attribute(std::string("a\x01"
                                      "b\xEF\xBF\xBE"
                                      "c\xFF",
                                      8)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD");
  std::ostringstream out;
  {
    XmlWriter xml(out);
    xml.open("r", {{"v", "1"}});
    xml.empty("e", {{"m", "x\ny"}});
    xml.text_element("t", {}, "a<b");
    xml.close();
  }
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r v=\"1\">\n  <e m=\"x&#10;y\"/>\n"
            "  <t>a&lt;b</t>\n</r>\n");
}

TEST(Text, ReplaceCharsAndVisibleControls) {
  EXPECT_EQ(replace_chars("a%b\nc", {{'%', "%25"}, {'\n', "%0A"}}), "a%25b%0Ac");
  EXPECT_EQ(visible_controls(std::string("a\nb\rc\td\x01", 8)), "a\\nb\\rc\\td?");
  EXPECT_EQ(quote("ü\n", 1), "'ü...'");
}

TEST(AutoFormat, FollowsTheEnvironment) {
  const auto with = [](std::map<std::string, std::string> env) {
    return std::string(auto_format([&](const char* name) -> const char* {
      const auto it = env.find(name);
      return it == env.end() ? nullptr : it->second.c_str();
    }));
  };
  EXPECT_EQ(with({}), "human");
  EXPECT_EQ(with({{"GITHUB_ACTIONS", "true"}}), "github");
  EXPECT_EQ(with({{"GITHUB_ACTIONS", "1"}}), "human");
  EXPECT_EQ(with({{"TF_BUILD", "True"}}), "azure");
  EXPECT_EQ(with({{"TF_BUILD", ""}}), "human");
  EXPECT_EQ(with({{"PRE_COMMIT", "1"}}), "concise");
  EXPECT_EQ(with({{"GITLAB_CI", "true"}}), "concise");
  EXPECT_EQ(with({{"GITLAB_CI", "false"}}), "human");
  EXPECT_EQ(with({{"GITLAB_CI", "true"}, {"GITHUB_ACTIONS", "true"}}), "github");
  EXPECT_EQ(with({{"GITLAB_CI", "true"}, {"TF_BUILD", "True"}}), "azure");
  EXPECT_EQ(with({{"PRE_COMMIT", "1"}, {"TF_BUILD", "x"}, {"GITHUB_ACTIONS", "true"}}), "github");
  for (const OutputFormat& f : output_formats()) EXPECT_EQ(find_output_format(f.name), &f);
  EXPECT_EQ(find_output_format("auto"), nullptr);
}

TEST(Level, ParsesTheThreeSeveritiesAndTheWordForNone) {
  // A parsed Level, spelled out: comparing optional<Level> with a bare Level
  // would compare against its severity instead.
  const auto parsed = [](Level level) { return std::optional<Level>(level); };
  EXPECT_EQ(parse_level("error", "none"), parsed(Severity::kError));
  EXPECT_EQ(parse_level("warning", "none"), parsed(Severity::kWarning));
  EXPECT_EQ(parse_level("info", "off"), parsed(Severity::kInfo));
  EXPECT_EQ(parse_level("none", "none"), parsed(std::nullopt));
  EXPECT_EQ(parse_level("off", "off"), parsed(std::nullopt));
  EXPECT_EQ(parse_level("off", "none"), std::nullopt);  // each setting has its own word
  EXPECT_EQ(parse_level("fatal", "none"), std::nullopt);
  EXPECT_EQ(parse_level("Error", "none"), std::nullopt);  // as az ml and YAML keys: exact
  for (const std::string& name : level_names("none")) {
    const auto level = parse_level(name, "none");
    ASSERT_TRUE(level) << name;
    EXPECT_EQ(level_name(*level, "none"), name);
  }
}

// Report paths are relative to the file's own repository, wherever amlint
// runs (the tests run in a build directory that may lie anywhere).
TEST(RepositoryPath, ComesFromTheFileNotTheWorkingDirectory) {
  amlint::testing::TempDir dir;
  dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
  const std::string file = dir.write("repo/deploy/svc/a.yml", "computeType: aci\n");
  const SourceFile source(file, file, "computeType: aci\n");
  EXPECT_EQ(project_root(source), dir.path() + "/repo");
  EXPECT_EQ(repository_path(source), "deploy/svc/a.yml");
  EXPECT_EQ(project_path_segments(file), (std::vector<std::string>{"deploy", "svc"}));

  // A submodule's files belong to the superproject; a worktree is a root.
  dir.write("repo/vendor/lib/.git", "gitdir: ../../.git/modules/lib\n");
  const std::string in_submodule = dir.write("repo/vendor/lib/b.yml", "");
  dir.write("wt/.git", "gitdir: /elsewhere/.git/worktrees/wt\n");
  const std::string in_worktree = dir.write("wt/c.yml", "");
  forget_repository_roots();
  EXPECT_EQ(repository_path(SourceFile(in_submodule, in_submodule, "")), "vendor/lib/b.yml");
  EXPECT_EQ(repository_path(SourceFile(in_worktree, in_worktree, "")), "c.yml");

  // Outside any repository and the working directory: the absolute path.
  const std::string loose = dir.write("loose/d.yml", "");
  EXPECT_EQ(project_root(SourceFile(loose, loose, "")), "");
  EXPECT_EQ(repository_path(SourceFile(loose, loose, "")), loose);
  // A text from nowhere keeps its name.
  EXPECT_EQ(repository_path(SourceFile("<stdin>", "", "")), "<stdin>");
}

TEST(Fingerprint, HashesRulePathAndDocumentPathOnly) {
  const SourceFile a("deploy/a.yml", "deploy/a.yml", "computeType: aci\nx: 1\n");
  const SourceFile moved("deploy/a.yml", "./deploy/../deploy/a.yml", "\n\n\ncomputeType: aci\n");
  const SourceFile b("deploy/b.yml", "deploy/b.yml", "computeType: aci\n");
  const auto finding = [](const SourceFile& file, std::size_t at, const std::string& doc_path,
                          const RuleInfo& rule) {
    Finding f;
    f.rule = &rule;
    f.location = Location{&file, {at, at + 3}, doc_path};
    return f;
  };
  const RuleInfo& syntax = input_rules::kInvalidSyntax;
  const RuleInfo& duplicate = input_rules::kDuplicateKey;
  const std::string base = fingerprint(finding(a, 13, "/computeType", syntax));
  EXPECT_EQ(base.size(), 16U);
  EXPECT_EQ(base.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fingerprint(finding(moved, 16, "/computeType", syntax)), base);
  EXPECT_NE(fingerprint(finding(b, 13, "/computeType", syntax)), base);
  EXPECT_NE(fingerprint(finding(a, 13, "/x", syntax)), base);
  EXPECT_NE(fingerprint(finding(a, 13, "/computeType", duplicate)), base);
  const Findings twice = {finding(a, 13, "/computeType", syntax),
                          finding(a, 13, "/computeType", syntax),
                          finding(a, 13, "/computeType", syntax)};
  EXPECT_EQ(unique_fingerprints(twice), (std::vector<std::string>{base, base + ":2", base + ":3"}));
}

// Fixes no rule makes yet, as the JSON and SARIF reports give them: an
// insertion (an empty range), a deletion of a line break, and an insertion
// at the end of a file, which SARIF puts after the last line's break (LF or
// CRLF) rather than on a line of its own.
TEST(FixEdits, InsertionsAndLineBreaksKeepTheirExactRange) {
  using amlint::testing::at;
  using amlint::testing::int_at;
  using amlint::testing::JsonDoc;
  const SourceFile lf("lf.yml", "", "k: v\nx: 1\n");
  const SourceFile crlf("crlf.yml", "", "k: v\r\n");
  LintReport report;
  report.files = {&lf, &crlf};
  for (const SourceFile* file : report.files) {
    Finding f;
    f.rule = &input_rules::kInvalidSyntax;
    f.location = Location{file, {0, 1}, "/k"};
    f.fixes.push_back(Fix{"insert", Applicability::kSafe, {TextEdit{{3, 3}, "'"}}});
    f.fixes.push_back(Fix{"join and append",
                          Applicability::kUnsafe,
                          {TextEdit{{4, 5}, " "}, TextEdit{{file->size(), file->size()}, "y\n"}}});
    report.findings.push_back(std::move(f));
  }
  std::ostringstream json_text;
  std::ostringstream sarif_text;
  write_json(json_text, report, {});
  write_sarif(sarif_text, report, {});
  const JsonDoc json(json_text.str());
  const JsonDoc sarif(sarif_text.str());
  // {line, column, offset} of an edit's start and end in the JSON report;
  // {startLine, startColumn, endLine, endColumn} of its SARIF region.
  const auto json_edit = [&](int finding, int fix, int edit) {
    const std::string e = "/findings/" + std::to_string(finding) + "/fixes/" + std::to_string(fix) +
                          "/edits/" + std::to_string(edit);
    std::vector<std::int64_t> out;
    for (const std::string end : {"/start", "/end"}) {
      for (const std::string field : {"/line", "/column", "/offset"}) {
        out.push_back(int_at(json.root(), e + end + field));
      }
    }
    return out;
  };
  const auto sarif_region = [&](int result, int fix, int replacement) {
    const Node& region =
        at(sarif.root(), "/runs/0/results/" + std::to_string(result) + "/fixes/" +
                             std::to_string(fix) + "/artifactChanges/0/replacements/" +
                             std::to_string(replacement) + "/deletedRegion");
    std::vector<std::int64_t> out;
    for (const std::string field : {"/startLine", "/startColumn", "/endLine", "/endColumn"}) {
      out.push_back(int_at(region, field));
    }
    return out;
  };
  using V = std::vector<std::int64_t>;
  // lf.yml: "k: v\nx: 1\n", 10 bytes.
  EXPECT_EQ(json_edit(0, 0, 0), (V{1, 4, 3, 1, 4, 3}));
  EXPECT_EQ(sarif_region(0, 0, 0), (V{1, 4, 1, 4}));
  EXPECT_EQ(json_edit(0, 1, 0), (V{1, 5, 4, 2, 1, 5}));
  EXPECT_EQ(sarif_region(0, 1, 0), (V{1, 5, 2, 1}));
  EXPECT_EQ(json_edit(0, 1, 1), (V{3, 1, 10, 3, 1, 10}));
  EXPECT_EQ(sarif_region(0, 1, 1), (V{2, 6, 2, 6}));
  // crlf.yml: "k: v\r\n", 6 bytes; the end of the file is after both.
  EXPECT_EQ(json_edit(1, 1, 1), (V{2, 1, 6, 2, 1, 6}));
  EXPECT_EQ(sarif_region(1, 1, 1), (V{1, 7, 1, 7}));
  EXPECT_EQ(amlint::testing::text_at(sarif.root(),
                                     "/runs/0/results/1/fixes/1/artifactChanges/0/"
                                     "replacements/1/insertedContent/text"),
            "y\n");
}

}  // namespace
}  // namespace amlint
