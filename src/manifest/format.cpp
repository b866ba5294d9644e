#include "manifest/format.h"

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {
namespace {

struct SchemaName {
  std::string_view name;  // $schema file name, lower case, without .schema.json
  Format format;
};

constexpr SchemaName kSchemas[] = {
    {"managedonlinedeployment", Format::kV2ManagedOnlineDeployment},
    {"kubernetesonlinedeployment", Format::kV2KubernetesOnlineDeployment},
    {"managedonlineendpoint", Format::kV2ManagedOnlineEndpoint},
    {"kubernetesonlineendpoint", Format::kV2KubernetesOnlineEndpoint},
    {"batchendpoint", Format::kV2BatchEndpoint},
    {"batchdeployment", Format::kV2BatchDeployment},
    {"modelbatchdeployment", Format::kV2ModelBatchDeployment},
    {"pipelinecomponentbatchdeployment", Format::kV2PipelineComponentBatchDeployment},
    {"amlcompute", Format::kV2Compute},
    {"computeinstance", Format::kV2Compute},
    {"kubernetescompute", Format::kV2Compute},
    {"vmcompute", Format::kV2Compute},
};

// "https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json "
// -> "managedonlinedeployment", when the URL is an Azure ML schema.
std::string azureml_schema_name(std::string_view url) {
  url = trim(url);
  const std::string lower = to_lower(url);
  if (lower.find("azureml") == std::string::npos) return {};
  std::string_view name = url.substr(url.find_last_of('/') + 1);
  for (std::string_view suffix : {".schema.json", ".json"}) {
    if (ends_with(to_lower(name), suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  return to_lower(name);
}

bool has_any(const Node& root, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (root.get(k)) return true;
  }
  return false;
}

}  // namespace

DetectedFormat detect_format(const Node* root) {
  DetectedFormat out;
  if (!root || !root->is_map()) return out;
  const Node& map = root->resolved();

  if (const auto schema = as_text(map.get("$schema"))) {
    const std::string name = azureml_schema_name(*schema);
    if (!name.empty()) {
      out.schema = name;
      out.format = Format::kV2OtherAsset;
      for (const SchemaName& s : kSchemas) {
        if (s.name == name) out.format = s.format;
      }
      return out;
    }
  }
  if (map.get("computeType")) {
    out.format = Format::kV1DeploymentConfig;
  } else if (map.get("entryScript")) {
    out.format = Format::kV1InferenceConfig;
  } else if (const Node* modules = map.get("modulesContent"); modules && modules->get("$edgeAgent")) {
    out.format = Format::kIotEdgeManifest;
  } else if (has_any(map, {"inference_entry_script", "deployment_compute_target", "create_image"})) {
    out.format = Format::kAmlDeployAction;
  } else if (map.get("endpoint_name")) {
    out.format = has_any(map, {"compute", "mini_batch_size", "output_action", "settings"})
                     ? Format::kV2BatchDeployment
                     : Format::kV2OnlineDeployment;
  } else if (const auto type = as_text(map.get("type"));
             type && map.get("name") &&
             (iequals(*type, "amlcompute") || iequals(*type, "computeinstance") ||
              iequals(*type, "kubernetes") || iequals(*type, "virtualmachine") ||
              iequals(*type, "synapsespark"))) {
    out.format = Format::kV2Compute;
  } else if (map.get("name") && has_any(map, {"auth_mode", "traffic", "mirror_traffic"})) {
    out.format = Format::kV2OnlineEndpoint;
  }
  return out;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kUnknown:
      return "unrecognised file";
    case Format::kV1DeploymentConfig:
      return "v1 deployment config";
    case Format::kV1InferenceConfig:
      return "v1 inference config";
    case Format::kV2ManagedOnlineDeployment:
      return "managed online deployment";
    case Format::kV2KubernetesOnlineDeployment:
      return "Kubernetes online deployment";
    case Format::kV2OnlineDeployment:
      return "online deployment";
    case Format::kV2ManagedOnlineEndpoint:
      return "managed online endpoint";
    case Format::kV2KubernetesOnlineEndpoint:
      return "Kubernetes online endpoint";
    case Format::kV2OnlineEndpoint:
      return "online endpoint";
    case Format::kV2BatchEndpoint:
      return "batch endpoint";
    case Format::kV2BatchDeployment:
      return "batch deployment";
    case Format::kV2ModelBatchDeployment:
      return "model batch deployment";
    case Format::kV2PipelineComponentBatchDeployment:
      return "pipeline component batch deployment";
    case Format::kV2Compute:
      return "compute";
    case Format::kV2OtherAsset:
      return "Azure ML v2 file";
    case Format::kIotEdgeManifest:
      return "IoT Edge deployment manifest";
    case Format::kAmlDeployAction:
      return "aml-deploy action parameters";
  }
  return "unrecognised file";
}

}  // namespace amlint
