// `--format checkstyle`: the XML of Checkstyle's XMLLogger, which Jenkins
// (warnings-ng), reviewdog and SonarQube importers read. Every linted file
// gets a <file>, a clean one an empty one; each finding is an <error> whose
// source is amlint.<rule id>. schemas/checkstyle.xsd describes the shape.
#include <map>

#include "core/fingerprint.h"
#include "report/reporter.h"
#include "report/xml_writer.h"

namespace amlint {

void write_checkstyle(std::ostream& out, const LintReport& report, const ReportOptions&) {
  std::map<const SourceFile*, std::vector<const Finding*>> by_file;
  for (const Finding& f : report.findings) by_file[f.location.file].push_back(&f);

  XmlWriter xml(out);
  xml.open("checkstyle", {{"version", "4.3"}});
  for (const SourceFile* file : report.files) {
    const XmlAttributes name = {{"name", repository_path(*file)}};
    const auto it = by_file.find(file);
    if (it == by_file.end()) {
      xml.empty("file", name);
      continue;
    }
    xml.open("file", name);
    for (const Finding* f : it->second) {
      const Pos p = f->location.begin();
      xml.empty("error", {{"line", std::to_string(p.line)},
                          {"column", std::to_string(p.column)},
                          {"severity", std::string(severity_name(f->severity))},
                          {"message", f->message},
                          {"source", "amlint." + std::string(f->rule->id)}});
    }
    xml.close();
  }
  xml.close();
}

}  // namespace amlint
