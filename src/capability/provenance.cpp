#include "capability/provenance.h"

#include "util/text.h"

namespace amlint {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    out.push_back(trim(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

bool matches_one(std::string_view pattern, std::string_view id) {
  const std::vector<std::string_view> want = split(pattern, '.');
  const std::vector<std::string_view> have = split(id, '.');
  if (want.size() > have.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] != "*" && want[i] != have[i]) return false;
  }
  return true;
}

}  // namespace

bool data_id_matches(std::string_view patterns, std::string_view id) {
  for (const std::string_view p : split(patterns, ',')) {
    if (!p.empty() && matches_one(p, id)) return true;
  }
  return false;
}

}  // namespace amlint
