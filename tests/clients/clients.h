// What the client tests share: finding a client program, skipping (or, in
// CI, failing) when it is missing, and running the validators of the SARIF
// and JSON reports (clients.cpp).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/harness.h"

namespace amlint::testing {

inline bool clients_required() {
  const char* v = std::getenv("AMLINT_REQUIRE_CLIENTS");
  return v && std::string_view(v) == "1";
}

// Skips (locally) or fails (in CI) when a client is missing.
#define REQUIRE_CLIENT(available, what)                                                         \
  do {                                                                                          \
    if (!(available)) {                                                                         \
      if (clients_required()) FAIL() << what << " is missing (AMLINT_REQUIRE_CLIENTS=1)";       \
      GTEST_SKIP() << what << " is missing; .ci/run installs it (set AMLINT_REQUIRE_CLIENTS=1 " \
                   << "to make this a failure)";                                                \
    }                                                                                           \
  } while (false)

// The full path of a program on PATH, or "".
inline std::string which(const std::string& name) {
  const char* path = std::getenv("PATH");
  for (const std::string& dir : split(path ? path : "/usr/bin:/bin", ':')) {
    const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0 && std::filesystem::is_regular_file(candidate)) {
      return candidate.string();
    }
  }
  return "";
}

// tests/clients and the npm packages `npm ci --prefix tests/clients` installs.
std::string clients_dir();
std::string node_modules();

// Microsoft's SARIF validator (@microsoft/sarif-multitool), or "".
std::string sarif_multitool();
// Validates `file` with its SARIF and GitHub rules; returns its errors and
// warnings ("level ruleId: arguments"), leaving out SARIF2005 (no
// informationUri: amlint has no public home page to name). Notes
// (suggestions such as snippets) are not failures. Writes its log in `dir`.
std::vector<std::string> sarif_problems(const std::string& file, const TempDir& dir);

// A Python with the jsonschema package (Debian's first), or "".
std::string python_with_jsonschema();
// tests/clients/validate_json.py: `file` against schemas/`schema`.
ProcessResult validate_json(const std::string& python, const std::string& schema,
                            const std::string& file);

}  // namespace amlint::testing
