// amlint's command line: its commands and options, parsed into what
// main.cpp runs. The only user of CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace amlint {

// amlint's exit codes.
inline constexpr int kExitClean = 0;     // nothing at or above --fail-level
inline constexpr int kExitFindings = 1;  // findings at or above it
inline constexpr int kExitUsage = 2;     // usage error
inline constexpr int kExitInternal = 3;  // internal error

// Prints "amlint: MESSAGE" on standard error; returns kExitUsage.
int usage_error(const std::string& message);

enum class Command { kCheck, kRules, kExplain, kFacts, kBaseline, kConfig, kInit };

// What the linting commands (check, baseline) and config take.
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
  bool allow_empty = false;
  // check --no-baseline; baseline --replace
  bool no_baseline = false;
  bool replace = false;
  // check --fix, --unsafe-fixes, --diff
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool no_project = false;
  bool quiet = false;
  bool force = false;  // init: overwrite
};

struct Arguments {
  Command command = Command::kCheck;
  CheckOptions options;
  std::string rule_id;                    // explain
  std::vector<std::string> fact_filters;  // facts
  std::string facts_format = "text";      // facts --format
  std::string rules_format = "text";      // rules --format
};

// The command line parsed, or why there is nothing to run.
struct ParsedCommandLine {
  Arguments arguments;
  // Set when there is nothing to run: after --help or --version (0), a usage
  // error (2, its message on standard error) or no argument at all (2, the
  // help on standard error).
  std::optional<int> exit_code;
};

ParsedCommandLine parse_command_line(int argc, char** argv);

}  // namespace amlint
