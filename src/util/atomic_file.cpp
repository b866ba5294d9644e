#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace amlint {
namespace {

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

std::string errno_text() { return std::strerror(errno); }

// The temporary files open now, for a SIGINT or SIGTERM to remove: the
// handler may only unlink (async-signal-safe), so the paths wait as C strings
// in a fixed table. Outputs of one run are a handful.
std::array<std::atomic<char*>, 64> open_temps{};

extern "C" void remove_temps_and_die(int sig) {
  for (std::atomic<char*>& slot : open_temps) {
    if (char* path = slot.load()) ::unlink(path);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void install_handlers_once() {
  static const bool kInstalled = [] {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction action {};
      action.sa_handler = remove_temps_and_die;
      sigemptyset(&action.sa_mask);
      ::sigaction(sig, &action, nullptr);
    }
    return true;
  }();
  (void)kInstalled;
}

void remember(const std::string& temp) {
  install_handlers_once();
  char* copy = ::strdup(temp.c_str());
  for (std::atomic<char*>& slot : open_temps) {
    char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, copy)) return;
  }
  std::free(copy);  // more than the table holds: removed on exit, not on a signal
}

void forget(const std::string& temp) {
  for (std::atomic<char*>& slot : open_temps) {
    char* path = slot.load();
    if (path && temp == path && slot.compare_exchange_strong(path, nullptr)) {
      std::free(path);
      return;
    }
  }
}

}  // namespace

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::move(other.temp_)), fd_(other.fd_) {
  other.temp_.clear();
  other.fd_ = -1;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    forget(temp_);
  }
}

std::optional<std::string> AtomicFile::open(bool create_directories) {
  const fs::path target(path_);
  if (!target.has_filename()) return "'" + path_ + "' names a directory, not a file";
  std::error_code ec;
  if (fs::is_directory(target, ec)) return "'" + path_ + "' is a directory";
  // The rename would replace a symlink, FIFO or device by a regular file:
  // only a regular file (or nothing) is replaced.
  const fs::file_status status = fs::symlink_status(target, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    return "'" + path_ + "' is " +
           (fs::is_symlink(status) ? "a symbolic link" : "not a regular file") +
           "; amlint replaces only a regular file: name another path";
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (create_directories && !fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return "cannot create the directory '" + dir.string() + "': " + ec.message();
  }
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return "cannot create a file in '" + dir.string() + "': " + errno_text();
  fd_ = fd;
  temp_ = std::move(temp);
  remember(temp_);
  return std::nullopt;
}

std::optional<std::string> AtomicFile::commit(std::string_view content) {
  if (fd_ < 0) return "cannot write '" + path_ + "': not opened";
  std::optional<std::string> error;
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd_, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno_text();
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (!error && ::fchmod(fd_, 0666 & ~current_umask()) != 0) error = errno_text();
  if (!error && ::fsync(fd_) != 0) error = errno_text();
  if (::close(fd_) != 0 && !error) error = errno_text();
  fd_ = -1;
  if (!error && ::rename(temp_.c_str(), path_.c_str()) != 0) error = errno_text();
  if (error) return "cannot write '" + path_ + "': " + *error;  // the destructor removes temp_
  forget(temp_);
  temp_.clear();
  return std::nullopt;
}

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 std::string_view content) {
  AtomicFile file(path);
  if (auto error = file.open()) return error;
  return file.commit(content);
}

}  // namespace amlint
