// Small string helpers shared across amlint. ASCII-only case handling:
// every key and enum value amlint compares is ASCII.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amlint {

char ascii_lower(char c);
std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string_view trim(std::string_view s);

// Lower-cases and drops '_', '-', '.' and spaces, so that `enable_cluster_autoscaler`,
// `enableClusterAutoscaler` and `Enable-Cluster-Autoscaler` compare equal.
std::string fold_identifier(std::string_view s);

// azure-ai-ml's camel_to_snake: "SystemAssigned" -> "system_assigned",
// "AMLToken" -> "aml_token"; a comma-separated list is converted item by
// item, trimmed, and joined with "," ("SystemAssigned, UserAssigned" ->
// "system_assigned,user_assigned"). What StringTransformedEnum fields
// compare.
std::string camel_to_snake(std::string_view s);

// Optimal string alignment distance (Damerau-Levenshtein with adjacent
// transpositions), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a plausible
// typo (distance at most a third of the longer word); never `word` itself.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// Every candidate tied for closest, in the candidates' order.
std::vector<std::string> closest_matches(std::string_view word,
                                         const std::vector<std::string>& candidates);

// Whether `text` is a calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text);

std::string join(const std::vector<std::string>& parts, std::string_view separator);
// "an endpoint", "a deployment": the noun with its indefinite article.
std::string with_article(std::string_view noun);

// "a", "a or b", "a, b or c"
std::string join_or(const std::vector<std::string>& parts);
// "a", "a and b", "a, b and c"
std::string join_and(const std::vector<std::string>& parts);

// Shortest decimal form that reads back as the same value: 48, 0.5, 3.25.
std::string format_number(double value);
// 1536 MiB -> "1.5 GB"; bytes -> human size with two significant decimals.
std::string format_bytes(std::uint64_t bytes);

// The first byte offset where `bytes` is not valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view bytes);

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, so that it can
// be written into JSON or XML.
std::string to_valid_utf8(std::string_view bytes);

// `text` with line feeds, carriage returns and tabs written as \n, \r and \t
// and other control characters as '?', so that it prints on one line.
std::string visible_controls(std::string_view text);

// `text` with each character that `replacements` names replaced by its text
// (the escaping of CI logging commands: {{'%', "%25"}, {'\n', "%0A"}}).
std::string replace_chars(std::string_view text,
                          std::initializer_list<std::pair<char, std::string_view>> replacements);

// `text` made fit for a one-line message: valid UTF-8 (to_valid_utf8) with
// its controls visible (visible_controls). Messages quote what files hold,
// and a file may hold any bytes.
std::string printable(std::string_view text);

// Quotes a value for a message: `'text'`, shortened to `max` code points,
// printable.
std::string quote(std::string_view text, std::size_t max = 60);

}  // namespace amlint
