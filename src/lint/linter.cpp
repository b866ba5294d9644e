#include "lint/linter.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "lint/files.h"
#include "policy/policy.h"
#include "rules/registry.h"
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

std::string directory_of(const std::string& fs_path) {
  return fs::path(absolute_path(fs_path)).parent_path().string();
}

class Run {
 public:
  Run(const LintOptions& options, const CapabilityTable& table)
      : options_(options), table_(table), project_(std::make_unique<Project>()) {}

  LintReport execute() {
    if (options_.model_path) {
      run_model_ = model_at(*options_.model_path, *options_.model_path);
      if (!run_model_) throw UsageError("--model: cannot read '" + *options_.model_path + "'");
    }
    for (const InputFile& input : collect_inputs()) lint_file(input);
    load_pairing_siblings();
    project_->index();

    std::vector<const Check*> checks;
    for (const auto& check : all_checks()) {
      if (!rule_matches(check->info(), options_.ignore)) checks.push_back(check.get());
    }
    Sink sink;
    for (const Manifest& m : project_->manifests()) {
      try {
        const Context ctx{table_for(m), *project_, model_for(m), options_.today};
        for (const Check* check : checks) check->check(m, ctx, sink);
      } catch (const std::exception& e) {
        internal_errors_.push_back(m.file->path() + ": " + e.what());
      }
    }
    for (Finding& f : sink.findings()) keep(std::move(f));
    return finish();
  }

 private:
  const Config& config_of(const std::string& fs_path) const {
    static const Config kDefaults;
    return options_.configs ? options_.configs->for_file(fs_path) : kDefaults;
  }

  // --targets replaces the table for the whole run; else a config's
  // capabilities apply to the files under it.
  const CapabilityTable& table_for(const Manifest& m) const {
    if (options_.table) return table_;
    const CapabilityTable* own = config_of(m.file->fs_path()).table();
    return own ? *own : table_;
  }

  // The model at `path` (shown as `shown`), or nullopt when it cannot be read.
  std::optional<ModelInfo> model_at(const std::string& path, const std::string& shown) {
    auto it = models_.find(path);
    if (it == models_.end()) {
      const auto bytes = disk_size(path);
      it = models_.emplace(path, bytes ? std::optional<ModelInfo>(ModelInfo{shown, *bytes}) : std::nullopt)
               .first;
    }
    return it->second;
  }

  // --model for the run, else the config's `model` binding for v1 deployment configs.
  std::optional<ModelInfo> model_for(const Manifest& m) {
    if (run_model_ || m.format != Format::kV1DeploymentConfig) return run_model_;
    const auto bound = config_of(m.file->fs_path()).model_for(m.file->fs_path());
    return bound ? model_at(*bound, display_of(*bound)) : std::nullopt;
  }

  std::vector<InputFile> collect_inputs() {
    std::vector<InputFile> inputs;
    std::vector<std::string> errors;
    std::set<std::string> seen;
    for (const std::string& path : options_.paths) {
      if (path == "-") {
        const std::string shown = options_.stdin_filename.empty() ? "<stdin>" : options_.stdin_filename;
        inputs.push_back(InputFile{shown, "-", true});
        continue;
      }
      Discovery d = discover({path});
      errors.insert(errors.end(), d.errors.begin(), d.errors.end());
      for (InputFile& f : d.files) {
        // amlint's own files are not manifests, and a config's `ignore`
        // holds for named files too: pre-commit names every changed file.
        const std::string name = fs::path(f.fs_path).filename().string();
        if (name == kConfigFileName || name == kBaselineFileName || config_of(f.fs_path).ignores(f.fs_path)) {
          continue;
        }
        // A file named twice, or named and walked, is linted once.
        if (seen.insert(absolute_path(f.fs_path)).second) inputs.push_back(std::move(f));
      }
    }
    if (!errors.empty()) throw UsageError(errors.front());
    return inputs;
  }

  const SourceFile& add_file(const InputFile& input, std::string bytes, bool linted) {
    const bool is_stdin = input.fs_path == "-";
    std::string identity = is_stdin ? (options_.stdin_filename.empty() ? "-" : options_.stdin_filename)
                                    : input.fs_path;
    if (identity != "-") loaded_paths_.insert(absolute_path(identity));
    const SourceFile& file = project_->add_file(
        std::make_unique<SourceFile>(input.display_path, identity, std::move(bytes)));
    if (linted) {
      order_[&file] = linted_.size();
      linted_.push_back(&file);
    }
    return file;
  }

  void report(const RuleInfo& rule, const SourceFile& file, ByteRange range, std::string message,
              std::vector<Related> related = {}) {
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.location = Location{&file, range, ""};
    f.message = std::move(message);
    f.related = std::move(related);
    keep(std::move(f));
  }

  void lint_file(const InputFile& input) {
    const bool is_stdin = input.fs_path == "-";
    ReadResult read = is_stdin ? read_stdin(options_.limits.max_file_bytes)
                               : read_file(input.fs_path, options_.limits.max_file_bytes);
    if (read.error || read.oversize) {
      if (!input.named) return;  // a walk met something it cannot read: not a manifest
      const SourceFile& file = add_file(input, "", true);
      const std::string message =
          read.error ? "cannot read the file: it " + *read.error
                     : "file is " + format_bytes(*read.oversize) + ", over amlint's input limit of " +
                           format_bytes(options_.limits.max_file_bytes) +
                           "; a deployment manifest is a few KB: check that this is one";
      report(input_rules::kInvalidSyntax, file, {0, 0}, message);
      return;
    }
    try {
      const SourceFile& file = add_file(input, std::move(read.bytes), true);
      load_manifests(file, input.named, true);
    } catch (const std::exception& e) {
      internal_errors_.push_back(input.display_path + ": " + e.what());
    }
  }

  Syntax syntax_of(const SourceFile& file) const {
    const std::string& name = file.fs_path() == "-" ? file.path() : file.fs_path();
    return ends_with(to_lower(name), ".json") ? Syntax::kJson : Syntax::kYaml;
  }

  // Loads, classifies and registers the documents of `file`; reports input
  // problems when the file is linted (and is a manifest or was named).
  void load_manifests(const SourceFile& file, bool named, bool linted) {
    LoadResult loaded = load_source(file, syntax_of(file), options_.limits);
    const std::string directory = directory_of(file.fs_path());
    bool recognised = false;
    DetectedFormat first;
    std::vector<Manifest> manifests;
    for (const auto& doc : loaded.documents) {
      const DetectedFormat detected = detect_format(doc->root());
      if (doc == loaded.documents.front()) first = detected;
      Manifest m;
      m.file = &file;
      m.doc = doc.get();
      m.format = detected.format;
      m.directory = directory;
      m.linted = linted;
      recognised = recognised || is_recognised(m.format);
      if (is_recognised(m.format)) classify_path(m);
      if (m.format == Format::kV1DeploymentConfig) {
        m.compute_type = doc->root()->get("computeType");
        if (const auto type = m.compute_type ? std::optional<std::string>(m.compute_type->resolved().text)
                                             : std::nullopt;
            type && m.compute_type->is_scalar()) {
          m.target = table_for(m).target_for_v1_compute_type(*type);
        }
      }
      if (is_recognised(m.format)) manifests.push_back(std::move(m));
    }
    const bool has_documents = !loaded.documents.empty();
    const bool several_documents = loaded.documents.size() > 1;
    const std::size_t second_document = several_documents ? loaded.documents[1]->begin_offset : 0;
    project_->add_documents(std::move(loaded.documents));
    for (Manifest& m : manifests) project_->add_manifest(std::move(m));
    if (!linted) return;

    const bool report_problems =
        named || recognised || (!has_documents && looks_like_manifest(file.text()));
    bool fatal = loaded.rejected;
    if (report_problems) {
      for (const Problem& p : loaded.problems) {
        fatal = fatal || p.kind == ProblemKind::kSyntax || p.kind == ProblemKind::kLimit ||
                p.kind == ProblemKind::kEncoding;
        std::vector<Related> related;
        if (p.related) related.push_back(Related{Location{&file, *p.related, ""}, p.related_message});
        report(rule_for(p.kind), file, p.range, p.message, std::move(related));
      }
    }
    if (named && !recognised && !fatal) report_unrecognised(file, has_documents, first);
    if (recognised && !fatal && several_documents) {
      // az ml (v1 and v2) loads a manifest with yaml.safe_load, which takes
      // exactly one document.
      report(input_rules::kInvalidSyntax, file, {second_document, second_document + 3},
             "a second YAML document in a manifest: az ml reads a file with one document only; split it into "
             "one file per document");
    }
  }

  void report_unrecognised(const SourceFile& file, bool has_documents, const DetectedFormat& first) {
    std::string message;
    if (!has_documents) {
      message = "file holds no YAML or JSON document (it is empty or only comments); nothing to lint";
    } else if (first.format == Format::kV2OtherAsset) {
      message = "an Azure ML '" + first.schema + "' file is not a deployment manifest; amlint skipped it";
    } else {
      message = "not a recognised Azure ML deployment manifest (no computeType, entryScript or "
                "Azure ML $schema); amlint skipped it";
    }
    report(input_rules::kUnrecognizedFile, file, {0, 0}, message);
  }

  // Where the file lies: production or test paths (AML301, AML702, AML703).
  void classify_path(Manifest& m) {
    if (m.file->fs_path() == "-" && options_.stdin_filename.empty()) return;
    const std::string& fs_path = m.file->fs_path();
    m.path_segments = segments_of(fs_path);
    const Config& config = config_of(fs_path);
    const Detection& detection = table_for(m).detection();
    auto segment_in = [&](const std::vector<std::string>& names) -> const std::string* {
      for (const std::string& segment : m.path_segments) {
        if (std::find(names.begin(), names.end(), to_lower(segment)) != names.end()) return &segment;
      }
      return nullptr;
    };
    if (config.has_production_paths()) {
      if (const Glob* g = config.production_match(fs_path)) {
        m.production = "matches the production path '" + g->pattern() + "' of " + config.file()->path();
      }
    } else if (const std::string* segment = segment_in(detection.production_segments)) {
      m.production = "lies under '" + *segment + "/'";
    }
    m.test_path = config.has_test_paths() ? config.test_match(fs_path) != nullptr
                                          : segment_in(detection.test_segments) != nullptr;
  }

  const std::vector<std::string>& segments_of(const std::string& fs_path) {
    const std::string dir = directory_of(fs_path);
    auto it = segments_.find(dir);
    if (it == segments_.end()) it = segments_.emplace(dir, project_path_segments(fs_path)).first;
    return it->second;
  }

  // v1 inference configs pair with the deployment configs of their directory.
  // When only some of a directory's files were named (pre-commit passes the
  // changed ones), read the others too, to pair with; their own findings are
  // not reported.
  void load_pairing_siblings() {
    std::set<std::string> directories;
    for (const Manifest& m : project_->manifests()) {
      if (is_v1(m.format) && m.file->fs_path() != "-") directories.insert(m.directory);
    }
    for (const std::string& dir : directories) {
      std::error_code ec;
      std::vector<std::string> siblings;
      for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && has_manifest_extension(it->path().filename().string())) {
          siblings.push_back(it->path().lexically_normal().string());
        }
      }
      std::sort(siblings.begin(), siblings.end());
      for (const std::string& path : siblings) {
        if (loaded_paths_.count(path)) continue;
        ReadResult read = read_file(path, options_.limits.max_file_bytes);
        if (read.error || read.oversize) continue;
        // Parse only what can pair: a v1 file names computeType or entryScript.
        if (read.bytes.find("computeType") == std::string::npos &&
            read.bytes.find("entryScript") == std::string::npos) {
          continue;
        }
        const SourceFile& file =
            add_file(InputFile{display_of(path), path, false}, std::move(read.bytes), false);
        load_manifests(file, false, false);
      }
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
    auto is_generic = [](const Finding& f) { return f.rule->id == "AML501" || f.rule->id == "AML505"; };
    std::set<std::pair<const SourceFile*, int>> explained;
    for (const Finding& f : findings_) {
      if (is_capability(f)) explained.emplace(f.location.file, f.location.begin().line);
    }
    findings_.erase(std::remove_if(findings_.begin(), findings_.end(),
                                   [&](const Finding& f) {
                                     return is_generic(f) &&
                                            explained.count({f.location.file, f.location.begin().line});
                                   }),
                    findings_.end());
  }

  LintReport finish() {
    drop_structure_findings_explained_elsewhere();
    redact_secrets();
    PolicyInputs policy{options_.configs, options_.baseline, options_.today, options_.ignore,
                        [this](const SourceFile& f) -> const SourceFile& {
                          return project_->add_file(
                              std::make_unique<SourceFile>(f.path(), f.fs_path(), std::string(f.text())));
                        }};
    for (const SourceFile* file : apply_policy(findings_, linted_, policy)) {
      order_[file] = linted_.size();
      linted_.push_back(file);
    }
    // Positions are computed once per finding, and messages compared in place
    // (a tuple of copies per comparison made sorting thousands of findings slow).
    struct Key {
      std::size_t file;
      Pos begin;
      std::string_view rule;
      std::size_t end;
      const std::string* message;
      std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(findings_.size());
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      const Finding& f = findings_[i];
      keys.push_back(Key{order_.at(f.location.file), f.location.begin(), f.rule->id, f.location.range.end,
                         &f.message, i});
    }
    auto tie = [](const Key& k) {
      return std::tie(k.file, k.begin.line, k.begin.column, k.rule, k.end, *k.message);
    };
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) { return tie(a) < tie(b); });
    keys.erase(std::unique(keys.begin(), keys.end(), [&](const Key& a, const Key& b) { return tie(a) == tie(b); }),
               keys.end());
    LintReport report;
    report.findings.reserve(keys.size());
    for (const Key& k : keys) report.findings.push_back(std::move(findings_[k.index]));
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
          for (std::size_t at = other.message.find(part); at != std::string::npos; at = other.message.find(part, at)) {
            other.message.replace(at, part.size(), "***");
          }
        }
      }
      project_->redact(*f.location.file, f.location.range);
    }
  }

  const LintOptions& options_;
  const CapabilityTable& table_;
  std::unique_ptr<Project> project_;
  std::vector<const SourceFile*> linted_;
  std::map<const SourceFile*, std::size_t> order_;
  std::map<std::string, std::vector<std::string>> segments_;
  std::set<std::string> loaded_paths_;  // absolute paths of every file read
  std::vector<Finding> findings_;
  std::vector<std::string> internal_errors_;
  std::optional<ModelInfo> run_model_;                              // --model
  std::map<std::string, std::optional<ModelInfo>> models_;          // by path
};

}  // namespace

std::size_t LintReport::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const Finding& f) { return f.severity == severity; }));
}

LintReport lint(const LintOptions& options) {
  const CapabilityTable& table = options.table ? *options.table : CapabilityTable::builtin();
  return Run(options, table).execute();
}

bool rule_matches(const RuleInfo& rule, const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (iequals(rule.slug, p) || (!p.empty() && starts_with(to_lower(rule.id), to_lower(p)))) return true;
  }
  return false;
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
