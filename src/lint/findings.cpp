#include "lint/findings.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

// Makes `items` the items at `order` (distinct indices), in that order,
// moving each once and holding no second copy of them.
template <typename Sequence>
void select_in_place(Sequence& items, const std::vector<std::size_t>& order) {
  std::vector<std::size_t> from(order);  // from[i]: where item i comes from
  std::vector<bool> used(items.size());
  for (const std::size_t i : order) used[i] = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!used[i]) from.push_back(i);  // the dropped ones go to the end
  }
  std::vector<bool> done(items.size());
  for (std::size_t start = 0; start < items.size(); ++start) {
    if (done[start]) continue;
    typename Sequence::value_type first = std::move(items[start]);
    std::size_t i = start;
    for (; from[i] != start; i = from[i]) {
      items[i] = std::move(items[from[i]]);
      done[i] = true;
    }
    items[i] = std::move(first);
    done[i] = true;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(order.size()), items.end());
}

}  // namespace

void drop_findings_explained_elsewhere(Findings& findings) {
  const auto is_generic = [](const Finding& f) {
    return f.rule == &structure_rules::kUnknownKey ||
           f.rule == &structure_rules::kKeyIgnoredByTarget;
  };
  std::set<std::pair<const SourceFile*, int>> explained;
  for (const Finding& f : findings) {
    if (explains_keys(f.rule->family)) explained.emplace(f.location.file, f.location.begin().line);
  }
  findings.erase(
      std::remove_if(
          findings.begin(), findings.end(),
          [&](const Finding& f) {
            return is_generic(f) && explained.count({f.location.file, f.location.begin().line});
          }),
      findings.end());
}

void redact_secrets(Findings& findings, Project& project) {
  for (const Finding& f : findings) {
    if (f.secret.empty()) continue;
    // The whole secret, and each line of a multi-line one (a PEM key), as
    // another rule's message may quote it in either form.
    std::vector<std::string> parts = {f.secret};
    for (std::size_t start = 0; start < f.secret.size();) {
      const std::size_t end = std::min(f.secret.find('\n', start), f.secret.size());
      const std::string_view line = trim(std::string_view(f.secret).substr(start, end - start));
      if (line.size() >= 8 && line.size() < f.secret.size()) parts.emplace_back(line);
      start = end + 1;
    }
    for (Finding& other : findings) {
      if (other.location.file != f.location.file) continue;
      for (const std::string& part : parts) {
        for (std::size_t at = other.message.find(part); at != std::string::npos;
             at = other.message.find(part, at)) {
          other.message.replace(at, part.size(), "***");
        }
      }
    }
    project.redact(*f.location.file, f.location.range);
  }
}

void sort_findings(Findings& findings, const std::map<const SourceFile*, std::size_t>& order) {
  // Positions are computed once per finding, and the rest compared in place
  // (a tuple of copies per comparison made sorting thousands of findings
  // slow). Keys stay small: a run may sort a hundred thousand.
  struct Key {
    std::uint32_t file;
    std::int32_t line;
    std::int32_t column;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const Pos begin = f.location.begin();
    keys.push_back(Key{static_cast<std::uint32_t>(order.at(f.location.file)), begin.line,
                       begin.column, static_cast<std::uint32_t>(i)});
  }
  auto tie = [&](const Key& k) {
    const Finding& f = findings[k.index];
    return std::tie(k.file, k.line, k.column, f.rule->id, f.location.range.end, f.message);
  };
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) { return tie(a) < tie(b); });
  keys.erase(std::unique(keys.begin(), keys.end(),
                         [&](const Key& a, const Key& b) { return tie(a) == tie(b); }),
             keys.end());
  std::vector<std::size_t> kept;
  kept.reserve(keys.size());
  for (const Key& k : keys) kept.push_back(k.index);
  keys.clear();
  keys.shrink_to_fit();
  select_in_place(findings, kept);
}

}  // namespace amlint
