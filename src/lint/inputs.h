// What a run lints: the files named or found by walks, the texts handed
// over in memory, and the siblings a v1 config pairs with.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lint/linter.h"
#include "lint/place.h"
#include "util/files.h"

namespace amlint {

// One file of the run.
struct Input {
  std::string display_path;  // as diagnostics show it
  std::string fs_path;       // where it lives (or would); "" for a text from nowhere
  bool named = true;         // named (or handed over), not found by a walk
  // The text, when it was handed over in memory (or read from standard
  // input, which cannot be read twice); nullopt: read it from fs_path.
  std::optional<ReadResult> text;
};

// The buffers, then the files of the paths (walked, without amlint's own
// files and what the configs ignore, each file once), in order. Standard
// input is read here. Throws UsageError for a named path that cannot be
// found or read.
std::vector<Input> collect_inputs(const LintOptions& options, const Places& places);

// The files of `directory` that are not in `loaded` (absolute paths) and may
// pair with the v1 configs there, found by the `markers` in their text (see
// Run::load_pairing_siblings).
std::vector<Input> pairing_candidates(const std::string& directory,
                                      const std::set<std::string>& loaded);

// The first directory of `paths` under which none of `manifests` (absolute
// paths of the files that counted) lies, or nullopt. A run that walked it
// linted nothing there.
std::optional<std::string> directory_without_manifests(const std::vector<std::string>& paths,
                                                       const std::vector<std::string>& manifests);

// What a run says of such a directory (a usage error unless --allow-empty).
std::string no_manifest_message(const std::string& directory);

// amlint's own files (the config, the baseline) are never linted as manifests.
bool is_own_file(const std::string& fs_path);

// Absolute and normalised, so that "x.yml", "./x.yml" and "/repo/x.yml" agree.
std::string absolute_path(const std::string& path);

// Whether a walked file that fails to parse looks like a manifest (and so is
// reported): Azure ML keys or an Azure ML `$schema` in its text, or a
// manifest's file name (deployment.yml, endpoint.yaml, deploymentconfig.json
// ...) on a text that is not a template. Walks meet Helm charts and other
// YAML that is not ours.
bool looks_like_manifest(std::string_view file_name, std::string_view text);

}  // namespace amlint
