#include "policy/settings.h"

#include <iomanip>

#include "capability/table.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

std::string patterns(const std::vector<Glob>& globs) {
  std::vector<std::string> out;
  out.reserve(globs.size());
  for (const Glob& g : globs) out.push_back(g.pattern());
  return out.empty() ? "(none)" : join(out, ", ");
}

std::string severity_text(const std::optional<Severity>& s) {
  return s ? std::string(severity_name(*s)) : "off";
}

void line(std::ostream& out, const std::string& setting, const std::string& value,
          const std::string& from) {
  out << std::left << std::setw(14) << setting + ":" << value << " (" << from << ")\n";
}

std::string segments(const std::vector<std::string>& names) {
  return "directories named " + join_or(names);
}

}  // namespace

void write_settings(std::ostream& out, const Config& c) {
  const CapabilityTable& table = c.table() ? *c.table() : CapabilityTable::builtin();
  out << "config file:  " << (c.file() ? c.file()->path() : "none (built-in defaults)") << "\n";
  line(out, "fail-level",
       std::string(level_name(c.fail_level().value_or(Severity::kError), "none")),
       c.describe(c.origin("fail-level")));
  line(out, "baseline", c.baseline().value_or("none"), c.describe(c.origin("baseline")));
  line(out, "ignore", patterns(c.ignore_globs()), c.describe(c.origin("ignore")));
  line(out, "production",
       c.production_globs() ? patterns(*c.production_globs())
                            : segments(table.detection().production_segments),
       c.describe(c.origin("production")));
  line(out, "test",
       c.test_globs() ? patterns(*c.test_globs()) : segments(table.detection().test_segments),
       c.describe(c.origin("test")));
  line(out, "capabilities", c.table() ? "built-in table with overrides" : "built-in table",
       c.describe(c.origin("capabilities")));
  for (const auto& [glob, model] : c.models()) {
    line(out, "model", glob.pattern() + " -> " + model, c.describe(c.origin("model")));
  }
  line(out, "run-dirs",
       c.run_directories().empty() ? "the config's folder and the repository root"
                                   : join(c.run_directories(), ", "),
       c.describe(c.origin("run-directories")));
  line(out, "suppress", std::to_string(c.suppressions().size()) + " in config",
       c.describe(c.origin("suppress")));
  out << "rules:\n";
  for (const RuleInfo* r : all_rules()) {
    std::string value = std::string(severity_name(r->severity));
    std::string from = "default";
    std::vector<std::string> by_path;
    for (const SeveritySetting& s : c.severity_settings()) {
      if (s.rule != r) continue;
      if (s.paths.empty()) {
        value = severity_text(s.severity);
        from = c.describe(s.origin);
      } else {
        by_path.push_back(severity_text(s.severity) + " in " + patterns(s.paths) + " (" +
                          c.describe(s.origin) + ")");
      }
    }
    value += " (" + from + ")";
    if (!by_path.empty()) value += "; " + join(by_path, "; ");
    if (!c.suppressible(*r))
      value += "; not suppressible (" + c.describe(c.non_suppressible_origin(*r)) + ")";
    out << "  " << std::left << std::setw(8) << r->id << std::setw(36) << r->slug << value << "\n";
  }
}

std::string starter_config() {
  return R"(# amlint project config. amlint uses the nearest .amlint.yaml above each file
# it lints (settings are not merged across files); `amlint config` prints the
# settings in effect. Paths are gitignore-style patterns relative to this file.

# Least severity that fails the run (exit code 1): error, warning, info or none.
fail-level: error

# Rule severities by id or slug: off, info, warning or error; or
# {severity: ..., paths: [...]} for some paths only; {suppressible: false}
# forbids `# amlint: ignore` and baseline entries for a rule.
rules:
  inline-secret: {suppressible: false}
  # AML402: warning
  # AML601: {severity: off, paths: [experiments/]}

# Files and directories amlint skips, one list item each (no value: none).
ignore:
  # - legacy/
  # - "**/*.generated.yml"

# Severities for groups of paths; the last override that matches wins.
overrides:
  # - paths: [sandbox/]
  #   rules: {AML301: off, AML702: off}

# Paths that count as production (AML301, AML703). Without this setting,
# directories named prod, production or prd do.
# production: [deploy/prod/]

# Paths that count as test or development (AML702 stays quiet there). Without
# this setting, directories named test, tests, testing, dev, development or
# sandbox do.
# test: [sandbox/]

# Findings accepted for now: `amlint baseline` writes this file, and check
# hides what it lists.
# baseline: .amlint-baseline.json

# Your own limits, merged over the built-in capability table (same shape as
# rules/compute-targets.yaml; `amlint explain AML201` shows the limits).
# capabilities:
#   targets:
#     aci:
#       memory_gb: {less_than: 64, source: "quota raised, ticket 1234"}

# The model each v1 deployment config serves (what --model does for a run),
# for AML203.
# model:
#   "services/fraud/deployment_config_*.yml": models/fraud/model.pkl

# Where your pipeline runs az ml v1 or the v1 SDK from: they resolve the paths
# of v1 configs (entryScript, sourceDirectory, condaFile) against their working
# directory. Without this setting, AML601 looks next to the config file, in
# this file's folder and in the repository root.
# run-directories: [., pipelines/]

# Accepted findings in JSON files, which cannot hold comments.
suppress:
  # - rule: AML201
  #   path: services/fraud/deploymentconfig.json
  #   pointer: /containerResourceRequirements/memoryInGB
  #   reason: load test until the quota rises
  #   until: 2027-03-31
)";
}

}  // namespace amlint
