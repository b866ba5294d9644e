#include "policy/suppressions.h"

#include <algorithm>

#include "rules/registry.h"
#include "util/regex.h"
#include "util/text.h"

namespace amlint {
namespace {

// A directive is a comment: '#' at the start of a line or after a blank.
const Regex& directive_pattern() {
  static const Regex kDirective(R"((?:^|[ \t])(#[ \t]*amlint[ \t]*:.*)$)");
  return kDirective;
}

// Whether a line holds YAML (not blank, not only a comment).
bool holds_yaml(std::string_view line) {
  const std::string_view t = trim(line);
  return !t.empty() && t.front() != '#';
}

// Whether a line may come before an ignore-file directive: blank, a comment,
// a YAML directive (%YAML) or a document start (---).
bool is_preamble(std::string_view line) {
  const std::string_view t = trim(line);
  return !holds_yaml(line) || starts_with(t, "%") || t == "---";
}

// A line without its line break (a CRLF file's '\r').
std::string_view line_text(const SourceFile& file, int n) {
  std::string_view line = file.line(n);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The last line of the node that starts on each line, by indentation, as
// YAML's block structure has it: the lines below a key or list item that are
// indented deeper (blank and comment lines do not end it), and for a key with
// no value on its line also the list items at the key's own indentation
// (`key:` then `- a`). A flow collection or a scalar written over several
// lines is indented deeper than its key too. Indexed by line; 0 for a line
// that holds no YAML. One pass over the file.
std::vector<int> block_last_lines(const SourceFile& file) {
  struct Open {
    int line;
    std::size_t indent;
    bool takes_items;  // a key with no value on its line
  };
  std::vector<int> last(static_cast<std::size_t>(file.line_count()) + 1, 0);
  std::vector<Open> open;
  int previous = 0;  // the last line that holds YAML
  const auto close = [&](const Open& o) { last[static_cast<std::size_t>(o.line)] = previous; };
  for (int n = 1; n <= file.line_count(); ++n) {
    const std::string_view line = line_text(file, n);
    if (!holds_yaml(line)) continue;
    const std::size_t indent = line.find_first_not_of(' ');
    std::string_view content = line.substr(indent);
    const bool item = content == "-" || starts_with(content, "- ");
    while (!open.empty() && indent <= open.back().indent &&
           !(indent == open.back().indent && item && open.back().takes_items)) {
      close(open.back());
      open.pop_back();
    }
    if (const std::size_t comment = content.find(" #"); comment != std::string_view::npos)
      content = content.substr(0, comment);
    open.push_back(Open{n, indent, !item && ends_with(trim(content), ":")});
    previous = n;
  }
  for (; !open.empty(); open.pop_back()) close(open.back());
  return last;
}

std::vector<std::string> rule_names() {
  std::vector<std::string> names;
  for (const RuleInfo* r : all_rules()) {
    names.emplace_back(r->id);
    names.emplace_back(r->slug);
  }
  return names;
}

class DirectiveParser {
 public:
  DirectiveParser(ScannedSuppressions& out, ByteRange range) : out_(out), range_(range) {}

  // `body`: the text after "amlint:".
  std::optional<Suppression> parse(std::string_view body) {
    Suppression s;
    s.range = range_;
    std::string_view rest = trim(body);
    const std::size_t dashes = rest.find("--");
    if (dashes != std::string_view::npos) {
      s.reason = std::string(trim(rest.substr(dashes + 2)));
      rest = trim(rest.substr(0, dashes));
    }
    const std::size_t space = rest.find_first_of(" \t,");
    const std::string_view word = rest.substr(0, space);
    if (word == "ignore-file") {
      s.whole_file = true;
    } else if (word != "ignore") {
      std::string message = "unknown amlint directive " + quote(word);
      if (const auto near = closest_match(word, {"ignore", "ignore-file"}))
        message += "; did you mean '" + *near + "'?";
      return fail(message + " (write '# amlint: ignore AML201 -- reason')");
    }
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space);
    if (!read_arguments(rest, s)) return std::nullopt;
    if (s.rules.empty()) {
      return fail("name the rules to ignore, e.g. '# amlint: " + std::string(word) +
                  " AML201 -- reason'");
    }
    s.used.assign(s.rules.size(), false);
    return s;
  }

 private:
  std::optional<Suppression> fail(std::string message) {
    out_.errors.push_back(DirectiveError{range_, std::move(message)});
    return std::nullopt;
  }

  bool read_arguments(std::string_view rest, Suppression& s) {
    std::string token;
    auto flush = [&]() -> bool {
      if (token.empty()) return true;
      const std::string t = std::move(token);
      token.clear();
      if (starts_with(t, "until=")) {
        s.until = t.substr(6);
        if (is_iso_date(s.until)) return true;
        fail("until=" + printable(s.until) + " is not a date; write until=YYYY-MM-DD");
        return false;
      }
      if (const RuleInfo* r = find_rule(t)) {
        s.rules.push_back(r);
        return true;
      }
      std::string message = "no rule " + quote(t);
      if (const auto near = closest_match(t, rule_names()))
        message += "; did you mean " + *near + "?";
      fail(message + " (amlint rules lists them)");
      return false;
    };
    for (const char c : rest) {
      if (c == ' ' || c == '\t' || c == ',') {
        if (!flush()) return false;
      } else {
        token.push_back(c);
      }
    }
    return flush();
  }

  ScannedSuppressions& out_;
  ByteRange range_;
};

}  // namespace

ScannedSuppressions scan_suppressions(const SourceFile& file) {
  ScannedSuppressions out;
  const std::string_view text = file.text();
  if (text.find("amlint") == std::string_view::npos) return out;  // the common case, fast
  bool in_preamble = true;
  std::vector<std::size_t> pending;  // line directives waiting for the line they cover
  for (int n = 1; n <= file.line_count(); ++n) {
    const std::string_view line = line_text(file, n);
    const bool yaml = holds_yaml(line);
    std::string directive;
    if (line.find("amlint") != std::string_view::npos &&
        directive_pattern().first_group(line, directive)) {
      const std::size_t begin =
          static_cast<std::size_t>(line.data() - text.data()) + line.size() - directive.size();
      const ByteRange range{begin, begin + directive.size()};
      const std::string_view body = std::string_view(directive).substr(directive.find(':') + 1);
      if (auto s = DirectiveParser(out, range).parse(body)) {
        if (s->whole_file && !(in_preamble && !yaml)) {
          out.errors.push_back(DirectiveError{range,
                                              "ignore-file must come before any YAML in the file; "
                                              "move it to the top, or use 'ignore' "
                                              "for one line"});
        } else if (s->whole_file || !yaml) {
          s->own_line = !s->whole_file;
          if (!s->whole_file) pending.push_back(out.suppressions.size());
          out.suppressions.push_back(std::move(*s));
        } else {
          s->line = n;
          out.suppressions.push_back(std::move(*s));
        }
      }
    }
    if (yaml) {
      for (const std::size_t i : pending) out.suppressions[i].line = n;
      pending.clear();
    }
    in_preamble = in_preamble && is_preamble(line);
  }
  for (const std::size_t i : pending) {
    out.errors.push_back(
        DirectiveError{out.suppressions[i].range,
                       "this suppression is followed by no YAML line to cover; remove it"});
  }
  // Directives that cover nothing were reported; drop them. An own-line one
  // covers the block of the line below it.
  std::vector<Suppression> kept;
  std::vector<int> blocks;
  for (Suppression& s : out.suppressions) {
    if (s.whole_file) {
      kept.push_back(std::move(s));
    } else if (s.line > 0) {
      s.last_line = s.line;
      if (s.own_line) {
        if (blocks.empty()) blocks = block_last_lines(file);
        s.last_line = std::max(s.line, blocks[static_cast<std::size_t>(s.line)]);
      }
      kept.push_back(std::move(s));
    }
  }
  out.suppressions = std::move(kept);
  return out;
}

}  // namespace amlint
