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

}  // namespace amlint::detail
