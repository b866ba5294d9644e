// Reading typed values out of scalars the way az ml's loaders would see them.
// yaml-cpp does no type resolution, so amlint does its own.
#pragma once

#include <optional>
#include <string_view>

#include "manifest/node.h"

namespace amlint {

// A decimal number (`4`, `0.5`, `-1`, `1e3`), plain or quoted: a quoted
// number still reaches the service as that number.
std::optional<double> as_number(const Node* node);

// A boolean as PyYAML (YAML 1.1) reads it: true/false, yes/no, on/off in
// lower, Capitalised or UPPER case. Quoted forms count too: the SDK only
// tests the value's truth.
std::optional<bool> as_bool(const Node* node);

// The text of a scalar (null and collections have none). Rules read values
// with value_text() (manifest/placeholder.h), which gives a template
// placeholder no text.
std::optional<std::string_view> as_text(const Node* node);

// The type PyYAML (YAML 1.1, what az ml reads every file with, .json files
// included) gives a node: `yes` is a boolean, `1e3` a string (PyYAML floats
// need a dot), `017` an integer, anything quoted a string.
enum class YamlType { kNull, kBool, kInt, kFloat, kString, kMap, kSeq };
YamlType pyyaml_type(const Node& node);
std::string_view yaml_type_name(YamlType type);  // "a boolean", "an integer" ...

// yes/no/on/off in any of their YAML 1.1 spellings: booleans to PyYAML,
// strings to YAML 1.2 readers.
bool is_yaml11_only_bool(std::string_view text);

}  // namespace amlint
