// `--format junit`: JUnit XML as Azure Pipelines (PublishTestResults@2) and
// GitLab (artifacts:reports:junit) read it. One <testsuite> per linted file;
// one <testcase> per finding, failed; a file that does not parse (AML001)
// is an <error> instead; a clean file gets one passing testcase, so that
// dashboards count it. Test names hold no line numbers, so a finding keeps
// its test history when lines move. schemas/junit.xsd describes the shape.
#include <algorithm>
#include <map>

#include "core/fingerprint.h"
#include "report/reporter.h"
#include "report/xml_writer.h"
#include "rules/registry.h"

namespace amlint {
namespace {

bool is_error_case(const Finding& f) { return f.rule == &input_rules::kInvalidSyntax; }

std::string position(const Location& loc) {
  const Pos p = loc.begin();
  return format_position(repository_path(*loc.file), p);
}

// The failure's body: the finding as a concise line, then its notes.
std::string details(const Finding& f) {
  std::string text = position(f.location) + ": " + std::string(severity_name(f.severity)) + ": " +
                     f.message + " [" + std::string(f.rule->id) + "]";
  for (const Related& r : f.related) text += "\n" + position(r.location) + ": note: " + r.message;
  return text;
}

struct Counts {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
};

}  // namespace

void write_junit(std::ostream& out, const LintReport& report, const ReportOptions&) {
  std::map<const SourceFile*, std::vector<const Finding*>> by_file;
  for (const Finding& f : report.findings) by_file[f.location.file].push_back(&f);

  Counts total;
  for (const SourceFile* file : report.files) {
    const auto it = by_file.find(file);
    if (it == by_file.end()) {
      ++total.tests;
      continue;
    }
    for (const Finding* f : it->second) {
      ++total.tests;
      ++(is_error_case(*f) ? total.errors : total.failures);
    }
  }

  XmlWriter xml(out);
  xml.open("testsuites", {{"name", "amlint"},
                          {"tests", std::to_string(total.tests)},
                          {"failures", std::to_string(total.failures)},
                          {"errors", std::to_string(total.errors)},
                          {"skipped", "0"},
                          {"time", "0"}});
  for (const SourceFile* file : report.files) {
    const std::string path = repository_path(*file);
    const auto it = by_file.find(file);
    const std::vector<const Finding*> findings =
        it == by_file.end() ? std::vector<const Finding*>{} : it->second;
    Counts counts;
    counts.tests = std::max<std::size_t>(findings.size(), 1);
    for (const Finding* f : findings) ++(is_error_case(*f) ? counts.errors : counts.failures);
    xml.open("testsuite", {{"name", path},
                           {"tests", std::to_string(counts.tests)},
                           {"failures", std::to_string(counts.failures)},
                           {"errors", std::to_string(counts.errors)},
                           {"skipped", "0"},
                           {"time", "0"}});
    if (findings.empty()) {
      xml.empty("testcase",
                {{"classname", path}, {"name", "amlint"}, {"file", path}, {"time", "0"}});
    }
    std::map<std::string, int> names;
    for (const Finding* f : findings) {
      std::string name = std::string(f->rule->id) + " " + std::string(f->rule->slug);
      if (!f->location.doc_path.empty()) name += " " + f->location.doc_path;
      const int n = ++names[name];
      if (n > 1) name += " (" + std::to_string(n) + ")";
      xml.open("testcase", {{"classname", path},
                            {"name", name},
                            {"file", path},
                            {"line", std::to_string(f->location.begin().line)},
                            {"time", "0"}});
      xml.text_element(is_error_case(*f) ? "error" : "failure",
                       {{"message", f->message}, {"type", std::string(severity_name(f->severity))}},
                       details(*f));
      xml.close();
    }
    xml.close();
  }
  xml.close();
}

}  // namespace amlint
