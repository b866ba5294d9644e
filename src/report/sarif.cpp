// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Every rule
// is described (with its documentation as help), results point into files by
// URIs relative to %SRCROOT% (the repository root), regions are 1-based with
// an exclusive end column counted in code points (lines broken as amlint
// breaks them, a lone \r too: the run's newlineSequences), partialFingerprints
// come from the rule, the path and the document path, never the line, and a
// finding's fixes are `fixes` whose replacements are text regions.
#include <algorithm>
#include <filesystem>

#include "core/fingerprint.h"
#include "report/facts_report.h"
#include "report/reporter.h"
#include "report/rules_report.h"
#include "rules/registry.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr std::string_view kSrcRoot = "%SRCROOT%";

std::string_view sarif_level(Severity severity) {
  return by_severity(severity, "error", "warning", "note");
}

// Percent-encodes all but RFC 3986's unreserved characters and '/', so any
// file name (':' in a first segment, '%', spaces, non-ASCII) makes a valid URI.
std::string uri_path(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4U]);
      out.push_back(kHex[u & 0xFU]);
    }
  }
  return out;
}

void write_rule(JsonWriter& json, const RuleInfo& rule) {
  const std::string doc = rule_documentation(rule);
  const std::string full = rule_description(rule, doc);
  json.begin_object();
  json.key("id").string(rule.id);
  json.key("name").string(rule.slug);
  json.key("shortDescription").begin_object().key("text").string(rule.summary).end_object();
  json.key("fullDescription").begin_object().key("text").string(full).end_object();
  json.key("help").begin_object();
  json.key("text").string(doc.empty() ? full : doc);
  json.key("markdown").string(doc.empty() ? full : doc);
  json.end_object();
  json.key("defaultConfiguration").begin_object();
  json.key("level").string(sarif_level(rule.severity));
  json.end_object();
  json.key("properties").begin_object();
  json.key("tags").begin_array().string("azure-ml").end_array();
  if (!rule.facts.empty()) json.key("facts").string(rule.facts);
  json.end_object();
  json.end_object();
}

// The directory %SRCROOT% stands for: the project root of the first file
// that has one (a run lints one repository, as CI runs it), else the
// current directory. Absolute, with a trailing '/'.
std::string source_root(const LintReport& report) {
  std::string root;
  for (const SourceFile* file : report.files) {
    root = project_root(*file);
    if (!root.empty()) break;
  }
  std::error_code ec;
  if (root.empty()) root = std::filesystem::current_path(ec).lexically_normal().string();
  if (root.back() != '/') root += '/';
  return root;
}

// A file under %SRCROOT% is named relative to it; one elsewhere (another
// repository, outside any) by its absolute file URI.
void write_artifact_location(JsonWriter& json, const SourceFile& file,
                             const std::string& source_root) {
  std::string path = repository_path(file);
  const std::string root = project_root(file);
  if (!root.empty() && root + "/" != source_root) {
    path = std::filesystem::path(root + "/" + path).lexically_normal().generic_string();
  }
  const bool absolute = !path.empty() && path.front() == '/';
  json.key("artifactLocation").begin_object();
  json.key("uri").string(absolute ? "file://" + uri_path(path) : uri_path(path));
  if (!absolute) json.key("uriBaseId").string(kSrcRoot);
  json.end_object();
}

void write_region(JsonWriter& json, std::string_view name, Pos begin, Pos end) {
  json.key(name).begin_object();
  json.key("startLine").number(begin.line);
  json.key("startColumn").number(begin.column);
  json.key("endLine").number(end.line);
  json.key("endColumn").number(end.column);
  json.end_object();
}

void write_physical_location(JsonWriter& json, const Location& location,
                             const std::string& source_root) {
  json.key("physicalLocation").begin_object();
  write_artifact_location(json, *location.file, source_root);
  write_region(json, "region", location.begin(), location.end());
  json.end_object();
}

// Where SARIF puts `offset` in a text region: where amlint does, but for the
// very end of a file that ends in a line break. No line follows that break
// in SARIF (3.30.2, whose insertion point at the end of a file is the column
// after the break on the last line); amlint counts an empty line there.
Pos sarif_position(const SourceFile& file, std::size_t offset) {
  const Pos pos = file.position(offset);
  if (offset != file.size() || pos.line < 2 || pos.column != 1) return pos;
  const std::size_t size = file.size();
  const std::string_view tail = file.slice(ByteRange{size - std::min<std::size_t>(size, 2), size});
  const std::size_t break_bytes = ends_with(tail, "\r\n") ? 2 : 1;
  const Pos on_last = file.position(size - break_bytes);
  if (on_last.line != pos.line - 1) return pos;  // the lines were not kept
  return Pos{on_last.line, on_last.column + static_cast<int>(break_bytes)};
}

// A finding's fixes, each one artifactChange (a fix edits only its
// finding's file). A deleted region is a text region, as SARIF asks of
// replacements in text files (3.57.1): lines and code-point columns, its
// end exclusive, an empty one (start = end) an insertion point. Not also
// byteOffset/byteLength: a region that has them is a binary region too,
// whose inserted content SHALL then be given as base64 `binary` (3.57.2),
// which SARIF would have absent for UTF-8 text. SARIF has no word for how
// sure a fix is: the applicability goes in the fix's properties, and an
// unsafe fix says so in its description, for the reader of a viewer.
void write_fixes(JsonWriter& json, const Finding& finding, const std::string& source_root) {
  json.key("fixes").begin_array();
  for (const Fix& fix : finding.fixes) {
    std::vector<TextEdit> edits = fix.edits;
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit& a, const TextEdit& b) { return a.range.begin < b.range.begin; });
    const SourceFile& file = *finding.location.file;
    json.begin_object();
    json.key("description").begin_object();
    json.key("text").string(fix.applicability == Applicability::kSafe ? fix.title
                                                                      : fix.title + " (unsafe)");
    json.end_object();
    json.key("artifactChanges").begin_array().begin_object();
    write_artifact_location(json, file, source_root);
    json.key("replacements").begin_array();
    for (const TextEdit& e : edits) {
      json.begin_object();
      write_region(json, "deletedRegion", sarif_position(file, e.range.begin),
                   sarif_position(file, std::max(e.range.begin, e.range.end)));
      json.key("insertedContent").begin_object().key("text").string(e.replacement).end_object();
      json.end_object();
    }
    json.end_array();
    json.end_object().end_array();
    json.key("properties").begin_object();
    json.key("applicability").string(applicability_name(fix.applicability));
    json.end_object();
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_sarif(std::ostream& out, const LintReport& report, const ReportOptions&) {
  const std::vector<const RuleInfo*>& rules = all_rules();
  JsonWriter json(out);
  json.begin_object();
  json.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json");
  json.key("version").string("2.1.0");
  json.key("runs").begin_array().begin_object();

  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").string("amlint");
  json.key("version").string(AMLINT_VERSION);
  json.key("semanticVersion").string(AMLINT_VERSION);
  json.key("rules").begin_array();
  for (const RuleInfo* rule : rules) write_rule(json, *rule);
  json.end_array();
  json.end_object().end_object();

  json.key("invocations").begin_array().begin_object();
  json.key("executionSuccessful").boolean(report.internal_errors.empty());
  json.end_object().end_array();

  const std::string root = source_root(report);
  json.key("originalUriBaseIds").begin_object();
  json.key(kSrcRoot).begin_object();
  json.key("uri").string("file://" + uri_path(root));
  json.end_object();
  json.end_object();

  json.key("columnKind").string("unicodeCodePoints");
  // How amlint reads every file it gives regions in (it reports others as
  // AML001), and breaks their lines: what an applier of fixes must know.
  json.key("defaultEncoding").string("utf-8");
  json.key("newlineSequences").begin_array().string("\r\n").string("\n").string("\r").end_array();

  const std::vector<std::string> fingerprints = unique_fingerprints(report.findings);
  json.key("results").begin_array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    std::size_t index = 0;
    while (index < rules.size() && rules[index] != f.rule) ++index;
    json.begin_object();
    json.key("ruleId").string(f.rule->id);
    if (index < rules.size()) json.key("ruleIndex").number(static_cast<std::int64_t>(index));
    json.key("level").string(sarif_level(f.severity));
    json.key("message").begin_object().key("text").string(f.message).end_object();
    json.key("locations").begin_array().begin_object();
    write_physical_location(json, f.location, root);
    json.end_object().end_array();
    if (!f.related.empty()) {
      json.key("relatedLocations").begin_array();
      for (std::size_t r = 0; r < f.related.size(); ++r) {
        json.begin_object();
        json.key("id").number(static_cast<std::int64_t>(r + 1));
        write_physical_location(json, f.related[r].location, root);
        json.key("message").begin_object().key("text").string(f.related[r].message).end_object();
        json.end_object();
      }
      json.end_array();
    }
    if (!f.fixes.empty()) write_fixes(json, f, root);
    json.key("partialFingerprints").begin_object();
    json.key("amlint/v1").string(fingerprints[i]);
    json.end_object();
    json.key("properties").begin_object();
    json.key("documentPath").string(f.location.doc_path);
    json.end_object();
    json.end_object();
  }
  json.end_array();

  json.end_object().end_array();
  json.end_object();
  json.finish();
}

}  // namespace amlint
