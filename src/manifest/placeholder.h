// Template placeholders: values that a pipeline, a script or a tutorial
// reader fills in before az ml reads the file (`$endpointName`,
// `<instanceTypeName>`, `{{acr_name}}`, `$(modelPath)`, `__TOKEN__`,
// `#{name}#`). Until then the value is unknown, and no rule judges it: rules
// read values with value_text(), which gives a placeholder no text (and so
// no number or boolean either), and AML010 says once per manifest that its
// templated values were not checked.
#pragma once

#include <optional>
#include <string_view>

#include "manifest/node.h"

namespace amlint {

// Whether `text`, a whole value, is or holds a placeholder: `$name` (the
// whole value), `${name}`, `${{ x }}`, `$(name)`, `{{ x }}`, `<name>`,
// `__NAME__` or a leading `__NAME`, `#{name}#`.
bool is_placeholder(std::string_view text);

// Whether `node` is a value (never a key: `$schema` and `$edgeAgent` are
// keys) that is a placeholder, or the mapping that YAML makes of an unquoted
// `{{ x }}` (the loader reports that one as AML001).
bool is_placeholder(const Node& node);

// The text of a scalar value, as as_text() gives it, but nullopt for a
// placeholder: what every rule reads a value with.
std::optional<std::string_view> value_text(const Node* node);

// The words tutorials and templates write where a secret goes
// ("password", "changeme", "xxxxxxxx"): not secrets (AML701).
bool is_dummy_secret(std::string_view text);

}  // namespace amlint
