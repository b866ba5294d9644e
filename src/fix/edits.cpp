#include "fix/edits.h"

#include <algorithm>

namespace amlint {

bool overlap(const Fix& a, const Fix& b) {
  for (const TextEdit& x : a.edits) {
    for (const TextEdit& y : b.edits) {
      // Two insertions at one offset, or ranges that share a byte.
      if (x.range.begin == y.range.begin) return true;
      if (x.range.begin < y.range.end && y.range.begin < x.range.end) return true;
    }
  }
  return false;
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.range.begin < b.range.begin; });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const TextEdit& e : edits) {
    const std::size_t begin = std::min(std::max(e.range.begin, at), text.size());
    const std::size_t end = std::min(std::max(e.range.end, begin), text.size());
    out.append(text.substr(at, begin - at));
    out.append(e.replacement);
    at = end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace amlint
