// amlint's command line. The only place that turns outcomes into exit codes:
// 0 nothing at error severity, 1 error findings, 2 usage error, 3 internal error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <algorithm>
#include <iostream>
#include <memory>

#include "capability/table.h"
#include "data/embedded.h"
#include "lint/files.h"
#include "lint/linter.h"
#include "report/text.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "human";
  std::string color = "auto";
  std::string stdin_filename;
  std::string model;
  std::string targets;
  std::vector<std::string> ignore;
  bool quiet = false;
};

void add_check_options(CLI::App& app, CheckOptions& o) {
  app.add_option("paths", o.paths, "Files and directories to lint ('-' reads standard input)");
  app.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"human", "concise"}))
      ->default_str("human");
  app.add_option("--color", o.color, "Colour the human format: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  app.add_option("--stdin-filename", o.stdin_filename, "Path to show (and pair by) for '-'");
  app.add_option("--model", o.model, "Model file or directory that the v1 deployment configs serve");
  app.add_option("--targets", o.targets, "Use this capability table instead of the built-in one");
  app.add_option("--ignore", o.ignore,
                 "Rules not to run: ids, slugs or id prefixes, comma-separated (e.g. AML402,AML5)")
      ->delimiter(',')
      ->allow_extra_args(false)  // one value per --ignore: a path after it stays a path
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
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
  auto table = CapabilityTable::parse(source, errors);
  if (!table) {
    std::string message;
    for (const TableError& e : errors) {
      if (!message.empty()) message += "\namlint: ";
      message += "invalid capability table " + path + ":" + std::to_string(e.pos.line) + ":" +
                 std::to_string(e.pos.column) + ": " + e.message;
    }
    throw UsageError(message);
  }
  return table;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int run_check(const CheckOptions& o) {
  LintOptions options;
  options.paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  options.stdin_filename = o.stdin_filename;
  if (!o.model.empty()) options.model_path = o.model;
  options.today = today_utc();
  for (const std::string& pattern : o.ignore) {
    const bool known = std::any_of(all_rules().begin(), all_rules().end(),
                                   [&](const RuleInfo* r) { return rule_matches(*r, {pattern}); });
    if (!known) throw UsageError("--ignore: no rule matches '" + pattern + "' (amlint rules lists them)");
  }
  options.ignore = o.ignore;
  std::unique_ptr<CapabilityTable> table;
  if (!o.targets.empty()) {
    table = load_table(o.targets);
    options.table = table.get();
  }
  const LintReport report = lint(options);
  const bool color = use_color(o.color);
  if (o.format == "concise") {
    write_concise(std::cout, report);
  } else {
    write_human(std::cout, report, color);
  }
  std::cout.flush();
  if (!o.quiet) write_summary(std::cerr, report, color && ::isatty(STDERR_FILENO));
  for (const std::string& e : report.internal_errors) {
    std::cerr << "amlint: internal error: " << e << "\n";
  }
  if (!report.internal_errors.empty()) return kExitInternal;
  return report.count(Severity::kError) > 0 ? kExitFindings : kExitClean;
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
  const auto doc = embedded_file(std::string(rule->id) + ".md");
  if (!doc) {
    std::cerr << "amlint: internal error: no documentation built in for " << rule->id << "\n";
    return kExitInternal;
  }
  std::cout << *doc;
  return kExitClean;
}

int main_impl(int argc, char** argv) {
  CLI::App app{"amlint: checks Azure ML deployment manifests against what their compute targets support.\n"
               "Usage: amlint [check] PATH...   amlint rules   amlint explain RULE",
               "amlint"};
  CheckOptions options;
  add_check_options(app, options);
  CLI::App* check = app.add_subcommand("check", "Lint files and directories (the default command)");
  add_check_options(*check, options);
  CLI::App* rules = app.add_subcommand("rules", "List every rule: id, slug, severity, facts");
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation");
  std::string rule_id;
  explain->add_option("rule", rule_id, "Rule id or slug, e.g. AML201")->required();
  app.set_version_flag("--version", std::string("amlint ") + AMLINT_VERSION);
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
