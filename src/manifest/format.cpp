#include "manifest/format.h"

#include "manifest/scalar.h"
#include "util/regex.h"
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
    {"batchdeployment", Format::kV2ModelBatchDeployment},  // refined by content
    {"modelbatchdeployment", Format::kV2ModelBatchDeployment},
    {"pipelinecomponentbatchdeployment", Format::kV2PipelineComponentBatchDeployment},
    {"amlcompute", Format::kV2AmlCompute},
    {"computeinstance", Format::kV2ComputeInstance},
    {"kubernetescompute", Format::kV2KubernetesCompute},
    {"vmcompute", Format::kV2VirtualMachineCompute},
    // The 2021 preview (azure-cli-ml 2.0.x preview).
    {"k8sonlineendpoint", Format::kV2Preview},
    {"k8sonlinedeployment", Format::kV2Preview},
    {"onlineendpoint", Format::kV2Preview},
    {"onlinedeployment", Format::kV2Preview},
};

// Batch-deployment settings that the older CLI read at the root.
constexpr std::string_view kLegacyBatchSettings[] = {"mini_batch_size",
                                                     "output_action",
                                                     "output_file_name",
                                                     "retry_settings",
                                                     "error_threshold",
                                                     "logging_level",
                                                     "max_concurrency_per_instance",
                                                     "environment_variables"};

Format batch_deployment_kind(const Node& map) {
  const auto type = as_text(map.get("type"));
  if (type && iequals(*type, "pipeline")) return Format::kV2PipelineComponentBatchDeployment;
  if (type || map.get("settings")) return Format::kV2ModelBatchDeployment;
  for (std::string_view k : kLegacyBatchSettings) {
    if (map.get(k) && k != "environment_variables") return Format::kV2LegacyBatchDeployment;
  }
  return Format::kV2ModelBatchDeployment;
}

// azure-ai-ml loads an online deployment as a Kubernetes one only when its
// `type` is exactly "kubernetes" (OnlineDeployment._load), else as managed.
Format online_deployment_kind(const Node& map) {
  const auto type = as_text(map.get("type"));
  return type && *type == "kubernetes" ? Format::kV2KubernetesOnlineDeployment
                                       : Format::kV2ManagedOnlineDeployment;
}

// What marks a Kubernetes online deployment to a reader, though az ml goes
// by `type`: `resources`, or an instance type that is not an Azure VM size.
const Node* kubernetes_look(const Node& map) {
  if (const MapEntry* e = map.entry("resources")) return e->key;
  const MapEntry* e = map.entry("instance_type");
  const auto type = e ? as_text(e->value) : std::nullopt;
  if (type && !starts_with(to_lower(*type), "standard_") && !type->empty() &&
      type->front() != '<' && type->front() != '$')
    return e->value;
  return nullptr;
}

// An online endpoint with a non-empty `compute` is a Kubernetes one
// (OnlineEndpoint._load).
Format online_endpoint_kind(const Node& map) {
  const Node* compute = map.get("compute");
  const bool set =
      compute && !compute->is_null() && !(compute->is_scalar() && compute->resolved().text.empty());
  return set ? Format::kV2KubernetesOnlineEndpoint : Format::kV2ManagedOnlineEndpoint;
}

Format compute_kind(std::string_view type) {
  if (iequals(type, "amlcompute")) return Format::kV2AmlCompute;
  if (iequals(type, "computeinstance")) return Format::kV2ComputeInstance;
  if (iequals(type, "kubernetes")) return Format::kV2KubernetesCompute;
  if (iequals(type, "virtualmachine")) return Format::kV2VirtualMachineCompute;
  return Format::kV2OtherCompute;
}

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

Format format_of_schema(const std::string& name) {
  for (const SchemaName& s : kSchemas) {
    if (s.name == name) return s.format;
  }
  return Format::kV2OtherAsset;
}

}  // namespace

namespace {

// The format the keys of an Azure ML document suggest, without $schema.
Format format_from_keys(const Node& map) {
  const auto type = as_text(map.get("type"));
  if (map.get("computeType")) return Format::kV1DeploymentConfig;
  if (map.get("entryScript")) return Format::kV1InferenceConfig;
  if (const Node* modules = map.get("modulesContent"); modules && modules->get("$edgeAgent"))
    return Format::kIotEdgeManifest;
  if (has_any(map, {"inference_entry_script", "deployment_compute_target", "create_image"}))
    return Format::kAmlDeployAction;
  if (map.get("endpoint_name")) {
    const bool batch = has_any(map, {"compute", "mini_batch_size", "output_action", "settings",
                                     "retry_settings", "component"});
    return batch ? batch_deployment_kind(map) : online_deployment_kind(map);
  }
  if (type && map.get("name") &&
      (iequals(*type, "amlcompute") || iequals(*type, "computeinstance") ||
       iequals(*type, "kubernetes") || iequals(*type, "virtualmachine") ||
       iequals(*type, "synapsespark"))) {
    return compute_kind(*type);
  }
  // The 2021 preview wrote an endpoint's deployments inline.
  if (const Node* d = map.get("deployments");
      d && d->is_seq() && map.get("name") && has_any(map, {"target", "traffic", "auth_mode"})) {
    return Format::kV2Preview;
  }
  if (map.get("name") && has_any(map, {"auth_mode", "traffic", "mirror_traffic"})) {
    const auto auth = as_text(map.get("auth_mode"));
    if (auth && iequals(*auth, "aad_token") && !map.get("traffic")) return Format::kV2BatchEndpoint;
    return online_endpoint_kind(map);
  }
  return Format::kUnknown;
}

}  // namespace

DetectedFormat detect_format(const Node* root) {
  DetectedFormat out;
  if (!root || !root->is_map()) return out;
  const Node& map = root->resolved();
  const Node* schema_node = map.get("$schema");
  const auto schema = as_text(schema_node);
  const std::string name = schema ? azureml_schema_name(*schema) : std::string();
  if (name.empty()) {
    out.format = format_from_keys(map);
    if (out.format == Format::kV2ManagedOnlineDeployment) {
      if (const Node* look = kubernetes_look(map)) {
        out.hinted = Format::kV2KubernetesOnlineDeployment;
        out.hint = look;
      }
    }
    return out;
  }
  out.schema = name;
  Format named = format_of_schema(name);
  if (named == Format::kV2ModelBatchDeployment) named = batch_deployment_kind(map);
  // azure-ai-ml chooses the class of online deployments and endpoints by
  // their content; $schema names the editor's schema.
  if (is_online_deployment(named)) {
    out.format = online_deployment_kind(map);
  } else if (is_online_endpoint(named)) {
    out.format = online_endpoint_kind(map);
  } else {
    out.format = named;
  }
  if (out.format != named) {
    out.hinted = named;
    out.hint = schema_node;
  }
  return out;
}

Format detect_format_from_text(std::string_view text) {
  static const Regex kSchemaLine("(?m)^\\s*[\"']?\\$schema[\"']?\\s*:\\s*[\"']?([^\"'\\s,]+)");
  std::string url;
  if (!kSchemaLine.first_group(text, url)) return Format::kUnknown;
  const std::string name = azureml_schema_name(url);
  return name.empty() ? Format::kUnknown : format_of_schema(name);
}

std::string_view schema_name(Format format) {
  switch (format) {
    case Format::kV1DeploymentConfig:
      return "v1-deployment-config";
    case Format::kV1InferenceConfig:
      return "v1-inference-config";
    case Format::kV2ManagedOnlineDeployment:
      return "managed-online-deployment";
    case Format::kV2KubernetesOnlineDeployment:
      return "kubernetes-online-deployment";
    case Format::kV2ManagedOnlineEndpoint:
      return "managed-online-endpoint";
    case Format::kV2KubernetesOnlineEndpoint:
      return "kubernetes-online-endpoint";
    case Format::kV2BatchEndpoint:
      return "batch-endpoint";
    case Format::kV2ModelBatchDeployment:
      return "model-batch-deployment";
    case Format::kV2PipelineComponentBatchDeployment:
      return "pipeline-component-batch-deployment";
    case Format::kV2LegacyBatchDeployment:
      return "batch-deployment-legacy";
    case Format::kV2AmlCompute:
      return "amlcompute";
    case Format::kV2ComputeInstance:
      return "compute-instance";
    case Format::kV2KubernetesCompute:
      return "kubernetes-compute";
    case Format::kV2VirtualMachineCompute:
      return "virtual-machine-compute";
    case Format::kIotEdgeManifest:
      return "iot-edge-manifest";
    case Format::kAmlDeployAction:
      return "aml-deploy-action";
    case Format::kUnknown:
    case Format::kV2OtherCompute:
    case Format::kV2OtherAsset:
    case Format::kV2Preview:
      break;
  }
  return "";
}

bool is_online_deployment(Format f) {
  return f == Format::kV2ManagedOnlineDeployment || f == Format::kV2KubernetesOnlineDeployment;
}
bool is_online_endpoint(Format f) {
  return f == Format::kV2ManagedOnlineEndpoint || f == Format::kV2KubernetesOnlineEndpoint;
}
bool is_batch_deployment(Format f) {
  return f == Format::kV2ModelBatchDeployment || f == Format::kV2PipelineComponentBatchDeployment ||
         f == Format::kV2LegacyBatchDeployment;
}
bool is_compute(Format f) {
  return f == Format::kV2AmlCompute || f == Format::kV2ComputeInstance ||
         f == Format::kV2KubernetesCompute || f == Format::kV2VirtualMachineCompute ||
         f == Format::kV2OtherCompute;
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
    case Format::kV2ManagedOnlineEndpoint:
      return "managed online endpoint";
    case Format::kV2KubernetesOnlineEndpoint:
      return "Kubernetes online endpoint";
    case Format::kV2BatchEndpoint:
      return "batch endpoint";
    case Format::kV2ModelBatchDeployment:
      return "model batch deployment";
    case Format::kV2PipelineComponentBatchDeployment:
      return "pipeline component batch deployment";
    case Format::kV2LegacyBatchDeployment:
      return "batch deployment (legacy form)";
    case Format::kV2AmlCompute:
      return "compute cluster (amlcompute)";
    case Format::kV2ComputeInstance:
      return "compute instance";
    case Format::kV2KubernetesCompute:
      return "Kubernetes compute";
    case Format::kV2VirtualMachineCompute:
      return "virtual machine compute";
    case Format::kV2OtherCompute:
      return "attached compute";
    case Format::kV2OtherAsset:
      return "Azure ML v2 file";
    case Format::kV2Preview:
      return "2021 preview endpoint or deployment";
    case Format::kIotEdgeManifest:
      return "IoT Edge deployment manifest";
    case Format::kAmlDeployAction:
      return "aml-deploy action parameters";
  }
  return "unrecognised file";
}

}  // namespace amlint
