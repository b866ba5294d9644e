#include "core/fingerprint.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>

#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

void hash_field(std::uint64_t& h, std::string_view field) {
  for (const char c : field) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  h *= kFnvPrime;  // hashes a NUL byte, so ("ab", "c") and ("a", "bc") differ
}

}  // namespace

std::string project_root(const SourceFile& file) {
  return file.has_path() ? project_root_of(file.fs_path()) : "";
}

std::string repository_path(const SourceFile& file) {
  if (!file.has_path()) return file.path();
  // Reports ask for the path of every finding's file, and findings come
  // sorted by file: the last answer (of this thread) is kept, for the same
  // path and the same repository roots.
  struct Last {
    std::string fs_path;
    std::uint64_t generation = 0;
    std::string path;
  };
  thread_local Last last;
  const std::uint64_t generation = repository_roots_generation();
  if (last.generation == generation && last.fs_path == file.fs_path() && !last.path.empty()) {
    return last.path;
  }
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(file.fs_path()), ec).lexically_normal();
  const std::string root = project_root(file);
  last.path =
      root.empty() ? absolute.generic_string() : absolute.lexically_relative(root).generic_string();
  last.fs_path = file.fs_path();
  last.generation = generation;
  return last.path;
}

std::string fingerprint(const Finding& finding) {
  std::uint64_t h = kFnvOffset;
  hash_field(h, "amlint/v1");
  hash_field(h, finding.rule->id);
  hash_field(h, repository_path(*finding.location.file));
  hash_field(h, finding.location.doc_path);
  const Location& loc = finding.location;
  // After a run dropped the file's text, the kept lines still hold the range.
  const std::string_view value = loc.file->slice(loc.range);
  bool in_space = false;
  for (const char c : trim(value)) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && in_space) continue;
    in_space = space;
    h ^= static_cast<unsigned char>(space ? ' ' : c);
    h *= kFnvPrime;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[h & 0xFU];
    h >>= 4U;
  }
  return out;
}

std::vector<std::string> unique_fingerprints(const Findings& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  std::map<std::string, int> seen;
  for (const Finding& f : findings) {
    std::string fp = fingerprint(f);
    const int n = ++seen[fp];
    if (n > 1) fp += ":" + std::to_string(n);
    out.push_back(std::move(fp));
  }
  return out;
}

}  // namespace amlint
