// The fixes `amlint rules` announces (fix_kind in src/rules/registry.cpp)
// and the fixes the rules attach to findings must agree: every rule listed
// has golden fix fixtures under fixtures/fix/<RULE>/ (each case alone in a
// folder, as `amlint check --fix` meets it), every folder there is a listed
// rule, the cases show each applicability the table gives, and no finding,
// there or under fixtures/rules/, carries a fix its rule's row does not
// allow. (The fixtures' expected texts are compared elsewhere.)
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "rules/registry.h"
#include "support/harness.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const fs::path kFixFixtures = fs::path(source_dir()) / "fixtures" / "fix";

// The inputs of a rule's fix fixtures (not their .fixed and .unsafe texts).
std::vector<fs::path> cases_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.is_regular_file() && has_manifest_extension(f.path().string())) out.push_back(f.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every fix of `report` that its rule's row does not allow, as "AML501
// (unsafe) at file:line"; records the applicabilities seen, by rule.
std::vector<std::string> disallowed_fixes(const LintReport& report,
                                          std::map<std::string, std::set<Applicability>>& seen) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    for (const Fix& fix : f.fixes) {
      seen[std::string(f.rule->id)].insert(fix.applicability);
      if (!fix_kind_allows(fix_kind(*f.rule), fix.applicability)) {
        out.push_back(std::string(f.rule->id) + " (" +
                      std::string(applicability_name(fix.applicability)) + ", '" + fix.title +
                      "') at " + f.location.file->path() + ":" +
                      std::to_string(f.location.begin().line));
      }
    }
  }
  return out;
}

TEST(FixCatalog, EveryRuleThatFixesHasFixturesAndEveryFixtureFolderIsSuchARule) {
  ASSERT_TRUE(fs::is_directory(kFixFixtures));
  std::set<std::string> folders;
  for (const auto& e : fs::directory_iterator(kFixFixtures)) {
    if (!e.is_directory()) continue;
    const std::string id = e.path().filename().string();
    folders.insert(id);
    const RuleInfo* rule = find_rule(id);
    ASSERT_NE(rule, nullptr) << "fixtures/fix/" << id << "/ names no rule";
    EXPECT_EQ(rule->id, id) << "fixtures/fix/" << id << "/: name the folder by the rule's id";
    EXPECT_NE(fix_kind(*rule), FixKind::kNone)
        << "fixtures/fix/" << id << "/: " << id
        << " has no fixes in fix_kind (src/rules/registry.cpp); list it there";
    EXPECT_FALSE(cases_of(e.path()).empty()) << "fixtures/fix/" << id << "/ holds no case";
  }
  for (const RuleInfo* r : all_rules()) {
    if (fix_kind(*r) == FixKind::kNone) continue;
    EXPECT_TRUE(folders.count(std::string(r->id)))
        << r->id << " fixes (" << fix_kind_name(fix_kind(*r)) << ") but has no fixtures/fix/"
        << r->id << "/";
  }
}

TEST(FixCatalog, EachRulesCasesShowTheApplicabilitiesItsRowGives) {
  for (const auto& e : fs::directory_iterator(kFixFixtures)) {
    if (!e.is_directory()) continue;
    const std::string id = e.path().filename().string();
    const RuleInfo* rule = find_rule(id);
    if (!rule) continue;  // the test above names it
    std::map<std::string, std::set<Applicability>> seen;
    for (const fs::path& input : cases_of(e.path())) {
      // Alone in a folder, as the expected texts were made.
      TempDir dir;
      const std::string copy = dir.write(input.filename().string(), read_file_text(input.string()));
      for (const std::string& bad : disallowed_fixes(lint_paths({copy}), seen)) {
        ADD_FAILURE() << "fixtures/fix/" << id << "/" << input.filename().string() << ": " << bad
                      << " is not what fix_kind lists for it";
      }
    }
    const FixKind kind = fix_kind(*rule);
    const std::set<Applicability>& of_rule = seen[id];
    if (kind == FixKind::kSafe || kind == FixKind::kSafeAndUnsafe) {
      EXPECT_TRUE(of_rule.count(Applicability::kSafe)) << id << ": no case with a safe fix";
    }
    if (kind == FixKind::kUnsafe || kind == FixKind::kSafeAndUnsafe) {
      EXPECT_TRUE(of_rule.count(Applicability::kUnsafe)) << id << ": no case with an unsafe fix";
    }
  }
}

TEST(FixCatalog, NoRuleFixesWhatItsRowDoesNotList) {
  // Every fixture of the rules, linted per folder as the goldens are.
  std::map<std::string, std::set<Applicability>> seen;
  const fs::path rules = fs::path(source_dir()) / "fixtures" / "rules";
  std::size_t folders = 0;
  for (const auto& e : fs::directory_iterator(rules)) {
    if (!e.is_directory()) continue;
    ++folders;
    for (const std::string& bad : disallowed_fixes(lint_paths({e.path().string()}), seen)) {
      ADD_FAILURE() << "fixtures/rules/" << e.path().filename().string() << ": " << bad
                    << " is not what fix_kind lists for it";
    }
  }
  EXPECT_GT(folders, 30U);
  EXPECT_FALSE(seen.empty()) << "no fixture of fixtures/rules/ carries a fix";
}

}  // namespace
}  // namespace amlint::testing
