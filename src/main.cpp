// amlint's command line. The only place that turns outcomes into exit codes:
// 0 nothing at or above --fail-level, 1 findings at or above it, 2 usage
// error, 3 internal error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "capability/table.h"
#include "lint/linter.h"
#include "policy/baseline.h"
#include "policy/config.h"
#include "policy/settings.h"
#include "report/facts_report.h"
#include "report/reporter.h"
#include "report/text.h"
#include "rules/registry.h"
#include "util/atomic_file.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format;                // empty: human on a terminal, else auto
  std::vector<std::string> outputs;  // FORMAT=FILE
  std::string fail_level;            // empty: the config's, else error
  std::string color = "auto";
  std::string stdin_filename;
  std::string model;
  std::string targets;
  std::vector<std::string> ignore;
  std::string config;    // --config: one config for every file
  std::string baseline;  // --baseline (check) or --baseline-file (baseline)
  unsigned jobs = 0;     // --jobs; 0: one thread per core
  bool quiet = false;
  bool force = false;  // init: overwrite
  // check --no-baseline; baseline --replace
  bool no_baseline = false;
  bool replace = false;
};

std::vector<std::string> format_names() {
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) names.emplace_back(f.name);
  return names;
}

// What every linting command takes: the files and how to read them.
void add_lint_options(CLI::App& app, CheckOptions& o) {
  app.add_option("paths", o.paths, "Files and directories to lint ('-' reads standard input)");
  app.add_option("--stdin-filename", o.stdin_filename, "Path to show (and pair by) for '-'");
  app.add_option("--model", o.model,
                 "Model file or directory that the v1 deployment configs serve");
  app.add_option("--targets", o.targets, "Use this capability table instead of the built-in one");
  app.add_option("--ignore", o.ignore,
                 "Rules not to run: ids, slugs or id prefixes, comma-separated (e.g. AML402,AML5)")
      ->delimiter(',')
      ->allow_extra_args(false)  // one value per --ignore: a path after it stays a path
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option(
      "--config", o.config,
      "Use this config file for every file instead of the nearest " + std::string(kConfigFileName));
  app.add_option("-j,--jobs", o.jobs, "Lint with N threads; 0 (the default) means one per core")
      ->type_name("N")
      ->check(CLI::Range(0U, 1000000U));
}

void add_check_options(CLI::App& app, CheckOptions& o) {
  add_lint_options(app, o);
  std::vector<std::string> formats = format_names();
  const std::string listed = join(formats, ", ");
  formats.emplace_back("auto");
  app.add_option("--format", o.format,
                 "Output format on standard output: " + listed +
                     ", or auto (github under GitHub Actions, azure under Azure Pipelines, "
                     "concise under pre-commit, else human; the default when standard output "
                     "is not a terminal)")
      ->check(CLI::IsMember(formats));
  app.add_option("--output", o.outputs,
                 "Also write a report to a file (atomically), e.g. sarif=amlint.sarif; repeatable")
      ->type_name("FORMAT=FILE")
      ->allow_extra_args(false);  // --output X=Y PATH: PATH is a path, not an output
  app.add_option("--fail-level", o.fail_level,
                 "Least severity that makes the exit code 1: error, warning, info or none "
                 "(default: the config's fail-level, else error)")
      ->check(CLI::IsMember(level_names("none")));
  app.add_option("--baseline", o.baseline,
                 "Hide the findings this baseline lists and report its stale entries "
                 "(default: the config's baseline)");
  app.add_flag("--no-baseline", o.no_baseline, "Do not use the config's baseline for this run")
      ->excludes(app.get_option("--baseline"));
  app.add_option("--color", o.color, "Colour the human format: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  app.add_flag("-q,--quiet", o.quiet, "Do not print the summary on standard error");
}

int usage_error(const std::string& message) {
  std::cerr << "amlint: " << message << "\n";
  return kExitUsage;
}

std::string read_text_file(const std::string& path) {
  ReadResult read = read_file(path, Limits{}.max_file_bytes);
  if (read.error) throw UsageError("cannot read '" + path + "': " + *read.error);
  if (read.oversize) throw UsageError("'" + path + "' is too large");
  return std::move(read.bytes);
}

std::unique_ptr<CapabilityTable> load_table(const std::string& path) {
  const SourceFile source(path, path, read_text_file(path));
  std::vector<TableError> errors;
  auto table = CapabilityTable::parse(source, errors, schema::builtin("compute-targets"));
  if (!table) {
    std::string message;
    for (const TableError& e : errors) {
      if (!message.empty()) message += "\namlint: ";
      message += "invalid capability table " + format_position(path, e.pos) + ": " + e.message;
    }
    throw UsageError(message);
  }
  return table;
}

struct FileOutput {
  const OutputFormat* format;
  std::string path;
};

std::vector<FileOutput> parse_outputs(const std::vector<std::string>& specs) {
  std::vector<FileOutput> outputs;
  for (const std::string& spec : specs) {
    const std::size_t eq = spec.find('=');
    const std::string name = spec.substr(0, eq);
    const OutputFormat* format = find_output_format(name);
    if (eq == std::string::npos || eq + 1 == spec.size() || !format) {
      throw UsageError("--output takes FORMAT=FILE with FORMAT one of " +
                       join(format_names(), ", ") + ", not '" + spec + "'");
    }
    outputs.push_back(FileOutput{format, spec.substr(eq + 1)});
  }
  return outputs;
}

// The format for standard output: as asked, else human on a terminal and
// what `auto` picks elsewhere.
const OutputFormat& stdout_format(const std::string& asked) {
  std::string_view name = asked;
  if (name.empty()) name = ::isatty(STDOUT_FILENO) ? "human" : "auto";
  if (name == "auto") name = auto_format([](const char* var) { return std::getenv(var); });
  return *find_output_format(name);
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// What a lint run needs besides the report options; owns what the report
// points into (the configs, the capability table, the baseline).
struct LintSetup {
  LintOptions options;
  std::unique_ptr<ConfigResolver> configs;
  std::unique_ptr<CapabilityTable> table;
  std::unique_ptr<Baseline> baseline;
};

void prepare(const CheckOptions& o, LintSetup& setup) {
  LintOptions& options = setup.options;
  options.paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  options.stdin_filename = o.stdin_filename;
  if (!o.model.empty()) options.model_path = o.model;
  options.today = today_utc();
  for (const std::string& pattern : o.ignore) {
    const bool known = std::any_of(all_rules().begin(), all_rules().end(),
                                   [&](const RuleInfo* r) { return rule_matches(*r, {pattern}); });
    if (!known)
      throw UsageError("--ignore: no rule matches '" + pattern + "' (amlint rules lists them)");
  }
  options.ignore = o.ignore;
  if (!o.targets.empty()) {
    setup.table = load_table(o.targets);
    options.table = setup.table.get();
  }
  options.jobs = o.jobs;
  setup.configs = std::make_unique<ConfigResolver>(o.config);
  options.configs = setup.configs.get();
}

int run_check(const CheckOptions& o) {
  LintSetup setup;
  prepare(o, setup);
  const Config& run_config = setup.configs->for_run();
  const std::vector<FileOutput> outputs = parse_outputs(o.outputs);
  const OutputFormat& format = stdout_format(o.format);
  ReportOptions report_options;
  // CLI11 has checked --fail-level against level_names("none").
  report_options.fail_level = !o.fail_level.empty()
                                  ? parse_level(o.fail_level, "none").value_or(Severity::kError)
                                  : run_config.fail_level().value_or(Severity::kError);
  const std::optional<std::string> baseline = o.no_baseline         ? std::nullopt
                                              : !o.baseline.empty() ? o.baseline
                                                                    : run_config.baseline();
  if (baseline) {
    if (!fs::exists(*baseline)) {
      throw UsageError(
          "baseline " + *baseline + " does not exist" +
          (o.baseline.empty()
               ? " (named in " + run_config.describe(run_config.origin("baseline")) + ")"
               : std::string()) +
          "; write it with `amlint baseline`");
    }
    setup.baseline = Baseline::load(*baseline);
    setup.options.baseline = setup.baseline.get();
  }
  const LintReport report = lint(setup.options);
  const bool color = use_color(o.color);

  report_options.color = color && format.name == "human";
  format.write(std::cout, report, report_options);
  std::cout.flush();
  report_options.color = false;
  int exit_code = kExitClean;
  for (const FileOutput& output : outputs) {
    std::ostringstream text;
    output.format->write(text, report, report_options);
    if (const auto error = write_file_atomically(output.path, text.str())) {
      std::cerr << "amlint: " << *error << "\n";
      exit_code = kExitUsage;
    }
  }
  if (!o.quiet) write_summary(std::cerr, report, color && ::isatty(STDERR_FILENO));
  for (const std::string& e : report.internal_errors) {
    std::cerr << "amlint: internal error: " << e << "\n";
  }
  if (!report.internal_errors.empty()) return kExitInternal;
  if (exit_code != kExitClean) return exit_code;
  return fails(report, report_options.fail_level) ? kExitFindings : kExitClean;
}

int run_baseline(const CheckOptions& o) {
  LintSetup setup;
  prepare(o, setup);
  const std::string path = o.baseline.empty() ? kBaselineFileName : o.baseline;
  const std::unique_ptr<Baseline> previous = o.replace ? nullptr : Baseline::load_previous(path);
  const LintReport report = lint(setup.options);
  for (const std::string& e : report.internal_errors)
    std::cerr << "amlint: internal error: " << e << "\n";
  if (!report.internal_errors.empty())
    return kExitInternal;  // an incomplete baseline would hide nothing
  const BaselineUpdate update =
      update_baseline(report.findings, *setup.configs, previous.get(),
                      BaselineScope::of(setup.options.paths, o.stdin_filename));
  if (const auto error = write_file_atomically(path, update.text)) throw UsageError(*error);
  std::cerr << "amlint: " << update.summary(path) << "\n";
  return kExitClean;
}

int run_init(bool force) {
  const std::string path = kConfigFileName;
  if (!force && fs::exists(path)) {
    throw UsageError(
        path + " already exists; edit it, or pass --force to replace it with the starter config");
  }
  if (const auto error = write_file_atomically(path, starter_config())) throw UsageError(*error);
  std::cerr << "amlint: wrote " << path << " (amlint config shows the settings in effect)\n";
  return kExitClean;
}

int run_config(const CheckOptions& o) {
  ConfigResolver configs(o.config);
  const std::string where = o.paths.empty() ? "." : o.paths.front();
  const bool directory = fs::is_directory(where);
  const Config& config = directory ? configs.for_directory(where) : configs.for_file(where);
  write_settings(std::cout, config);
  return kExitClean;
}

int run_rules() {
  std::cout << std::left << std::setw(8) << "ID" << std::setw(34) << "SLUG" << std::setw(10)
            << "SEVERITY" << std::setw(8) << "FACTS"
            << "SUMMARY\n";
  for (const RuleInfo* r : all_rules()) {
    std::cout << std::left << std::setw(8) << r->id << std::setw(34) << r->slug << std::setw(10)
              << severity_name(r->severity) << std::setw(8) << (r->facts.empty() ? "-" : r->facts)
              << r->summary << "\n";
  }
  return kExitClean;
}

int run_explain(const std::string& id) {
  const RuleInfo* rule = find_rule(id);
  if (!rule) {
    std::vector<std::string> names;
    for (const RuleInfo* r : all_rules()) names.emplace_back(r->id);
    std::string message = "no rule '" + id + "'";
    if (auto near = closest_match(id, names)) message += "; did you mean " + *near + "?";
    return usage_error(message + " (amlint rules lists them)");
  }
  const std::string doc = rule_documentation(*rule);
  if (doc.empty()) {
    std::cerr << "amlint: internal error: no documentation built in for " << rule->id << "\n";
    return kExitInternal;
  }
  std::cout << doc;
  return kExitClean;
}

int run_facts(const std::vector<std::string>& filters, const std::string& format) {
  const std::vector<FactEntry> facts = filter_facts(all_facts(), filters);
  if (facts.empty()) {
    return usage_error("no fact matches " + join(filters, ", ") +
                       " (amlint facts lists them all; filter by id, id prefix or rule)");
  }
  if (format == "json") {
    write_facts_json(std::cout, facts);
  } else {
    write_facts_text(std::cout, facts);
  }
  return kExitClean;
}

int main_impl(int argc, char** argv) {
  CLI::App app{
      "amlint: checks Azure ML deployment manifests against what their compute targets support.\n"
      "Usage: amlint [check] PATH...   amlint rules   amlint explain RULE   amlint facts\n"
      "       amlint baseline PATH...   amlint config [PATH]   amlint init",
      "amlint"};
  CheckOptions options;
  add_check_options(app, options);
  CLI::App* check = app.add_subcommand("check", "Lint files and directories (the default command)");
  add_check_options(*check, options);
  CLI::App* rules = app.add_subcommand("rules", "List every rule: id, slug, severity, facts");
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  std::string rule_id;
  explain->add_option("rule", rule_id, "Rule id or slug, e.g. AML201")->required();
  CLI::App* facts = app.add_subcommand(
      "facts", "List every fact amlint encodes, with its source, date and the rules that use it");
  std::vector<std::string> fact_filters;
  std::string facts_format = "text";
  facts->add_option("filter", fact_filters, "Fact ids, id prefixes or rule ids (default: all)");
  facts->add_option("--format", facts_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  CLI::App* baseline = app.add_subcommand(
      "baseline", "Write the current findings to a baseline file, for check --baseline to hide");
  add_lint_options(*baseline, options);
  baseline->add_option("--baseline-file", options.baseline,
                       std::string("Where to write it (default: ") + kBaselineFileName +
                           " in the current directory)");
  baseline->add_flag("--replace", options.replace,
                     "Write exactly this run's entries (default: keep the entries of paths not "
                     "given)");
  CLI::App* config = app.add_subcommand(
      "config", "Print the settings in effect for a path, and where each is set");
  config->add_option("path", options.paths, "A file or directory (default: the current directory)")
      ->expected(0, 1);
  config->add_option("--config", options.config, "Show this config file instead of the nearest");
  CLI::App* init = app.add_subcommand("init", std::string("Write a commented starter ") +
                                                  kConfigFileName + " in the current directory");
  init->add_flag("--force", options.force, "Replace an existing config");
  app.set_version_flag("--version", [] {
    return std::string("amlint ") + AMLINT_VERSION + " (facts as of " + newest_fact_date() + ")";
  });
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(std::string(e.what()) + " (see amlint --help)");
  }

  try {
    if (*rules) return run_rules();
    if (*explain) return run_explain(rule_id);
    if (*facts) return run_facts(fact_filters, facts_format);
    if (*baseline) return run_baseline(options);
    if (*config) return run_config(options);
    if (*init) return run_init(options.force);
    if (!*check && options.paths.empty()) {
      std::cerr << app.help();
      return kExitUsage;
    }
    return run_check(options);
  } catch (const UsageError& e) {
    return usage_error(e.what());
  }
}

}  // namespace
}  // namespace amlint

int main(int argc, char** argv) {
  try {
    return amlint::main_impl(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "amlint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "amlint: internal error\n";
  }
  return amlint::kExitInternal;
}
