// `amlint baseline`: which entries a run writes and which it keeps.
#include <filesystem>
#include <map>

#include "core/fingerprint.h"
#include "policy/baseline.h"
#include "rules/registry.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The rules left out of a baseline because a config makes them
// non-suppressible, each with the first place that says so.
class LeftOut {
 public:
  void add(const RuleInfo& rule, const Config& config) {
    ++count_;
    if (!where_.count(&rule)) where_[&rule] = config.describe(config.non_suppressible_origin(rule));
  }
  std::size_t count() const { return count_; }
  // "AML202, which .amlint.yaml:2 makes non-suppressible"
  std::string describe() const {
    std::vector<std::string> rules;
    for (const auto& [rule, where] : where_) {
      rules.push_back(std::string(rule->id) + (where_.size() > 1 ? " (" + where + ")" : ""));
    }
    const std::string by =
        where_.size() == 1 ? where_.begin()->second : std::string("the project config");
    return join_and(rules) + ", which " + by + " makes non-suppressible";
  }

 private:
  std::size_t count_ = 0;
  std::map<const RuleInfo*, std::string> where_;  // sorted by pointer; few entries
};

// A repository path as its baseline entry names it, back to a path on disk
// under `root` (the project root of the baseline file).
std::string fs_path_of(const std::string& root, const std::string& path) {
  if (root.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(root) / path).string();
}

}  // namespace

BaselineScope BaselineScope::of(const std::vector<std::string>& paths,
                                const std::string& stdin_filename) {
  BaselineScope scope;
  for (const std::string& given : paths) {
    if (given == "-" && stdin_filename.empty()) {
      scope.files.emplace_back("<stdin>");  // the path of a text from nowhere
      continue;
    }
    const std::string& path = given == "-" ? stdin_filename : given;
    std::error_code ec;
    fs::path absolute = fs::absolute(fs::path(path), ec).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "svc/" names svc
    const bool directory = given != "-" && fs::is_directory(absolute, ec);
    // The root a file in the directory (or the file itself) reports under.
    const std::string root = project_root_of((directory ? absolute / "x" : absolute).string());
    std::string rel = root.empty() ? absolute.generic_string()
                                   : absolute.lexically_relative(root).generic_string();
    if (rel == ".") rel.clear();
    (directory ? scope.directories : scope.files).push_back(std::move(rel));
  }
  return scope;
}

bool BaselineScope::covers(const std::string& path) const {
  for (const std::string& f : files) {
    if (path == f) return true;
  }
  for (const std::string& d : directories) {
    if (d.empty() ? !fs::path(path).is_absolute() && path != "<stdin>"
                  : path == d || starts_with(path, d + "/")) {
      return true;
    }
  }
  return false;
}

std::string BaselineUpdate::summary(const std::string& path) const {
  std::string out = "wrote " + plural(entries, "entry", "entries") + " to " + path;
  if (kept > 0) out += " (" + std::to_string(kept) + " kept for paths this run did not cover)";
  if (left_out > 0) {
    out += "; left out " + plural(left_out, "finding", "findings") + " of " + non_suppressible +
           ": fix " + (left_out == 1 ? "it" : "them") + " instead";
  }
  return out;
}

BaselineUpdate update_baseline(const Findings& findings, ConfigResolver& configs,
                               const Baseline* previous, const BaselineScope& scope) {
  LeftOut left_out;
  std::vector<const Finding*> written;
  // This run's findings outside the scope, by fingerprint: an entry the
  // previous file has for one of them is that finding.
  std::multimap<std::string, const Finding*> outside;
  for (const Finding& f : findings) {
    if (!f.rule) continue;
    const Config& config = configs.for_file(f.location.file->fs_path());
    if (!config.suppressible(*f.rule)) {
      left_out.add(*f.rule, config);
      continue;
    }
    written.push_back(&f);
    if (previous && !scope.covers(repository_path(*f.location.file)))
      outside.emplace(fingerprint(f), &f);
  }
  std::vector<BaselineEntry> kept;
  if (previous) {
    const std::string root =
        previous->file().has_path() ? project_root_of(previous->file().fs_path()) : "";
    for (const BaselineEntry& e : previous->entries()) {
      if (scope.covers(e.path)) continue;  // this run's findings replace them
      if (const RuleInfo* rule = find_rule(e.rule)) {
        const Config& config = configs.for_file(fs_path_of(root, e.path));
        if (!config.suppressible(*rule)) {
          left_out.add(*rule, config);
          continue;
        }
      }
      if (const auto it = outside.find(e.fingerprint); it != outside.end()) {
        outside.erase(it);  // written already, from this run
        continue;
      }
      kept.push_back(e);
    }
  }
  BaselineUpdate update;
  update.text = Baseline::render(written, kept);
  update.entries = written.size() + kept.size();
  update.kept = kept.size();
  update.left_out = left_out.count();
  if (left_out.count() > 0) update.non_suppressible = left_out.describe();
  return update;
}

}  // namespace amlint
