// How the fuzz target turns bytes into a lint run, shared by the target
// (fuzz_pipeline.cpp) and the seed maker (make_seeds.cpp).
//
// The input is one to kMaxFiles files separated by kSeparator. Each file
// starts with a control byte: its low six bits pick the file's name from
// kNames (modulo their count; the name decides JSON or YAML, the directory
// that v1 configs pair in, the `prod/` segment AML301 looks for, and whether
// a referenced `score.py` exists), kNamed says that the file is named on the
// command line (a file that is not named is found by a directory walk or
// read as a pairing sibling), and kWithModel on the first file runs with
// `--model` naming `model/model.pkl`, an 11 GiB sparse file that is always
// there. When no file is named, the run walks the directory, as `amlint
// check` does.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace amlint::fuzz {

inline constexpr std::string_view kSeparator = "\n@@@\n";
inline constexpr std::size_t kMaxFiles = 4;
inline constexpr unsigned char kNamed = 0x80;
inline constexpr unsigned char kWithModel = 0x40;
inline constexpr unsigned char kNameBits = 0x3F;

inline constexpr std::array<std::string_view, 20> kNames = {
    "deploymentconfig.json",
    "deployment_config_aci.yml",
    "deployment_config_aks.yml",
    "inference_config.yml",
    "inferenceconfig.json",
    "online-deployment.yml",
    "k8s-deployment.yaml",
    "endpoint.yml",
    "endpoint.json",
    "batch-deployment.yml",
    "batch-endpoint.yml",
    "compute.yml",
    "cluster.json",
    "deployment.template.json",  // IoT Edge
    "deploy.json",               // aml-deploy parameters
    "prod/deployment_config_aci.yml",
    "prod/deploymentconfig.json",
    "scoring/inference_config.yml",
    "score.py",  // not a manifest: makes `entryScript: score.py` exist
    "manifest.YAML",
};

struct FuzzFile {
  std::string_view name;
  bool named = false;
  std::string_view content;
};

struct FuzzInput {
  std::vector<FuzzFile> files;
  bool with_model = false;
};

// The files of a fuzz input (their contents are views into `data`).
inline FuzzInput decode(std::string_view data) {
  FuzzInput input;
  while (!data.empty() && input.files.size() < kMaxFiles) {
    const auto control = static_cast<unsigned char>(data.front());
    data.remove_prefix(1);
    const bool last = input.files.size() + 1 == kMaxFiles;
    const std::size_t end = last ? std::string_view::npos : data.find(kSeparator);
    if (input.files.empty()) input.with_model = (control & kWithModel) != 0;
    input.files.push_back(FuzzFile{kNames[(control & kNameBits) % kNames.size()],
                                   (control & kNamed) != 0, data.substr(0, end)});
    data =
        end == std::string_view::npos ? std::string_view() : data.substr(end + kSeparator.size());
  }
  return input;
}

// The control byte of a file, for the seed maker: the name's index (the
// name must be one of kNames) and the flags.
inline unsigned char control_byte(std::string_view name, bool named, bool with_model) {
  unsigned char index = 0;
  while (index < kNames.size() && kNames[index] != name) ++index;
  return static_cast<unsigned char>(index | (named ? kNamed : 0) | (with_model ? kWithModel : 0));
}

// The bytes that decode() turns back into `input`.
inline std::string encode(const FuzzInput& input) {
  std::string out;
  for (const FuzzFile& f : input.files) {
    if (!out.empty()) out += kSeparator;
    out.push_back(
        static_cast<char>(control_byte(f.name, f.named, input.with_model && out.empty())));
    out += f.content;
  }
  return out;
}

}  // namespace amlint::fuzz
