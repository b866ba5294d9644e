#include "clients/clients.h"

#include <chrono>

#include "support/json_doc.h"

namespace fs = std::filesystem;

namespace amlint::testing {

std::string clients_dir() { return source_dir() + "/tests/clients"; }
std::string node_modules() { return clients_dir() + "/node_modules"; }

std::string sarif_multitool() {
  const std::string path = node_modules() + "/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  return ::access(path.c_str(), X_OK) == 0 ? path : "";
}

std::vector<std::string> sarif_problems(const std::string& file, const TempDir& dir) {
  const std::string log = dir.path() + "/validation.sarif";
  const ProcessResult r =
      run_process({sarif_multitool(), "validate", file, "--rule-kind", "Sarif;Ghas", "--level",
                   "Error;Warning;Note", "--output", log, "--log", "ForceOverwrite"},
                  [] {
                    ProcessOptions o;
                    o.timeout = std::chrono::seconds(120);
                    return o;
                  }());
  EXPECT_FALSE(r.timed_out);
  EXPECT_TRUE(fs::exists(log)) << r.out << r.err;
  std::vector<std::string> problems;
  if (!fs::exists(log)) return {"the validator wrote no log"};
  const JsonDoc doc(read_file_text(log));
  EXPECT_NE(text_at(doc.root(), "/runs/0/tool/driver/name").find("Multitool"), std::string::npos);
  int notes = 0;
  for (const Node* result : items_at(doc.root(), "/runs/0/results")) {
    const std::string level = has(*result, "/level") ? text_at(*result, "/level") : "warning";
    const std::string rule = text_at(*result, "/ruleId");
    if (level == "note") {
      ++notes;
      continue;
    }
    if (rule == "SARIF2005") continue;
    std::string message;
    if (has(*result, "/message/arguments")) {
      for (const Node* a : items_at(*result, "/message/arguments")) message += a->text + "; ";
    }
    problems.push_back(level + " " + rule + ": " + message);
  }
  EXPECT_GT(notes, 0) << "the validator gave not even a suggestion: did it read " << file << "?";
  return problems;
}

std::string python_with_jsonschema() {
  for (const std::string& python : {std::string("/usr/bin/python3"), which("python3")}) {
    if (python.empty() || !fs::exists(python)) continue;
    if (run_process({python, "-c", "import jsonschema"}).exit_code == 0) return python;
  }
  return "";
}

ProcessResult validate_json(const std::string& python, const std::string& schema,
                            const std::string& file) {
  return run_process(
      {python, clients_dir() + "/validate_json.py", source_dir() + "/schemas/" + schema, file});
}

}  // namespace amlint::testing
