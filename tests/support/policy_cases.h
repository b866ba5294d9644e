// What the policy tests share: a manifest with known findings, and a run of
// the binary in a folder with the concise format.
#pragma once

#include <string>
#include <vector>

#include "support/harness.h"

namespace amlint::testing {

// An ACI config: AML202 (24 GB) on line 5, AML402 on line 1.
inline constexpr const char* kAci24 =
    "computeType: aci\n"
    "authEnabled: true\n"
    "containerResourceRequirements:\n"
    "  cpu: 1\n"
    "  memoryInGB: 24\n";

// `amlint check -q --format concise ARGS` in `dir`.
inline ProcessResult concise(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"check", "-q", "--format", "concise"});
  return run_amlint(args, in_dir(dir.path()));
}

}  // namespace amlint::testing
