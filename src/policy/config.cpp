#include "policy/config.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "core/errors.h"
#include "manifest/loader.h"
#include "rules/registry.h"
#include "schema/schema.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

std::string absolute_normal(const fs::path& p) {
  std::error_code ec;
  return fs::absolute(p, ec).lexically_normal().string();
}

}  // namespace

// Reads the config tree into a Config, collecting every error with its
// position. The shape (keys, types, required keys, the severity words) is
// checked first against schemas/amlint-config.schema.json; the reader checks
// what the schema cannot say: rule ids exist, patterns compile, `paths` comes
// with a severity, `capabilities` makes a valid table once merged.
class ConfigReader {
 public:
  ConfigReader(Config& config, const SourceFile& file) : config_(config), file_(file) {}

  void read(const Node* root) {
    if (!root || root->is_null()) return;  // an empty file: the defaults
    for (const schema::Violation& v :
         schema::shape_violations(*schema::builtin("amlint-config"), *root)) {
      error(v.node, v.message);
      flagged_.insert(v.node);
    }
    if (!root->is_map()) return;
    for (const MapEntry& e : root->resolved().entries) {
      const std::string key = e.key->resolved().text;
      config_.origins_[key] = origin(e.key);
      if (key == "rules") {
        read_rules(e.value);
      } else if (key == "ignore") {
        config_.ignore_ = globs(e.value, "ignore");
      } else if (key == "overrides") {
        read_overrides(e.value);
      } else if (key == "production") {
        config_.production_ = globs(e.value, "production");
      } else if (key == "test") {
        config_.test_ = globs(e.value, "test");
      } else if (key == "fail-level") {
        if (const auto v = level(e.value, "fail-level", "none")) config_.fail_level_ = *v;
      } else if (key == "baseline") {
        if (const auto v = string(e.value, "baseline")) config_.baseline_ = path_of(*v);
      } else if (key == "capabilities") {
        read_capabilities(e.value);
      } else if (key == "model") {
        read_models(e.value);
      } else if (key == "suppress") {
        read_suppressions(e.value);
      } else if (key == "run-directories") {
        read_run_directories(e.value);
      }
    }
  }

  // In the order of the file (the schema's come first otherwise).
  std::vector<std::string> errors() {
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& [pos, text] : errors_) out.push_back(std::move(text));
    return out;
  }

 private:
  // One error per value: the reader says nothing more of a value the schema
  // has flagged.
  void error(const Node* at, const std::string& message) {
    if (flagged_.count(at)) return;
    const Pos pos = file_.position(at ? at->range.begin : 0);
    errors_.emplace_back(pos, format_position(file_.path(), pos) + ": " + message);
  }

  Origin origin(const Node* node) const { return Origin{node->range, true}; }

  std::string path_of(const std::string& relative) const {
    return absolute_normal(fs::path(config_.directory_) / relative);
  }

  std::optional<std::string> string(const Node* node, const std::string& what) {
    if (node && node->is_scalar() && !node->resolved().text.empty()) return node->resolved().text;
    error(node, what + " must be a non-empty string");
    return std::nullopt;
  }

  std::optional<std::string> one_of(const Node* node, const std::string& what,
                                    const std::vector<std::string>& allowed) {
    auto value = string(node, what);
    if (!value) return std::nullopt;
    for (const std::string& a : allowed) {
      if (*value == a) return value;
    }
    std::string message = what + " must be " + join_or(allowed) + ", not '" + *value + "'";
    if (const auto near = closest_match(*value, allowed))
      message += "; did you mean '" + *near + "'?";
    error(node, message);
    return std::nullopt;
  }

  // A severity or `none_word` (core/diagnostic.h).
  std::optional<Level> level(const Node* node, const std::string& what,
                             std::string_view none_word) {
    const auto name = one_of(node, what, level_names(none_word));
    return name ? parse_level(*name, none_word) : std::nullopt;
  }

  std::optional<Glob> glob(const Node* node, const std::string& what) {
    const auto text = string(node, what);
    if (!text) return std::nullopt;
    std::string why;
    auto g = Glob::compile(*text, why);
    if (!g) error(node, what + ": '" + *text + "' is not a valid path pattern: " + why);
    return g;
  }

  // A list of globs; a single string counts as a list of one.
  std::vector<Glob> globs(const Node* node, const std::string& what) {
    std::vector<Glob> out;
    if (node && node->is_scalar()) {
      if (auto g = glob(node, what)) out.push_back(std::move(*g));
      return out;
    }
    if (!node || !node->is_seq()) return out;
    for (const Node* item : node->resolved().items) {
      if (auto g = glob(item, what)) out.push_back(std::move(*g));
    }
    return out;
  }

  const RuleInfo* rule(const Node* node) {
    const auto name = string(node, "a rule");
    if (!name) return nullptr;
    if (const RuleInfo* r = find_rule(*name)) return r;
    std::vector<std::string> names;
    for (const RuleInfo* r : all_rules()) {
      names.emplace_back(r->id);
      names.emplace_back(r->slug);
    }
    std::string message = "no rule '" + *name + "'";
    if (const auto near = closest_match(*name, names)) message += "; did you mean " + *near + "?";
    error(node, message + " (amlint rules lists them)");
    return nullptr;
  }

  // `value` is a severity, or {severity, paths, suppressible}.
  void read_rule_setting(const RuleInfo& r, const Node* key, const Node* value,
                         const std::vector<Glob>& paths) {
    SeveritySetting s{&r, r.severity, paths, origin(key)};
    if (value && value->is_map()) {
      bool has_severity = false;
      for (const MapEntry& e : value->resolved().entries) {
        const std::string k = e.key->resolved().text;
        if (k == "severity") {
          has_severity = true;
          if (const auto v = level(e.value, "severity", "off")) s.severity = *v;
        } else if (k == "paths") {
          s.paths = globs(e.value, "paths");
        } else if (k == "suppressible") {
          if (const auto v = one_of(e.value, "suppressible", {"true", "false"});
              v && *v == "false") {
            config_.non_suppressible_[&r] = origin(e.key);
          }
        }
      }
      if (!has_severity && !s.paths.empty()) {
        error(value,
              "paths needs a severity: say what " + std::string(r.id) + " is in those paths");
      }
      if (!has_severity) return;  // only suppressible: no severity change
    } else if (const auto v = level(value, std::string(r.id), "off")) {
      s.severity = *v;
    } else {
      return;
    }
    config_.severities_.push_back(std::move(s));
  }

  void read_rules(const Node* node, const std::vector<Glob>& paths = {}) {
    if (!node || !node->is_map()) return;
    for (const MapEntry& e : node->resolved().entries) {
      if (const RuleInfo* r = rule(e.key)) read_rule_setting(*r, e.key, e.value, paths);
    }
  }

  void read_overrides(const Node* node) {
    if (!node || !node->is_seq()) return;
    for (const Node* item : node->resolved().items) {
      if (!item->is_map()) continue;
      const std::vector<Glob> g = globs(item->get("paths"), "paths");
      if (!g.empty()) read_rules(item->get("rules"), g);
    }
  }

  // Folders az ml v1 and the v1 SDK are run from (they resolve a config's
  // paths against their working directory), relative to this file.
  void read_run_directories(const Node* node) {
    std::vector<const Node*> items;
    if (node && node->is_scalar()) {
      items.push_back(node);
    } else if (node && node->is_seq()) {
      items = node->resolved().items;
    }
    for (const Node* item : items) {
      if (const auto dir = string(item, "run-directories item"))
        config_.run_directories_.push_back(path_of(*dir));
    }
  }

  void read_capabilities(const Node* node) {
    if (!node || !node->is_map()) return;
    std::vector<TableError> table_errors;
    config_.table_ = CapabilityTable::merged_with(*node, file_, table_errors);
    for (const TableError& e : table_errors) {
      errors_.emplace_back(e.pos, format_position(e.file, e.pos) + ": capabilities: " + e.message);
    }
  }

  void read_models(const Node* node) {
    if (!node || !node->is_map()) return;
    for (const MapEntry& e : node->resolved().entries) {
      auto g = glob(e.key, "model");
      const auto target = string(e.value, "a model path");
      if (g && target) config_.models_.emplace_back(std::move(*g), path_of(*target));
    }
  }

  void read_suppressions(const Node* node) {
    if (!node || !node->is_seq()) return;
    for (const Node* item : node->resolved().items) {
      if (!item->is_map()) continue;
      ConfigSuppression s;
      s.origin = origin(item);
      // A missing rule or path is the schema's error, at the item.
      const Node* rule_node = item->get("rule");
      const Node* path_node = item->get("path");
      if (!rule_node || !path_node) continue;
      s.rule = rule(rule_node);
      auto g = glob(path_node, "path");
      // A missing reason is a finding (AML005), like in a comment.
      const Node* reason = item->get("reason");
      const std::optional<std::string> why = reason ? string(reason, "reason") : std::string();
      if (const Node* p = item->get("pointer")) s.pointer = string(p, "pointer").value_or("");
      if (const Node* u = item->get("until")) s.until = string(u, "until").value_or("");
      if (!s.rule || !g || !why) continue;
      s.path = std::move(*g);
      s.reason = *why;
      config_.suppressions_.push_back(std::move(s));
    }
  }

  Config& config_;
  const SourceFile& file_;
  std::vector<std::pair<Pos, std::string>> errors_;
  std::unordered_set<const Node*> flagged_;
};

std::unique_ptr<Config> Config::load(const std::string& path) {
  auto config = std::make_unique<Config>();
  config->file_ = read_required_file("config", path, Limits{}.max_file_bytes);
  config->directory_ = fs::path(absolute_normal(path)).parent_path().string();
  const LoadResult loaded = load_source(*config->file_, Syntax::kYaml, Limits{});
  std::vector<std::string> errors;
  for (const Problem& p : loaded.problems) {
    const Pos pos = config->file_->position(p.range.begin);
    errors.push_back(format_position(path, pos) + ": " + p.message);
  }
  if (errors.empty() && loaded.documents.size() > 1) {
    const Pos pos = config->file_->position(loaded.documents[1]->begin_offset);
    errors.push_back(format_position(path, pos) + ": a config file holds one YAML document");
  }
  if (errors.empty() && !loaded.documents.empty()) {
    ConfigReader reader(*config, *config->file_);
    reader.read(loaded.documents[0]->root());
    errors = reader.errors();
  }
  if (!errors.empty())
    throw UsageError("invalid config: " + join(errors, "\namlint: invalid config: "));
  return config;
}

std::string Config::relative(const std::string& fs_path) const {
  std::error_code ec;
  const fs::path base = directory_.empty() ? fs::current_path(ec) : fs::path(directory_);
  const fs::path rel = fs::path(absolute_normal(fs_path)).lexically_relative(base);
  return rel.empty() ? fs_path : rel.generic_string();
}

bool Config::ignores(const std::string& fs_path) const {
  return !ignore_.empty() && first_match(ignore_, relative(fs_path));
}

const SeveritySetting* Config::severity_setting(const RuleInfo& rule,
                                                const std::string& fs_path) const {
  const SeveritySetting* decided = nullptr;
  std::optional<std::string> rel;
  for (const SeveritySetting& s : severities_) {
    if (s.rule != &rule) continue;
    if (!s.paths.empty()) {
      if (!rel) rel = relative(fs_path);
      if (!first_match(s.paths, *rel)) continue;
    }
    decided = &s;
  }
  return decided;
}

std::optional<Severity> Config::severity(const RuleInfo& rule, const std::string& fs_path) const {
  const SeveritySetting* s = severity_setting(rule, fs_path);
  return s ? s->severity : std::optional<Severity>(rule.severity);
}

const Glob* Config::production_match(const std::string& fs_path) const {
  return production_ ? first_match(*production_, relative(fs_path)) : nullptr;
}

const Glob* Config::test_match(const std::string& fs_path) const {
  return test_ ? first_match(*test_, relative(fs_path)) : nullptr;
}

std::optional<std::string> Config::model_for(const std::string& fs_path) const {
  const std::string rel = relative(fs_path);
  for (const auto& [glob, model] : models_) {
    if (glob.matches(rel)) return model;
  }
  return std::nullopt;
}

Origin Config::non_suppressible_origin(const RuleInfo& rule) const {
  const auto it = non_suppressible_.find(&rule);
  return it == non_suppressible_.end() ? Origin{} : it->second;
}

Origin Config::origin(const std::string& key) const {
  const auto it = origins_.find(key);
  return it == origins_.end() ? Origin{} : it->second;
}

std::string Config::describe(const Origin& o) const {
  if (!o.set || !file_) return "default";
  return file_->path() + ":" + std::to_string(file_->position(o.range.begin).line);
}

ConfigResolver::ConfigResolver(const std::string& forced) {
  if (!forced.empty()) forced_ = Config::load(forced);
}

const Config& ConfigResolver::find(const std::string& absolute_directory) {
  if (const auto it = by_directory_.find(absolute_directory); it != by_directory_.end())
    return *it->second;
  const Config* found = &defaults_;
  const std::string root = repository_root_of(absolute_directory);
  std::error_code ec;
  for (fs::path dir = absolute_directory; !dir.empty(); dir = dir.parent_path()) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) {
      const std::string key = candidate.string();
      auto it = loaded_.find(key);
      if (it == loaded_.end())
        it = loaded_.emplace(key, Config::load(display_of(candidate.string()))).first;
      found = it->second.get();
      break;
    }
    // The search ends at the repository root (a submodule's is its
    // superproject's): a config above it (in a home directory, say) belongs
    // to no project of this repository.
    if (dir == dir.root_path() || dir.string() == root) break;
  }
  by_directory_[absolute_directory] = found;
  return *found;
}

const Config& ConfigResolver::for_file(const std::string& fs_path) {
  if (forced_) return *forced_;
  if (fs_path.empty()) return for_run();
  const std::lock_guard<std::mutex> lock(mutex_);
  return find(fs::path(absolute_normal(fs_path)).parent_path().string());
}

const Config& ConfigResolver::for_directory(const std::string& directory) {
  if (forced_) return *forced_;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(directory), ec).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "x/" and "x/." name x
  const std::lock_guard<std::mutex> lock(mutex_);
  return find(dir.string());
}

const Config& ConfigResolver::for_run() { return for_directory("."); }

}  // namespace amlint
