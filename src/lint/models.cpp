#include "lint/models.h"

#include "core/errors.h"
#include "util/files.h"

namespace amlint {

Models::Models(const std::optional<std::string>& run_model) {
  if (!run_model) return;
  run_model_ = at(*run_model, *run_model);
  if (!run_model_) throw UsageError("--model: cannot read '" + *run_model + "'");
}

std::optional<ModelInfo> Models::for_manifest(const Manifest& m, const Config& config) const {
  if (run_model_ || m.format != Format::kV1DeploymentConfig) return run_model_;
  const auto bound = config.model_for(m.file->fs_path());
  return bound ? at(*bound, display_of(*bound)) : std::nullopt;
}

std::optional<ModelInfo> Models::at(const std::string& path, const std::string& shown) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_path_.find(path);
  if (it == by_path_.end()) {
    const auto bytes = disk_size(path);
    it = by_path_
             .emplace(path,
                      bytes ? std::optional<ModelInfo>(ModelInfo{shown, *bytes}) : std::nullopt)
             .first;
  }
  return it->second;
}

}  // namespace amlint
