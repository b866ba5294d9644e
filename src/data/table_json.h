// The data tables of rules/ (compute-targets.yaml, vm-sizes.yaml) are edited
// as YAML but built into the binary as JSON, which loads in a fraction of the
// time (start-up is most of a one-file run). The conversion keeps the tree
// that the table readers see: same keys in the same order, same texts, and a
// plain scalar stays plain (so numbers and booleans read back as such).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "manifest/node.h"

namespace amlint {

// `root` as compact JSON; nullopt, with errors at their YAML positions, when
// a value would not read back the same (a tag, a key that is not a scalar, a
// YAML 1.1 boolean or number that JSON cannot write plainly).
std::optional<std::string> table_to_json(const SourceFile& source, const Node& root,
                                         std::vector<TableError>& errors);

// Validates the table in `source` (YAML) against `shape` (its schema) and
// with the reader its file name picks (compute-targets.yaml or
// vm-sizes.yaml), and converts it; nullopt with the validator's, the
// reader's or the converter's errors.
std::optional<std::string> convert_table(const SourceFile& source, const schema::SchemaFile& shape,
                                         std::vector<TableError>& errors);

}  // namespace amlint
