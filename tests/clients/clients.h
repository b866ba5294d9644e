// What the client tests share: finding a client program, and skipping (or,
// in CI, failing) when it is missing.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

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

}  // namespace amlint::testing
