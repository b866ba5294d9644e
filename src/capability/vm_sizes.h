// A typed view of rules/vm-sizes.yaml: Azure VM sizes (vCPUs, RAM, GPUs,
// family, retirement), the closed list of sizes managed online endpoints
// accept, and the retired families. Names compare without case
// (STANDARD_NC4AS_T4_V3 is Standard_NC4as_T4_v3).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "util/regex.h"

namespace amlint {

struct VmSize {
  std::string name;  // as the table spells it
  double vcpus = 0;
  double memory_gb = 0;
  int gpus = 0;
  std::string gpu;      // "K80", "T4" ...
  std::string family;   // "NC", "DSv2" ...
  std::string retired;  // YYYY-MM-DD, or ""
};

struct RetiredFamily {
  Regex pattern;
  std::string name;
  std::string retired;
  std::string instead;
  std::string source;
};

class VmSizeTable {
 public:
  // The table built into the binary (rules/vm-sizes.yaml), read on first use
  // (capability/builtin.cpp): a run without a CLI v2 file never reads it.
  static const VmSizeTable& builtin();
  static std::unique_ptr<VmSizeTable> parse(const SourceFile& source,
                                            std::vector<TableError>& errors,
                                            Syntax syntax = Syntax::kYaml);

  const VmSize* find(std::string_view name) const;
  bool managed_online_allowed(std::string_view name) const;
  bool managed_online_too_small(std::string_view name) const;
  const std::vector<std::string>& managed_online_list() const { return managed_online_; }
  // The retired family a size belongs to, if any.
  const RetiredFamily* retired_family(std::string_view name) const;

 private:
  friend class VmSizeReader;
  std::map<std::string, VmSize> sizes_;  // by lower-case name
  std::vector<std::string> managed_online_;
  std::vector<std::string> too_small_;
  std::vector<RetiredFamily> retired_;
};

}  // namespace amlint
