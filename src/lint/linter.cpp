#include "lint/linter.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "lint/place.h"
#include "lint/pool.h"
#include "policy/policy.h"
#include "policy/suppressions.h"
#include "rules/registry.h"
#include "util/files.h"
#include "util/regex.h"
#include "util/text.h"

namespace fs = std::filesystem;

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

// A walked file that fails to parse is reported only when it looks like a
// manifest: walks meet Helm templates and other YAML that is not ours.
bool looks_like_manifest(std::string_view text) {
  static const Regex kFingerprint(
      "computeType|entryScript|azuremlschemas|modulesContent|endpoint_name|inference_entry_script");
  const std::string_view head = text.substr(0, 1U << 16U);
  if (head.find('\0') == std::string_view::npos) return kFingerprint.search(head);
  std::string ascii;  // UTF-16/32: drop the zero bytes of ASCII characters
  for (const char c : head) {
    if (c != '\0') ascii.push_back(c);
  }
  return kFingerprint.search(ascii);
}

// Absolute and normalised, so that "x.yml", "./x.yml" and "/repo/x.yml" agree.
std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::absolute(fs::path(path), ec).lexically_normal().string();
}

// amlint's own files are never linted as manifests.
bool is_own_file(const std::string& fs_path) {
  const std::string name = fs::path(fs_path).filename().string();
  return name == kConfigFileName || name == kBaselineFileName;
}

// What the checks said about one manifest (one document of a file).
struct ManifestResult {
  int document = 0;  // its index in the file's stream
  std::vector<Finding> findings;
  std::vector<Lookup> lookups;  // what its checks asked the project
  std::optional<std::string> internal_error;
};

// What one file gave: the file and the reference copies of its manifests
// (until the run's project takes them), input problems, and the checks'
// results.
struct FileResult {
  std::unique_ptr<SourceFile> owned;
  SourceFile* file = nullptr;  // nullptr: nothing to show (a walk met an unreadable file)
  bool linted = true;          // false for a file read only to pair with
  bool from_stdin = false;
  std::vector<Reference> references;
  std::vector<Finding> findings;  // problems of the file as input
  std::vector<ManifestResult> manifests;
  // Its `# amlint:` directives, read in phase 1 while the text is whole.
  ScannedSuppressions suppressions;
  std::vector<std::string> internal_errors;
};

// Makes `items` the items at `order` (distinct indices), in that order,
// moving each once and holding no second copy of them.
template <typename Sequence>
void select_in_place(Sequence& items, const std::vector<std::size_t>& order) {
  std::vector<std::size_t> from(order);  // from[i]: where item i comes from
  std::vector<bool> used(items.size());
  for (const std::size_t i : order) used[i] = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!used[i]) from.push_back(i);  // the dropped ones go to the end
  }
  std::vector<bool> done(items.size());
  for (std::size_t start = 0; start < items.size(); ++start) {
    if (done[start]) continue;
    typename Sequence::value_type first = std::move(items[start]);
    std::size_t i = start;
    for (; from[i] != start; i = from[i]) {
      items[i] = std::move(items[from[i]]);
      done[i] = true;
    }
    items[i] = std::move(first);
    done[i] = true;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(order.size()), items.end());
}

// A run in two phases, so that memory stays small and files are linted in
// parallel (lint/pool.h):
// 1. Each file on its own: read it, parse it document by document, and lint
//    each manifest as soon as it is built, against an empty project that
//    records what the checks look up; then drop its tree, keeping a reference
//    copy (lint/project.h) for the references of other files.
// 2. With every file in, lint again, against the whole project, the
//    manifests whose lookups now find something (an endpoint next to its
//    deployments, paired v1 configs), parsing their files again; their new
//    results replace the first ones. A manifest whose lookups find nothing
//    would see the same empty answers again, so its first results stand.
// Results are kept per file and per manifest and merged in input order, so
// the report is the same for any number of threads.
class Run {
 public:
  Run(const LintOptions& options, const CapabilityTable& table)
      : options_(options),
        table_(table),
        jobs_(resolve_jobs(options.jobs)),
        project_(std::make_unique<Project>()),
        places_(options.configs, !options.table, table, options.stdin_filename) {}

  LintReport execute() {
    if (options_.model_path) {
      run_model_ = model_at(*options_.model_path, *options_.model_path);
      if (!run_model_) throw UsageError("--model: cannot read '" + *options_.model_path + "'");
    }
    for (const auto& check : all_checks()) {
      if (!rule_matches(check->info(), options_.ignore)) checks_.push_back(check.get());
    }
    std::vector<FileResult> results;
    {
      const std::vector<InputFile> inputs = collect_inputs();  // gone once read
      results.resize(inputs.size());
      parallel_for(inputs.size(), jobs_, [&](std::size_t i) { results[i] = load_file(inputs[i]); });
    }
    std::size_t manifests = 0;
    for (const FileResult& r : results) manifests += r.references.size();
    project_->reserve(results.size(), manifests);
    for (FileResult& r : results) add_to_project(r);
    load_pairing_siblings(results);
    project_->index();
    parallel_for(results.size(), jobs_, [&](std::size_t i) { lint_with_project(results[i]); });
    merge(std::move(results));
    return finish();
  }

 private:
  // The model at `path` (shown as `shown`), or nullopt when it cannot be read.
  std::optional<ModelInfo> model_at(const std::string& path, const std::string& shown) const {
    const std::lock_guard<std::mutex> lock(models_mutex_);
    auto it = models_.find(path);
    if (it == models_.end()) {
      const auto bytes = disk_size(path);
      it = models_
               .emplace(path,
                        bytes ? std::optional<ModelInfo>(ModelInfo{shown, *bytes}) : std::nullopt)
               .first;
    }
    return it->second;
  }

  // --model for the run, else the config's `model` binding for v1 deployment configs.
  std::optional<ModelInfo> model_for(const Manifest& m, const Config& config) const {
    if (run_model_ || m.format != Format::kV1DeploymentConfig) return run_model_;
    const auto bound = config.model_for(m.file->fs_path());
    return bound ? model_at(*bound, display_of(*bound)) : std::nullopt;
  }

  // Hands every result to keep(), in input order, freeing each file's as it
  // goes (the blocks of findings_ reuse that memory: see Findings).
  void merge(std::vector<FileResult> results) {
    for (FileResult& r : results) {
      if (r.file && r.linted) suppressions_[r.file] = std::move(r.suppressions);
      for (Finding& f : r.findings) keep(std::move(f));
      internal_errors_.insert(internal_errors_.end(), r.internal_errors.begin(),
                              r.internal_errors.end());
      for (ManifestResult& m : r.manifests) {
        for (Finding& f : m.findings) keep(std::move(f));
        if (m.internal_error) internal_errors_.push_back(std::move(*m.internal_error));
      }
      r = FileResult();
    }
  }

  std::vector<InputFile> collect_inputs() {
    std::vector<InputFile> inputs;
    std::vector<std::string> errors;
    std::set<std::string> seen;
    for (const std::string& path : options_.paths) {
      if (path == "-") {
        const std::string shown =
            options_.stdin_filename.empty() ? "<stdin>" : options_.stdin_filename;
        inputs.push_back(InputFile{shown, "-", true});
        continue;
      }
      Discovery d = discover({path});
      errors.insert(errors.end(), d.errors.begin(), d.errors.end());
      for (InputFile& f : d.files) {
        // amlint's own files are not manifests, and a config's `ignore`
        // holds for named files too: pre-commit names every changed file.
        if (is_own_file(f.fs_path) || places_.config_of(f.fs_path).ignores(f.fs_path)) continue;
        // A file named twice, or named and walked, is linted once.
        if (seen.insert(absolute_path(f.fs_path)).second) inputs.push_back(std::move(f));
      }
    }
    if (!errors.empty()) throw UsageError(errors.front());
    return inputs;
  }

  // Phase 1 for one file (any thread). A file read only to pair with, given
  // the `markers` of the files that can pair, is skipped unless it holds one,
  // and is classified but neither linted nor reported on.
  FileResult load_file(const InputFile& input,
                       const std::set<std::string>* markers = nullptr) const {
    FileResult r;
    r.linted = markers == nullptr;
    const bool is_stdin = input.fs_path == "-";
    ReadResult read = is_stdin ? read_stdin(options_.limits.max_file_bytes)
                               : read_file(input.fs_path, options_.limits.max_file_bytes);
    if (read.error || read.oversize) {
      if (!input.named) return r;  // a walk met something it cannot read: not a manifest
      const SourceFile& file = add_file(r, input, "");
      const std::string message =
          read.error
              ? "cannot read the file: it " + *read.error
              : "file is " + format_bytes(*read.oversize) + ", over amlint's input limit of " +
                    format_bytes(options_.limits.max_file_bytes) +
                    "; a deployment manifest is a few KB: check that this is one";
      r.findings.push_back(finding(input_rules::kInvalidSyntax, file, {0, 0}, message));
      return r;
    }
    if (markers && std::none_of(markers->begin(), markers->end(), [&](const std::string& m) {
          return read.bytes.find(m) != std::string::npos;
        })) {
      return r;
    }
    try {
      load_manifests(r, add_file(r, input, std::move(read.bytes)), input.named);
      if (r.linted) r.suppressions = scan_suppressions(*r.file);
      // Only the lines that findings show are kept; the file is read again
      // if phase 2 lints it again. Standard input cannot be read again.
      if (r.linted && !r.from_stdin) r.file->keep_lines(spans_to_keep(r));
    } catch (const std::exception& e) {
      r.internal_errors.push_back(input.display_path + ": " + e.what());
    }
    return r;
  }

  const SourceFile& add_file(FileResult& r, const InputFile& input, std::string bytes) const {
    r.from_stdin = input.fs_path == "-";
    std::string identity = r.from_stdin
                               ? (options_.stdin_filename.empty() ? "-" : options_.stdin_filename)
                               : input.fs_path;
    r.owned =
        std::make_unique<SourceFile>(input.display_path, std::move(identity), std::move(bytes));
    r.file = r.owned.get();
    return *r.file;
  }

  // What of its file `r` needs once the text is dropped: the whole range of
  // each finding and of each related location (what the finding is about,
  // its fingerprint, and where it moves when its file is not linted), of
  // each `# amlint:` directive (the policy reports on them), and the ends of
  // the nodes of the reference copies (other files' findings point there).
  static std::vector<ByteRange> spans_to_keep(const FileResult& r) {
    std::vector<ByteRange> out;
    const auto add_ends = [&](const Location& l) {
      if (l.file != r.file) return;
      out.push_back(ByteRange{l.range.begin, l.range.begin});
      out.push_back(ByteRange{l.range.end, l.range.end});
    };
    const auto add_findings = [&](const std::vector<Finding>& findings) {
      for (const Finding& f : findings) {
        if (f.location.file == r.file) out.push_back(f.location.range);
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
        add_ends(Location{r.file, leaf.range, ""});
      }
    }
    return out;
  }

  // Gives a file whose text was dropped its text back for phase 2; false
  // when it cannot be read again or has changed since phase 1.
  bool restore_text(FileResult& r) const {
    if (r.file->has_text()) return true;
    ReadResult read = read_file(r.file->fs_path(), options_.limits.max_file_bytes);
    return !read.error && !read.oversize && r.file->restore_text(std::move(read.bytes));
  }

  // Back on the main thread, in input order.
  void add_to_project(FileResult& r) {
    if (!r.file) return;
    if (r.file->fs_path() != "-") loaded_paths_.insert(absolute_path(r.file->fs_path()));
    if (r.linted) {
      order_[r.file] = linted_.size();
      linted_.push_back(r.file);
    }
    project_->add_file(std::move(r.owned));
    for (Reference& reference : r.references) project_->add_manifest(std::move(reference));
    r.references = std::vector<Reference>();
  }

  static Finding finding(const RuleInfo& rule, const SourceFile& file, ByteRange range,
                         std::string message, std::vector<Related> related = {}) {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.location = Location{&file, range, ""};
    f.message = std::move(message);
    f.related = std::move(related);
    return f;
  }

  static Syntax syntax_of(const SourceFile& file) {
    const std::string& name = file.fs_path() == "-" ? file.path() : file.fs_path();
    return ends_with(to_lower(name), ".json") ? Syntax::kJson : Syntax::kYaml;
  }

  // The manifest a document is, or nullopt when it is not one amlint lints.
  std::optional<Manifest> classify(const SourceFile& file, const Document& doc,
                                   const FilePlace& place, bool linted) const {
    const Format format = detect_format(doc.root()).format;
    if (!is_recognised(format)) return std::nullopt;
    Manifest m;
    m.file = &file;
    m.doc = &doc;
    m.format = format;
    m.directory = place.directory;
    m.production = place.production;
    m.test_path = place.test_path;
    m.linted = linted;
    if (m.format == Format::kV1DeploymentConfig) {
      m.compute_type = doc.root()->get("computeType");
      if (const auto type = m.compute_type
                                ? std::optional<std::string>(m.compute_type->resolved().text)
                                : std::nullopt;
          type && m.compute_type->is_scalar()) {
        m.target = place.table->target_for_v1_compute_type(*type);
      }
    }
    return m;
  }

  // Runs every check on `m` with `project` at hand.
  ManifestResult run_checks(const Manifest& m, const FilePlace& place,
                            const Project& project) const {
    ManifestResult result;
    result.document = m.doc->index;
    const Context ctx{*place.table, project, model_for(m, *place.config), options_.today,
                      place.run_directories};
    Sink sink;
    try {
      for (const Check* check : checks_) check->check(m, ctx, sink);
    } catch (const std::exception& e) {
      result.internal_error = m.file->path() + ": " + e.what();
    }
    result.findings = std::move(sink.findings());
    result.findings.shrink_to_fit();  // held until the end of the run
    return result;
  }

  // Streams the documents of `file`: classifies each, lints it alone when the
  // file is linted, and keeps its reference copy; then reports input problems
  // when the file is linted (and is a manifest or was named).
  void load_manifests(FileResult& r, const SourceFile& file, bool named) const {
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
        named || recognised || (documents == 0 && looks_like_manifest(file.text()));
    bool fatal = loaded.rejected;
    if (report_problems) {
      for (const Problem& p : loaded.problems) {
        fatal = fatal || p.kind == ProblemKind::kSyntax || p.kind == ProblemKind::kLimit ||
                p.kind == ProblemKind::kEncoding;
        std::vector<Related> related;
        if (p.related)
          related.push_back(Related{Location{&file, *p.related, ""}, p.related_message});
        r.findings.push_back(
            finding(rule_for(p.kind), file, p.range, p.message, std::move(related)));
      }
    }
    if (named && !recognised && !fatal)
      r.findings.push_back(unrecognised(file, documents > 0, first));
    if (recognised && !fatal && documents > 1) {
      // az ml (v1 and v2) loads a manifest with yaml.safe_load, which takes
      // exactly one document.
      r.findings.push_back(finding(input_rules::kInvalidSyntax, file,
                                   {second_document, second_document + 3},
                                   "a second YAML document in a manifest: az ml reads a file with "
                                   "one document only; split it into "
                                   "one file per document"));
    }
  }

  static Finding unrecognised(const SourceFile& file, bool has_documents,
                              const DetectedFormat& first) {
    std::string message;
    if (!has_documents) {
      message =
          "file holds no YAML or JSON document (it is empty or only comments); nothing to lint";
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

  // Phase 2 for one file (any thread): lints against the whole project the
  // manifests of a file read to pair with, and those of a linted file whose
  // lookups find something now; their results replace the first ones.
  void lint_with_project(FileResult& r) const {
    std::map<int, std::size_t> again;  // document -> slot in r.manifests
    for (std::size_t i = 0; i < r.manifests.size(); ++i) {
      const std::vector<Lookup>& lookups = r.manifests[i].lookups;
      if (std::any_of(lookups.begin(), lookups.end(),
                      [&](const Lookup& l) { return project_->finds(l); })) {
        again[r.manifests[i].document] = i;
      }
      r.manifests[i].lookups = {};
    }
    if (!r.file || (r.linted && again.empty())) return;
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
        ManifestResult result = run_checks(*m, place, *project_);
        if (r.linted) {
          r.manifests[slot->second] = std::move(result);
        } else {
          r.manifests.push_back(std::move(result));
        }
      });
      if (r.linted && !r.from_stdin) r.file->keep_lines(spans_to_keep(r));
    } catch (const std::exception& e) {
      r.internal_errors.push_back(r.file->path() + ": " + e.what());
    }
  }

  // v1 inference configs pair with the deployment configs of their directory.
  // When only some of a directory's files were named (pre-commit passes the
  // changed ones), read the others that can pair with them, to lint against;
  // their own findings are not reported.
  void load_pairing_siblings(std::vector<FileResult>& results) {
    // Directory -> the texts that mark a sibling that can pair: an inference
    // config names entryScript, a deployment config computeType.
    std::map<std::string, std::set<std::string>> wanted;
    for (const Manifest& m : project_->manifests()) {
      if (m.file->fs_path() == "-") continue;
      if (m.format == Format::kV1DeploymentConfig) wanted[m.directory].insert("entryScript");
      if (m.format == Format::kV1InferenceConfig) wanted[m.directory].insert("computeType");
    }
    std::vector<std::pair<InputFile, const std::set<std::string>*>> siblings;
    for (const auto& [dir, markers] : wanted) {
      std::error_code ec;
      std::vector<std::string> paths;
      for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) &&
            has_manifest_extension(it->path().filename().string())) {
          paths.push_back(it->path().lexically_normal().string());
        }
      }
      std::sort(paths.begin(), paths.end());
      for (const std::string& path : paths) {
        if (!loaded_paths_.count(path) && !is_own_file(path))
          siblings.emplace_back(InputFile{display_of(path), path, false}, &markers);
      }
    }
    std::vector<FileResult> loaded(siblings.size());
    parallel_for(siblings.size(), jobs_, [&](std::size_t i) {
      loaded[i] = load_file(siblings[i].first, siblings[i].second);
    });
    for (FileResult& r : loaded) {
      add_to_project(r);
      results.push_back(std::move(r));
    }
  }

  bool is_linted(const SourceFile* file) const { return order_.count(file) > 0; }

  // A cross-file finding whose primary location is in a file that was only
  // read for pairing moves to its related location in a linted file.
  void keep(Finding f) {
    if (rule_matches(*f.rule, options_.ignore)) return;
    if (!is_linted(f.location.file)) {
      auto it = std::find_if(f.related.begin(), f.related.end(),
                             [&](const Related& r) { return is_linted(r.location.file); });
      if (it == f.related.end()) return;
      Related moved{f.location, "the request is here"};
      f.location = it->location;
      *it = std::move(moved);
    }
    findings_.push_back(std::move(f));
  }

  // An unknown-key or ignored-key finding says less than a capability rule
  // (AML1xx-AML3xx) on the same line: `enableClusterAutoscaler` is AML302, not
  // "unknown key" too.
  void drop_structure_findings_explained_elsewhere() {
    auto is_capability = [](const Finding& f) {
      return f.rule->id[3] == '1' || f.rule->id[3] == '2' || f.rule->id[3] == '3';
    };
    auto is_generic = [](const Finding& f) {
      return f.rule->id == "AML501" || f.rule->id == "AML505";
    };
    std::set<std::pair<const SourceFile*, int>> explained;
    for (const Finding& f : findings_) {
      if (is_capability(f)) explained.emplace(f.location.file, f.location.begin().line);
    }
    findings_.erase(
        std::remove_if(
            findings_.begin(), findings_.end(),
            [&](const Finding& f) {
              return is_generic(f) && explained.count({f.location.file, f.location.begin().line});
            }),
        findings_.end());
  }

  LintReport finish() {
    drop_structure_findings_explained_elsewhere();
    redact_secrets();
    PolicyInputs policy{options_.configs,
                        options_.baseline,
                        options_.today,
                        options_.ignore,
                        [this](const SourceFile& f) -> const SourceFile& {
                          return project_->add_file(std::make_unique<SourceFile>(
                              f.path(), f.fs_path(), std::string(f.text())));
                        },
                        [this](const SourceFile& f) -> ScannedSuppressions {
                          const auto it = suppressions_.find(&f);
                          return it == suppressions_.end() ? ScannedSuppressions{}
                                                           : std::move(it->second);
                        }};
    for (const SourceFile* file : apply_policy(findings_, linted_, policy)) {
      order_[file] = linted_.size();
      linted_.push_back(file);
    }
    // Positions are computed once per finding, and the rest compared in
    // place (a tuple of copies per comparison made sorting thousands of
    // findings slow). Keys stay small: a run may sort a hundred thousand.
    struct Key {
      std::uint32_t file;
      std::int32_t line;
      std::int32_t column;
      std::uint32_t index;
    };
    std::vector<Key> keys;
    keys.reserve(findings_.size());
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      const Finding& f = findings_[i];
      const Pos begin = f.location.begin();
      keys.push_back(Key{static_cast<std::uint32_t>(order_.at(f.location.file)), begin.line,
                         begin.column, static_cast<std::uint32_t>(i)});
    }
    auto tie = [&](const Key& k) {
      const Finding& f = findings_[k.index];
      return std::tie(k.file, k.line, k.column, f.rule->id, f.location.range.end, f.message);
    };
    std::sort(keys.begin(), keys.end(),
              [&](const Key& a, const Key& b) { return tie(a) < tie(b); });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [&](const Key& a, const Key& b) { return tie(a) == tie(b); }),
               keys.end());
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const Key& k : keys) order.push_back(k.index);
    keys.clear();
    keys.shrink_to_fit();
    select_in_place(findings_, order);
    LintReport report;
    report.findings = std::move(findings_);
    report.files = linted_;
    report.internal_errors = std::move(internal_errors_);
    report.project = std::move(project_);
    return report;
  }

  // A secret (AML701) never reaches any output: its bytes are masked in the
  // source that snippets quote, and in every message of its file.
  void redact_secrets() {
    for (const Finding& f : findings_) {
      if (f.secret.empty()) continue;
      // The whole secret, and each line of a multi-line one (a PEM key), as
      // another rule's message may quote it in either form.
      std::vector<std::string> parts = {f.secret};
      for (std::size_t start = 0; start < f.secret.size();) {
        const std::size_t end = std::min(f.secret.find('\n', start), f.secret.size());
        const std::string_view line = trim(std::string_view(f.secret).substr(start, end - start));
        if (line.size() >= 8 && line.size() < f.secret.size()) parts.emplace_back(line);
        start = end + 1;
      }
      for (Finding& other : findings_) {
        if (other.location.file != f.location.file) continue;
        for (const std::string& part : parts) {
          for (std::size_t at = other.message.find(part); at != std::string::npos;
               at = other.message.find(part, at)) {
            other.message.replace(at, part.size(), "***");
          }
        }
      }
      project_->redact(*f.location.file, f.location.range);
    }
  }

  const LintOptions& options_;
  const CapabilityTable& table_;
  const unsigned jobs_;
  std::optional<ModelInfo> run_model_;  // --model
  mutable std::mutex models_mutex_;     // checks ask for models on worker threads
  mutable std::map<std::string, std::optional<ModelInfo>> models_;  // by path
  std::vector<const Check*> checks_;                                // the rules not ignored
  std::unique_ptr<Project> project_;
  Places places_;
  std::vector<const SourceFile*> linted_;
  std::map<const SourceFile*, std::size_t> order_;
  std::set<std::string> loaded_paths_;  // absolute paths of every file read
  std::map<const SourceFile*, ScannedSuppressions> suppressions_;  // of the linted files
  Findings findings_;
  std::vector<std::string> internal_errors_;
};

}  // namespace

LintReport lint(const LintOptions& options) {
  const CapabilityTable& table = options.table ? *options.table : CapabilityTable::builtin();
  return Run(options, table).execute();
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace amlint
