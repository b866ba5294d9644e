// Mechanical checks of the project's conventions: every regular expression
// goes through RE2, and each third-party parser is included in one file only,
// so that its types and exceptions never leak into rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

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
      {"#include <CLI/", {"src/main.cpp"}},
  };
  for (const auto& [path, text] : sources()) {
    for (const auto& [include, files] : owners) {
      if (text.find(include) != std::string::npos) {
        EXPECT_EQ(files.count(path), 1u) << path << " includes " << include;
      }
    }
  }
}

}  // namespace
}  // namespace amlint::testing
