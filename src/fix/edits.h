// Applying fixes to a text: edits by byte range, in the original's offsets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

// Whether the edits of `a` and `b` touch a common byte (or insert at one
// place), so that applying both would be ambiguous.
bool overlap(const Fix& a, const Fix& b);

// `text` with `edits` applied; edits must not overlap (overlap()) and must
// lie inside the text; they may come in any order.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace amlint
