// The registry, the docs in rules/, the capability table and the fixtures
// must agree. This test names whatever is missing when a rule is added
// (after ruff's and actionlint's doc checks): the doc's form, its facts
// (quoted exactly from the table), its examples (the Example must fire the
// rule and the Use instead must not), its Fix section when the rule has
// fixes (rules/registry.h, fix_kind), and firing and clean fixtures in YAML
// and JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "capability/table.h"
#include "rules/registry.h"
#include "support/expectations.h"
#include "support/harness.h"
#include "util/embedded.h"
#include "util/files.h"
#include "util/regex.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

struct CodeBlock {
  std::string language;
  std::string file;
  std::string size;  // sparse blocks: "20GiB"
  std::string text;
};

struct Section {
  std::string heading;
  std::vector<std::string> lines;
  std::vector<CodeBlock> blocks;
  std::vector<std::string> args;
};

struct Doc {
  std::string title;
  std::string meta;
  std::vector<Section> sections;
  const Section* find(const std::string& heading) const {
    for (const Section& s : sections) {
      if (s.heading == heading) return &s;
    }
    return nullptr;
  }
};

Doc parse_doc(std::string_view text) {
  Doc doc;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (!lines.empty()) doc.title = lines[0];
  if (lines.size() > 2) doc.meta = lines[2];
  Section* current = nullptr;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (starts_with(line, "## ")) {
      doc.sections.push_back(Section{line.substr(3), {}, {}, {}});
      current = &doc.sections.back();
      continue;
    }
    if (!current) continue;
    if (starts_with(line, "```") && line.size() > 3) {
      CodeBlock block;
      const std::string info = line.substr(3);
      block.language = info.substr(0, info.find(' '));
      auto attribute = [&](const std::string& name) {
        const std::size_t at = info.find(name + "=");
        if (at == std::string::npos) return std::string();
        const std::size_t from = at + name.size() + 1;
        return info.substr(from, info.find(' ', from) - from);
      };
      block.file = attribute("file");
      block.size = attribute("size");
      for (++i; i < lines.size() && lines[i] != "```"; ++i) block.text += lines[i] + "\n";
      current->blocks.push_back(block);
      continue;
    }
    const std::string marker = "<!-- amlint-args:";
    if (starts_with(line, marker)) {
      std::string rest(trim(line.substr(marker.size(), line.rfind("-->") - marker.size())));
      std::size_t p = 0;
      while (p < rest.size()) {
        const std::size_t q = std::min(rest.find(' ', p), rest.size());
        if (q > p) current->args.push_back(rest.substr(p, q - p));
        p = q + 1;
      }
    }
    current->lines.push_back(line);
  }
  return doc;
}

std::vector<std::string> split_facts(std::string_view facts) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < facts.size()) {
    std::size_t end = facts.find(',', start);
    if (end == std::string_view::npos) end = facts.size();
    const std::string_view f = trim(facts.substr(start, end - start));
    if (!f.empty()) out.emplace_back(f);
    start = end + 1;
  }
  return out;
}

class RuleCatalog : public ::testing::TestWithParam<const RuleInfo*> {};

TEST_P(RuleCatalog, DocHasTheFixedForm) {
  const RuleInfo& rule = *GetParam();
  const auto text = embedded_file(std::string(rule.id) + ".md");
  ASSERT_TRUE(text) << rule.id << ": no rules/" << rule.id << ".md";
  const Doc doc = parse_doc(*text);
  EXPECT_EQ(doc.title, "# " + std::string(rule.id) + " " + std::string(rule.slug));
  EXPECT_EQ(doc.meta.rfind(
                "**Severity:** " + std::string(severity_name(rule.severity)) + " · **Facts:** " +
                    (rule.facts.empty() ? std::string("–") : std::string(rule.facts)) + " · ",
                0),
            0U)
      << rule.id << ": line 3 is '" << doc.meta << "'";
  std::vector<std::string> headings;
  for (const Section& s : doc.sections) headings.push_back(s.heading);
  // A rule whose findings carry fixes says how they fix, after Use instead.
  const std::string_view fix = fix_kind_name(fix_kind(rule));
  std::vector<std::string> expected = {"What it does", "Why is this bad?", "Example", "Use instead",
                                       "Facts",        "References"};
  if (!fix.empty()) expected.insert(expected.begin() + 4, "Fix");
  EXPECT_EQ(headings, expected) << rule.id;
  if (const Section* section = doc.find("Fix"); section && !fix.empty()) {
    const auto first = std::find_if(section->lines.begin(), section->lines.end(),
                                    [](const std::string& l) { return !trim(l).empty(); });
    const std::string line = first == section->lines.end() ? "" : *first;
    // "**Applicability:** unsafe (...)", "**Applicability:** safe/unsafe: ..."
    const std::string opening = "**Applicability:** " + std::string(fix);
    EXPECT_TRUE(starts_with(line, opening) &&
                (line.size() == opening.size() || line[opening.size()] == ' ' ||
                 line[opening.size()] == ':'))
        << rule.id << ": the Fix section opens with '" << line << "', not '" << opening << "'";
  }
}

TEST_P(RuleCatalog, FactsAreQuotedExactlyFromTheTable) {
  const RuleInfo& rule = *GetParam();
  const auto text = embedded_file(std::string(rule.id) + ".md");
  ASSERT_TRUE(text);
  const Doc doc = parse_doc(*text);
  const Section* facts = doc.find("Facts");
  ASSERT_TRUE(facts) << rule.id;
  const CapabilityTable& table = CapabilityTable::builtin();
  std::set<std::string> quoted;
  for (const std::string& line : facts->lines) {
    if (!starts_with(line, "- **F")) continue;
    const std::size_t close = line.find("**:", 4);
    ASSERT_NE(close, std::string::npos) << line;
    const std::string id = line.substr(4, close - 4);
    quoted.insert(id);
    const Fact* fact = table.fact(id);
    ASSERT_TRUE(fact) << rule.id << " quotes " << id << ", which the table does not have";
    EXPECT_EQ(line.substr(close + 4), fact->text)
        << rule.id << ": " << id << " is not quoted exactly";
  }
  const std::vector<std::string> expected = split_facts(rule.facts);
  EXPECT_EQ(quoted, std::set<std::string>(expected.begin(), expected.end())) << rule.id;
}

TEST_P(RuleCatalog, TheTableCarriesTheFactsTheRuleEnforces) {
  // A rule citing F4 must find some capability in the table tagged F4.
  const std::string table = read_file_text(source_dir() + "/rules/compute-targets.yaml");
  for (const std::string& fact : split_facts(GetParam()->facts)) {
    EXPECT_TRUE(table.find("fact: " + fact + "}") != std::string::npos ||
                table.find("fact: " + fact + ",") != std::string::npos)
        << GetParam()->id << " enforces " << fact
        << " but no capability in rules/compute-targets.yaml cites it";
  }
}

std::size_t count_rule(const LintReport& report, std::string_view id) {
  return static_cast<std::size_t>(
      std::count_if(report.findings.begin(), report.findings.end(),
                    [&](const Finding& f) { return f.rule->id == id; }));
}

// Writes a section's blocks to `dir`. A block ```sparse file=model.pkl
// size=20GiB``` becomes a sparse file of that size (for model-size rules);
// yaml and json blocks become the files that are linted.
LintReport run_section(const Section& section, const TempDir& dir) {
  std::vector<std::string> files;
  for (const CodeBlock& b : section.blocks) {
    EXPECT_FALSE(b.file.empty()) << "a code block without file=";
    if (b.language == "sparse") {
      make_sparse_file(dir.path() + "/" + b.file, parse_size(b.size));
      continue;
    }
    const std::string path = dir.write(b.file, b.text);
    if (b.language == "yaml" || b.language == "json") files.push_back(path);
  }
  std::vector<std::string> args = expand_args(section.args, dir);
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i - 1] == "--baseline" || args[i - 1] == "--config")
      args[i] = dir.path() + "/" + args[i];
  }
  // Run from the example's folder, as a user would: baseline paths are
  // relative to the repository root, which is then that folder.
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  LintReport report = lint_paths(files, args);
  fs::current_path(cwd);
  return report;
}

TEST_P(RuleCatalog, ExampleFiresAndUseInsteadDoesNot) {
  const RuleInfo& rule = *GetParam();
  const auto text = embedded_file(std::string(rule.id) + ".md");
  ASSERT_TRUE(text);
  const Doc doc = parse_doc(*text);
  const Section* example = doc.find("Example");
  const Section* instead = doc.find("Use instead");
  ASSERT_TRUE(example && instead) << rule.id;
  ASSERT_FALSE(example->blocks.empty()) << rule.id << ": no code block under Example";
  ASSERT_FALSE(instead->blocks.empty()) << rule.id << ": no code block under Use instead";
  {
    TempDir dir;
    EXPECT_GE(count_rule(run_section(*example, dir), rule.id), 1U)
        << rule.id << ": the Example does not fire it";
  }
  {
    TempDir dir;
    EXPECT_EQ(count_rule(run_section(*instead, dir), rule.id), 0U)
        << rule.id << ": the Use instead fires it";
  }
}

// "json" or "yaml". A config file counts as the syntax of the manifests it
// governs: suppressions of JSON files live in .amlint.yaml.
std::string syntax_of_fixture(const fs::path& path) {
  if (path.filename() == ".amlint.yaml") {
    for (const auto& f : fs::directory_iterator(path.parent_path())) {
      if (f.path().extension() == ".json" && f.path().filename() != ".amlint-baseline.json")
        return "json";
    }
  }
  return path.extension() == ".json" ? "json" : "yaml";
}

TEST_P(RuleCatalog, HasFiringAndCleanFixturesInYamlAndJson) {
  const RuleInfo& rule = *GetParam();
  const fs::path dir = fs::path(source_dir()) / "fixtures" / "rules" / std::string(rule.id);
  ASSERT_TRUE(fs::is_directory(dir)) << rule.id << ": no fixtures/rules/" << rule.id << "/";
  std::set<std::string> firing, clean;  // by syntax
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || !has_manifest_extension(path)) continue;
    std::vector<std::string> errors;
    const std::vector<Expectation> expected =
        fs::exists(path + ".expect") ? parse_expect_file(read_file_text(path + ".expect"), errors)
        : ends_with(path, ".json")   ? std::vector<Expectation>{}
                                     : parse_comment_expectations(read_file_text(path), errors);
    const bool fires = std::any_of(expected.begin(), expected.end(),
                                   [&](const Expectation& e) { return e.rule == rule.id; });
    (fires ? firing : clean).insert(syntax_of_fixture(entry.path()));
  }
  const std::set<std::string> both = {"json", "yaml"};
  const std::set<std::string> json_only = {"json"};
  // AML004 is about .json files; AML008 reports in the baseline, a JSON file.
  const auto& wanted = rule.id == "AML004" || rule.id == "AML008" ? json_only : both;
  for (const std::string& syntax : wanted) {
    EXPECT_TRUE(firing.count(syntax)) << rule.id << ": no firing " << syntax << " fixture";
    EXPECT_TRUE(clean.count(syntax)) << rule.id << ": no clean " << syntax << " fixture";
  }
}

std::string rule_test_name(const ::testing::TestParamInfo<const RuleInfo*>& param) {
  return std::string(param.param->id);
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCatalog, ::testing::ValuesIn(all_rules()), rule_test_name);

TEST(RuleCatalog, EveryDocBelongsToARule) {
  for (const EmbeddedFile& f : embedded_files()) {
    if (!ends_with(f.name, ".md")) continue;
    const std::string id(f.name.substr(0, f.name.size() - 3));
    EXPECT_NE(find_rule(id), nullptr) << "rules/" << f.name << " documents no registered rule";
  }
}

// A rule's family decides what code does with it (RuleInfo::family); its id
// shows the family to users. The two must agree.
TEST(RuleCatalog, FamiliesKeepToTheirBlocksOfIds) {
  const auto family_of_id = [](std::string_view id) {
    const int number = std::stoi(std::string(id.substr(3)));
    static const RuleFamily kByHundred[] = {
        RuleFamily::kInput,     RuleFamily::kCapability, RuleFamily::kLimit, RuleFamily::kUsage,
        RuleFamily::kLifecycle, RuleFamily::kStructure,  RuleFamily::kPath,  RuleFamily::kSecurity};
    if (number >= 5 && number <= 9) return RuleFamily::kPolicy;
    return kByHundred[number / 100];
  };
  for (const RuleInfo* r : all_rules()) {
    EXPECT_EQ(static_cast<int>(r->family), static_cast<int>(family_of_id(r->id))) << r->id;
  }
}

// Every rule is reported by one check (its producer), or by the linter and
// the policy (AML001-AML009); the one exception is a rule a schema routes
// values to (x-amlint-rule), which its own check and the schema check both
// report. A check declares every rule it reports (Check::rules(): --ignore
// works from that list, and the linter stops a check that reports more).
TEST(RuleCatalog, EachRuleHasOneProducerAndEveryCheckDeclaresItsRules) {
  std::map<const RuleInfo*, std::vector<const Check*>> producers;
  std::map<const RuleInfo*, const Check*> named_for;
  const Check* schema_check = nullptr;
  for (const auto& check : all_checks()) {
    EXPECT_TRUE(named_for.emplace(&check->info(), check.get()).second)
        << "two checks are named for " << check->info().id;
    if (check->info().id == "AML501") schema_check = check.get();
    const std::vector<const RuleInfo*> rules = check->rules();
    EXPECT_NE(std::find(rules.begin(), rules.end(), &check->info()), rules.end())
        << check->info().id << " does not declare its own rule";
    for (const RuleInfo* r : rules) {
      ASSERT_NE(r, nullptr) << check->info().id << " declares a rule that does not exist";
      producers[r].push_back(check.get());
    }
  }
  for (const RuleInfo* r : all_rules()) {
    const std::vector<const Check*>& by = producers[r];
    if (r->id <= "AML009") {
      EXPECT_TRUE(by.empty()) << r->id << " is the linter's or the policy's, not a check's";
    } else if (by.size() == 2) {
      EXPECT_TRUE(named_for.count(r) && std::count(by.begin(), by.end(), schema_check) == 1)
          << r->id << " has two producers, and is not a rule the schemas route to";
    } else {
      EXPECT_EQ(by.size(), 1u) << r->id << " must be reported by exactly one check";
    }
  }
  EXPECT_EQ(producers[find_rule("AML503")], std::vector<const Check*>{schema_check});
}

// The schemas route some value violations to other rules (x-amlint-rule):
// the schema check reports those, so it must declare them.
TEST(RuleCatalog, TheSchemaCheckDeclaresEveryRuleTheSchemasRouteTo) {
  const Check* schema_check = nullptr;
  for (const auto& check : all_checks()) {
    if (check->info().id == "AML501") schema_check = check.get();
  }
  ASSERT_NE(schema_check, nullptr);
  const std::vector<const RuleInfo*> rules = schema_check->rules();
  const Regex routed(R"re(^\s*:\s*"(AML[0-9]+)")re");
  int seen = 0;
  for (const EmbeddedFile& f : embedded_files()) {
    if (!ends_with(f.name, ".schema.json")) continue;
    const std::string_view key = "\"x-amlint-rule\"";
    for (std::size_t at = f.data.find(key); at != std::string_view::npos;
         at = f.data.find(key, at + 1)) {
      std::string id;
      ASSERT_TRUE(routed.first_group(f.data.substr(at + key.size(), 40), id)) << f.name;
      ++seen;
      const RuleInfo* r = find_rule(id);
      ASSERT_NE(r, nullptr) << f.name << " routes to " << id << ", which is no rule";
      EXPECT_NE(std::find(rules.begin(), rules.end(), r), rules.end())
          << f.name << " routes values to " << id << ": add it to the schema check's rules()";
    }
  }
  EXPECT_GT(seen, 0) << "no x-amlint-rule found: has the schema syntax changed?";
}

// src/CMakeLists.txt builds every src/rules/*.cpp; a rule defined there but
// missing from registry.cpp would be built and never run.
TEST(RuleCatalog, EveryRuleDefinedInSrcRulesIsRegistered) {
  const Regex defined(R"re(RuleInfo\s+k\w+\s*\{\s*"(AML[0-9]{3})")re");
  int seen = 0;
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / "src" / "rules")) {
    if (e.path().extension() != ".cpp") continue;
    const std::string text = read_file_text(e.path().string());
    for (std::size_t at = text.find("RuleInfo k"); at != std::string::npos;
         at = text.find("RuleInfo k", at + 1)) {
      std::string id;
      if (!defined.first_group(std::string_view(text).substr(at, 200), id)) continue;
      ++seen;
      EXPECT_NE(find_rule(id), nullptr)
          << e.path().filename().string() << " defines " << id
          << ", which registry.cpp does not list: add its make_ function to all_checks()";
    }
  }
  EXPECT_GE(seen, 30) << "the scan found too few rules; has the RuleInfo syntax changed?";
}

TEST(RuleCatalog, IdsAndSlugsAreUniqueAndWellFormed) {
  std::set<std::string_view> ids, slugs;
  for (const RuleInfo* r : all_rules()) {
    EXPECT_TRUE(ids.insert(r->id).second) << r->id;
    EXPECT_TRUE(slugs.insert(r->slug).second) << r->slug;
    EXPECT_EQ(r->id.size(), 6U);
    EXPECT_EQ(r->id.substr(0, 3), "AML");
  }
}

}  // namespace
}  // namespace amlint::testing

namespace amlint::testing {
namespace {

TEST(RuleCatalog, ReadmeListsEveryRuleWithItsSeverity) {
  const std::string readme = read_file_text(source_dir() + "/README.md");
  for (const RuleInfo* r : all_rules()) {
    const std::string row = "| " + std::string(r->id) + " | " + std::string(r->slug) + " | " +
                            std::string(severity_name(r->severity)) + " | " +
                            (r->facts.empty() ? std::string("–") : std::string(r->facts)) + " |";
    EXPECT_NE(readme.find(row), std::string::npos)
        << "README.md has no row starting '" << row << "'";
  }
}

}  // namespace
}  // namespace amlint::testing
