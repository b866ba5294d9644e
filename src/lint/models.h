// The model each manifest is checked against (AML203, AML204): --model for
// the whole run, else the config's `model` binding for a v1 deployment
// config. A model's size is read once per path, from any thread.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "model/manifest.h"
#include "policy/config.h"
#include "rules/rule.h"

namespace amlint {

class Models {
 public:
  // `run_model`: --model. Throws UsageError when it names nothing.
  explicit Models(const std::optional<std::string>& run_model);

  std::optional<ModelInfo> for_manifest(const Manifest& m, const Config& config) const;

 private:
  // The model at `path` (shown as `shown`), or nullopt when it cannot be read.
  std::optional<ModelInfo> at(const std::string& path, const std::string& shown) const;

  std::optional<ModelInfo> run_model_;
  mutable std::mutex mutex_;  // checks ask for models on worker threads
  mutable std::map<std::string, std::optional<ModelInfo>> by_path_;
};

}  // namespace amlint
