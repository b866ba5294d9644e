// What kind of Azure ML manifest a document is.
#pragma once

#include <string>
#include <string_view>

#include "manifest/node.h"

namespace amlint {

enum class Format {
  kUnknown,
  // SDK/CLI v1 (az ml model deploy --dc / --ic)
  kV1DeploymentConfig,
  kV1InferenceConfig,
  // CLI v2
  kV2ManagedOnlineDeployment,
  kV2KubernetesOnlineDeployment,
  kV2OnlineDeployment,  // no $schema: managed or Kubernetes cannot be told
  kV2ManagedOnlineEndpoint,
  kV2KubernetesOnlineEndpoint,
  kV2OnlineEndpoint,
  kV2BatchEndpoint,
  kV2BatchDeployment,
  kV2ModelBatchDeployment,
  kV2PipelineComponentBatchDeployment,
  kV2Compute,
  kV2OtherAsset,  // another Azure ML v2 file (a job, an environment, a package ...)
  // Others that carry Azure ML deployments
  kIotEdgeManifest,
  kAmlDeployAction,  // parameter file of the Azure/aml-deploy GitHub Action
};

struct DetectedFormat {
  Format format = Format::kUnknown;
  std::string schema;  // the $schema file name when there is one
};

DetectedFormat detect_format(const Node* root);

// "v1 deployment config", "managed online deployment", ...
std::string_view format_name(Format format);

inline bool is_v1(Format f) {
  return f == Format::kV1DeploymentConfig || f == Format::kV1InferenceConfig;
}

}  // namespace amlint
