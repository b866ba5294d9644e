// Builds the fuzz target's seed corpus from the fixtures and the shared
// corpus: each manifest becomes a one-file input under the name it would have
// in a project (its own name when fuzz_input.h lists it, else one with its
// extension), and each directory with several manifests becomes inputs
// holding its files together (all named, then walked), so that pairing and
// cross-file references start from real examples.
//
// Usage: make_seeds OUTPUT_DIR SOURCE_DIR...   (missing sources are skipped)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;
using amlint::fuzz::FuzzFile;
using amlint::fuzz::FuzzInput;
using amlint::fuzz::kNames;

namespace {

bool listed(std::string_view name) {
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// The name the file gets in the fuzz input.
std::string_view name_for(const fs::path& file) {
  const std::string base = file.filename().string();
  const std::string with_parent = file.parent_path().filename().string() + "/" + base;
  for (const std::string& candidate : {with_parent, base}) {
    if (listed(candidate)) return *std::find(kNames.begin(), kNames.end(), candidate);
  }
  const std::string ext = file.extension().string();
  if (ext == ".json") return "deploymentconfig.json";
  if (ext == ".yml") return "online-deployment.yml";
  if (ext == ".yaml") return "k8s-deployment.yaml";
  return "manifest.YAML";
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_seeds OUTPUT_DIR SOURCE_DIR...\n");
    return 2;
  }
  const fs::path out = argv[1];
  fs::remove_all(out);
  fs::create_directories(out);
  std::map<fs::path, std::vector<fs::path>> by_directory;
  for (int i = 2; i < argc; ++i) {
    if (!fs::is_directory(argv[i])) continue;
    for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && (amlint::has_manifest_extension(name) || name == "score.py")) {
        by_directory[entry.path().parent_path()].push_back(entry.path());
      }
    }
  }
  int count = 0;
  auto emit = [&](const FuzzInput& input, const std::vector<std::string>& contents) {
    FuzzInput copy = input;
    for (std::size_t i = 0; i < copy.files.size(); ++i) copy.files[i].content = contents[i];
    write(out / ("seed-" + std::to_string(count++)), amlint::fuzz::encode(copy));
  };
  for (auto& [dir, files] : by_directory) {
    std::sort(files.begin(), files.end());
    const bool with_model = amlint::starts_with(read(dir / ".amlint-test-args"), "--model");
    FuzzInput together;
    together.with_model = with_model;
    std::vector<std::string> contents;
    for (const fs::path& file : files) {
      const bool manifest = file.filename() != "score.py";
      const std::string bytes = read(file);
      if (manifest) emit(FuzzInput{{FuzzFile{name_for(file), true, {}}}, with_model}, {bytes});
      if (together.files.size() < amlint::fuzz::kMaxFiles) {
        together.files.push_back(FuzzFile{name_for(file), manifest, {}});
        contents.push_back(bytes);
      }
    }
    if (together.files.size() < 2) continue;
    emit(together, contents);
    for (FuzzFile& f : together.files) f.named = false;
    emit(together, contents);
  }
  std::printf("make_seeds: %d inputs in %s\n", count, out.string().c_str());
  return 0;
}
