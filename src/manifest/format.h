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
  kV2ManagedOnlineEndpoint,
  kV2KubernetesOnlineEndpoint,
  kV2BatchEndpoint,
  kV2ModelBatchDeployment,
  kV2PipelineComponentBatchDeployment,
  kV2LegacyBatchDeployment,  // no `type`, settings at the root (older CLI)
  kV2AmlCompute,
  kV2ComputeInstance,
  kV2KubernetesCompute,
  kV2VirtualMachineCompute,
  kV2OtherCompute,  // synapsespark and other attached computes
  kV2OtherAsset,    // another Azure ML v2 file (a job, an environment, a package ...)
  // The 2021 preview of CLI v2 (`$schema` k8sOnlineEndpoint, onlineEndpoint
  // ...: `target:`, deployments inline), which today's az ml does not read.
  kV2Preview,
  // Others that carry Azure ML deployments
  kIotEdgeManifest,
  kAmlDeployAction,  // parameter file of the Azure/aml-deploy GitHub Action
};

struct DetectedFormat {
  Format format = Format::kUnknown;  // as az ml loads the document
  std::string schema;                // the $schema file name when there is one
  // What the $schema URL (or, without one, the document's keys) suggest when
  // az ml loads another format: azure-ai-ml picks the class of an online
  // deployment by `type: kubernetes` and of an online endpoint by `compute:`,
  // and $schema only serves editors. kUnknown when they agree.
  Format hinted = Format::kUnknown;
  const Node* hint = nullptr;  // the $schema value or the key that suggests it
};

// The format of a document the way az ml (azure-ai-ml, CLI v1) reads it:
// `type` and `compute` first, `$schema` and the keys as hints.
DetectedFormat detect_format(const Node* root);

// For a file that does not parse: the format its `$schema:` line names, if any.
Format detect_format_from_text(std::string_view text);

// The schema under schemas/ that checks a format ("managed-online-deployment"),
// or "" when amlint has none.
std::string_view schema_name(Format format);

// "v1 deployment config", "managed online deployment", ...
std::string_view format_name(Format format);

inline bool is_v1(Format f) {
  return f == Format::kV1DeploymentConfig || f == Format::kV1InferenceConfig;
}
bool is_online_deployment(Format f);
bool is_online_endpoint(Format f);
bool is_batch_deployment(Format f);
bool is_compute(Format f);

}  // namespace amlint
