// The starter config that `amlint init` writes, taken apart as a user would:
// every commented example in it is uncommented and the result must load;
// and the YAML mistakes people make in a config are reported with the line
// to fix and what to do, in plain words.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/harness.h"

namespace amlint::testing {
namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t indentation(const std::string& line) {
  const std::size_t n = line.find_first_not_of(' ');
  return n == std::string::npos ? line.size() : n;
}

// A comment line as its reader uncomments it: "  # - legacy/" becomes
// "  - legacy/" (the '#' and the one space after it go). nullopt for a line
// that is not a comment.
std::optional<std::string> uncommented(const std::string& line) {
  const std::size_t hash = indentation(line);
  if (hash >= line.size() || line[hash] != '#') return std::nullopt;
  const std::size_t body = hash + 1 < line.size() && line[hash + 1] == ' ' ? hash + 2 : hash + 1;
  return line.substr(0, hash) + line.substr(body);
}

// Whether an uncommented line starts a YAML example rather than prose: a
// list item, or a key (a word without spaces, or a quoted one) followed by
// ':' and a blank or the end of the line. Prose lines in the starter never
// start so; a future one that does makes this test name it.
bool starts_example(const std::string& text) {
  const std::string t = text.substr(indentation(text));
  if (t == "-" || t.rfind("- ", 0) == 0) return true;
  std::size_t key_end = 0;
  if (!t.empty() && t[0] == '"') {
    key_end = t.find('"', 1);
    if (key_end == std::string::npos) return false;
    ++key_end;
  } else {
    while (key_end < t.size() && (std::isalnum(static_cast<unsigned char>(t[key_end])) ||
                                  t[key_end] == '_' || t[key_end] == '-')) {
      ++key_end;
    }
  }
  return key_end > 0 && key_end < t.size() && t[key_end] == ':' &&
         (key_end + 1 == t.size() || t[key_end + 1] == ' ');
}

// One commented example: its first line and how many lines it spans (the
// line and the commented lines below it that are indented deeper, once
// uncommented: the example's children).
struct Example {
  std::size_t first;
  std::size_t count;
};

std::vector<Example> commented_examples(const std::vector<std::string>& lines) {
  std::vector<Example> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto text = uncommented(lines[i]);
    if (!text || !starts_example(*text)) continue;
    std::size_t end = i + 1;
    while (end < lines.size()) {
      const auto child = uncommented(lines[end]);
      if (!child || indentation(*child) >= child->size() ||
          indentation(*child) <= indentation(*text)) {
        break;
      }
      ++end;
    }
    out.push_back(Example{i, end - i});
    i = end - 1;
  }
  return out;
}

std::string starter_text(const TempDir& dir) {
  const ProcessResult r = run_amlint({"init"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return read_file_text(dir.path() + "/.amlint.yaml");
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(Init, EveryCommentedExampleOfTheStarterLoadsWhenUncommented) {
  TempDir dir;
  const std::vector<std::string> lines = split_lines(starter_text(dir));
  const std::vector<Example> examples = commented_examples(lines);
  // The starter has an example for each setting it leaves at its default.
  ASSERT_GE(examples.size(), 12U) << joined(lines);
  std::vector<std::string> all = lines;
  for (const Example& e : examples) {
    std::vector<std::string> edited = lines;
    for (std::size_t i = e.first; i < e.first + e.count; ++i) {
      edited[i] = *uncommented(lines[i]);
      all[i] = edited[i];
    }
    dir.write(".amlint.yaml", joined(edited));
    const ProcessResult r = run_amlint({"config"}, in_dir(dir.path()));
    EXPECT_EQ(r.exit_code, 0) << "uncommenting line " << e.first + 1 << " (" << lines[e.first]
                              << "):\n"
                              << r.err;
    EXPECT_EQ(r.err, "") << "line " << e.first + 1;
  }
  // And all of them at once.
  dir.write(".amlint.yaml", joined(all));
  const ProcessResult r = run_amlint({"config"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << joined(all) << r.err;
  EXPECT_TRUE(has(r.out, "ignore:       legacy/, **/*.generated.yml")) << r.out;
  EXPECT_TRUE(has(r.out, "suppress:     1 in config")) << r.out;
}

TEST(Init, TheExampleFinderSeesListItemsKeysAndNestedBlocks) {
  const std::vector<std::string> lines = {
      "# Prose, which explains.", "ignore:",      "  # - a/",      "  # - \"b/**\"",
      "# capabilities:",          "#   targets:", "#     aci: {}", "# prose again",
      "#   not: a child of prose"};
  const std::vector<Example> examples = commented_examples(lines);
  ASSERT_EQ(examples.size(), 4U);
  EXPECT_EQ(examples[0].first, 2U);
  EXPECT_EQ(examples[1].first, 3U);
  EXPECT_EQ(examples[2].first, 4U);
  EXPECT_EQ(examples[2].count, 3U);
  EXPECT_EQ(examples[3].first, 8U);  // "  not: ..." starts an example of its own
}

// A config and what its run prints on standard error.
std::string config_error(const std::string& config) {
  TempDir dir;
  dir.write(".amlint.yaml", config);
  dir.write("a.yml", "computeType: aks\n");
  const ProcessResult r = run_amlint({"check", "-q", "a.yml"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 2) << config << r.err;
  return r.err;
}

TEST(ConfigYamlErrors, AListItemUnderAKeyThatHasAFlowValueSaysToRemoveIt) {
  EXPECT_EQ(config_error("fail-level: error\n"
                         "ignore: []\n"
                         "  - legacy/\n"),
            "amlint: invalid config: .amlint.yaml:3:3: 'ignore' already has the value [] on line "
            "2; remove '[]' to write the list as items below it\n");
  // Comments between them change nothing; nor does an item of a list item.
  EXPECT_EQ(config_error("overrides: []  # none yet\n"
                         "  # - paths: [sandbox/]\n"
                         "  - paths: [sandbox/]\n"
                         "    rules: {AML301: off}\n"),
            "amlint: invalid config: .amlint.yaml:3:3: 'overrides' already has the value [] on "
            "line 1; remove '[]' to write the list as items below it\n");
  // A mapping's keys below a key whose value is {}.
  EXPECT_EQ(config_error("rules: {}\n"
                         "  AML402: off\n"),
            "amlint: invalid config: .amlint.yaml:2:3: 'rules' already has the value {} on line "
            "1; remove '{}' to write the mapping as keys below it\n");
}

TEST(ConfigYamlErrors, OtherSyntaxErrorsAreInPlainWordsAtTheirLine) {
  struct Case {
    const char* config;
    const char* expected;
  };
  const Case cases[] = {
      {"rules:\n  AML402: off\n AML201: off\n",
       ".amlint.yaml:3:2: this line is indented by 1 space, which matches none of the blocks "
       "above it: indent it by 2 spaces (as line 2) or 0 (as line 1)"},
      {"rules:\n  AML402: off\n    AML201: off\n",
       ".amlint.yaml:3:5: 'AML402' already has the value 'off' on line 2, so this line cannot "
       "hold a key under it: indent it by 2 spaces to line up with 'AML402', or remove 'off' to "
       "write a mapping below it"},
      {"rules: AML402: off\n",
       ".amlint.yaml:1:14: invalid YAML: a second ':' on one line: put 'AML402' on a line of its "
       "own, indented below 'rules:', or quote the value if the ':' belongs to it"},
      {"ignore: - legacy/\n",
       ".amlint.yaml:1:9: invalid YAML: a list item ('- ') cannot start after a key on the same "
       "line: put it on the next line, indented, or write the list as [a, b]"},
      {"rules:\n  AML402: off\n  - AML201\n",
       ".amlint.yaml:3:3: this list item is among the keys of a mapping (line 2): "
       "write it as 'key: value', or move it under a key that holds a list"},
      {"ignore:\n  - a/\n  b: c\n",
       ".amlint.yaml:3:3: this key lines up with the list item on line 2, and a list "
       "holds only '- ' items: start it with '- ', or unindent it to line up with the keys of "
       "its mapping"},
      {"ignore: [a]]\n",
       ".amlint.yaml:1:12: invalid YAML: this ']' closes nothing: remove it, or add the '[' it "
       "closes"},
      {"ignore: \"a\\qb\"\n",
       ".amlint.yaml:1:13: invalid YAML: '\\q' is not an escape of a double-quoted string: write "
       "'\\\\' for a backslash, or use single quotes, in which a backslash is plain"},
      {"ignore: &a &b x\n",
       ".amlint.yaml:1:12: invalid YAML: a value can have one anchor ('&name'); remove the "
       "other"},
      {"ignore: `legacy`\n",
       ".amlint.yaml:1:9: invalid YAML: '`' cannot start a plain value: quote the value"},
  };
  for (const Case& c : cases) {
    const std::string err = config_error(c.config);
    EXPECT_EQ(err, std::string("amlint: invalid config: ") + c.expected + "\n") << c.config;
  }
}

TEST(ConfigYamlErrors, NoMessageRepeatsTheParsersWording) {
  // yaml-cpp's own words, which name its grammar rather than the mistake.
  const char* parser_words[] = {"end of map not found", "end of sequence not found",
                                "illegal map value",    "illegal block entry",
                                "illegal flow end",     "unknown token",
                                "unknown escape",       "cannot assign multiple",
                                "illegal document",     "bad character found"};
  for (const char* config :
       {"ignore: []\n  - a\n", "rules: {}\n  AML402: off\n", "rules:\n  a: b\n c: d\n",
        "a: b\n  c: d\n", "a: b: c\n", "a: - b\n", "a:\n  b: c\n  - d\n", "a:\n  - b\n  c: d\n",
        "a: [b]]\n", "a: {b: c]\n", "a: \"\\q\"\n", "a: \"\\x4\"\n", "a: &x &y b\n", "a: !x !y b\n",
        "a: @b\n", "a: \"b\n---\nc\"\n", "a: |x\n  b\n", "%YAML 2.0\n---\na: 1\n"}) {
    const std::string err = config_error(config);
    EXPECT_TRUE(has(err, ".amlint.yaml:")) << err;
    for (const char* words : parser_words) EXPECT_FALSE(has(err, words)) << config << err;
  }
}

}  // namespace
}  // namespace amlint::testing
