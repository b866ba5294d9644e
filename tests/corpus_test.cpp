// The real-world manifests in fixtures/corpus/ (copied from public samples,
// see its SOURCES.md): every file is read without a crash, its format is the
// one recorded in FORMATS.txt, and the findings are exactly EXPECTED.txt.
// After a deliberate change, regenerate both with
//   AMLINT_UPDATE_GOLDEN=1 ctest -R Corpus
// and review the diff in the commit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "manifest/format.h"
#include "manifest/loader.h"
#include "report/text.h"
#include "support/harness.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

const fs::path kCorpus = fs::path(source_dir()) / "fixtures" / "corpus";

bool updating() {
  const char* update = std::getenv("AMLINT_UPDATE_GOLDEN");
  return update && std::string(update) == "1";
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = kCorpus / name;
  if (updating()) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = read_file_text(path.string());
  EXPECT_EQ(actual, expected)
      << "fixtures/corpus/" << name
      << " differs; if the change is intended, run AMLINT_UPDATE_GOLDEN=1 ctest -R Corpus";
}

TEST(Corpus, FindingsAreExactlyTheRecordedOnes) {
  // AML601 is off: the copies are flattened into one folder per repository,
  // so the relative paths they name (model/, ../model-1/...) are not beside
  // them as they are in their repositories.
  const LintReport report = lint_paths({kCorpus.string()}, {"--ignore", "AML601"});
  ASSERT_TRUE(report.internal_errors.empty()) << report.internal_errors.front();
  EXPECT_GE(report.files.size(), 75U);  // the manifests (not the other YAML)
  std::string actual;
  const std::string prefix = kCorpus.string() + "/";
  for (const Finding& f : report.findings) {
    std::string line = concise_line(f);
    if (starts_with(line, prefix)) line = line.substr(prefix.size());
    actual += line + "\n";
  }
  check_golden("EXPECTED.txt", actual);
}

TEST(Corpus, EveryFileIsReadAsItsFormat) {
  std::vector<std::string> rows;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (!entry.is_regular_file() || !has_manifest_extension(entry.path().string())) continue;
    const SourceFile source(entry.path().string(), entry.path().string(),
                            read_file_text(entry.path().string()));
    const LoadResult loaded = load_source(
        source, ends_with(entry.path().string(), ".json") ? Syntax::kJson : Syntax::kYaml,
        Limits{});
    std::string row = fs::relative(entry.path(), kCorpus).string() + ":";
    if (loaded.documents.empty()) {
      const Format from_text = detect_format_from_text(source.text());
      row += from_text == Format::kUnknown
                 ? " (no document)"
                 : " " + std::string(format_name(from_text)) + " (does not parse);";
    }
    for (const auto& doc : loaded.documents) {
      row += " " + std::string(format_name(detect_format(doc->root()).format)) + ";";
    }
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  std::string actual;
  for (const std::string& r : rows) actual += r + "\n";
  check_golden("FORMATS.txt", actual);
}

TEST(Corpus, TheCopyMatchesTheSharedCorpusWhenPresent) {
  // fixtures/corpus is a copy, so that a clean clone can run this suite.
  const fs::path shared = fs::path(source_dir()) / ".." / "shared" / "corpus";
  if (!fs::is_directory(shared)) GTEST_SKIP() << "no shared corpus beside the repository";
  for (const auto& entry : fs::recursive_directory_iterator(shared)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), shared);
    EXPECT_EQ(read_file_text((kCorpus / rel).string()), read_file_text(entry.path().string()))
        << "fixtures/corpus/" << rel.string() << " differs from the shared corpus";
  }
}

}  // namespace
}  // namespace amlint::testing
