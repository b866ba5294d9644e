#include "report/reporter.h"

#include <string>

#include "core/fingerprint.h"
#include "report/text.h"

namespace amlint {

void write_human_report(std::ostream& out, const LintReport& report, const ReportOptions& options) {
  write_human(out, report, options.color);
}

void write_concise_report(std::ostream& out, const LintReport& report, const ReportOptions&) {
  write_concise(out, report);
}

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> kFormats = {
      {"human", "each finding with its source line and a caret underline", write_human_report},
      {"concise", "one path:line:col: severity: message [AMLnnn] line per finding",
       write_concise_report},
      {"json", "amlint's own versioned JSON (schemas/amlint-output.schema.json)", write_json},
      {"sarif", "SARIF 2.1.0 for GitHub code scanning", write_sarif},
      {"junit", "JUnit XML for Azure Pipelines and GitLab test reports", write_junit},
      {"checkstyle", "checkstyle XML for Jenkins, reviewdog and others", write_checkstyle},
      {"github", "GitHub Actions workflow commands (annotations)", write_github},
      {"azure", "Azure Pipelines logging commands (task.logissue)", write_azure},
      {"gitlab", "GitLab code quality (Code Climate JSON)", write_gitlab},
  };
  return kFormats;
}

std::vector<std::string> output_format_names() {
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) names.emplace_back(f.name);
  return names;
}

const OutputFormat* find_output_format(std::string_view name) {
  for (const OutputFormat& f : output_formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string_view auto_format(const std::function<const char*(const char*)>& getenv) {
  const auto is = [&](const char* name, std::string_view value) {
    const char* v = getenv(name);
    return v && std::string_view(v) == value;
  };
  const char* tf_build = getenv("TF_BUILD");
  if (is("GITHUB_ACTIONS", "true")) return "github";
  if (tf_build && *tf_build) return "azure";
  if (is("GITLAB_CI", "true")) return "concise";
  if (is("PRE_COMMIT", "1")) return "concise";
  return "human";
}

std::string_view by_severity(Severity severity, std::string_view error, std::string_view warning,
                             std::string_view info) {
  switch (severity) {
    case Severity::kError:
      return error;
    case Severity::kWarning:
      return warning;
    case Severity::kInfo:
      return info;
  }
  return error;
}

std::string message_with_notes(const Finding& finding) {
  std::string message = finding.message;
  for (const Related& r : finding.related) {
    const Pos p = r.location.begin();
    message +=
        "\nnote: " + format_position(repository_path(*r.location.file), p) + ": " + r.message;
  }
  return message;
}

bool fails(const LintReport& report, Level fail_level) {
  if (!fail_level) return false;
  for (const Finding& f : report.findings) {
    if (f.severity >= *fail_level) return true;
  }
  return false;
}

}  // namespace amlint
