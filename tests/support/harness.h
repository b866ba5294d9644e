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

// What time bounds in tests are multiplied by: the sanitizer build
// (AMLINT_SANITIZE, which defines AMLINT_SANITIZED) runs several times slower.
#ifdef AMLINT_SANITIZED
inline constexpr int kTimeFactor = 10;
#else
inline constexpr int kTimeFactor = 1;
#endif

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

// `text` as a test name (a fixture path as a parameter): letters and digits
// kept, '_' for the rest.
std::string test_name_of(const std::string& text);

// The lines of `text`, without their line feeds (no empty last line).
std::vector<std::string> split_lines(const std::string& text);
// `text` split at every `separator` (empty pieces kept).
std::vector<std::string> split(const std::string& text, char separator);

// A v1 ACI deployment config with 64 GB of memory: AML402 (line 1), AML201
// and AML202 (line 4, column 15).
inline constexpr const char* kAciTooBig =
    "computeType: aci\n"
    "containerResourceRequirements:\n"
    "  cpu: 1\n"
    "  memoryInGB: 64\n"
    "authEnabled: true\n";  // keeps AML702 out of tests about other rules

// "1.5GiB" -> bytes (units B, KiB, MiB, GiB).
std::uint64_t parse_size(const std::string& text);

// Creates a sparse file of `size` bytes at `path` (no disk blocks written).
void make_sparse_file(const std::string& path, std::uint64_t size);

// Replaces every `{sparse:SIZE}` in `args` by the path of a new sparse file
// of that size under `dir` (no disk blocks are written).
std::vector<std::string> expand_args(const std::vector<std::string>& args, const TempDir& dir);

// Lints `paths` in-process. Understands --model PATH and --targets FILE.
LintReport lint_paths(const std::vector<std::string>& paths,
                      const std::vector<std::string>& args = {});

// Findings of one file of a report.
std::vector<const Finding*> findings_in(const LintReport& report, const std::string& display_path);

struct ProcessResult {
  int exit_code = -1;  // 128 + N when killed by signal N
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
  bool timed_out = false;
  // From wait4: user + system CPU time, and the peak resident set in KB. The
  // peak includes what the child inherited from this process at fork.
  std::chrono::milliseconds cpu{0};
  long max_rss_kb = 0;
};

// The exit code of a child that could not give up root's file privileges.
inline constexpr int kCannotDropPrivileges = 125;

struct ProcessOptions {
  std::string stdin_text;
  std::string cwd;
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::chrono::seconds timeout{30};
  std::vector<std::string> unset_env{};  // removed from the environment
  // As root, run without the capabilities that bypass file permissions
  // (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that a chmod 000 file is
  // unreadable as it is to other users. Exits kCannotDropPrivileges when the
  // system does not allow it.
  bool without_file_privileges = false;
};

// Options that run a process in `cwd` with `env` added to the environment.
ProcessOptions in_dir(const std::string& cwd, std::map<std::string, std::string> env = {});

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});
// Runs the built binary. The variables that `--format auto` reads
// (GITHUB_ACTIONS, TF_BUILD, GITLAB_CI, PRE_COMMIT) are removed unless `options.env`
// sets them, so that a test sees the same output on a CI machine.
ProcessResult run_amlint(const std::vector<std::string>& args, const ProcessOptions& options = {});

}  // namespace amlint::testing
