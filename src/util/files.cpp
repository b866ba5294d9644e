#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

std::string display_join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

struct Walker {
  Discovery& out;
  std::set<std::pair<dev_t, ino_t>> visited;

  void walk(const std::string& fs_dir, const std::string& display_dir) {
    struct stat st {};
    if (::stat(fs_dir.c_str(), &st) != 0) return;
    if (!visited.insert({st.st_dev, st.st_ino}).second) return;  // a symlink loop or repeat
    std::error_code ec;
    std::vector<std::pair<std::string, bool>> entries;  // name, is directory
    for (fs::directory_iterator it(fs_dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      // The name by string, not path::filename(), which splits the whole
      // path: a walk of thousands of files spent a fifth of its time there.
      const std::string& full = it->path().native();
      const std::string name = full.substr(full.rfind('/') + 1);
      std::error_code type_ec;
      const fs::file_status status = it->status(type_ec);  // follows symlinks
      if (type_ec) continue;                               // a dangling symlink
      if (fs::is_directory(status)) {
        if (!is_skipped_directory(name)) entries.emplace_back(name, true);
      } else if (fs::is_regular_file(status) && has_manifest_extension(name)) {
        entries.emplace_back(name, false);
      }
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& [name, is_dir] : entries) {
      const std::string child_fs =
          fs_dir.empty() || fs_dir.back() == '/' ? fs_dir + name : fs_dir + "/" + name;
      const std::string child_display = display_join(display_dir, name);
      if (is_dir) {
        walk(child_fs, child_display);
      } else {
        out.files.push_back(InputFile{child_display, child_fs, false});
      }
    }
  }
};

ReadResult read_fd(int fd, std::uint64_t max_bytes, std::size_t expected = 0) {
  ReadResult result;
  result.bytes.reserve(expected);
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = std::strerror(errno);
      return result;
    }
    if (n == 0) break;
    if (result.bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      result.oversize = result.bytes.size() + static_cast<std::size_t>(n);
      std::string().swap(result.bytes);
      return result;
    }
    result.bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return result;
}

}  // namespace

bool is_skipped_directory(const std::string& name) {
  static const std::set<std::string> kSkipped = {
      ".git",  ".hg",  ".svn", "node_modules", "build",         "_build",       "__pycache__",
      ".venv", "venv", ".tox", ".mypy_cache",  ".pytest_cache", ".amlint_cache"};
  return kSkipped.count(name) > 0 || starts_with(name, "build-") ||
         starts_with(name, "cmake-build-");
}

bool has_manifest_extension(const std::string& path) {
  const std::string lower = to_lower(path);
  return ends_with(lower, ".json") || ends_with(lower, ".yaml") || ends_with(lower, ".yml");
}

Discovery discover(const std::vector<std::string>& paths) {
  Discovery out;
  Walker walker{out, {}};
  for (const std::string& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      out.errors.push_back("cannot read '" + path + "': " + std::strerror(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (::access(path.c_str(), R_OK | X_OK) != 0) {
        out.errors.push_back("cannot read directory '" + path + "': " + std::strerror(errno));
        continue;
      }
      std::string display = path;
      while (display.size() > 1 && display.back() == '/') display.pop_back();
      walker.walk(path, display == "." ? "" : display);
      continue;
    }
    if (S_ISREG(st.st_mode) && ::access(path.c_str(), R_OK) != 0) {
      out.errors.push_back("cannot read '" + path + "': " + std::strerror(errno));
      continue;
    }
    out.files.push_back(InputFile{path, path, true});
  }
  return out;
}

ReadResult read_file(const std::string& path, std::uint64_t max_bytes) {
  ReadResult result;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.error = "is a directory";
    return result;
  }
  if (!S_ISREG(st.st_mode)) {
    result.error = S_ISFIFO(st.st_mode) ? "is a FIFO, not a regular file" : "is not a regular file";
    return result;
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    result.oversize = static_cast<std::uint64_t>(st.st_size);
    return result;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = std::strerror(errno);
    return result;
  }
  result = read_fd(fd, max_bytes, static_cast<std::size_t>(st.st_size));
  ::close(fd);
  return result;
}

ReadResult read_stdin(std::uint64_t max_bytes) {
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
    // A file redirected to standard input: its size is known, as for a named file.
    ReadResult result;
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
      result.oversize = static_cast<std::uint64_t>(st.st_size);
      return result;
    }
    return read_fd(STDIN_FILENO, max_bytes, static_cast<std::size_t>(st.st_size));
  }
  ReadResult result = read_fd(STDIN_FILENO, max_bytes);
  if (result.oversize) {
    // A pipe: how much more would have come is unknown.
    result.oversize.reset();
    result.error = "is more than " + format_bytes(max_bytes) +
                   ", over amlint's input limit; a deployment manifest is a few KB: check that "
                   "this is one";
  }
  return result;
}

std::optional<std::uint64_t> disk_size(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return std::nullopt;
  if (fs::is_regular_file(status)) {
    const auto size = fs::file_size(path, ec);
    return ec ? std::nullopt : std::optional<std::uint64_t>(size);
  }
  std::uint64_t total = 0;
  // Directory symlinks are not followed, so a loop cannot recurse forever.
  for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (it->is_regular_file(file_ec)) {
      const auto size = it->file_size(file_ec);
      if (!file_ec) total += size;
    }
  }
  return total;
}

namespace {
// Reports ask for every finding's file: each directory is looked up once.
std::mutex roots_mutex;
std::map<std::string, std::string> roots;  // directory -> its repository root
std::atomic<std::uint64_t> generation{0};

// Whether `dir` is the root of a repository: it holds .git, and that is not
// the .git file of a submodule ("gitdir: ../.git/modules/x"), whose files
// belong to the superproject's repository (as CI services and `git
// ls-files` in the superproject name them). A worktree's .git file
// ("gitdir: .../worktrees/x") makes a root.
bool is_repository_root(const fs::path& dir) {
  std::error_code ec;
  const fs::path git = dir / ".git";
  const fs::file_status status = fs::status(git, ec);
  if (ec || !fs::exists(status)) return false;
  if (!fs::is_regular_file(status)) return true;
  const ReadResult read = read_file(git.string(), 4096);
  const std::string_view text = read.bytes;
  const std::string_view line = text.substr(0, text.find('\n'));
  return line.find("/modules/") == std::string_view::npos;
}

}  // namespace

void forget_repository_roots() {
  const std::lock_guard<std::mutex> lock(roots_mutex);
  roots.clear();
  ++generation;
}

std::uint64_t repository_roots_generation() { return generation; }

std::string repository_root_of(const std::string& dir) {
  std::error_code ec;
  fs::path start = fs::absolute(fs::path(dir), ec).lexically_normal();
  if (!start.has_filename()) start = start.parent_path();
  const std::lock_guard<std::mutex> lock(roots_mutex);
  const auto it = roots.find(start.string());
  if (it != roots.end()) return it->second;
  std::string root;
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    if (is_repository_root(p)) {
      root = p.string();
      break;
    }
    if (p == p.root_path()) break;
  }
  return roots.emplace(start.string(), root).first->second;
}

std::string project_root_of(const std::string& fs_path) {
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(fs_path), ec).lexically_normal().parent_path();
  std::string root = repository_root_of(dir.string());
  if (!root.empty()) return root;
  const fs::path cwd = fs::current_path(ec).lexically_normal();
  const fs::path rel = dir.lexically_relative(cwd);
  return !rel.empty() && *rel.begin() != ".." ? cwd.string() : "";
}

std::vector<std::string> project_path_segments(const std::string& fs_path) {
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(fs_path), ec).lexically_normal().parent_path();
  const fs::path root = project_root_of(fs_path);
  const fs::path rel = root.empty() ? dir.relative_path() : dir.lexically_relative(root);
  std::vector<std::string> segments;
  for (const fs::path& part : rel) {
    const std::string s = part.string();
    if (!s.empty() && s != ".") segments.push_back(s);
  }
  return segments;
}

std::string display_of(const std::string& absolute) {
  std::error_code ec;
  const fs::path rel = fs::path(absolute).lexically_relative(fs::current_path(ec));
  return rel.empty() || *rel.begin() == ".." ? absolute : rel.string();
}

}  // namespace amlint
