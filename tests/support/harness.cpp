#include "support/harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/capability.h>
#include <sys/prctl.h>
#endif

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "capability/table.h"
#include "policy/baseline.h"
#include "policy/config.h"

namespace fs = std::filesystem;

namespace amlint::testing {

std::string source_dir() { return AMLINT_SOURCE_DIR; }
std::string amlint_binary() { return AMLINT_BINARY; }

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "amlint-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore permissions a test may have removed, then delete.
  for (auto it = fs::recursive_directory_iterator(path_, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
  const fs::path p = fs::path(path_) / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string read_file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string test_name_of(const std::string& text) {
  std::string name;
  for (const char c : text) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out = split(text, '\n');
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  const double value = std::stod(text, &used);
  const std::string unit = text.substr(used);
  double factor = 1;
  if (unit == "KiB") factor = 1024.0;
  if (unit == "MiB") factor = 1024.0 * 1024.0;
  if (unit == "GiB") factor = 1024.0 * 1024.0 * 1024.0;
  if (unit != "B" && factor == 1) throw std::runtime_error("bad size unit in " + text);
  return static_cast<std::uint64_t>(value * factor);
}

void make_sparse_file(const std::string& path, std::uint64_t size) {
  fs::create_directories(fs::path(path).parent_path());
  const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  if (fd < 0 || ::ftruncate(fd, static_cast<off_t>(size)) != 0) {
    throw std::runtime_error("cannot create sparse file " + path);
  }
  ::close(fd);
}

std::vector<std::string> expand_args(const std::vector<std::string>& args, const TempDir& dir) {
  std::vector<std::string> out;
  int count = 0;
  for (std::string arg : args) {
    const std::size_t open = arg.find("{sparse:");
    if (open != std::string::npos) {
      const std::size_t close = arg.find('}', open);
      const std::uint64_t size = parse_size(arg.substr(open + 8, close - open - 8));
      const std::string path = dir.path() + "/model-" + std::to_string(count++) + ".bin";
      make_sparse_file(path, size);
      arg = arg.substr(0, open) + path + arg.substr(close + 1);
    }
    out.push_back(arg);
  }
  return out;
}

LintReport lint_paths(const std::vector<std::string>& paths, const std::vector<std::string>& args) {
  LintOptions options;
  options.paths = paths;
  options.today = "2026-11-26";
  // Each fixture folder is a world of its own, not a part of amlint's
  // repository: no project index (tests/partial_run_test.cpp tests it).
  options.project_context = false;
  std::unique_ptr<CapabilityTable> table;
  std::string config;
  std::unique_ptr<Baseline> baseline;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size()) {
      config = args[++i];
    } else if (args[i] == "--baseline" && i + 1 < args.size()) {
      baseline = Baseline::load(args[++i]);
    } else if (args[i] == "--model" && i + 1 < args.size()) {
      options.model_path = args[++i];
    } else if (args[i] == "--ignore" && i + 1 < args.size()) {
      options.ignore.push_back(args[++i]);
    } else if (args[i] == "--targets" && i + 1 < args.size()) {
      const std::string path = args[++i];
      const SourceFile source(path, path, read_file_text(path));
      std::vector<TableError> errors;
      table = CapabilityTable::parse(source, errors, schema::builtin("compute-targets"));
      if (!table) throw std::runtime_error("bad table " + path + ": " + errors.front().message);
    } else {
      throw std::runtime_error("lint_paths does not understand " + args[i]);
    }
  }
  options.table = table.get();
  ConfigResolver configs(config);  // the report keeps copies of the files it points into
  options.configs = &configs;
  options.baseline = baseline.get();
  LintReport report = lint(options);
  return report;
}

std::vector<const Finding*> findings_in(const LintReport& report, const std::string& display_path) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.location.file->path() == display_path) out.push_back(&f);
  }
  return out;
}

ProcessOptions in_dir(const std::string& cwd, std::map<std::string, std::string> env) {
  ProcessOptions o;
  o.cwd = cwd;
  o.env = std::move(env);
  return o;
}

namespace {

// Removes from the bounding set the capabilities that let root read any
// file, so that the program this process executes has none of them.
bool drop_file_privileges() {
#ifdef __linux__
  return ::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) == 0 &&
         ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0) == 0;
#else
  return false;
#endif
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) || ::pipe(out_pipe) || ::pipe(err_pipe)) throw std::runtime_error("pipe");
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork");
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      ::close(fd);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    if (options.without_file_privileges && ::geteuid() == 0 && !drop_file_privileges()) {
      ::_exit(kCannotDropPrivileges);
    }
    for (const std::string& k : options.unset_env) ::unsetenv(k.c_str());
    for (const auto& [k, v] : options.env) ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::signal(SIGPIPE, SIG_IGN);
  ProcessResult result;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (options.stdin_text.empty()) {
    ::close(in_fd);
    in_fd = -1;
  } else {
    ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  bool out_open = true, err_open = true;
  const auto deadline = start + options.timeout;
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
    if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      ::kill(pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
    for (const pollfd& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in_fd) {
        const ssize_t n = ::write(in_fd, options.stdin_text.data() + written,
                                  options.stdin_text.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == options.stdin_text.size()) {
          ::close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      char buf[65536];
      const ssize_t n = ::read(p.fd, buf, sizeof buf);
      if (n <= 0) {
        (p.fd == out_pipe[0] ? out_open : err_open) = false;
      } else {
        (p.fd == out_pipe[0] ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  if (in_fd >= 0) ::close(in_fd);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  const auto ms = [](const timeval& t) {
    return std::chrono::milliseconds(t.tv_sec * 1000 + t.tv_usec / 1000);
  };
  result.cpu = ms(usage.ru_utime) + ms(usage.ru_stime);
  result.max_rss_kb = usage.ru_maxrss;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult run_amlint(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> argv = {amlint_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions o = options;
  for (const char* var : {"GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "PRE_COMMIT"}) {
    if (!o.env.count(var)) o.unset_env.emplace_back(var);
  }
  return run_process(argv, o);
}

}  // namespace amlint::testing
