// `--format github`: GitHub Actions workflow commands, one per finding,
// which the runner turns into annotations on the run and the pull request:
//   ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=AMLnnn slug::MESSAGE
// Escaped as @actions/core does: in the message '%', CR and LF; in property
// values also ':' and ','. Info findings are notices. Related locations
// follow the message as "note:" lines. The file is relative to the
// repository root (the workspace); columns are sent only for a range on one
// line (the runner drops an annotation with col and endColumn on different
// lines, as ruff's issue 22074 shows), and endColumn is exclusive, as in SARIF.
#include "core/fingerprint.h"
#include "report/reporter.h"
#include "util/text.h"

namespace amlint {
namespace {

std::string escape_data(std::string_view text) {
  return replace_chars(text, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}});
}

std::string escape_property(std::string_view text) {
  return replace_chars(text,
                       {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {':', "%3A"}, {',', "%2C"}});
}

}  // namespace

void write_github(std::ostream& out, const LintReport& report, const ReportOptions&) {
  for (const Finding& f : report.findings) {
    const Pos begin = f.location.begin();
    const Pos end = f.location.end();
    std::string properties = "file=" + escape_property(repository_path(*f.location.file)) +
                             ",line=" + std::to_string(begin.line);
    if (begin.line == end.line) properties += ",col=" + std::to_string(begin.column);
    properties += ",endLine=" + std::to_string(end.line);
    if (begin.line == end.line) properties += ",endColumn=" + std::to_string(end.column);
    properties +=
        ",title=" + escape_property(std::string(f.rule->id) + " " + std::string(f.rule->slug));
    out << "::" << by_severity(f.severity, "error", "warning", "notice") << " " << properties
        << "::" << escape_data(message_with_notes(f)) << "\n";
  }
}

}  // namespace amlint
