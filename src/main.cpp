// amlint's commands, run on the command line that cli/command_line.cpp
// parses, and the place that turns their outcomes into exit codes (listed in
// cli/command_line.h).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "capability/table.h"
#include "cli/command_line.h"
#include "fix/command.h"
#include "lint/linter.h"
#include "policy/baseline.h"
#include "policy/config.h"
#include "policy/settings.h"
#include "report/facts_report.h"
#include "report/reporter.h"
#include "report/rules_report.h"
#include "report/text.h"
#include "rules/registry.h"
#include "util/atomic_file.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

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
                       join(output_format_names(), ", ") + ", not '" + spec + "'");
    }
    outputs.push_back(FileOutput{format, spec.substr(eq + 1)});
  }
  return outputs;
}

// Each report file, made ready to be written before anything is linted or
// printed (its missing directories created, its temporary file open), so that
// a destination that cannot be written stops the run with nothing on
// standard output.
std::vector<AtomicFile> open_outputs(const std::vector<FileOutput>& outputs) {
  std::vector<AtomicFile> files;
  files.reserve(outputs.size());
  for (const FileOutput& output : outputs) {
    AtomicFile& file = files.emplace_back(output.path);
    if (const auto error = file.open(/*create_directories=*/true)) {
      throw UsageError("--output " + std::string(output.format->name) + "=" + output.path + ": " +
                       *error);
    }
  }
  return files;
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
  options.allow_empty = o.allow_empty;
  options.project_context = !o.no_project;
  // pre-commit names every staged YAML and JSON file: the ones that are not
  // manifests pass without a line.
  const char* pre_commit = std::getenv("PRE_COMMIT");
  options.report_unrecognised = !(pre_commit && std::string_view(pre_commit) == "1");
  setup.configs = std::make_unique<ConfigResolver>(o.config);
  options.configs = setup.configs.get();
}

// --fix and --diff, before the run that reports: standard input becomes a
// buffer (it can be read once), and its fixed text goes to standard output.
// Returns the exit code when the command ends here.
std::optional<int> run_fix(const CheckOptions& o, LintSetup& setup) {
  if (o.unsafe_fixes && !o.fix && !o.diff) throw UsageError("--unsafe-fixes needs --fix or --diff");
  if (!o.fix && !o.diff) return std::nullopt;
  LintOptions& options = setup.options;
  const auto stdin_at = std::find(options.paths.begin(), options.paths.end(), kStdinPath);
  const bool from_stdin = stdin_at != options.paths.end();
  if (from_stdin) {
    options.paths.erase(stdin_at);
    ReadResult read = read_stdin(options.limits.max_file_bytes);
    if (read.error) throw UsageError("cannot read standard input: " + *read.error);
    options.buffers.push_back(Buffer{o.stdin_filename, std::move(read.bytes)});
  }
  std::ostringstream fixed_text;
  const FixRun run =
      run_fixes(options, FixOptions{o.unsafe_fixes}, o.diff ? FixMode::kDiff : FixMode::kWrite,
                o.diff || from_stdin ? std::cout : fixed_text, std::cerr);
  std::cout.flush();
  for (const std::string& e : run.errors) std::cerr << "amlint: " << e << "\n";
  if (!run.errors.empty()) return kExitUsage;
  const std::string fixes =
      std::to_string(run.fixes_applied) + (run.fixes_applied == 1 ? " fix" : " fixes") + " in " +
      std::to_string(run.files_changed) + (run.files_changed == 1 ? " file" : " files");
  if (o.diff) {
    if (!o.quiet) std::cerr << "amlint: " << fixes << " would be applied\n";
    return run.files_changed > 0 ? kExitFindings : kExitClean;
  }
  if (!o.quiet) std::cerr << "amlint: applied " << fixes << "\n";
  if (from_stdin) return kExitClean;  // the fixed text is the output
  return std::nullopt;                // report what remains
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
  std::vector<AtomicFile> files = open_outputs(outputs);
  if (const std::optional<int> done = run_fix(o, setup)) return *done;
  const LintReport report = lint(setup.options);
  const bool color = use_color(o.color);

  // The --output files first: a reader of standard output that stops early
  // (SIGPIPE) must not cost them.
  report_options.color = false;
  int exit_code = kExitClean;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    std::ostringstream text;
    outputs[i].format->write(text, report, report_options);
    if (const auto error = files[i].commit(text.str())) {
      std::cerr << "amlint: " << *error << "\n";
      exit_code = kExitUsage;
    }
  }
  report_options.color = color && format.name == "human";
  format.write(std::cout, report, report_options);
  std::cout.flush();
  if (!std::cout.good() || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    // A full disk or a closed pipe: the report is not whole, so no pass.
    std::cerr << "amlint: cannot write the report to standard output"
              << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
    exit_code = kExitUsage;
  }
  if (!o.quiet) {
    const FixesApplied applied = !o.fix           ? FixesApplied::kNone
                                 : o.unsafe_fixes ? FixesApplied::kAll
                                                  : FixesApplied::kSafe;
    write_summary(std::cerr, report, color && ::isatty(STDERR_FILENO), applied);
  }
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

int run_rules(const std::string& format) {
  if (format == "json") {
    write_rules_json(std::cout, all_rules());
  } else {
    write_rules_text(std::cout, all_rules());
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

int run(const Arguments& a) {
  switch (a.command) {
    case Command::kCheck:
      return run_check(a.options);
    case Command::kRules:
      return run_rules(a.rules_format);
    case Command::kExplain:
      return run_explain(a.rule_id);
    case Command::kFacts:
      return run_facts(a.fact_filters, a.facts_format);
    case Command::kBaseline:
      return run_baseline(a.options);
    case Command::kConfig:
      return run_config(a.options);
    case Command::kInit:
      return run_init(a.options.force);
  }
  return kExitInternal;
}

int main_impl(int argc, char** argv) {
  const ParsedCommandLine parsed = parse_command_line(argc, argv);
  if (parsed.exit_code) return *parsed.exit_code;
  try {
    return run(parsed.arguments);
  } catch (const UsageError& e) {
    return usage_error(e.what());
  }
}

}  // namespace
}  // namespace amlint

int main(int argc, char** argv) {
  // A reader that stops early makes writes fail (EPIPE), said and exit 2,
  // instead of a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return amlint::main_impl(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "amlint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "amlint: internal error\n";
  }
  return amlint::kExitInternal;
}
