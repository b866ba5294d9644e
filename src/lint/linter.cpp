#include "lint/linter.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "lint/context.h"
#include "lint/file_linter.h"
#include "lint/findings.h"
#include "lint/inputs.h"
#include "lint/models.h"
#include "lint/place.h"
#include "policy/policy.h"
#include "policy/suppressions.h"
#include "rules/registry.h"
#include "util/files.h"
#include "util/pool.h"

namespace amlint {
namespace {

// The checks that report at least one rule `ignore` leaves on; --ignore
// then drops the findings of the ignored ones, one by one (Run::keep).
std::vector<const Check*> checks_to_run(const std::vector<std::string>& ignore) {
  std::vector<const Check*> out;
  for (const auto& check : all_checks()) {
    const std::vector<const RuleInfo*>& rules = check->rules();
    if (std::any_of(rules.begin(), rules.end(),
                    [&](const RuleInfo* r) { return !rule_matches(*r, ignore); })) {
      out.push_back(check.get());
    }
  }
  return out;
}

// A run in two phases, so that memory stays small and files are linted in
// parallel (util/pool.h):
// 1. Each file on its own: read it, parse it document by document, and lint
//    each manifest as soon as it is built, against an empty project that
//    records what the checks look up; then drop its tree, keeping a reference
//    copy (model/project.h) for the references of other files.
// 2. With every file in, lint again, against the whole project, the
//    manifests whose lookups now find something (an endpoint next to its
//    deployments, paired v1 configs), parsing their files again; their new
//    results replace the first ones. A manifest whose lookups find nothing
//    would see the same empty answers again, so its first results stand.
// Results are kept per file and per manifest and merged in input order, so
// the report is the same for any number of threads. Reading and linting one
// file is FileLinter's (lint/file_linter.h); the last steps on the findings
// are in lint/findings.h.
class Run {
 public:
  Run(const LintOptions& options, const CapabilityTable& table)
      : options_(options),
        jobs_(resolve_jobs(options.jobs)),
        models_(options.model_path),
        project_(std::make_unique<Project>()),
        places_(options.configs, !options.table, table),
        files_(options, places_, models_, checks_to_run(options.ignore)) {}

  LintReport execute() {
    std::vector<FileResult> results;
    {
      const std::vector<Input> inputs = collect_inputs(options_, places_);  // gone once read
      results.resize(inputs.size());
      parallel_for(inputs.size(), jobs_,
                   [&](std::size_t i) { results[i] = files_.load(inputs[i]); });
    }
    if (!options_.allow_empty) refuse_empty_directories(results);
    std::size_t manifests = 0;
    for (const FileResult& r : results) manifests += r.references.size();
    project_->reserve(results.size(), manifests);
    for (FileResult& r : results) add_to_project(r);
    load_pairing_siblings(results);
    if (options_.project_context) load_project_context(results);
    project_->index();
    parallel_for(results.size(), jobs_,
                 [&](std::size_t i) { files_.relint(results[i], *project_); });
    merge(std::move(results));
    return finish();
  }

 private:
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

  // A directory argument under which nothing counted: a usage error.
  void refuse_empty_directories(const std::vector<FileResult>& results) const {
    std::vector<std::string> counted;
    for (const FileResult& r : results) {
      if (r.counted && r.file->has_path()) counted.push_back(absolute_path(r.file->fs_path()));
    }
    if (const auto empty = directory_without_manifests(options_.paths, counted))
      throw UsageError(no_manifest_message(*empty));
  }

  // Back on the main thread, in input order.
  void add_to_project(FileResult& r) {
    if (!r.file) return;
    if (r.file->has_path()) loaded_paths_.insert(absolute_path(r.file->fs_path()));
    if (r.linted && r.counted) {
      order_[r.file] = linted_.size();
      linted_.push_back(r.file);
    }
    project_->add_file(std::move(r.owned));
    for (Reference& reference : r.references) project_->add_manifest(std::move(reference));
    r.references = std::vector<Reference>();
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
      if (!m.file->has_path()) continue;
      if (m.format == Format::kV1DeploymentConfig) wanted[m.directory].insert("entryScript");
      if (m.format == Format::kV1InferenceConfig) wanted[m.directory].insert("computeType");
    }
    std::vector<std::pair<Input, const std::set<std::string>*>> siblings;
    for (const auto& [dir, markers] : wanted) {
      for (Input& input : pairing_candidates(dir, loaded_paths_))
        siblings.emplace_back(std::move(input), &markers);
    }
    std::vector<FileResult> loaded(siblings.size());
    parallel_for(siblings.size(), jobs_, [&](std::size_t i) {
      loaded[i] = files_.load(siblings[i].first, siblings[i].second);
    });
    for (FileResult& r : loaded) {
      add_to_project(r);
      results.push_back(std::move(r));
    }
  }

  // A partial run reads the other manifests its references need from the
  // project index (lint/context.h).
  void load_project_context(std::vector<FileResult>& results) {
    const std::vector<Input> inputs = context_inputs(results, options_, places_, loaded_paths_);
    static const std::set<std::string> kAnyFile;
    std::vector<FileResult> loaded(inputs.size());
    parallel_for(inputs.size(), jobs_, [&](std::size_t i) {
      loaded[i] = files_.load(inputs[i], &kAnyFile);
      loaded[i].context = true;
    });
    for (FileResult& r : loaded) {
      add_to_project(r);
      results.push_back(std::move(r));
    }
  }

  bool is_linted(const SourceFile* file) const { return order_.count(file) > 0; }

  // Drops a finding of an ignored rule. A cross-file finding whose primary
  // location is in a file that was only read for pairing moves to its
  // related location in a linted file.
  void keep(Finding f) {
    if (rule_matches(*f.rule, options_.ignore)) return;
    if (!is_linted(f.location.file)) {
      auto it = std::find_if(f.related.begin(), f.related.end(),
                             [&](const Related& r) { return is_linted(r.location.file); });
      if (it == f.related.end()) return;
      Related moved{f.location, "the request is here"};
      f.location = it->location;
      *it = std::move(moved);
      f.fixes.clear();  // its edits are of the other file
    }
    findings_.push_back(std::move(f));
  }

  LintReport finish() {
    drop_findings_explained_elsewhere(findings_);
    redact_secrets(findings_, *project_);
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
    sort_findings(findings_, order_);
    LintReport report;
    report.findings = std::move(findings_);
    report.files = linted_;
    report.internal_errors = std::move(internal_errors_);
    report.project = std::move(project_);
    return report;
  }

  const LintOptions& options_;
  const unsigned jobs_;
  const Models models_;
  std::unique_ptr<Project> project_;
  Places places_;
  FileLinter files_;
  std::vector<const SourceFile*> linted_;
  std::map<const SourceFile*, std::size_t> order_;
  std::set<std::string> loaded_paths_;  // absolute paths of every file read
  std::map<const SourceFile*, ScannedSuppressions> suppressions_;  // of the linted files
  Findings findings_;
  std::vector<std::string> internal_errors_;
};

}  // namespace

LintReport lint(const LintOptions& options) {
  forget_repository_roots();  // a long-lived caller may have seen another state of the disk
  const CapabilityTable& table = options.table ? *options.table : CapabilityTable::builtin();
  return Run(options, table).execute();
}

LintReport lint_buffer(Buffer buffer, LintOptions options) {
  options.paths.clear();
  options.buffers.clear();
  options.buffers.push_back(std::move(buffer));
  return lint(options);
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
