#include "index/index_cache.h"

#include <charconv>
#include <filesystem>

#include "util/atomic_file.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::index_cache {
namespace {

const std::string& header() {
  static const std::string kHeader = std::string("amlint-index 1 ") + AMLINT_VERSION;
  return kHeader;
}

// Splits at `separator`; a trailing separator ends the last piece.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      if (i < text.size() || start < text.size() || separator == '\t')
        out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string_view> fields(std::string_view line) { return split(line, '\t'); }

template <typename T>
bool number(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// A value the line format can hold: no tab, newline or carriage return.
bool plain(std::string_view s) { return s.find_first_of("\t\n\r") == std::string_view::npos; }

}  // namespace

std::optional<std::map<std::string, IndexedFile>> read(const std::string& cache_file,
                                                       const std::string& root) {
  const ReadResult read = read_file(cache_file, std::uint64_t{1} << 30U);
  if (read.error || read.oversize) return std::nullopt;
  const std::vector<std::string_view> lines = split(read.bytes, '\n');
  if (lines.empty() || lines.front() != header()) return std::nullopt;
  std::map<std::string, IndexedFile> out;
  const int max_format = static_cast<int>(Format::kAmlDeployAction);
  for (std::size_t i = 1; i < lines.size();) {
    const std::vector<std::string_view> file = fields(lines[i++]);
    IndexedFile f;
    std::size_t count = 0;
    if (file.size() != 4 || !number(file[0], f.size) || !number(file[1], f.mtime_ns) ||
        !number(file[3], count) || count > lines.size() - i) {
      return std::nullopt;
    }
    // Written by lexically_relative from normal paths: joined as they are.
    f.path = root + "/" + std::string(file[2]);
    for (std::size_t m = 0; m < count; ++m) {
      const std::vector<std::string_view> manifest = fields(lines[i++]);
      int format = 0;
      if (manifest.size() != 3 || !number(manifest[0], format) || format < 0 ||
          format > max_format) {
        return std::nullopt;
      }
      f.manifests.push_back(IndexedManifest{static_cast<Format>(format), std::string(manifest[1]),
                                            std::string(manifest[2])});
    }
    std::string path = f.path;
    out.emplace(std::move(path), std::move(f));
  }
  return out;
}

bool write(const std::string& cache_file, const std::string& root,
           const std::vector<IndexedFile>& files) {
  std::error_code ec;
  const fs::path dir = fs::path(cache_file).parent_path();
  fs::create_directories(dir, ec);
  if (ec) return false;
  if (!fs::exists(dir / ".gitignore", ec)) {
    write_file_atomically((dir / ".gitignore").string(),
                          "# amlint's cache of the project's manifests; safe to delete\n*\n");
  }
  std::string text = header() + "\n";
  for (const IndexedFile& f : files) {
    const std::string relative = fs::path(f.path).lexically_relative(root).string();
    if (!plain(relative)) continue;  // parsed again next time
    std::vector<const IndexedManifest*> kept;
    for (const IndexedManifest& m : f.manifests) {
      if (plain(m.key) && plain(m.name)) kept.push_back(&m);
    }
    text += std::to_string(f.size) + "\t" + std::to_string(f.mtime_ns) + "\t" + relative + "\t" +
            std::to_string(kept.size()) + "\n";
    for (const IndexedManifest* m : kept) {
      text += std::to_string(static_cast<int>(m->format)) + "\t" + m->key + "\t" + m->name + "\n";
    }
  }
  return !write_file_atomically(cache_file, text).has_value();
}

}  // namespace amlint::index_cache
