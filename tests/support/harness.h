// Test helpers: temporary directories, sparse model files, running the
// linter in-process with command-line-like arguments, and running the built
// binary as a user would.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace amlint::testing {

// The repository root (tests read fixtures/ and rules/ from it).
std::string source_dir();
// The built amlint binary.
std::string amlint_binary();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  // Writes `content` to `relative` (creating directories); returns the path.
  std::string write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

std::string read_file_text(const std::string& path);

// "1.5GiB" -> bytes (units B, KiB, MiB, GiB).
std::uint64_t parse_size(const std::string& text);

// Replaces every `{sparse:SIZE}` in `args` by the path of a new sparse file
// of that size under `dir` (no disk blocks are written).
std::vector<std::string> expand_args(const std::vector<std::string>& args, const TempDir& dir);

// Lints `paths` in-process. Understands --model PATH and --targets FILE.
LintReport lint_paths(const std::vector<std::string>& paths, const std::vector<std::string>& args = {});

// Findings of one file of a report.
std::vector<const Finding*> findings_in(const LintReport& report, const std::string& display_path);

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
  bool timed_out = false;
};

struct ProcessOptions {
  std::string stdin_text;
  std::string cwd;
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::chrono::seconds timeout{30};
  std::vector<std::string> unset_env{};  // removed from the environment
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});
// Runs the built binary. The variables that `--format auto` reads
// (GITHUB_ACTIONS, TF_BUILD, PRE_COMMIT) are removed unless `options.env`
// sets them, so that a test sees the same output on a CI machine.
ProcessResult run_amlint(const std::vector<std::string>& args, const ProcessOptions& options = {});

}  // namespace amlint::testing
