// `--format json`: amlint's own report, version 1. The shape is a contract
// (schemas/amlint-output.schema.json, checked by the test suite): add fields
// freely, but rename or remove one only with a new version number.
#include <algorithm>

#include "core/fingerprint.h"
#include "report/reporter.h"
#include "util/json_writer.h"

namespace amlint {
namespace {

void write_position(JsonWriter& json, std::string_view name, Pos pos) {
  json.key(name).begin_object();
  json.key("line").number(pos.line);
  json.key("column").number(pos.column);
  json.end_object();
}

// The fields a finding and its related locations share.
void write_location(JsonWriter& json, const Location& location) {
  json.key("path").string(location.file->path());
  write_position(json, "start", location.begin());
  write_position(json, "end", location.end());
  json.key("doc_path").string(location.doc_path);
}

// An end of an edit: its position and its byte offset in the file.
void write_edit_end(JsonWriter& json, std::string_view name, const SourceFile& file,
                    std::size_t offset) {
  const Pos pos = file.position(offset);
  json.key(name).begin_object();
  json.key("line").number(pos.line);
  json.key("column").number(pos.column);
  json.key("offset").number(static_cast<std::int64_t>(offset));
  json.end_object();
}

// The finding's fixes: each edit by its start and (exclusive) end, as lines
// and columns like the finding's and as byte offsets in the file as it was
// read; start = end is an insertion.
void write_fixes(JsonWriter& json, const Finding& finding) {
  const SourceFile& file = *finding.location.file;
  json.key("fixes").begin_array();
  for (const Fix& fix : finding.fixes) {
    json.begin_object();
    json.key("title").string(fix.title);
    json.key("applicability").string(applicability_name(fix.applicability));
    json.key("edits").begin_array();
    for (const TextEdit& e : fix.edits) {
      json.begin_object();
      write_edit_end(json, "start", file, e.range.begin);
      write_edit_end(json, "end", file, std::max(e.range.begin, e.range.end));
      json.key("replacement").string(e.replacement);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_json(std::ostream& out, const LintReport& report, const ReportOptions&) {
  JsonWriter json(out);
  json.begin_object();
  json.key("version").number(1);
  json.key("tool").begin_object();
  json.key("name").string("amlint");
  json.key("version").string(AMLINT_VERSION);
  json.end_object();
  json.key("summary").begin_object();
  json.key("files").number(static_cast<std::int64_t>(report.files.size()));
  json.key("errors").number(static_cast<std::int64_t>(report.count(Severity::kError)));
  json.key("warnings").number(static_cast<std::int64_t>(report.count(Severity::kWarning)));
  json.key("info").number(static_cast<std::int64_t>(report.count(Severity::kInfo)));
  json.end_object();
  json.key("files").begin_array();
  for (const SourceFile* file : report.files) json.string(file->path());
  json.end_array();
  const std::vector<std::string> fingerprints = unique_fingerprints(report.findings);
  json.key("findings").begin_array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    json.begin_object();
    json.key("rule").string(f.rule->id);
    json.key("slug").string(f.rule->slug);
    json.key("severity").string(severity_name(f.severity));
    json.key("message").string(f.message);
    write_location(json, f.location);
    json.key("related").begin_array();
    for (const Related& r : f.related) {
      json.begin_object();
      write_location(json, r.location);
      json.key("message").string(r.message);
      json.end_object();
    }
    json.end_array();
    json.key("fingerprint").string(fingerprints[i]);
    if (!f.fixes.empty()) write_fixes(json, f);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

}  // namespace amlint
