// Unified diffs of a file's text before and after its fixes, as `--diff`
// prints them: `patch -p0` and `git apply` take them.
#pragma once

#include <string>
#include <string_view>

namespace amlint {

// The unified diff (3 lines of context) that turns `before` into `after`,
// with `path` in its `---` and `+++` headers; "" when they are equal. A last
// line without a newline is marked as diff marks it.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace amlint
