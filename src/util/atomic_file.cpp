#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace amlint {
namespace {

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 std::string_view content) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return "cannot create a file in '" + dir.string() + "': " + errno_text();
  std::optional<std::string> error;
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno_text();
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  if (!error && ::fchmod(fd, 0666 & ~current_umask()) != 0) error = errno_text();
  if (!error && ::fsync(fd) != 0) error = errno_text();
  if (::close(fd) != 0 && !error) error = errno_text();
  if (!error && ::rename(temp.c_str(), path.c_str()) != 0) error = errno_text();
  if (error) {
    ::unlink(temp.c_str());
    return "cannot write '" + path + "': " + *error;
  }
  return std::nullopt;
}

}  // namespace amlint
