// `--format github`: GitHub Actions workflow commands, one per finding,
// which the runner turns into annotations on the run and the pull request:
//   ::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=AMLnnn slug::MESSAGE
// Escaped as @actions/core does: in the message '%', CR and LF; in property
// values also ':' and ','. Info findings are notices. Related locations
// follow the message as "note:" lines. The file is relative to the
// repository root (the workspace); columns are sent only for a range on one
// line, and endColumn is exclusive, as in SARIF.
#include "core/fingerprint.h"
#include "report/reporter.h"

namespace amlint {
namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "notice";
  }
  return "error";
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
    std::string message = f.message;
    for (const Related& r : f.related) {
      const Pos p = r.location.begin();
      message += "\nnote: " + repository_path(*r.location.file) + ":" + std::to_string(p.line) +
                 ":" + std::to_string(p.column) + ": " + r.message;
    }
    out << "::" << command(f.severity) << " " << properties << "::" << escape_data(message) << "\n";
  }
}

}  // namespace amlint
