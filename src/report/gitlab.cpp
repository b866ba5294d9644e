// `--format gitlab`: a Code Climate issue array, which GitLab shows in merge
// requests through artifacts:reports:codequality. GitLab needs description,
// check_name, fingerprint (unique in the report), severity and
// location.path (relative to the repository root) with location.lines.begin.
// Severities: a file that does not parse is a blocker, other errors are
// critical, warnings minor, info findings info.
#include "core/fingerprint.h"
#include "report/reporter.h"
#include "rules/registry.h"
#include "util/json_writer.h"

namespace amlint {
namespace {

std::string_view codeclimate_severity(const Finding& f) {
  if (f.rule == &input_rules::kInvalidSyntax) return "blocker";
  return by_severity(f.severity, "critical", "minor", "info");
}

}  // namespace

void write_gitlab(std::ostream& out, const LintReport& report, const ReportOptions&) {
  const std::vector<std::string> fingerprints = unique_fingerprints(report.findings);
  JsonWriter json(out);
  json.begin_array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    json.begin_object();
    json.key("type").string("issue");
    json.key("check_name").string(f.rule->id);
    json.key("description").string(f.message);
    json.key("categories").begin_array().string("Bug Risk").end_array();
    json.key("severity").string(codeclimate_severity(f));
    json.key("fingerprint").string(fingerprints[i]);
    json.key("location").begin_object();
    json.key("path").string(repository_path(*f.location.file));
    json.key("lines").begin_object();
    json.key("begin").number(f.location.begin().line);
    json.key("end").number(f.location.end().line);
    json.end_object();
    json.end_object();
    json.end_object();
  }
  json.end_array();
  json.finish();
}

}  // namespace amlint
