// Mechanical checks of the project's conventions: every regular expression
// goes through RE2, each third-party parser is included in one file only, so
// that its types and exceptions never leak into rules, and every include in
// src/ points down the layer order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "support/harness.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::testing {
namespace {

std::map<std::string, std::string> sources() {
  std::map<std::string, std::string> out;
  for (const char* dir : {"src", "tests"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir()) / dir)) {
      const std::string p = e.path().string();
      // This file names the includes it looks for, so it does not check itself.
      if (e.path().filename() == "conventions_test.cpp") continue;
      if (e.is_regular_file() && (ends_with(p, ".cpp") || ends_with(p, ".h"))) {
        out[fs::relative(e.path(), source_dir()).string()] = read_file_text(p);
      }
    }
  }
  return out;
}

TEST(Conventions, NoStdRegex) {
  for (const auto& [path, text] : sources()) {
    EXPECT_EQ(text.find("#include <regex>"), std::string::npos)
        << path << " uses std::regex; use util/regex.h";
  }
}

TEST(Conventions, EachDependencyIsIncludedInOneFile) {
  // The benchmark's floor (tests/bench/yaml_floor.cpp) is yaml-cpp alone, outside amlint.
  const std::map<std::string, std::set<std::string>> owners = {
      {"#include <yaml-cpp/", {"src/manifest/yaml_reader.cpp", "tests/bench/yaml_floor.cpp"}},
      {"#include <rapidjson/", {"src/manifest/json_reader.cpp"}},
      {"#include <re2/", {"src/util/regex.cpp"}},
      {"#include <CLI/", {"src/cli/command_line.cpp"}},
  };
  for (const auto& [path, text] : sources()) {
    for (const auto& [include, files] : owners) {
      if (text.find(include) != std::string::npos) {
        EXPECT_EQ(files.count(path), 1u) << path << " includes " << include;
      }
    }
  }
}

// The floors of src/, lowest first. A folder may include from its own floor
// and the floors below it; main.cpp, at the top, may include from any.
const std::vector<std::string>& layers() {
  static const std::vector<std::string> order = {
      "util",  "core",  "manifest", "schema", "capability", "data",   "model",
      "index", "rules", "policy",   "lint",   "fix",        "report", "cli"};
  return order;
}

int floor_of(const std::string& folder) {
  const auto& order = layers();
  const auto it = std::find(order.begin(), order.end(), folder);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

// The project includes in `text`: the folder of each `#include "folder/..."`.
std::vector<std::pair<int, std::string>> project_includes(const std::string& text) {
  std::vector<std::pair<int, std::string>> out;
  std::istringstream in(text);
  std::string l;
  for (int line = 1; std::getline(in, l); ++line) {
    const std::string prefix = "#include \"";
    if (l.rfind(prefix, 0) != 0) continue;
    const std::string target = l.substr(prefix.size(), l.find('"', prefix.size()) - prefix.size());
    const auto slash = target.find('/');
    if (slash != std::string::npos) out.emplace_back(line, target.substr(0, slash));
  }
  return out;
}

TEST(Conventions, EverySourceFolderHasAFloor) {
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / "src")) {
    if (!e.is_directory()) continue;
    EXPECT_GE(floor_of(e.path().filename().string()), 0)
        << "src/" << e.path().filename().string()
        << " has no place in the layer order; add it to layers() in " << __FILE__;
  }
}

TEST(Conventions, NoIncludeRunsUpAFloor) {
  int checked = 0;
  for (const auto& [path, text] : sources()) {
    if (path.rfind("src/", 0) != 0) continue;
    const fs::path rel = fs::path(path).lexically_relative("src");
    if (rel.begin() == rel.end() || std::next(rel.begin()) == rel.end()) continue;  // main.cpp
    const std::string folder = rel.begin()->string();
    const int own = floor_of(folder);
    for (const auto& [line, target] : project_includes(text)) {
      const int other = floor_of(target);
      if (other < 0) continue;  // a system or third-party header such as <CLI/CLI.hpp>
      ++checked;
      EXPECT_LE(other, own) << path << ":" << line << ": " << folder << "/ includes from " << target
                            << "/, a higher floor";
    }
  }
  EXPECT_GT(checked, 100)
      << "the include scan found almost nothing; has the include style changed?";
}

}  // namespace
}  // namespace amlint::testing
