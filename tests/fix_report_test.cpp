// The findings' fixes in the reports, held to what `check --fix` does. The
// SARIF replacements, applied as a SARIF consumer applies them (lines broken
// by the run's newlineSequences, columns in the run's columnKind, a byte
// order mark no column, each deleted region in the unmodified file), give
// exactly the bytes --fix writes; so do the JSON edits, by their byte
// offsets and by their lines and columns. The human format shows each fix
// under its snippet, the concise format stays one matcher line per finding,
// and the summary counts what --fix would correct.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "support/fixable.h"
#include "support/harness.h"
#include "support/json_doc.h"
#include "util/text.h"

namespace amlint::testing {
namespace {

// The byte offset of a 1-based line and column in `text`: lines broken by
// `newlines` (the longest match first), columns counting code points, a
// UTF-8 byte order mark no column.
std::size_t offset_of(const std::string& text, std::vector<std::string> newlines, int line,
                      int column) {
  std::sort(newlines.begin(), newlines.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::size_t at = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t before = at;
    while (at < text.size()) {
      const auto sequence = std::find_if(newlines.begin(), newlines.end(), [&](const auto& n) {
        return text.compare(at, n.size(), n) == 0;
      });
      if (sequence != newlines.end()) {
        at += sequence->size();
        break;
      }
      ++at;
    }
    EXPECT_NE(at, before) << "no line " << line;
  }
  for (int c = 1; c < column && at < text.size(); ++c) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U) ++at;
  }
  return at;
}

struct Edit {
  std::size_t begin;
  std::size_t end;
  std::string text;
};

// `text` with `edits` (offsets in `text`) applied; they must not overlap.
std::string apply(const std::string& text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  std::size_t at = 0;
  for (const Edit& e : edits) {
    EXPECT_LE(at, e.begin) << "edits overlap at " << e.begin;
    EXPECT_LE(e.begin, e.end);
    out += text.substr(at, e.begin - at) + e.text;
    at = std::max(at, e.end);
  }
  return out + text.substr(std::min(at, text.size()));
}

using EditsByFile = std::map<std::string, std::vector<Edit>>;  // by absolute path

bool wanted(const std::string& applicability, bool unsafe) {
  EXPECT_TRUE(applicability == "safe" || applicability == "unsafe") << applicability;
  return applicability == "safe" || unsafe;
}

// The replacements of every fix of a SARIF report (the unsafe ones too when
// `unsafe`), by the file they change.
EditsByFile sarif_edits(const std::string& sarif, bool unsafe) {
  const JsonDoc doc(sarif);
  const Node& run = at(doc.root(), "/runs/0");
  EXPECT_EQ(text_at(run, "/columnKind"), "unicodeCodePoints");
  std::vector<std::string> newlines = {"\r\n", "\n"};  // SARIF's default
  if (has(run, "/newlineSequences")) {
    newlines.clear();
    for (const Node* n : items_at(run, "/newlineSequences")) newlines.push_back(n->text);
  }
  const std::string root = text_at(run, "/originalUriBaseIds/%SRCROOT%/uri");
  EditsByFile out;
  for (const Node* result : items_at(run, "/results")) {
    if (!has(*result, "/fixes")) continue;
    for (const Node* fix : items_at(*result, "/fixes")) {
      if (!wanted(text_at(*fix, "/properties/applicability"), unsafe)) continue;
      for (const Node* change : items_at(*fix, "/artifactChanges")) {
        EXPECT_EQ(text_at(*change, "/artifactLocation/uriBaseId"), "%SRCROOT%");
        const std::string path =
            root.substr(std::string("file://").size()) + text_at(*change, "/artifactLocation/uri");
        const std::string text = read_file_text(path);
        for (const Node* r : items_at(*change, "/replacements")) {
          const Node& region = at(*r, "/deletedRegion");
          out[path].push_back(
              Edit{offset_of(text, newlines, static_cast<int>(int_at(region, "/startLine")),
                             static_cast<int>(int_at(region, "/startColumn"))),
                   offset_of(text, newlines, static_cast<int>(int_at(region, "/endLine")),
                             static_cast<int>(int_at(region, "/endColumn"))),
                   text_at(*r, "/insertedContent/text")});
        }
      }
    }
  }
  return out;
}

// The edits of every fix of a JSON report, by their offsets; their lines
// and columns (amlint's: \r\n, \n and a lone \r break lines) must say the
// same.
EditsByFile json_edits(const std::string& json, const std::string& dir, bool unsafe) {
  const JsonDoc doc(json);
  EditsByFile out;
  for (const Node* f : items_at(doc.root(), "/findings")) {
    if (!has(*f, "/fixes")) continue;
    const std::string path = dir + "/" + text_at(*f, "/path");
    const std::string text = read_file_text(path);
    for (const Node* fix : items_at(*f, "/fixes")) {
      EXPECT_FALSE(text_at(*fix, "/title").empty());
      if (!wanted(text_at(*fix, "/applicability"), unsafe)) continue;
      for (const Node* e : items_at(*fix, "/edits")) {
        for (const std::string end : {"/start", "/end"}) {
          EXPECT_EQ(
              offset_of(text, {"\r\n", "\n", "\r"}, static_cast<int>(int_at(*e, end + "/line")),
                        static_cast<int>(int_at(*e, end + "/column"))),
              static_cast<std::size_t>(int_at(*e, end + "/offset")))
              << path << " " << text_at(*fix, "/title") << end;
        }
        out[path].push_back(Edit{static_cast<std::size_t>(int_at(*e, "/start/offset")),
                                 static_cast<std::size_t>(int_at(*e, "/end/offset")),
                                 text_at(*e, "/replacement")});
      }
    }
  }
  return out;
}

// fixable_files() in `dir`, under `under` when it is not empty.
void write_fixable(const TempDir& dir, const std::string& under = "") {
  for (const auto& [path, text] : fixable_files()) {
    dir.write(under.empty() ? path : under + "/" + path, text);
  }
}

TEST(FixReports, SarifReplacementsAndJsonEditsGiveWhatFixWrites) {
  TempDir dir;
  write_fixable(dir, "report");
  const std::string report = dir.path() + "/report";
  const ProcessResult sarif = run_amlint({"-q", "--format", "sarif", "deploy"}, in_dir(report));
  const ProcessResult json = run_amlint({"-q", "--format", "json", "deploy"}, in_dir(report));
  ASSERT_EQ(sarif.exit_code, 1) << sarif.err;
  ASSERT_EQ(json.exit_code, 1) << json.err;
  for (const bool unsafe : {false, true}) {
    const std::string name = unsafe ? "unsafe" : "safe";
    write_fixable(dir, name);
    std::vector<std::string> args = {"-q", "--fix", "deploy"};
    if (unsafe) args.push_back("--unsafe-fixes");
    const ProcessResult fixed = run_amlint(args, in_dir(dir.path() + "/" + name));
    ASSERT_NE(fixed.exit_code, 2) << fixed.err;
    EXPECT_EQ(fixed.err.find("not fixed"), std::string::npos) << fixed.err;
    const EditsByFile from_sarif = sarif_edits(sarif.out, unsafe);
    const EditsByFile from_json = json_edits(json.out, report, unsafe);
    std::size_t edits = 0;
    for (const auto& [path, text] : fixable_files()) {
      const std::string original = report + "/" + path;
      const std::string want = read_file_text(dir.path() + "/" + name + "/" + path);
      const auto edits_of = [&](const EditsByFile& all) {
        const auto it = all.find(original);
        return it == all.end() ? std::vector<Edit>{} : it->second;
      };
      EXPECT_EQ(apply(text, edits_of(from_sarif)), want) << name << " fixes of " << path;
      EXPECT_EQ(apply(text, edits_of(from_json)), want) << name << " fixes of " << path;
      EXPECT_NE(want, text) << path << " has " << name << " fixes";
      edits += edits_of(from_sarif).size();
    }
    EXPECT_EQ(edits, unsafe ? 7U : 5U) << name;
  }
}

TEST(FixReports, JsonGivesEachEditByPositionAndOffsetAndOmitsNoFixes) {
  TempDir dir;
  const std::string head = "\xEF\xBB\xBF" + std::string(kAciTooBig);
  dir.write("deploy.yml", head + "sslEnabeld: false\n");
  const ProcessResult r = run_amlint({"--format", "json", "deploy.yml"}, in_dir(dir.path()));
  const JsonDoc doc(r.out);
  std::size_t with_fixes = 0;
  for (const Node* f : items_at(doc.root(), "/findings")) {
    if (text_at(*f, "/rule") != "AML501") {
      EXPECT_FALSE(has(*f, "/fixes")) << text_at(*f, "/rule");  // absent, not []
      continue;
    }
    ++with_fixes;
    EXPECT_EQ(items_at(*f, "/fixes").size(), 1U);
    const Node& fix = at(*f, "/fixes/0");
    EXPECT_EQ(text_at(fix, "/title"), "rename to 'sslEnabled'");
    EXPECT_EQ(text_at(fix, "/applicability"), "safe");
    ASSERT_EQ(items_at(fix, "/edits").size(), 1U);
    const Node& edit = at(fix, "/edits/0");
    EXPECT_EQ(int_at(edit, "/start/line"), 6);
    EXPECT_EQ(int_at(edit, "/start/column"), 1);
    // Offsets count the byte order mark; columns do not.
    EXPECT_EQ(int_at(edit, "/start/offset"), static_cast<std::int64_t>(head.size()));
    EXPECT_EQ(int_at(edit, "/end/line"), 6);
    EXPECT_EQ(int_at(edit, "/end/column"), 11);
    EXPECT_EQ(int_at(edit, "/end/offset"), static_cast<std::int64_t>(head.size() + 10));
    EXPECT_EQ(text_at(edit, "/replacement"), "sslEnabled");
  }
  EXPECT_EQ(with_fixes, 1U) << r.out;
}

TEST(FixReports, SarifFixesNameTheResultsArtifactAndHowSafeTheyAre) {
  TempDir dir;
  write_fixable(dir);
  const ProcessResult r =
      run_amlint({"-q", "--format", "sarif", "deploy/endpoint.yml"}, in_dir(dir.path()));
  const JsonDoc doc(r.out);
  const Node& run = at(doc.root(), "/runs/0");
  EXPECT_EQ(text_at(run, "/defaultEncoding"), "utf-8");
  std::vector<std::string> newlines;
  for (const Node* n : items_at(run, "/newlineSequences")) newlines.push_back(n->text);
  EXPECT_EQ(newlines, (std::vector<std::string>{"\r\n", "\n", "\r"}));
  const auto results = items_at(run, "/results");
  ASSERT_EQ(results.size(), 2U) << r.out;
  for (const Node* result : results) {
    ASSERT_EQ(items_at(*result, "/fixes").size(), 1U);
    const Node& change = at(*result, "/fixes/0/artifactChanges/0");
    EXPECT_EQ(items_at(*result, "/fixes/0/artifactChanges").size(), 1U);
    EXPECT_EQ(text_at(change, "/artifactLocation/uri"),
              text_at(*result, "/locations/0/physicalLocation/artifactLocation/uri"));
    EXPECT_EQ(text_at(change, "/artifactLocation/uriBaseId"), "%SRCROOT%");
    // A text region only: byteOffset would make it a binary replacement.
    EXPECT_FALSE(has(change, "/replacements/0/deletedRegion/byteOffset"));
  }
  const Node& rename = at(*results[0], "/fixes/0");
  EXPECT_EQ(text_at(rename, "/description/text"), "rename to 'description'");
  EXPECT_EQ(text_at(rename, "/properties/applicability"), "safe");
  const Node& region = at(rename, "/artifactChanges/0/replacements/0/deletedRegion");
  EXPECT_EQ(int_at(region, "/startLine"), 3);  // after two lone CRs
  EXPECT_EQ(int_at(region, "/startColumn"), 1);
  EXPECT_EQ(int_at(region, "/endColumn"), 11);
  const Node& spelling = at(*results[1], "/fixes/0");
  EXPECT_EQ(text_at(spelling, "/description/text"), "write 'disabled' (unsafe)");
  EXPECT_EQ(text_at(spelling, "/properties/applicability"), "unsafe");
  EXPECT_EQ(text_at(spelling, "/artifactChanges/0/replacements/0/insertedContent/text"),
            "disabled");
}

TEST(FixReports, HumanShowsEachFixConciseStaysOneLineAndTheSummaryCounts) {
  TempDir dir;
  write_fixable(dir);
  const ProcessResult human =
      run_amlint({"--format", "human", "deploy/endpoint.yml"}, in_dir(dir.path()));
  EXPECT_EQ(human.out,
            "deploy/endpoint.yml:3:1: error: unknown key 'descripton' (az ml rejects the file); "
            "did you mean 'description'? [AML501]\n"
            "  |\n"
            "3 | descripton: \"\xC3\xA9t\xC3\xA9\"\n"
            "  | ^~~~~~~~~~\n"
            "  = fix (safe): rename to 'description'\n"
            "deploy/endpoint.yml:5:24: error: public_network_access: disable is not one of "
            "enabled or disabled; did you mean 'disabled'? [AML503]\n"
            "  |\n"
            "5 | public_network_access: disable\n"
            "  |                        ^~~~~~~\n"
            "  = fix (unsafe): write 'disabled'\n");
  EXPECT_EQ(human.err,
            "amlint: 2 errors, 0 warnings, 0 info in 1 file\n"
            "amlint: 1 fixable with --fix (1 more with --fix --unsafe-fixes)\n");
  // The problem matchers' line, untouched: one per finding, ending in the id.
  const ProcessResult concise = run_amlint({"--format", "concise", "deploy"}, in_dir(dir.path()));
  const std::vector<std::string> lines = split_lines(concise.out);
  EXPECT_EQ(lines.size(), 8U) << concise.out;
  for (const std::string& line : lines) EXPECT_EQ(line.back(), ']') << line;
  EXPECT_TRUE(ends_with(concise.err,
                        "amlint: 5 fixable with --fix (2 more with --fix "
                        "--unsafe-fixes)\n"))
      << concise.err;

  // After --fix, only what it leaves to --unsafe-fixes; after that, nothing.
  const ProcessResult fixed = run_amlint({"--fix", "deploy"}, in_dir(dir.path()));
  EXPECT_TRUE(ends_with(fixed.err, "amlint: 2 fixable with --fix --unsafe-fixes\n")) << fixed.err;
  const ProcessResult all = run_amlint({"--fix", "--unsafe-fixes", "deploy"}, in_dir(dir.path()));
  EXPECT_EQ(all.err.find("fixable"), std::string::npos) << all.err;
  // A run with nothing to fix says nothing of fixes.
  const ProcessResult none = run_amlint({"deploy"}, in_dir(dir.path()));
  EXPECT_EQ(none.err.find("fixable"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace amlint::testing
