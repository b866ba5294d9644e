#include "util/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace amlint {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string fold_identifier(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '_' || c == '-' || c == '.' || c == ' ') continue;
    out.push_back(ascii_lower(c));
  }
  return out;
}

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The two substitutions of azure-ai-ml's _camel_to_snake_convert, then
// lower(): "(.)([A-Z][a-z]+)" and then "([a-z0-9])([A-Z])" each put '_'
// between their groups, in a left-to-right pass over non-overlapping
// matches.
std::string convert_one(std::string_view s) {
  std::string first;
  std::size_t i = 0;
  while (i < s.size()) {
    if (i + 2 < s.size() && s[i] != '\n' && is_upper(s[i + 1]) && is_lower(s[i + 2])) {
      std::size_t end = i + 2;
      while (end < s.size() && is_lower(s[end])) ++end;
      first += s[i];
      first += '_';
      first.append(s.substr(i + 1, end - i - 1));
      i = end;
    } else {
      first += s[i++];
    }
  }
  std::string out;
  for (std::size_t j = 0; j < first.size();) {
    if (j + 1 < first.size() && (is_lower(first[j]) || is_digit(first[j])) &&
        is_upper(first[j + 1])) {
      out += first[j];
      out += '_';
      out += first[j + 1];
      j += 2;
    } else {
      out += first[j++];
    }
  }
  return to_lower(out);
}

}  // namespace

std::string camel_to_snake(std::string_view s) {
  if (s.find(',') == std::string_view::npos) return convert_one(s);
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find(',', start), s.size());
    if (start > 0) out += ',';
    out += convert_one(trim(s.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rows in one buffer per thread: suggestions call this often.
  thread_local std::vector<std::size_t> rows;
  rows.assign(3 * (m + 1), 0);
  std::size_t* prev2 = rows.data();
  std::size_t* prev = prev2 + m + 1;
  std::size_t* cur = prev + m + 1;
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
          ascii_lower(a[i - 2]) == ascii_lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  std::vector<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::size_t longest = std::max(word.size(), candidate.size());
    const std::size_t shortest = std::min(word.size(), candidate.size());
    // The distance is at least the length difference: skip hopeless ones
    // (but not an abbreviation, checked below).
    const bool maybe_prefix = word.size() >= 3 && candidate.size() > word.size();
    if ((longest - shortest) * 3 > longest + 1 && !maybe_prefix) continue;
    const std::size_t d = edit_distance(word, candidate);
    // A word that starts the candidate ("warn" for "warning") is a
    // plausible abbreviation even when many letters are missing.
    const bool prefix = word.size() >= 3 && candidate.size() > word.size() &&
                        iequals(std::string_view(candidate).substr(0, word.size()), word);
    if (word == candidate || (d * 3 > longest + 1 && !prefix)) continue;
    if (best.empty() || d < best_distance) {  // a case-only slip (d == 0) wins
      best = {candidate};
      best_distance = d;
    } else if (d == best_distance) {
      best.push_back(candidate);
    }
  }
  return best;
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  std::vector<std::string> best = closest_matches(word, candidates);
  if (best.empty()) return std::nullopt;
  return best.front();
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiouAEIOU").find(noun[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

namespace {
std::string join_last(const std::vector<std::string>& parts, const char* last) {
  if (parts.size() <= 1) return parts.empty() ? std::string() : parts[0];
  std::vector<std::string> head(parts.begin(), parts.end() - 1);
  return join(head, ", ") + last + parts.back();
}
}  // namespace

std::string join_or(const std::vector<std::string>& parts) { return join_last(parts, " or "); }
std::string join_and(const std::vector<std::string>& parts) { return join_last(parts, " and "); }

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  char buf[64];
  // Fixed notation with the fewest decimals that read back as the value.
  if (std::fabs(value) < 1e15) {
    for (int decimals = 0; decimals <= 6; ++decimals) {
      std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
      if (std::strtod(buf, nullptr) == value) return buf;
    }
  }
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

std::string format_bytes(std::uint64_t bytes) {
  static const char* const kUnits[] = {"bytes", "KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
    value /= 1024.0;
    ++unit;
  }
  if (unit == 0) return std::to_string(bytes) + " bytes";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string text = buf;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text + " " + kUnits[unit];
}

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07U;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0U) != 0x80U) return i;
      cp = (cp << 6) | (s[i + k] & 0x3FU);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::string to_valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    const std::size_t bad = find_invalid_utf8(bytes);
    if (bad == std::string_view::npos) {
      out.append(bytes);
      break;
    }
    out.append(bytes.substr(0, bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

std::string visible_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      out += '?';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string replace_chars(std::string_view text,
                          std::initializer_list<std::pair<char, std::string_view>> replacements) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto* it = replacements.begin();
    while (it != replacements.end() && it->first != c) ++it;
    if (it != replacements.end()) {
      out += it->second;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string quote(std::string_view text, std::size_t max) {
  std::size_t points = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0U) != 0x80U && ++points > max) break;
    ++end;
  }
  return "'" + printable(text.substr(0, end)) + (end < text.size() ? "..." : "") + "'";
}

std::string printable(std::string_view text) { return visible_controls(to_valid_utf8(text)); }

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace amlint
