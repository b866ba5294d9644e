#include "lint/file_linter.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

const RuleInfo& rule_for(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kDuplicateKey:
      return input_rules::kDuplicateKey;
    case ProblemKind::kNonStrictJson:
      return input_rules::kNonStrictJson;
    case ProblemKind::kSyntax:
    case ProblemKind::kEncoding:
    case ProblemKind::kLimit:
      break;
  }
  return input_rules::kInvalidSyntax;
}

bool is_recognised(Format f) { return f != Format::kUnknown && f != Format::kV2OtherAsset; }

Finding finding(const RuleInfo& rule, const SourceFile& file, ByteRange range, std::string message,
                std::vector<Related> related = {}) {
  Finding f;
  f.rule = &rule;
  f.severity = rule.severity;
  f.location = Location{&file, range, ""};
  f.message = std::move(message);
  f.related = std::move(related);
  return f;
}

Syntax syntax_of(const SourceFile& file) {
  return syntax_for_path(file.has_path() ? file.fs_path() : file.path());
}

const SourceFile& add_file(FileResult& r, const Input& input, std::string bytes) {
  r.in_memory = input.text.has_value();
  r.owned = std::make_unique<SourceFile>(input.display_path, input.fs_path, std::move(bytes));
  r.file = r.owned.get();
  return *r.file;
}

// What of its file `r` needs once the text is dropped: the whole range of
// each finding, of each edit of its fixes (the reports give their lines and
// columns) and of each related location (what the finding is about, its
// fingerprint, and where it moves when its file is not linted), of each
// `# amlint:` directive (the policy reports on them), and the ends of the
// nodes of the reference copies (other files' findings point there).
std::vector<ByteRange> spans_to_keep(const FileResult& r) {
  std::vector<ByteRange> out;
  const auto add_findings = [&](const std::vector<Finding>& findings) {
    for (const Finding& f : findings) {
      if (f.location.file == r.file) {
        out.push_back(f.location.range);
        // From the byte before each edit: SARIF places the end of a file
        // on the line before its last line break (report/sarif.cpp).
        for (const Fix& fix : f.fixes) {
          for (const TextEdit& e : fix.edits) {
            out.push_back(ByteRange{e.range.begin - (e.range.begin > 0 ? 1 : 0), e.range.end});
          }
        }
      }
      for (const Related& related : f.related) {
        if (related.location.file == r.file) out.push_back(related.location.range);
      }
    }
  };
  add_findings(r.findings);
  for (const ManifestResult& m : r.manifests) add_findings(m.findings);
  for (const Suppression& s : r.suppressions.suppressions) out.push_back(s.range);
  for (const DirectiveError& e : r.suppressions.errors) out.push_back(e.range);
  for (const Reference& reference : r.references) {
    for (const CompactCopy::Leaf& leaf : reference.copy.leaves) {
      out.push_back(ByteRange{leaf.range.begin, leaf.range.begin});
      out.push_back(ByteRange{leaf.range.end, leaf.range.end});
    }
  }
  return out;
}

// Only the lines that findings show are kept of a linted file; it is read
// again if phase 2 lints it again. A text in memory cannot be, so it stays.
void drop_text(FileResult& r) {
  if (r.linted && !r.in_memory) r.file->keep_lines(spans_to_keep(r));
}

Finding unrecognised(const SourceFile& file, bool has_documents, const DetectedFormat& first) {
  std::string message;
  if (!has_documents) {
    message = "file holds no YAML or JSON document (it is empty or only comments); nothing to lint";
  } else if (first.format == Format::kV2OtherAsset) {
    message =
        "an Azure ML '" + first.schema + "' file is not a deployment manifest; amlint skipped it";
  } else {
    message =
        "not a recognised Azure ML deployment manifest (no computeType, entryScript or "
        "Azure ML $schema); amlint skipped it";
  }
  return finding(input_rules::kUnrecognizedFile, file, {0, 0}, message);
}

}  // namespace

FileLinter::FileLinter(const LintOptions& options, const Places& places, const Models& models,
                       const std::vector<const Check*>& checks)
    : options_(options), places_(places), models_(models) {
  for (const Check* check : checks) checks_.push_back(CheckToRun{check, check->rules()});
}

FileResult FileLinter::load(const Input& input, const std::set<std::string>* markers) const {
  FileResult r;
  r.linted = markers == nullptr;
  r.named = input.named;
  const std::uint64_t limit = options_.limits.max_file_bytes;
  ReadResult read = input.text ? *input.text : read_file(input.fs_path, limit);
  if (read.error || read.oversize) {
    // A walk passes by files over the limit (data, not manifests), but says
    // which files it could not read: a gate must not pass over them unseen.
    if (!input.named && (read.oversize || !r.linted)) return r;
    const SourceFile& file = add_file(r, input, "");
    const std::string message =
        read.error
            ? "cannot read the file: " +
                  (starts_with(*read.error, "is ") ? "it " + *read.error : to_lower(*read.error)) +
                  (to_lower(*read.error).find("permission") != std::string::npos
                       ? "; check its permissions"
                       : "")
            : "file is " + format_bytes(*read.oversize) + ", over amlint's input limit of " +
                  format_bytes(limit) +
                  "; a deployment manifest is a few KB: check that this is one";
    r.findings.push_back(finding(input_rules::kInvalidSyntax, file, {0, 0}, message));
    r.counted = true;
    return r;
  }
  if (markers && !markers->empty() &&
      std::none_of(markers->begin(), markers->end(),
                   [&](const std::string& m) { return read.bytes.find(m) != std::string::npos; })) {
    return r;
  }
  try {
    load_manifests(r, add_file(r, input, std::move(read.bytes)), input.named);
    if (r.linted) r.suppressions = scan_suppressions(*r.file);
    drop_text(r);
  } catch (const std::exception& e) {
    r.internal_errors.push_back(input.display_path + ": " + e.what());
  }
  return r;
}

bool FileLinter::restore_text(FileResult& r) const {
  if (r.file->has_text()) return true;
  ReadResult read = read_file(r.file->fs_path(), options_.limits.max_file_bytes);
  return !read.error && !read.oversize && r.file->restore_text(std::move(read.bytes));
}

std::optional<Manifest> FileLinter::classify(const SourceFile& file, const Document& doc,
                                             const FilePlace& place, bool linted) const {
  const Format format = detect_format(doc.root()).format;
  if (!is_recognised(format)) return std::nullopt;
  Manifest m;
  m.file = &file;
  m.doc = &doc;
  m.format = format;
  m.directory = place.directory;
  m.scope = place.scope;
  m.production = place.production;
  m.test_path = place.test_path;
  m.linted = linted;
  if (m.format == Format::kV1DeploymentConfig) {
    m.compute_type = doc.root()->get("computeType");
    if (m.compute_type && m.compute_type->is_scalar()) {
      m.target = place.table->target_for_v1_compute_type(m.compute_type->resolved().text);
    }
  }
  return m;
}

ManifestResult FileLinter::run_checks(const Manifest& m, const FilePlace& place,
                                      const Project& project) const {
  ManifestResult result;
  result.document = m.doc->index;
  const Context ctx{*place.table, project, models_.for_manifest(m, *place.config), options_.today,
                    place.run_directories};
  Sink sink;
  try {
    for (const CheckToRun& c : checks_) {
      const std::size_t before = sink.findings().size();
      c.check->check(m, ctx, sink);
      // --ignore relies on what a check declares: a rule it does not
      // declare would keep the check running when only that rule is wanted.
      for (std::size_t i = before; i < sink.findings().size(); ++i) {
        const RuleInfo* rule = sink.findings()[i].rule;
        if (std::find(c.rules.begin(), c.rules.end(), rule) == c.rules.end()) {
          throw std::logic_error("the check " + std::string(c.check->info().id) + " reported " +
                                 std::string(rule->id) + ", which its rules() does not name");
        }
      }
    }
  } catch (const std::exception& e) {
    result.internal_error = m.file->path() + ": " + e.what();
  }
  result.findings = std::move(sink.findings());
  result.findings.shrink_to_fit();  // held until the end of the run
  return result;
}

void FileLinter::load_manifests(FileResult& r, const SourceFile& file, bool named) const {
  const FilePlace place = places_.of(file);
  bool recognised = false;
  DetectedFormat first;
  std::size_t documents = 0;
  std::size_t second_document = 0;
  const LoadResult loaded =
      load_source(file, syntax_of(file), options_.limits, [&](std::unique_ptr<Document> doc) {
        if (documents++ == 0) first = detect_format(doc->root());
        if (documents == 2) second_document = doc->begin_offset;
        const std::optional<Manifest> m = classify(file, *doc, place, r.linted);
        if (!m) return;
        recognised = true;
        if (r.linted) {
          std::vector<Lookup> lookups;
          Project alone;
          alone.record_lookups(&lookups);
          ManifestResult result = run_checks(*m, place, alone);
          result.lookups = std::move(lookups);
          r.manifests.push_back(std::move(result));
        }
        r.references.push_back(reference_copy(*m));
      });
  if (!r.linted) return;

  const bool report_problems =
      named || recognised || (documents == 0 && looks_like_manifest(file.path(), file.text()));
  bool fatal = loaded.rejected;
  if (report_problems) {
    for (const Problem& p : loaded.problems) {
      fatal = fatal || p.kind == ProblemKind::kSyntax || p.kind == ProblemKind::kLimit ||
              p.kind == ProblemKind::kEncoding;
      std::vector<Related> related;
      if (p.related) related.push_back(Related{Location{&file, *p.related, ""}, p.related_message});
      r.findings.push_back(finding(rule_for(p.kind), file, p.range, p.message, std::move(related)));
      if (p.removable) {
        r.findings.back().fixes.push_back(
            Fix{"remove the trailing comma", Applicability::kSafe, {TextEdit{*p.removable, ""}}});
      }
    }
  }
  if (named && !recognised && !fatal && options_.report_unrecognised)
    r.findings.push_back(unrecognised(file, documents > 0, first));
  if (recognised && !fatal && documents > 1) {
    // az ml (v1 and v2) loads a manifest with yaml.safe_load, which takes
    // exactly one document.
    r.findings.push_back(finding(input_rules::kInvalidSyntax, file,
                                 {second_document, second_document + 3},
                                 "a second YAML document in a manifest: az ml reads a file with "
                                 "one document only; split it into one file per document"));
  }
  r.counted = recognised || !r.findings.empty();
}

void FileLinter::relint(FileResult& r, const Project& project) const {
  std::map<int, std::size_t> again;  // document -> slot in r.manifests
  for (std::size_t i = 0; i < r.manifests.size(); ++i) {
    const std::vector<Lookup>& lookups = r.manifests[i].lookups;
    if (std::any_of(lookups.begin(), lookups.end(),
                    [&](const Lookup& l) { return project.finds(l); })) {
      again[r.manifests[i].document] = i;
    }
    r.manifests[i].lookups = {};
  }
  if (!r.file || r.context || (r.linted && again.empty())) return;
  if (!restore_text(r)) {
    r.findings.push_back(finding(input_rules::kInvalidSyntax, *r.file, {0, 0},
                                 "the file changed while amlint read it; lint it again"));
    return;
  }
  const FilePlace place = places_.of(*r.file);
  try {
    load_source(*r.file, syntax_of(*r.file), options_.limits, [&](std::unique_ptr<Document> doc) {
      const auto slot = again.find(doc->index);
      if (r.linted && slot == again.end()) return;
      const std::optional<Manifest> m = classify(*r.file, *doc, place, r.linted);
      if (!m) return;
      ManifestResult result = run_checks(*m, place, project);
      if (r.linted) {
        r.manifests[slot->second] = std::move(result);
      } else {
        r.manifests.push_back(std::move(result));
      }
    });
    drop_text(r);
  } catch (const std::exception& e) {
    r.internal_errors.push_back(r.file->path() + ": " + e.what());
  }
}

}  // namespace amlint
