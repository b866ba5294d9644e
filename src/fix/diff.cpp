#include "fix/diff.h"

#include <algorithm>
#include <vector>

namespace amlint {
namespace {

constexpr std::size_t kContext = 3;

// Lines with their newline (the last may have none).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

enum class Op { kKeep, kRemove, kAdd };
struct Line {
  Op op;
  std::string_view text;
  std::size_t old_line, new_line;  // 0-based positions before this line
};

// The edit script by longest common subsequence. Fixes change a few lines
// of files of some hundred lines: the common head and tail are cut first,
// and the quadratic table covers only what lies between.
std::vector<Line> script(const std::vector<std::string_view>& a,
                         const std::vector<std::string_view>& b) {
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = a.size() - head - tail;
  const std::size_t m = b.size() - head - tail;
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1
                                             : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<Line> out;
  for (std::size_t k = 0; k < head; ++k) out.push_back({Op::kKeep, a[k], k, k});
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] == b[head + j]) {
      out.push_back({Op::kKeep, a[head + i], head + i, head + j});
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push_back({Op::kRemove, a[head + i], head + i, head + j});  // removals first, as diff
      ++i;
    } else {
      out.push_back({Op::kAdd, b[head + j], head + i, head + j});
      ++j;
    }
  }
  for (std::size_t k = 0; k < tail; ++k) {
    out.push_back({Op::kKeep, a[a.size() - tail + k], a.size() - tail + k, b.size() - tail + k});
  }
  return out;
}

std::string range(std::size_t start, std::size_t count) {
  // A hunk of no lines names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

void emit(std::string& out, char mark, std::string_view text) {
  out += mark;
  out.append(text);
  if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const std::vector<Line> lines = script(lines_of(before), lines_of(after));
  std::string out = "--- " + path + "\n+++ " + path + "\n";
  std::size_t k = 0;
  while (k < lines.size()) {
    // The next change, and its hunk: context before, changes joined while
    // fewer than 2 * kContext lines are kept between them, context after.
    while (k < lines.size() && lines[k].op == Op::kKeep) ++k;
    if (k == lines.size()) break;
    const std::size_t first = k >= kContext ? k - kContext : 0;
    std::size_t last = k;  // one past the hunk's last line
    for (std::size_t kept = 0; last < lines.size(); ++last) {
      kept = lines[last].op == Op::kKeep ? kept + 1 : 0;
      if (kept > 2 * kContext) break;
    }
    // Trim the trailing context to kContext lines.
    std::size_t trailing = 0;
    while (trailing < last - first && lines[last - 1 - trailing].op == Op::kKeep) ++trailing;
    last -= trailing - std::min(trailing, kContext);
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    for (std::size_t x = first; x < last; ++x) {
      old_count += lines[x].op != Op::kAdd;
      new_count += lines[x].op != Op::kRemove;
    }
    out += "@@ -" + range(lines[first].old_line, old_count) + " +" +
           range(lines[first].new_line, new_count) + " @@\n";
    for (std::size_t x = first; x < last; ++x) {
      emit(out,
           lines[x].op == Op::kKeep  ? ' '
           : lines[x].op == Op::kAdd ? '+'
                                     : '-',
           lines[x].text);
    }
    k = last;
  }
  return out;
}

}  // namespace amlint
