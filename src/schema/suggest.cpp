#include "schema/suggest.h"

#include <map>
#include <tuple>

#include "util/text.h"

namespace amlint::schema {
namespace {

// "/environment/inference_config" -> "environment.inference_config".
std::string pointer_name(const std::string& pointer) {
  return pointer.empty() ? std::string("the top level") : dotted(pointer);
}

std::string find_suggestion(const SchemaFile& file, const Schema& s, const std::string& name,
                            const std::string& where) {
  if (const auto it = s.misplaced.find(name); it != s.misplaced.end()) {
    // A bare key name is quoted like every other suggestion; a phrase
    // ("gpuCores at the top level") is not.
    const bool bare = it->second.find(' ') == std::string::npos;
    return "; did you mean " + (bare ? "'" + it->second + "'" : it->second) + "?";
  }
  const std::string folded = fold_identifier(name);
  for (std::size_t i = 0; i < s.folded_names.size(); ++i) {
    if (s.folded_names[i] == folded) return "; did you mean '" + s.property_names[i] + "'?";
  }
  const std::vector<std::string> name_words = identifier_words(name);
  for (std::size_t i = 0; i < s.name_words.size(); ++i) {
    if (s.name_words[i] == name_words) return "; did you mean '" + s.property_names[i] + "'?";
  }
  std::vector<std::string> near = closest_matches(name, s.property_names);
  if (!near.empty()) {
    for (std::string& m : near) m = "'" + m + "'";
    return "; did you mean " + join_or(near) + "?";
  }
  // The key exists, but in another object of this format.
  const auto [begin, end] = file.property_index().equal_range(folded);
  for (auto it = begin; it != end; ++it) {
    const auto& [defined, at] = it->second;
    if (at != where && at.find("/*") == std::string::npos) {
      return "; '" + defined + "' belongs " +
             (at.empty() ? "at the top level" : "under " + pointer_name(at));
    }
  }
  return "";
}

}  // namespace

// The same unknown keys come back in file after file (a run over a
// repository meets `tags` or `description` thousands of times): each
// thread remembers what it found for a schema object, a key and a place.
// A file of a million distinct keys would grow the memo without end, so
// it starts again once it holds kMaxMemo answers.
std::string key_suggestion(const SchemaFile& file, const Schema& s, const std::string& name,
                           const std::string& where) {
  constexpr std::size_t kMaxMemo = 4096;
  thread_local std::map<std::tuple<const Schema*, std::string, std::string>, std::string> memo;
  if (memo.size() >= kMaxMemo) memo.clear();
  auto key = std::make_tuple(&s, name, where);
  const auto it = memo.find(key);
  if (it != memo.end()) return it->second;
  std::string found = find_suggestion(file, s, name, where);
  memo.emplace(std::move(key), found);
  return found;
}

}  // namespace amlint::schema
