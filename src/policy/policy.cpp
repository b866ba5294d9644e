#include "policy/policy.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/fingerprint.h"
#include "policy/suppressions.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

std::string rule_list(const std::vector<const RuleInfo*>& rules) {
  std::vector<std::string> ids;
  ids.reserve(rules.size());
  for (const RuleInfo* r : rules) ids.emplace_back(r->id);
  return join_and(ids);
}

class PolicyRun {
 public:
  PolicyRun(Findings& findings, const std::vector<const SourceFile*>& linted,
            const PolicyInputs& inputs)
      : findings_(findings), linted_(linted), inputs_(inputs) {}

  std::vector<const SourceFile*> run() {
    apply_severities(findings_);
    for (Finding& f : findings_) by_file_[f.location.file].push_back(&f);
    for (const SourceFile* file : linted_) apply_inline(*file);
    apply_config_suppressions();
    take_added();
    apply_baseline();  // after the suppression findings, so that it can hide them too
    take_added();
    return extra_files_;
  }

 private:
  // Moves the findings about the policy into the run's findings, with the
  // severities the config gives them, and drops hidden findings.
  void take_added() {
    apply_severities(added_);
    findings_.erase(std::remove_if(findings_.begin(), findings_.end(),
                                   [](const Finding& f) { return !f.rule; }),
                    findings_.end());
    for (Finding& f : added_) {
      if (f.rule) findings_.push_back(std::move(f));
    }
    added_.clear();
  }

  const Config& config_of(const SourceFile& file) {
    static const Config kDefaults;
    if (!inputs_.configs) return kDefaults;
    auto it = configs_.find(&file);  // one lookup per file, not per finding
    if (it == configs_.end())
      it = configs_.emplace(&file, &inputs_.configs->for_file(file.fs_path())).first;
    return *it->second;
  }

  // Whether `rule` ran on `file`: not --ignore'd, not off in its config.
  bool ran(const RuleInfo& rule, const SourceFile& file) {
    return !rule_matches(rule, inputs_.ignored) &&
           config_of(file).severity(rule, file.fs_path()).has_value();
  }

  bool expired(const std::string& until) const { return !until.empty() && until < inputs_.today; }

  // A finding that is hidden is marked by a null rule and erased at the end.
  static void hide(Finding& f) { f.rule = nullptr; }

  void apply_severities(Findings& findings) {
    for (Finding& f : findings) {
      if (!f.rule) continue;
      // A rule's findings keep the severity it gave them (some rules vary it
      // by format) unless the config sets one.
      const SeveritySetting* s =
          config_of(*f.location.file).severity_setting(*f.rule, f.location.file->fs_path());
      if (!s) continue;
      if (s->severity) {
        f.severity = *s->severity;
      } else {
        hide(f);
      }
    }
  }

  void add(const RuleInfo& rule, const SourceFile& file, ByteRange range, std::string message) {
    const SourceFile* where = &file;
    if (std::find(linted_.begin(), linted_.end(), where) == linted_.end()) {
      auto it = adopted_.find(where);
      if (it == adopted_.end()) {
        it = adopted_.emplace(where, &inputs_.adopt(file)).first;
        extra_files_.push_back(it->second);
      }
      where = it->second;
    }
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.location = Location{where, range, ""};
    f.message = std::move(message);
    added_.push_back(std::move(f));
  }

  std::string where_non_suppressible(const RuleInfo& rule, const Config& config) {
    return std::string(rule.id) + " is marked non-suppressible in " +
           (config.file() ? config.describe(config.non_suppressible_origin(rule))
                          : "the project config") +
           "; fix the finding instead";
  }

  void apply_inline(const SourceFile& file) {
    ScannedSuppressions scanned =
        inputs_.suppressions ? inputs_.suppressions(file) : scan_suppressions(file);
    if (scanned.suppressions.empty() && scanned.errors.empty()) return;
    const Config& config = config_of(file);
    for (const DirectiveError& e : scanned.errors)
      add(policy_rules::kInvalidSuppression, file, e.range, e.message);
    for (Suppression& s : scanned.suppressions) {
      std::set<const RuleInfo*> refused;
      for (Finding* f : by_file_[&file]) {
        if (!f->rule) continue;
        const auto it = std::find(s.rules.begin(), s.rules.end(), f->rule);
        const int line = f->location.begin().line;
        if (it == s.rules.end() || (!s.whole_file && (line < s.line || line > s.last_line)))
          continue;
        if (!config.suppressible(*f->rule)) {
          refused.insert(f->rule);
        } else if (!expired(s.until)) {
          s.used[static_cast<std::size_t>(it - s.rules.begin())] = true;
          hide(*f);
        }
      }
      report_inline(file, config, s, refused);
    }
  }

  void report_inline(const SourceFile& file, const Config& config, const Suppression& s,
                     const std::set<const RuleInfo*>& refused) {
    const std::string what = s.whole_file           ? "this file"
                             : s.last_line > s.line ? "lines " + std::to_string(s.line) + "-" +
                                                          std::to_string(s.last_line)
                                                    : "line " + std::to_string(s.line);
    if (s.reason.empty()) {
      add(policy_rules::kSuppressionWithoutReason, file, s.range,
          "suppression of " + rule_list(s.rules) +
              " gives no reason; add one after '--', e.g. '-- load test, "
              "removed by 2027-03'");
    }
    for (const RuleInfo* r : refused) {
      add(policy_rules::kInvalidSuppression, file, s.range, where_non_suppressible(*r, config));
    }
    if (expired(s.until)) {
      add(policy_rules::kExpiredSuppression, file, s.range,
          "suppression of " + rule_list(s.rules) + " expired on " + s.until +
              " and no longer applies; fix the finding, or renew it with a later until=");
      return;
    }
    std::vector<const RuleInfo*> unused;
    for (std::size_t i = 0; i < s.rules.size(); ++i) {
      if (!s.used[i] && !refused.count(s.rules[i]) && ran(*s.rules[i], file))
        unused.push_back(s.rules[i]);
    }
    if (!unused.empty()) {
      add(policy_rules::kUnusedSuppression, file, s.range,
          "suppression of " + rule_list(unused) + " matches no finding on " + what + "; remove it");
    }
  }

  static bool under_pointer(const std::string& doc_path, const std::string& pointer) {
    return pointer.empty() || doc_path == pointer ||
           (starts_with(doc_path, pointer) && doc_path.size() > pointer.size() &&
            doc_path[pointer.size()] == '/');
  }

  // Configs in the order their first file was linted, so that the report
  // (which lists config files after the linted ones) is the same every run.
  void apply_config_suppressions() {
    std::vector<std::pair<const Config*, std::vector<const SourceFile*>>> files_by_config;
    for (const SourceFile* file : linted_) {
      const Config* config = &config_of(*file);
      auto it = std::find_if(files_by_config.begin(), files_by_config.end(),
                             [&](const auto& entry) { return entry.first == config; });
      if (it == files_by_config.end())
        it = files_by_config.insert(files_by_config.end(), {config, {}});
      it->second.push_back(file);
    }
    for (const auto& [config, files] : files_by_config) {
      for (const ConfigSuppression& s : config->suppressions())
        apply_config_suppression(*config, s, files);
    }
  }

  void apply_config_suppression(const Config& config, const ConfigSuppression& s,
                                const std::vector<const SourceFile*>& files) {
    std::vector<const SourceFile*> matching;
    for (const SourceFile* file : files) {
      if (s.path.matches(config.relative(file->fs_path()))) matching.push_back(file);
    }
    if (matching.empty()) return;  // its file was not linted this run: nothing to say
    const SourceFile& where = *config.file();
    if (s.reason.empty()) {
      add(policy_rules::kSuppressionWithoutReason, where, s.origin.range,
          "suppression of " + std::string(s.rule->id) + " in " + s.path.pattern() +
              " gives no reason; add a reason: line saying why the finding is accepted");
    }
    if (expired(s.until)) {
      return add(policy_rules::kExpiredSuppression, where, s.origin.range,
                 "suppression of " + std::string(s.rule->id) + " in " + s.path.pattern() +
                     " expired on " + s.until +
                     " and no longer applies; fix the finding, or renew it with a later until");
    }
    if (!config.suppressible(*s.rule)) {
      return add(policy_rules::kInvalidSuppression, where, s.origin.range,
                 where_non_suppressible(*s.rule, config));
    }
    bool used = false;
    for (const SourceFile* file : matching) {
      for (Finding* f : by_file_[file]) {
        if (f->rule != s.rule || !under_pointer(f->location.doc_path, s.pointer)) continue;
        hide(*f);
        used = true;
      }
    }
    const bool rule_ran = std::any_of(matching.begin(), matching.end(),
                                      [&](const SourceFile* file) { return ran(*s.rule, *file); });
    if (!used && rule_ran) {
      add(policy_rules::kUnusedSuppression, where, s.origin.range,
          "suppression of " + std::string(s.rule->id) + " in " + s.path.pattern() +
              (s.pointer.empty() ? "" : " at " + s.pointer) + " matches no finding; remove it");
    }
  }

  void apply_baseline() {
    Baseline* baseline = inputs_.baseline;
    if (!baseline) return;
    std::multimap<std::string, BaselineEntry*> open;
    for (BaselineEntry& e : baseline->entries()) open.emplace(e.fingerprint, &e);
    for (Finding& f : findings_) {
      if (!f.rule || !config_of(*f.location.file).suppressible(*f.rule)) continue;
      const auto it = open.find(fingerprint(f));
      if (it == open.end()) continue;
      it->second->used = true;
      open.erase(it);
      hide(f);
    }
    std::set<std::string> linted_paths;
    for (const SourceFile* file : linted_) linted_paths.insert(repository_path(*file));
    for (const BaselineEntry& e : baseline->entries()) {
      if (e.used || !linted_paths.count(e.path))
        continue;  // files not linted this run may still match
      std::string message = "baseline entry for " + (e.rule.empty() ? "a finding" : e.rule) +
                            " in " + e.path + (e.pointer.empty() ? "" : " at " + e.pointer) +
                            " matches no current finding";
      const RuleInfo* rule = find_rule(e.rule);
      const SourceFile* file = nullptr;
      for (const SourceFile* f : linted_) {
        if (repository_path(*f) == e.path) file = f;
      }
      if (rule && file && !config_of(*file).suppressible(*rule)) {
        message += ": " + where_non_suppressible(*rule, config_of(*file));
      } else {
        message += "; it was fixed: remove the entry, or rewrite the file with `amlint baseline`";
      }
      add(policy_rules::kStaleBaselineEntry, baseline->file(), e.range, message);
    }
  }

  Findings& findings_;
  const std::vector<const SourceFile*>& linted_;
  const PolicyInputs& inputs_;
  std::map<const SourceFile*, std::vector<Finding*>> by_file_;
  std::map<const SourceFile*, const Config*> configs_;
  Findings added_;
  std::vector<const SourceFile*> extra_files_;
  std::map<const SourceFile*, const SourceFile*> adopted_;  // original -> the run's copy
};

}  // namespace

std::vector<const SourceFile*> apply_policy(Findings& findings,
                                            const std::vector<const SourceFile*>& linted,
                                            const PolicyInputs& inputs) {
  return PolicyRun(findings, linted, inputs).run();
}

}  // namespace amlint
