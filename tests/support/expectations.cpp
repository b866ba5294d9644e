#include "support/expectations.h"

#include <cctype>
#include <fstream>

#include "support/harness.h"
#include "util/text.h"

namespace amlint::testing {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(start, i - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

// Parses `COL? [ID]? "text"?` into `e`; false when malformed.
bool parse_one(std::string_view spec, Expectation& e) {
  spec = trim(spec);
  std::size_t i = 0;
  if (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
    int col = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
      col = col * 10 + (spec[i++] - '0');
    }
    e.column = col;
    while (i < spec.size() && spec[i] == ' ') ++i;
  }
  if (i < spec.size() && spec[i] == '[') {
    const std::size_t close = spec.find(']', i);
    if (close == std::string_view::npos) return false;
    e.rule = std::string(spec.substr(i + 1, close - i - 1));
    i = close + 1;
    while (i < spec.size() && spec[i] == ' ') ++i;
  }
  if (i < spec.size() && spec[i] == '"') {
    const std::size_t close = spec.find('"', i + 1);
    if (close == i) return false;
    if (close == std::string_view::npos) return false;
    e.text = std::string(spec.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return i == spec.size() && (!e.rule.empty() || !e.text.empty());
}

void parse_specs(std::string_view specs, int line, int written_at, std::vector<Expectation>& out,
                 std::vector<std::string>& errors) {
  std::size_t start = 0;
  while (start <= specs.size()) {
    // The next ';' outside a quoted substring ends this expectation.
    std::size_t end = start;
    bool quoted = false;
    while (end < specs.size() && (quoted || specs[end] != ';')) {
      if (specs[end] == '"') quoted = !quoted;
      ++end;
    }
    Expectation e;
    e.line = line;
    if (!parse_one(specs.substr(start, end - start), e)) {
      errors.push_back("line " + std::to_string(written_at) + ": malformed expectation '" +
                       std::string(trim(specs.substr(start, end - start))) + "'");
    } else {
      out.push_back(e);
    }
    start = end + 1;
  }
}

bool is_comment_only(std::string_view line) {
  const std::string_view t = trim(line);
  return t.empty() || t.front() == '#';
}

}  // namespace

std::vector<Expectation> parse_comment_expectations(std::string_view text,
                                                    std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    std::size_t hash = std::string_view::npos;
    for (std::size_t p = line.find('#'); p != std::string_view::npos; p = line.find('#', p + 1)) {
      const std::string_view after = trim(line.substr(p + 1));
      if ((p == 0 || line[p - 1] == ' ' || line[p - 1] == '\t') && starts_with(after, "expect:")) {
        hash = p;
        break;
      }
    }
    if (hash == std::string_view::npos) continue;
    const std::string_view after = trim(line.substr(hash + 1));
    const std::string_view specs = after.substr(std::string_view("expect:").size());
    int target = static_cast<int>(i) + 1;
    if (trim(line.substr(0, hash)).empty()) {  // own line: applies to the next code line
      std::size_t j = i + 1;
      while (j < lines.size() && is_comment_only(lines[j])) ++j;
      target = static_cast<int>(j) + 1;
    }
    parse_specs(specs, target, static_cast<int>(i) + 1, out, errors);
  }
  return out;
}

std::vector<Expectation> parse_expect_file(std::string_view text,
                                           std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty() || line.front() == '#') continue;
    std::size_t p = 0;
    int number = 0;
    while (p < line.size() && std::isdigit(static_cast<unsigned char>(line[p]))) {
      number = number * 10 + (line[p++] - '0');
    }
    if (p == 0) {
      errors.push_back("line " + std::to_string(i + 1) + ": expected LINE:COL, got '" +
                       std::string(line) + "'");
      continue;
    }
    std::string_view rest = line.substr(p);
    if (starts_with(rest, ":")) rest.remove_prefix(1);
    parse_specs(rest, number, static_cast<int>(i) + 1, out, errors);
  }
  return out;
}

std::vector<Expectation> expectations_for(const std::string& file,
                                          std::vector<std::string>& errors) {
  const std::string expect_file = file + ".expect";
  if (std::ifstream(expect_file)) return parse_expect_file(read_file_text(expect_file), errors);
  if (ends_with(file, ".json")) return {};
  return parse_comment_expectations(read_file_text(file), errors);
}

std::string describe(const Reported& f) {
  return std::to_string(f.line) + ":" + std::to_string(f.column) + " [" + f.rule + "] \"" +
         f.message + "\"";
}

std::string describe(const Finding& f) {
  const Pos b = f.location.begin();
  return describe(Reported{b.line, b.column, std::string(f.rule->id), f.message});
}

std::vector<std::string> compare(const std::vector<Expectation>& expected,
                                 const std::vector<Reported>& actual) {
  std::vector<bool> met(expected.size(), false);
  std::vector<std::string> problems;
  for (const Reported& f : actual) {
    bool matched = false;
    for (std::size_t i = 0; i < expected.size() && !matched; ++i) {
      const Expectation& e = expected[i];
      if (met[i] || e.line != f.line) continue;
      if (e.column && *e.column != f.column) continue;
      if (!e.rule.empty() && e.rule != f.rule) continue;
      if (!e.text.empty() && f.message.find(e.text) == std::string::npos) continue;
      met[i] = matched = true;
    }
    if (!matched) problems.push_back("unexpected finding " + describe(f));
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (met[i]) continue;
    const Expectation& e = expected[i];
    problems.push_back("missing finding at line " + std::to_string(e.line) +
                       (e.column ? ":" + std::to_string(*e.column) : std::string()) +
                       (e.rule.empty() ? "" : " [" + e.rule + "]") +
                       (e.text.empty() ? "" : " \"" + e.text + "\""));
  }
  return problems;
}

std::vector<std::string> compare(const std::vector<Expectation>& expected,
                                 const std::vector<const Finding*>& actual) {
  std::vector<Reported> reported;
  for (const Finding* f : actual) {
    const Pos b = f->location.begin();
    reported.push_back(Reported{b.line, b.column, std::string(f->rule->id), f->message});
  }
  return compare(expected, reported);
}

}  // namespace amlint::testing
