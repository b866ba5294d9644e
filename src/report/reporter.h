// The output formats behind one small interface: each format is a function
// that writes a whole report to a stream, listed once in output_formats().
// Machine-readable formats write nothing but their document; summaries go
// to standard error from main.cpp.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lint/linter.h"

namespace amlint {

struct ReportOptions {
  bool color = false;  // human only
  // The least severity that makes amlint exit with 1; nullopt: none does.
  // The azure format needs it to say whether the step succeeded with issues.
  Level fail_level = Severity::kError;
};

using WriteReport = void (*)(std::ostream& out, const LintReport& report,
                             const ReportOptions& options);

struct OutputFormat {
  std::string_view name;     // what --format and --output take
  std::string_view summary;  // one line, for --help and the README
  WriteReport write;
};

// Every format, in the order --help lists them.
const std::vector<OutputFormat>& output_formats();
// Their names, in that order.
std::vector<std::string> output_format_names();
// A format by name (exact); nullptr when there is none. "auto" is not one.
const OutputFormat* find_output_format(std::string_view name);

// What `--format auto` means here: "github" when GITHUB_ACTIONS is "true",
// "azure" when TF_BUILD is set and not empty, "concise" when GITLAB_CI is
// "true" (GitLab shows a job's log as plain text) or PRE_COMMIT is "1", else
// "human". `getenv` looks a variable up (nullptr: unset).
std::string_view auto_format(const std::function<const char*(const char*)>& getenv);

// True when the report has a finding at or above the fail level.
bool fails(const LintReport& report, Level fail_level);

// The word a format uses for a severity (each has its own: "note", "notice").
std::string_view by_severity(Severity severity, std::string_view error, std::string_view warning,
                             std::string_view info);

// The finding's message, then a "note: PATH:LINE:COL: message" line for each
// related location (paths relative to the repository root): the text of a
// GitHub annotation or an Azure issue.
std::string message_with_notes(const Finding& finding);

// The formats, one per file in src/report/.
void write_human_report(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_concise_report(std::ostream& out, const LintReport& report,
                          const ReportOptions& options);
void write_json(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_sarif(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_junit(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_checkstyle(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_github(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_azure(std::ostream& out, const LintReport& report, const ReportOptions& options);
void write_gitlab(std::ostream& out, const LintReport& report, const ReportOptions& options);

}  // namespace amlint
