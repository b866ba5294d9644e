#include "lint/inputs.h"

#include <algorithm>
#include <filesystem>

#include "policy/baseline.h"
#include "policy/config.h"
#include "util/regex.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
bool is_own_file(const std::string& fs_path) {
  const std::string name = fs::path(fs_path).filename().string();
  return name == kConfigFileName || name == kBaselineFileName;
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::absolute(fs::path(path), ec).lexically_normal().string();
}

bool looks_like_manifest(std::string_view file_name, std::string_view text) {
  static const Regex kFingerprint(
      "computeType|entryScript|azuremlschemas|azureml:|modulesContent|endpoint_name|inference_"
      "entry_script|"
      "instance_type|scoring_script|code_configuration|auth_mode|mini_batch_size");
  // Helm, Jinja and Go templates: not YAML until rendered.
  static const Regex kTemplate("\\{\\{|\\{%");
  static const Regex kManifestName("(?i)(deploy|endpoint|inference|compute)[^/]*\\.(ya?ml|json)$");
  std::string_view head = text.substr(0, 1U << 16U);
  std::string ascii;  // UTF-16/32: drop the zero bytes of ASCII characters
  if (head.find('\0') != std::string_view::npos) {
    for (const char c : head) {
      if (c != '\0') ascii.push_back(c);
    }
    head = ascii;
  }
  if (kFingerprint.search(head)) return true;
  return kManifestName.search(file_name) && !kTemplate.search(head);
}

std::vector<Input> collect_inputs(const LintOptions& options, const Places& places) {
  std::vector<Input> inputs;
  std::vector<std::string> errors;
  std::set<std::string>
      seen;  // absolute paths: a file named twice, or named and walked, is linted once
  // A text in memory is linted at its path; the file there on disk is not read.
  const auto add_text = [&](const std::string& path, ReadResult text) {
    if (!path.empty() && !seen.insert(absolute_path(path)).second) return;
    inputs.push_back(Input{path.empty() ? "<stdin>" : path, path, true, std::move(text)});
  };
  for (const Buffer& buffer : options.buffers)
    add_text(buffer.path, ReadResult{buffer.text, {}, {}});
  for (const std::string& path : options.paths) {
    if (path == kStdinPath) {
      add_text(options.stdin_filename, read_stdin(options.limits.max_file_bytes));
      continue;
    }
    Discovery d = discover({path});
    errors.insert(errors.end(), d.errors.begin(), d.errors.end());
    for (InputFile& f : d.files) {
      // amlint's own files are not manifests, and a config's `ignore`
      // holds for named files too: pre-commit names every changed file.
      if (is_own_file(f.fs_path) || places.config_of(f.fs_path).ignores(f.fs_path)) continue;
      if (seen.insert(absolute_path(f.fs_path)).second) {
        inputs.push_back(Input{std::move(f.display_path), std::move(f.fs_path), f.named, {}});
      }
    }
  }
  if (!errors.empty()) throw UsageError(errors.front());
  return inputs;
}

std::optional<std::string> directory_without_manifests(const std::vector<std::string>& paths,
                                                       const std::vector<std::string>& manifests) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == kStdinPath || !fs::is_directory(path, ec)) continue;
    std::string dir = absolute_path(path);
    if (dir.empty() || dir.back() != '/') dir += '/';
    const bool found = std::any_of(manifests.begin(), manifests.end(),
                                   [&](const std::string& m) { return starts_with(m, dir); });
    if (!found) return path;
  }
  return std::nullopt;
}

std::string no_manifest_message(const std::string& directory) {
  return directory +
         " holds no Azure ML manifest: amlint lints .yml, .yaml and .json files with an Azure ML "
         "$schema, a v1 computeType or entryScript, or the keys of a CLI v2 endpoint, deployment "
         "or compute (files the config ignores are skipped); check the path, or pass "
         "--allow-empty to accept a run that lints nothing";
}

std::vector<Input> pairing_candidates(const std::string& directory,
                                      const std::set<std::string>& loaded) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && has_manifest_extension(it->path().filename().string())) {
      paths.push_back(it->path().lexically_normal().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Input> out;
  for (const std::string& path : paths) {
    if (!loaded.count(path) && !is_own_file(path))
      out.push_back(Input{display_of(path), path, false, {}});
  }
  return out;
}

}  // namespace amlint
