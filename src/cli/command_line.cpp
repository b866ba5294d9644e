#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "policy/baseline.h"
#include "policy/config.h"
#include "report/facts_report.h"
#include "report/reporter.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

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
  app.add_flag("--allow-empty", o.allow_empty,
               "Accept a directory that holds no manifest (otherwise a usage error, exit 2)");
  app.add_flag("--no-project", o.no_project,
               "Resolve references only among the files given, not the project's other manifests");
}

void add_check_options(CLI::App& app, CheckOptions& o) {
  add_lint_options(app, o);
  std::vector<std::string> formats = output_format_names();
  const std::string listed = join(formats, ", ");
  formats.emplace_back("auto");
  app.add_option(
         "--format", o.format,
         "Output format on standard output: " + listed +
             ", or auto (github under GitHub Actions, azure under Azure Pipelines, "
             "concise under GitLab CI and pre-commit, else human; the default when standard output "
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
  app.add_flag("--fix", o.fix,
               "Apply the safe fixes in place, then report what remains ('-': print the fixed "
               "text)");
  app.add_flag("--unsafe-fixes", o.unsafe_fixes,
               "With --fix or --diff, apply the unsafe fixes too (judgements to review)");
  app.add_flag("--diff", o.diff,
               "Print a unified diff of what --fix would change, change nothing; exit 1 if "
               "there is anything to fix")
      ->excludes(app.get_option("--fix"));
}

// The commands and options, writing into `a`; CLI11 keeps pointers to its
// members, so `a` outlives the App.
class CommandLine {
 public:
  explicit CommandLine(Arguments& a)
      : app_(
            "amlint: checks Azure ML deployment manifests against what their compute targets "
            "support.\n"
            "Usage: amlint [check] PATH...   amlint rules   amlint explain RULE   amlint facts\n"
            "       amlint baseline PATH...   amlint config [PATH]   amlint init",
            "amlint") {
    CheckOptions& options = a.options;
    add_check_options(app_, options);
    add(Command::kCheck, "check", "Lint files and directories (the default command)",
        [&](CLI::App& check) { add_check_options(check, options); });
    add(Command::kRules, "rules", "List every rule: id, slug, severity, facts",
        [&](CLI::App& rules) {
          rules.add_option("--format", a.rules_format, "text (a table) or json (for tools)")
              ->check(CLI::IsMember({"text", "json"}));
        });
    add(Command::kExplain, "explain", "Print a rule's documentation", [&](CLI::App& explain) {
      explain.add_option("rule", a.rule_id, "Rule id or slug, e.g. AML201")->required();
    });
    add(Command::kFacts, "facts",
        "List every fact amlint encodes, with its source, date and the rules that use it",
        [&](CLI::App& facts) {
          facts.add_option("filter", a.fact_filters,
                           "Fact ids, id prefixes or rule ids (default: all)");
          facts.add_option("--format", a.facts_format, "text or json")
              ->check(CLI::IsMember({"text", "json"}));
        });
    add(Command::kBaseline, "baseline",
        "Write the current findings to a baseline file, for check --baseline to hide",
        [&](CLI::App& baseline) {
          add_lint_options(baseline, options);
          baseline.add_option("--baseline-file", options.baseline,
                              std::string("Where to write it (default: ") + kBaselineFileName +
                                  " in the current directory)");
          baseline.add_flag("--replace", options.replace,
                            "Write exactly this run's entries (default: keep the entries of "
                            "paths not given)");
        });
    add(Command::kConfig, "config",
        "Print the settings in effect for a path, and where each is set", [&](CLI::App& config) {
          config
              .add_option("path", options.paths,
                          "A file or directory (default: the current directory)")
              ->expected(0, 1);
          config.add_option("--config", options.config,
                            "Show this config file instead of the nearest");
        });
    add(Command::kInit, "init",
        std::string("Write a commented starter ") + kConfigFileName + " in the current directory",
        [&](CLI::App& init) {
          init.add_flag("--force", options.force, "Replace an existing config");
        });
    app_.set_version_flag("--version", [] {
      return std::string("amlint ") + AMLINT_VERSION + " (facts as of " + newest_fact_date() + ")";
    });
    app_.require_subcommand(0, 1);
  }

  // Parses into the Arguments; returns the exit code when there is nothing
  // to run.
  std::optional<int> parse(int argc, char** argv, Arguments& a) {
    try {
      app_.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app_.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app_.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app_.exit(e);
    } catch (const CLI::ExtrasError& e) {
      return usage_error(unknown_option().value_or(std::string(e.what()) + " (see amlint --help)"));
    } catch (const CLI::ParseError& e) {
      return usage_error(std::string(e.what()) + " (see amlint --help)");
    }
    a.command = Command::kCheck;
    for (const auto& [command, app] : commands_) {
      if (app->parsed()) a.command = command;
    }
    if (!commands_.front().second->parsed() && a.command == Command::kCheck) {
      if (a.options.paths.empty()) {
        std::cerr << app_.help();
        return kExitUsage;
      }
      if (auto message = unknown_command(a.options.paths.front())) return usage_error(*message);
    }
    return std::nullopt;
  }

 private:
  template <typename Setup>
  void add(Command command, const std::string& name, const std::string& description, Setup setup) {
    CLI::App* sub = app_.add_subcommand(name, description);
    setup(*sub);
    commands_.emplace_back(command, sub);
  }

  // Without a command, the first word is a path (`amlint PATH` is `amlint
  // check PATH`). One that names nothing and is close to a command's name is
  // a mistyped command: "unknown command 'chek'; did you mean 'check'?". A
  // path that exists, has a '/' or a '.', or is close to no command stays a
  // path.
  std::optional<std::string> unknown_command(const std::string& word) const {
    if (word.empty() || word.find_first_of("/.") != std::string::npos) return std::nullopt;
    std::error_code ec;
    if (fs::symlink_status(word, ec).type() != fs::file_type::not_found) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& [command, app] : commands_) names.push_back(app->get_name());
    const std::optional<std::string> near = closest_match(word, names);
    if (!near) return std::nullopt;
    return "unknown command '" + word + "'; did you mean '" + *near + "'?";
  }

  // The first argument that looks like an option and that the command it was
  // given to does not know: "unknown option '--formt'; did you mean
  // '--format'?", or where to see the options when none is close. nullopt
  // when the arguments left over are no options.
  std::optional<std::string> unknown_option() const {
    std::vector<const CLI::App*> apps = {&app_};
    for (const CLI::App* sub : app_.get_subcommands()) apps.push_back(sub);
    for (const CLI::App* app : apps) {
      for (const std::string& arg : app->remaining()) {
        if (arg.size() < 2 || arg[0] != '-') continue;
        const std::string name = arg.substr(0, arg.find('='));
        const std::string message = "unknown option '" + name + "'";
        if (auto near = closest_option(*app, name)) {
          return message + "; did you mean '" + *near + "'?";
        }
        const std::string command = app == &app_ ? "amlint" : "amlint " + app->get_name();
        return message + " (see " + command + " --help)";
      }
    }
    return std::nullopt;
  }

  // The long option of `app` that `name` ("--formt", "-format") is a typo of.
  static std::optional<std::string> closest_option(const CLI::App& app, const std::string& name) {
    const std::size_t start = name.find_first_not_of('-');
    if (start == std::string::npos) return std::nullopt;
    const std::string word = name.substr(start);
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
      for (const std::string& long_name : option->get_lnames()) names.push_back(long_name);
    }
    // "-format" for "--format": closest_match never offers the word itself.
    if (std::find(names.begin(), names.end(), word) != names.end()) return "--" + word;
    const std::optional<std::string> near = closest_match(word, names);
    if (!near) return std::nullopt;
    return "--" + *near;
  }

  CLI::App app_;
  std::vector<std::pair<Command, CLI::App*>> commands_;  // check first
};

}  // namespace

int usage_error(const std::string& message) {
  std::cerr << "amlint: " << message << "\n";
  return kExitUsage;
}

ParsedCommandLine parse_command_line(int argc, char** argv) {
  ParsedCommandLine parsed;
  CommandLine command_line(parsed.arguments);
  parsed.exit_code = command_line.parse(argc, argv, parsed.arguments);
  return parsed;
}

}  // namespace amlint
