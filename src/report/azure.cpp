// `--format azure`: Azure Pipelines logging commands. Each error or warning
// is one task.logissue line, which the agent shows in the log and in the
// run's Errors/Warnings summary:
//   ##vso[task.logissue type=error;sourcepath=PATH;linenumber=L;columnnumber=C;code=AMLnnn;]MESSAGE
// Escaped as azure-pipelines-task-lib does: '%' becomes %AZP25, CR and LF
// %0D and %0A, and in property values also ';' %3B and ']' %5D. logissue
// knows only errors and warnings: info findings are left out, unless
// --fail-level info makes them fail the step, in which case they are logged
// as warnings. (They are not printed as plain lines either: the agent runs a
// `##vso[` command found anywhere in a line, and a quoted value could hold
// one.) When issues were logged but none is at or above --fail-level, a last
// line marks the step as succeeded with issues.
#include "core/fingerprint.h"
#include "report/reporter.h"
#include "util/text.h"

namespace amlint {
namespace {

std::string escape_data(std::string_view text) {
  return replace_chars(text, {{'%', "%AZP25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

std::string escape_property(std::string_view text) {
  return replace_chars(text,
                       {{'%', "%AZP25"}, {'\r', "%0D"}, {'\n', "%0A"}, {';', "%3B"}, {']', "%5D"}});
}

}  // namespace

void write_azure(std::ostream& out, const LintReport& report, const ReportOptions& options) {
  bool logged = false;
  for (const Finding& f : report.findings) {
    const bool info = f.severity == Severity::kInfo;
    if (info && options.fail_level != Severity::kInfo) continue;
    const Pos p = f.location.begin();
    out << "##vso[task.logissue type=" << (info ? "warning" : severity_name(f.severity))
        << ";sourcepath=" << escape_property(repository_path(*f.location.file))
        << ";linenumber=" << p.line << ";columnnumber=" << p.column
        << ";code=" << escape_property(f.rule->id) << ";]" << escape_data(message_with_notes(f))
        << "\n";
    logged = true;
  }
  if (logged && !fails(report, options.fail_level)) {
    out << "##vso[task.complete result=SucceededWithIssues;]\n";
  }
}

}  // namespace amlint
