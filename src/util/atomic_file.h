// Writing a whole file so that readers see either the old file or the new
// one, never half of it: a temporary file in the same directory, then rename.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace amlint {

// Writes `content` to `path` atomically. Returns why it failed, or nullopt.
// The new file gets the permissions a plain create would (0666 minus umask).
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content);

}  // namespace amlint
