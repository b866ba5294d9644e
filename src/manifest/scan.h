// Lexical helpers over raw YAML text, used to turn parser marks (which give
// only where a node starts) into full byte ranges.
#pragma once

#include <cstddef>
#include <string_view>

#include "manifest/node.h"

namespace amlint::detail {

// Skips node properties (`&anchor`, `!tag`) and the blanks after them.
std::size_t skip_properties(std::string_view text, std::size_t pos);

// The style of the scalar that starts at `pos` (after properties).
ScalarStyle scalar_style_at(std::string_view text, std::size_t pos);

// Where the scalar token starting at `pos` ends. `value` is the parsed value,
// used for plain scalars, whose source text equals their value on one line.
std::size_t scalar_end(std::string_view text, std::size_t pos, ScalarStyle style,
                       std::string_view value);

// True when an explicit null token (~, null, Null, NULL) starts at `pos`.
std::size_t explicit_null_end(std::string_view text, std::size_t pos);

// The flow collections ('[', '{') of YAML text between `begin` and `end`,
// found lexically: in block context a bracket opens one only where a node
// starts (after indentation, "- ", "? ", ": " or a property), in flow context
// always; quoted scalars, comments and block scalars are skipped. An
// approximation of the grammar, good enough to refuse absurd nesting before
// yaml-cpp reads it (it reads a nested flow collection whole before it
// reports anything) and to name the bracket a parse error is about.
struct FlowScan {
  std::size_t too_deep = std::string_view::npos;  // the bracket opening level max_depth + 1
  std::size_t unclosed = std::string_view::npos;  // the innermost bracket still open at `end`
};
FlowScan scan_flow(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t max_depth);

}  // namespace amlint::detail
