// amlint's output fed to the real programs that read it: Microsoft's SARIF
// validator, xmllint with the JUnit and checkstyle schemas, a JSON Schema
// validator, GitHub's and Azure's own libraries for workflow and logging
// commands, Vim's quickfix and the VS Code problem matcher's regular
// expression, the pre-commit hooks through pre-commit in a git repository,
// and `cmake --install`. Each test would fail if its format broke.
//
// A client that is not installed skips its test with a message, unless
// AMLINT_REQUIRE_CLIENTS=1 (as .ci/run sets), where it fails the test.
#include "clients/clients.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "support/harness.h"
#include "support/json_doc.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

// One run of amlint over the fixtures (from the repository root, so paths
// are repository-relative), in a format, with the same run's JSON beside it.
struct FixtureRun {
  std::string out;   // standard output in the format asked for
  std::string json;  // the same findings as --format json
};

const std::vector<std::string> kFixtureDirs = {"fixtures/rules", "fixtures/examples",
                                               "fixtures/report/input"};

FixtureRun lint_fixtures(const TempDir& dir, const std::string& format) {
  std::vector<std::string> args = {"-q", "--format", format, "--output",
                                   "json=" + dir.path() + "/fixtures.json"};
  args.insert(args.end(), kFixtureDirs.begin(), kFixtureDirs.end());
  const ProcessResult r = run_amlint(args, in_dir(source_dir()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  return {r.out, read_file_text(dir.path() + "/fixtures.json")};
}

// A directory whose files have every character some format escapes in their
// names and messages (see also tests/formats_test.cpp).
const std::string kOddName = "dep%;]:,\nü.yml";

void write_odd_files(const TempDir& dir) {
  dir.write("svc/" + kOddName, "computeType: aci\n");
  dir.write("svc/inference_config.yml", "entryScript: score.py\nenableGpu: true\n");
  dir.write("svc/score.py", "def run(data):\n    return data\n");
  dir.write("value.yml", "computeType: \"a%b;c]d:e,f\\nü\"\n");
}

std::string lint_odd(const TempDir& dir, const std::string& format) {
  const ProcessResult r = run_amlint(
      {"-q", "--format", format, "svc/" + kOddName, "svc/inference_config.yml", "value.yml"},
      in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  return r.out;
}

std::string lint_clean(const TempDir& dir, const std::string& format) {
  dir.write(
      "clean/endpoint.yml",
      "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\n"
      "name: my-endpoint\nauth_mode: key\n");
  const ProcessResult r =
      run_amlint({"-q", "--format", format, "clean/endpoint.yml"}, in_dir(dir.path()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// ---------------------------------------------------------------------------
// SARIF: Microsoft's validator, with its SARIF rules and its GitHub rules
// (reports of fixes: fix_clients_test.cpp).

TEST(SarifValidator, FindingsCleanRunsAndOddNamesPassMicrosoftsValidator) {
  REQUIRE_CLIENT(!sarif_multitool().empty(),
                 "@microsoft/sarif-multitool (npm ci --prefix tests/clients)");
  TempDir dir;
  const std::map<std::string, std::string> reports = {
      {"fixtures.sarif", lint_fixtures(dir, "sarif").out},
      {"clean.sarif", lint_clean(dir, "sarif")},
      {"odd.sarif", (write_odd_files(dir), lint_odd(dir, "sarif"))},
  };
  for (const auto& [name, text] : reports) {
    const std::string file = dir.write(name, text);
    const std::vector<std::string> problems = sarif_problems(file, dir);
    EXPECT_TRUE(problems.empty()) << name << ":\n" << join(problems, "\n");
  }
  EXPECT_TRUE(items_at(JsonDoc(reports.at("clean.sarif")).root(), "/runs/0/results").empty());

  // The validator sees what GitHub would refuse: a region starting at line 0
  // and a result without a location.
  std::string broken = reports.at("odd.sarif");
  broken.replace(broken.find("\"startLine\": 1,"), 15, "\"startLine\": 0,");
  const std::string locations = "\"locations\": [";
  const std::size_t at = broken.rfind(locations);
  broken.replace(at, locations.size(), "\"nolocations\": [");
  const std::vector<std::string> problems = sarif_problems(dir.write("broken.sarif", broken), dir);
  EXPECT_GE(problems.size(), 2U) << join(problems, "\n");
}

// ---------------------------------------------------------------------------
// JUnit and checkstyle: xmllint against schemas/junit.xsd and checkstyle.xsd.

ProcessResult xmllint(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {which("xmllint")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

TEST(XmlSchemas, JunitAndCheckstyleValidateWithXmllint) {
  REQUIRE_CLIENT(!which("xmllint").empty(), "xmllint (Debian package libxml2-utils)");
  TempDir dir;
  write_odd_files(dir);
  for (const std::string format : {"junit", "checkstyle"}) {
    const std::string schema = source_dir() + "/schemas/" + format + ".xsd";
    const std::map<std::string, std::string> reports = {
        {"fixtures", lint_fixtures(dir, format).out},
        {"clean", lint_clean(dir, format)},
        {"odd", lint_odd(dir, format)},
    };
    for (const auto& [name, text] : reports) {
      const std::string file = dir.write(name + "." + format + ".xml", text);
      const ProcessResult r = xmllint({"--noout", "--schema", schema, file});
      EXPECT_EQ(r.exit_code, 0) << format << " " << name << ": " << r.err;
      EXPECT_NE(r.err.find(file + " validates"), std::string::npos) << r.err;
    }
  }
  // The schemas are not blind: a testcase without a name, an error without
  // a line.
  std::string junit = lint_odd(dir, "junit");
  junit.replace(junit.find("<testcase classname"), 19, "<testcase noname");
  EXPECT_NE(xmllint({"--noout", "--schema", source_dir() + "/schemas/junit.xsd",
                     dir.write("bad-junit.xml", junit)})
                .exit_code,
            0);
  std::string checkstyle = lint_odd(dir, "checkstyle");
  checkstyle.replace(checkstyle.find("<error line="), 12, "<error lime=");
  EXPECT_NE(xmllint({"--noout", "--schema", source_dir() + "/schemas/checkstyle.xsd",
                     dir.write("bad-checkstyle.xml", checkstyle)})
                .exit_code,
            0);
}

TEST(XmlSchemas, XmllintReadsBackNamesAndMessagesExactly) {
  REQUIRE_CLIENT(!which("xmllint").empty(), "xmllint (Debian package libxml2-utils)");
  TempDir dir;
  write_odd_files(dir);
  const auto xpath = [&](const std::string& file, const std::string& expression) {
    const ProcessResult r = xmllint({"--xpath", expression, file});
    EXPECT_EQ(r.exit_code, 0) << expression << ": " << r.err;
    EXPECT_TRUE(ends_with(r.out, "\n")) << r.out;  // xmllint ends the value with a newline
    return r.out.substr(0, r.out.size() - 1);
  };
  const std::string junit = dir.write("odd.junit.xml", lint_odd(dir, "junit"));
  EXPECT_EQ(xpath(junit, "string(/testsuites/testsuite[1]/@name)"), "svc/" + kOddName);
  EXPECT_EQ(xpath(junit, "string(/testsuites/testsuite[2]/testcase/failure/@message)"),
            "enableGpu: true in inference_config.yml asks for a GPU, but " + kOddName +
                " deploys to ACI, which has no GPU web services; deploy to AKS or drop the GPU "
                "request");
  // The failure's text: the finding, then its note, on two lines.
  EXPECT_EQ(xpath(junit, "string(/testsuites/testsuite[2]/testcase/failure)"),
            "svc/inference_config.yml:2:12: error: enableGpu: true in inference_config.yml asks "
            "for a GPU, but " +
                kOddName +
                " deploys to ACI, which has no GPU web services; deploy to AKS or drop the GPU "
                "request [AML101]\nsvc/" +
                kOddName + ":1:14: note: " + kOddName + " deploys to ACI here");
  const std::string checkstyle = dir.write("odd.checkstyle.xml", lint_odd(dir, "checkstyle"));
  EXPECT_EQ(xpath(checkstyle, "string(/checkstyle/file[1]/@name)"), "svc/" + kOddName);
  EXPECT_EQ(xpath(checkstyle, "string(/checkstyle/file[3]/error[2]/@message)"),
            "computeType: 'a%b;c]d:e,f\\nü' is not one of aci, aks, aksendpoint or local");
  EXPECT_EQ(xpath(checkstyle, "string(/checkstyle/file[3]/error[2]/@source)"), "amlint.AML503");
}

// ---------------------------------------------------------------------------
// JSON and GitLab code quality: JSON Schema (python3-jsonschema; reports of
// fixes: fix_clients_test.cpp).

TEST(JsonSchema, JsonAndGitlabReportsMatchTheirSchemas) {
  const std::string python = python_with_jsonschema();
  REQUIRE_CLIENT(!python.empty(), "Python's jsonschema (Debian package python3-jsonschema)");
  TempDir dir;
  write_odd_files(dir);
  const std::map<std::string, std::string> schemas = {{"json", "amlint-output.schema.json"},
                                                      {"gitlab", "gitlab-codequality.schema.json"}};
  for (const auto& [format, schema] : schemas) {
    const std::map<std::string, std::string> reports = {
        {"fixtures", lint_fixtures(dir, format).out},
        {"clean", lint_clean(dir, format)},
        {"odd", lint_odd(dir, format)},
    };
    for (const auto& [name, text] : reports) {
      const std::string file = dir.write(name + "." + format + ".json", text);
      const ProcessResult r = validate_json(python, schema, file);
      EXPECT_EQ(r.exit_code, 0) << format << " " << name << ": " << r.out << r.err;
      EXPECT_NE(r.out.find("Validator: 0 errors"), std::string::npos) << r.out << r.err;
    }
  }
  // GitLab needs fingerprints unique within a report.
  const JsonDoc gitlab(lint_fixtures(dir, "gitlab").out);
  std::set<std::string> fingerprints;
  for (const Node* issue : gitlab.root().items) {
    EXPECT_TRUE(fingerprints.insert(text_at(*issue, "/fingerprint")).second)
        << text_at(*issue, "/fingerprint");
  }
  EXPECT_GT(fingerprints.size(), 30U);
  // The schema is not blind: an unknown severity, a finding without a rule.
  std::string json = lint_odd(dir, "json");
  json.replace(json.find("\"severity\": \"error\""), 19, "\"severity\": \"fatal\"");
  json.replace(json.find("\"rule\": "), 8, "\"rules\": ");
  const ProcessResult bad =
      validate_json(python, "amlint-output.schema.json", dir.write("bad.json", json));
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("'fatal' is not one of"), std::string::npos) << bad.out;
}

// ---------------------------------------------------------------------------
// GitHub workflow commands and Azure Pipelines logging commands, compared
// with what GitHub's @actions/core and Microsoft's azure-pipelines-task-lib
// write for the same findings.

// `::cmd k=v,k=v::data` or `##vso[area.cmd k=v;k=v;]data`, split so that the
// order of the properties does not matter (neither runner cares).
struct Command {
  std::string name;
  std::set<std::string> properties;
  std::string data;
  bool operator==(const Command& o) const {
    return name == o.name && properties == o.properties && data == o.data;
  }
};

std::ostream& operator<<(std::ostream& os, const Command& c) {
  os << c.name << " {"
     << join(std::vector<std::string>(c.properties.begin(), c.properties.end()), " ") << "} "
     << c.data;
  return os;
}

Command parse_github(const std::string& line) {
  Command c;
  const std::size_t space = line.find(' ');
  const std::size_t data = line.find("::", 2);
  c.name = line.substr(2, std::min(space, data) - 2);
  if (space < data) {
    const std::string props = line.substr(space + 1, data - space - 1);
    std::size_t start = 0;
    while (start <= props.size()) {
      std::size_t end = props.find(',', start);
      if (end == std::string::npos) end = props.size();
      c.properties.insert(props.substr(start, end - start));
      start = end + 1;
    }
  }
  c.data = line.substr(data + 2);
  return c;
}

Command parse_azure(const std::string& line) {
  Command c;
  const std::size_t close = line.find(']');
  const std::string head = line.substr(6, close - 6);  // after "##vso["
  const std::size_t space = head.find(' ');
  c.name = head.substr(0, space);
  if (space != std::string::npos) {
    const std::string props = head.substr(space + 1);
    std::size_t start = 0;
    while (start < props.size()) {
      std::size_t end = props.find(';', start);
      if (end == std::string::npos) end = props.size();
      if (end > start) c.properties.insert(props.substr(start, end - start));
      start = end + 1;
    }
  }
  c.data = line.substr(close + 1);
  return c;
}

// The message amlint's github and azure formats carry: the finding's
// message, then one "note:" line per related location.
std::string message_with_notes(const Node& finding) {
  std::string message = text_at(finding, "/message");
  for (const Node* r : items_at(finding, "/related")) {
    message += "\nnote: " + text_at(*r, "/path") + ":" + std::to_string(int_at(*r, "/start/line")) +
               ":" + std::to_string(int_at(*r, "/start/column")) + ": " + text_at(*r, "/message");
  }
  return message;
}

// JSON text of a string.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Two runs to compare: the fixtures, and the odd names (both from a
// directory that is the repository root, so JSON paths are the paths the
// CI formats use).
struct CommandCase {
  std::string cwd;
  std::vector<std::string> args;
};

std::vector<CommandCase> command_cases(const TempDir& odd) {
  std::vector<std::string> fixtures = kFixtureDirs;
  return {{source_dir(), fixtures},
          {odd.path(), {"svc/" + kOddName, "svc/inference_config.yml", "value.yml"}}};
}

// Runs amlint in `format` (github or azure) on a case, and the reference
// library on what it makes of the same run's findings (`to_input` turns the
// JSON report into the script's input); expects the same commands.
void expect_same_commands(const CommandCase& c, const std::string& format,
                          const std::string& script,
                          const std::function<std::string(const JsonDoc&)>& to_input,
                          Command (*parse)(const std::string&), const TempDir& dir) {
  std::vector<std::string> args = {"-q", "--format", format, "--output",
                                   "json=" + dir.path() + "/report.json"};
  args.insert(args.end(), c.args.begin(), c.args.end());
  const ProcessResult ours = run_amlint(args, in_dir(c.cwd));
  const JsonDoc report(read_file_text(dir.path() + "/report.json"));
  ProcessOptions o = in_dir(dir.path());  // not the source tree: task-lib writes .taskkey
  o.stdin_text = to_input(report);
  const ProcessResult theirs = run_process({which("node"), clients_dir() + "/" + script}, o);
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  std::vector<std::string> their_lines;
  for (const std::string& line : split_lines(theirs.out)) {
    if (line.rfind("##vso[task.debug]", 0) != 0) their_lines.push_back(line);
  }
  const auto our_lines = split_lines(ours.out);
  ASSERT_EQ(our_lines.size(), their_lines.size()) << ours.out << "\n---\n" << theirs.out;
  ASSERT_GE(our_lines.size(), 2U);
  for (std::size_t i = 0; i < our_lines.size(); ++i) {
    EXPECT_EQ(parse(our_lines[i]), parse(their_lines[i]))
        << "ours:   " << our_lines[i] << "\ntheirs: " << their_lines[i];
  }
}

// The findings as @actions/core calls: core[command](message, properties).
std::string github_input(const JsonDoc& report) {
  std::string input;
  for (const Node* f : items_at(report.root(), "/findings")) {
    const std::string severity = text_at(*f, "/severity");
    const bool one_line = int_at(*f, "/start/line") == int_at(*f, "/end/line");
    input += std::string(input.empty() ? "[" : ",") +
             "{\"command\": " + quoted(severity == "info" ? "notice" : severity) +
             ", \"message\": " + quoted(message_with_notes(*f)) + ", \"properties\": {" +
             "\"title\": " + quoted(text_at(*f, "/rule") + " " + text_at(*f, "/slug")) +
             ", \"file\": " + quoted(text_at(*f, "/path")) +
             ", \"startLine\": " + std::to_string(int_at(*f, "/start/line")) +
             ", \"endLine\": " + std::to_string(int_at(*f, "/end/line"));
    if (one_line) {
      input += ", \"startColumn\": " + std::to_string(int_at(*f, "/start/column")) +
               ", \"endColumn\": " + std::to_string(int_at(*f, "/end/column"));
    }
    input += "}}";
  }
  return input.empty() ? "[]" : input + "]";
}

// The findings as tl.logIssue calls, and whether the step succeeded with
// issues (warnings only; info findings are left out at --fail-level error).
std::string azure_input(const JsonDoc& report) {
  std::string issues;
  bool errors = false;
  for (const Node* f : items_at(report.root(), "/findings")) {
    const std::string severity = text_at(*f, "/severity");
    if (severity == "info") continue;
    errors = errors || severity == "error";
    issues += std::string(issues.empty() ? "" : ",") + "{\"type\": " + quoted(severity) +
              ", \"message\": " + quoted(message_with_notes(*f)) +
              ", \"sourcepath\": " + quoted(text_at(*f, "/path")) +
              ", \"linenumber\": " + std::to_string(int_at(*f, "/start/line")) +
              ", \"columnnumber\": " + std::to_string(int_at(*f, "/start/column")) +
              ", \"code\": " + quoted(text_at(*f, "/rule")) + "}";
  }
  const bool with_issues = !issues.empty() && !errors;
  return "{\"issues\": [" + issues +
         "], \"succeededWithIssues\": " + (with_issues ? "true" : "false") + "}";
}

TEST(GithubCommands, MatchWhatActionsCoreWrites) {
  REQUIRE_CLIENT(!which("node").empty() && fs::exists(node_modules() + "/@actions/core"),
                 "node and @actions/core (npm ci --prefix tests/clients)");
  TempDir odd;
  write_odd_files(odd);
  for (const CommandCase& c : command_cases(odd)) {
    expect_same_commands(c, "github", "github_commands.mjs", github_input, parse_github, odd);
  }
}

TEST(AzureCommands, MatchWhatAzurePipelinesTaskLibWrites) {
  REQUIRE_CLIENT(!which("node").empty() && fs::exists(node_modules() + "/azure-pipelines-task-lib"),
                 "node and azure-pipelines-task-lib (npm ci --prefix tests/clients)");
  TempDir odd;
  write_odd_files(odd);
  odd.write("warn/deployment_config_aks.yml", "computeType: aks\n");  // a warning only
  std::vector<CommandCase> cases = command_cases(odd);
  cases.push_back({odd.path(), {"warn/deployment_config_aks.yml"}});
  for (const CommandCase& c : cases) {
    expect_same_commands(c, "azure", "azure_commands.cjs", azure_input, parse_azure, odd);
  }
}

// ---------------------------------------------------------------------------
// Problem matchers: Vim's quickfix and the shipped VS Code task's matcher.

TEST(ProblemMatchers, VimQuickfixReadsEveryConciseFinding) {
  const std::string vim = which("vim");
  REQUIRE_CLIENT(!vim.empty(), "vim (Debian package vim or vim-nox)");
  TempDir dir;
  const FixtureRun run = lint_fixtures(dir, "concise");
  const std::string concise = dir.write("concise.txt", run.out);
  const std::string qf = dir.path() + "/qf.json";
  const ProcessResult r = run_process(
      {vim, "-es", "-N", "-u", "NONE", "-i", "NONE", "-c",
       R"(set errorformat=%f:%l:%c:\ %t%*[^:]:\ %m)", "-c", "cgetfile " + concise, "-c",
       "call writefile([json_encode(map(getqflist(), {_, e -> {'file': bufname(e.bufnr), "
       "'line': e.lnum, 'column': e.col, 'type': e.type, 'text': e.text, 'valid': e.valid}}))], '" +
           qf + "')",
       "-c", "qa!"},
      in_dir(source_dir()));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const JsonDoc entries(read_file_text(qf));
  const JsonDoc report(run.json);
  const auto findings = items_at(report.root(), "/findings");
  const auto got = items_at(entries.root(), "");
  ASSERT_EQ(got.size(), findings.size());
  ASSERT_GT(findings.size(), 30U);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Node& f = *findings[i];
    const Node& e = *got[i];
    EXPECT_EQ(int_at(e, "/valid"), 1) << i;
    EXPECT_EQ(text_at(e, "/file"), text_at(f, "/path")) << i;
    EXPECT_EQ(int_at(e, "/line"), int_at(f, "/start/line")) << i;
    EXPECT_EQ(int_at(e, "/column"), int_at(f, "/start/column")) << i;
    EXPECT_EQ(text_at(e, "/type"), text_at(f, "/severity").substr(0, 1)) << i;
    EXPECT_EQ(text_at(e, "/text"),
              visible_controls(text_at(f, "/message")) + " [" + text_at(f, "/rule") + "]")
        << i;
  }
}

TEST(ProblemMatchers, TheVsCodeMatcherReadsEveryConciseFinding) {
  const std::string node = which("node");
  REQUIRE_CLIENT(!node.empty(), "node (the VS Code matcher is a JavaScript regular expression)");
  TempDir dir;
  const FixtureRun run = lint_fixtures(dir, "concise");
  const std::string concise = dir.write("concise.txt", run.out);
  const ProcessResult r = run_process({node, clients_dir() + "/problem_matcher.cjs",
                                       source_dir() + "/integrations/vscode/tasks.json",
                                       "/tasks/0/problemMatcher", concise});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const JsonDoc matches(r.out);
  const JsonDoc report(run.json);
  const auto findings = items_at(report.root(), "/findings");
  const auto got = items_at(matches.root(), "");
  ASSERT_EQ(got.size(), findings.size());
  ASSERT_GT(findings.size(), 30U);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Node& f = *findings[i];
    const Node& m = *got[i];
    ASSERT_TRUE(m.is_map()) << "line " << i + 1 << " did not match: " << split_lines(run.out)[i];
    EXPECT_EQ(text_at(m, "/file"), text_at(f, "/path")) << i;
    EXPECT_EQ(text_at(m, "/line"), std::to_string(int_at(f, "/start/line"))) << i;
    EXPECT_EQ(text_at(m, "/column"), std::to_string(int_at(f, "/start/column"))) << i;
    EXPECT_EQ(text_at(m, "/severity"), text_at(f, "/severity")) << i;
    EXPECT_EQ(text_at(m, "/message"), visible_controls(text_at(f, "/message"))) << i;
    EXPECT_EQ(text_at(m, "/code"), text_at(f, "/rule")) << i;
  }
}

// ---------------------------------------------------------------------------
// cmake --install puts amlint in PREFIX/bin.

TEST(Install, CmakeInstallPutsAmlintInPrefixBin) {
  TempDir dir;
  const ProcessResult r =
      run_process({AMLINT_CMAKE_COMMAND, "--install", AMLINT_BUILD_DIR, "--prefix", dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string installed = dir.path() + "/bin/amlint";
  ASSERT_TRUE(fs::exists(installed)) << r.out;
  const ProcessResult version = run_process({installed, "--version"});
  EXPECT_EQ(version.out.rfind("amlint " AMLINT_VERSION " (facts as of ", 0), 0U) << version.out;
  // Rule docs and the capability table are built in: nothing else to install.
  EXPECT_EQ(run_process({installed, "explain", "AML201"}).exit_code, 0);
}

}  // namespace
}  // namespace amlint::testing
