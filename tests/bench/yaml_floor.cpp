// The floor that amlint's speed is measured against (tests/bench/run.py): a
// bare, single-threaded program that reads every manifest it is given and
// parses it with yaml-cpp, and nothing else. No rules, no positions, no
// reports. It prints what it saw, so that no work can be optimised away.
//
//   yaml_floor [--read-only | --events] PATH...
//
// Default: YAML::LoadAll each file and walk every node, reading every scalar.
// --events: drive yaml-cpp's event parser (what amlint's reader uses) with a
//           handler that only reads every scalar; no node tree.
// --read-only: read the bytes and parse nothing.
//
// PATH is a file or a directory, walked recursively for *.json, *.yaml and
// *.yml. A file that does not parse is counted and skipped.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

enum class Mode { kTree, kEvents, kReadOnly };

struct Totals {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::uint64_t documents = 0;
  std::uint64_t nodes = 0;
  std::uint64_t scalar_bytes = 0;
  std::uint64_t checksum = 0;  // depends on every scalar's content
  std::uint64_t failed = 0;

  void scalar(const std::string& value) {
    ++nodes;
    scalar_bytes += value.size();
    for (const char c : value) checksum = checksum * 31 + static_cast<unsigned char>(c);
  }
};

bool is_manifest(const fs::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml";
}

// Every manifest under the given paths, each directory's files sorted.
std::vector<std::string> collect(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    if (!fs::is_directory(arg)) {
      files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file() && is_manifest(entry.path())) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

bool read_bytes(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  out.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

void walk(const YAML::Node& node, Totals& totals) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      totals.scalar(node.Scalar());
      return;
    case YAML::NodeType::Sequence:
      ++totals.nodes;
      for (const YAML::Node& item : node) walk(item, totals);
      return;
    case YAML::NodeType::Map:
      ++totals.nodes;
      for (const auto& pair : node) {
        walk(pair.first, totals);
        walk(pair.second, totals);
      }
      return;
    default:  // null and undefined
      ++totals.nodes;
      return;
  }
}

void parse_tree(const std::string& text, Totals& totals) {
  for (const YAML::Node& document : YAML::LoadAll(text)) {
    ++totals.documents;
    walk(document, totals);
  }
}

class CountingHandler : public YAML::EventHandler {
 public:
  explicit CountingHandler(Totals& totals) : totals_(totals) {}

  void OnDocumentStart(const YAML::Mark&) override { ++totals_.documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++totals_.nodes; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++totals_.nodes; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    totals_.scalar(value);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++totals_.nodes;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++totals_.nodes;
  }
  void OnMapEnd() override {}

 private:
  Totals& totals_;
};

void parse_events(const std::string& text, Totals& totals) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  CountingHandler handler(totals);
  while (parser.HandleNextDocument(handler)) {
  }
}

void process(const std::string& path, Mode mode, Totals& totals) {
  std::string text;
  if (!read_bytes(path, text)) {
    std::cerr << "yaml_floor: cannot read " << path << ": " << std::strerror(errno) << "\n";
    ++totals.failed;
    return;
  }
  ++totals.files;
  totals.bytes += text.size();
  if (mode == Mode::kReadOnly) return;
  try {
    if (mode == Mode::kTree) {
      parse_tree(text, totals);
    } else {
      parse_events(text, totals);
    }
  } catch (const YAML::Exception& e) {
    std::cerr << "yaml_floor: " << path << ": " << e.what() << "\n";
    ++totals.failed;
  }
}

int usage() {
  std::cerr << "usage: yaml_floor [--read-only | --events] PATH...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Mode mode = Mode::kTree;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--read-only") {
      mode = Mode::kReadOnly;
    } else if (arg == "--events") {
      mode = Mode::kEvents;
    } else if (arg.rfind("--", 0) == 0) {
      return usage();
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) return usage();
  Totals totals;
  try {
    for (const std::string& file : collect(paths)) process(file, mode, totals);
  } catch (const fs::filesystem_error& e) {
    std::cerr << "yaml_floor: " << e.what() << "\n";
    return 2;
  }
  std::cout << "files " << totals.files << " bytes " << totals.bytes << " documents "
            << totals.documents << " nodes " << totals.nodes << " scalar_bytes "
            << totals.scalar_bytes << " checksum " << totals.checksum << " failed " << totals.failed
            << "\n";
  return totals.failed == 0 ? 0 : 1;
}
