// Finding the files to lint (explicit paths and directory walks) and reading
// them with the input limits applied.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace amlint {

struct InputFile {
  std::string display_path;  // as the user will see it
  std::string fs_path;       // where to read it
  bool named = true;         // named on the command line (not found by a walk)
};

struct Discovery {
  std::vector<InputFile> files;
  // Usage errors: a named path that does not exist or cannot be read.
  std::vector<std::string> errors;
};

// Expands paths: files stay as named; directories are walked recursively for
// *.json, *.yaml and *.yml, in sorted order, skipping VCS, dependency and
// build folders, following directory symlinks at most once each (no loops).
Discovery discover(const std::vector<std::string>& paths);

// True for the folder names a walk skips (.git, node_modules, build ...).
bool is_skipped_directory(const std::string& name);
// True for *.json, *.yaml, *.yml (any case).
bool has_manifest_extension(const std::string& path);

struct ReadResult {
  std::string bytes;
  // Set when the file was not read: why, in a few words.
  std::optional<std::string> error;
  // Set when the file is over `max_bytes`: its size (the bytes are not read).
  std::optional<std::uint64_t> oversize;
};

// Reads a regular file. Refuses directories, FIFOs and devices without
// opening them for reading (a FIFO would block).
ReadResult read_file(const std::string& path, std::uint64_t max_bytes);

// Reads all of standard input. A redirected file over max_bytes is not read
// (its size is known); a pipe is read up to max_bytes, and more is an error.
ReadResult read_stdin(std::uint64_t max_bytes);

// Total size of a file, or of every regular file under a directory, from
// metadata only (no contents read). nullopt when the path does not exist.
std::optional<std::uint64_t> disk_size(const std::string& path);

// The nearest directory at or above `dir` (absolute) that holds .git, or ""
// when there is none.
std::string repository_root_of(const std::string& dir);

// Directory names from the project root (the nearest ancestor holding .git,
// else the current directory when the file is under it) down to the file.
std::vector<std::string> project_path_segments(const std::string& fs_path);

// How a file amlint found itself (a pairing sibling, a config) is shown:
// relative to the current directory when it is under it, else absolute.
std::string display_of(const std::string& absolute);

}  // namespace amlint
