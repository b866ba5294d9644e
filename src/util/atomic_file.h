// Writing a whole file so that readers see either the old file or the new
// one, never half of it: a temporary file in the same directory, then rename.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace amlint {

// A file written in two steps, so that a caller can find out whether it can
// be written before it has anything to write: open() creates the temporary
// file beside `path`, commit() writes the content into it and renames it to
// `path`. Destroyed before commit(), it removes the temporary file, and so
// does a SIGINT, SIGTERM or SIGHUP that ends the process while it is open.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {}
  ~AtomicFile();
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& path() const { return path_; }
  // Creates the temporary file, and first the missing directories above
  // `path` when `create_directories` is set. Returns why it failed (naming
  // the path or the directory at fault), or nullopt.
  std::optional<std::string> open(bool create_directories = false);
  // Writes `content` and renames the file into place (after a successful
  // open()). Returns why it failed, or nullopt; on failure `path` is untouched.
  std::optional<std::string> commit(std::string_view content);

 private:
  std::string path_;
  std::string temp_;  // the temporary file while open
  int fd_ = -1;
};

// Writes `content` to `path` atomically. Returns why it failed, or nullopt.
// The new file gets the permissions a plain create would (0666 minus umask).
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content);

}  // namespace amlint
