// A typed view of rules/vm-sizes.yaml: Azure VM sizes (vCPUs, RAM, GPUs,
// family), each family with the size page it comes from, and the retired
// families with their dates and successors. Names compare without case
// (STANDARD_NC4AS_T4_V3 is Standard_NC4as_T4_v3).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capability/provenance.h"
#include "capability/typed_reader.h"
#include "manifest/loader.h"
#include "util/regex.h"

namespace amlint {

struct VmSize {
  std::string name;  // as the table spells it
  double vcpus = 0;
  double memory_gb = 0;  // 0: no page gives it
  double gpus = 0;       // a share of one GPU is a fraction (1/6)
  std::string gpu;       // "K80", "T4" ...
  std::string family;    // "NC", "DSv2" ... (a key of families())
};

struct RetiredFamily {
  Regex pattern;
  std::string name;
  std::string retired;  // YYYY-MM-DD; a date to come is an announced retirement
  std::string instead;
  std::map<std::string, std::string> successors;  // by lower-case size name
  std::string note;
  Citation cite;
  // The documented successor of `size`, or "".
  std::string successor_of(std::string_view size) const;
};

class VmSizeTable {
 public:
  // The table built into the binary (rules/vm-sizes.yaml), read on first use
  // (data/builtin.cpp): a run without a CLI v2 file never reads it.
  static const VmSizeTable& builtin();
  // `shape` is schemas/vm-sizes.schema.json, or null for a table the build
  // has validated.
  static std::unique_ptr<VmSizeTable> parse(const SourceFile& source,
                                            std::vector<TableError>& errors,
                                            const schema::SchemaFile* shape,
                                            Syntax syntax = Syntax::kYaml);

  const VmSize* find(std::string_view name) const;
  // The retired family a size belongs to, if any.
  const RetiredFamily* retired_family(std::string_view name) const;
  // Each family's size page, by family name ("DSv2").
  const std::map<std::string, Source>& families() const { return families_; }
  const std::vector<Source>& sources() const { return sources_; }
  const Source* source(std::string_view id) const;
  // Every value with its citation, for `amlint facts`.
  const std::vector<FactRecord>& records() const { return records_; }

 private:
  friend class VmSizeReader;
  std::map<std::string, VmSize> sizes_;  // by lower-case name
  std::map<std::string, Source> families_;
  std::vector<Source> sources_;
  std::vector<RetiredFamily> retired_;
  std::vector<FactRecord> records_;
};

}  // namespace amlint
