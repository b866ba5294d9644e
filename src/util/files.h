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

// The nearest directory at or above `dir` that holds .git (a directory or,
// in a worktree, a file), absolute and normal; "" when there is none.
// Cached per directory until forget_repository_roots(); safe from any thread.
std::string repository_root_of(const std::string& dir);
// Empties the cache of repository_root_of(): each lint run starts afresh, so
// a long-lived process (the language server) sees a `git init`.
void forget_repository_roots();
// Counts the calls of forget_repository_roots(): an answer derived from a
// root is still good while this has not changed.
std::uint64_t repository_roots_generation();

// The root of the project a file belongs to, which report paths are
// relative to: its repository root, else the current directory when the
// file lies under it; "" when neither (the file keeps its absolute path).
// Taken from the file, never from where amlint runs, when it is in a
// repository.
std::string project_root_of(const std::string& fs_path);

// Directory names from the project root down to the file (all of them, from
// the file system root, when it has none).
std::vector<std::string> project_path_segments(const std::string& fs_path);

// How a file amlint found itself (a pairing sibling, a config) is shown:
// relative to the current directory when it is under it, else absolute.
std::string display_of(const std::string& absolute);

}  // namespace amlint
