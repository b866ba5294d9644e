#include "manifest/yaml_errors.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "manifest/scan.h"
#include "util/text.h"

namespace amlint::detail {
namespace {

// One line of the text, without its line break.
struct Line {
  int number = 0;
  std::string_view text;
  std::size_t begin = 0;   // offset of its first byte in the whole text
  std::size_t indent = 0;  // leading spaces
};

Line line_at(const SourceFile& source, int number) {
  std::string_view text = source.line(number);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::size_t indent = 0;
  while (indent < text.size() && text[indent] == ' ') ++indent;
  return Line{number, text, static_cast<std::size_t>(text.data() - source.text().data()), indent};
}

// Not blank and not only a comment.
bool holds_yaml(const Line& line) {
  const std::string_view t = trim(line.text);
  return !t.empty() && t.front() != '#';
}

bool is_item(std::string_view content) { return content == "-" || starts_with(content, "- "); }

std::string_view content_of(const Line& line) { return trim(line.text.substr(line.indent)); }

// The nearest line above `number` that holds YAML, within the text that
// starts at `start`.
std::optional<Line> previous_yaml_line(const SourceFile& source, int number, std::size_t start) {
  for (int n = number - 1; n >= 1; --n) {
    const Line line = line_at(source, n);
    if (line.begin + line.text.size() < start) break;
    if (holds_yaml(line)) return line;
  }
  return std::nullopt;
}

// Where the quoted scalar that opens at `open` ends (after its quote), or npos.
std::size_t quoted_end(std::string_view text, std::size_t open) {
  const char quote_char = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote_char == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote_char) {
      if (quote_char == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return std::string_view::npos;
}

// Where the flow collection that opens at `open` ends on its line (after its
// bracket), or npos.
std::size_t flow_end(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = quoted_end(text, i);
      if (i == std::string_view::npos) return i;
      --i;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// A line that reads `key: value` (after any "- " of list items).
struct KeyValue {
  std::string_view key;    // as written, quotes kept
  std::size_t key_column;  // index in the line
  std::string_view value;  // without a trailing comment; empty when none
  std::size_t value_column;
};

std::optional<KeyValue> key_value(const Line& line) {
  const std::string_view text = line.text;
  std::size_t i = line.indent;
  while (starts_with(text.substr(i), "- ")) {
    i += 2;
    while (i < text.size() && text[i] == ' ') ++i;
  }
  if (i >= text.size() || text[i] == '[' || text[i] == '{' || text[i] == '#') return std::nullopt;
  std::size_t colon = i;
  if (text[i] == '"' || text[i] == '\'') {
    colon = quoted_end(text, i);
    if (colon == std::string_view::npos) return std::nullopt;
  } else {
    while (colon < text.size() &&
           !(text[colon] == ':' && (colon + 1 == text.size() || text[colon + 1] == ' '))) {
      if (text[colon] == '#' && text[colon - 1] == ' ') return std::nullopt;
      ++colon;
    }
  }
  if (colon >= text.size() || text[colon] != ':') return std::nullopt;
  KeyValue kv{text.substr(i, colon - i), i, {}, colon + 1};
  std::size_t v = colon + 1;
  while (v < text.size() && text[v] == ' ') ++v;
  kv.value_column = v;
  if (v >= text.size() || text[v] == '#') return kv;
  std::size_t end = text.size();
  if (text[v] == '[' || text[v] == '{') {
    end = std::min(flow_end(text, v), text.size());
  } else if (text[v] == '"' || text[v] == '\'') {
    end = std::min(quoted_end(text, v), text.size());
  } else if (const std::size_t comment = text.find(" #", v); comment != std::string_view::npos) {
    end = comment;
  }
  kv.value = trim(text.substr(v, end - v));
  return kv;
}

// Whether a value written after `key:` is one: not a block scalar's header
// ('|', '>'), not only an anchor or a tag (whose node is on the lines below).
bool is_inline_value(std::string_view value) {
  if (value.empty() || value.front() == '|' || value.front() == '>') return false;
  return skip_properties(value, 0) < value.size();
}

std::string spaces(std::size_t n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }

Problem at_line(const Line& line, std::string message) {
  const std::size_t pos = line.begin + line.indent;
  return Problem{ProblemKind::kSyntax, {pos, pos + 1}, std::move(message), {}, {}};
}

// The line `error` sits below `above`, which gives its key a value already.
std::optional<Problem> under_a_value(const Line& error, const Line& above) {
  const auto kv = key_value(above);
  if (!kv || !is_inline_value(kv->value)) return std::nullopt;
  const std::string line = "line " + std::to_string(above.number);
  const std::string key = quote(kv->key);
  const std::string_view content = content_of(error);
  Problem p;
  if (kv->value.front() == '[' || kv->value.front() == '{') {
    const bool item = is_item(content);
    const bool key_below = !item && key_value(error);
    const std::string noun = item ? "the list" : key_below ? "the mapping" : "the value";
    const std::string parts = item ? " as items" : key_below ? " as keys" : "";
    const std::string has = key + " already has the value " + printable(kv->value) + " on " + line;
    const bool empty = kv->value == "[]" || kv->value == "{}";
    p = at_line(error, empty ? has + "; remove " + quote(kv->value) + " to write " + noun + parts +
                                   " below it"
                             : has + "; write " + noun + " either there or below it, not both");
  } else if (key_value(error) && !is_item(content)) {
    const std::string line_up =
        kv->key_column == 0 ? "unindent it to line up with " + key
                            : "indent it by " + spaces(kv->key_column) + " to line up with " + key;
    p = at_line(error, key + " already has the value " + quote(kv->value) + " on " + line +
                           ", so this line cannot hold a key under it: " + line_up +
                           ", or remove " + quote(kv->value) + " to write a mapping below it");
  } else {
    return std::nullopt;
  }
  const std::size_t value = above.begin + kv->value_column;
  p.related = ByteRange{value, value + kv->value.size()};
  p.related_message = key + " gets its value here";
  return p;
}

// A line indented less than the one above it, by as much as none of the
// blocks it could belong to.
std::optional<Problem> misaligned(const SourceFile& source, std::size_t start, const Line& error,
                                  const Line& above) {
  std::vector<Line> blocks{above};
  for (std::optional<Line> l = above; l && blocks.back().indent > 0;
       l = previous_yaml_line(source, l->number, start)) {
    if (l->indent < blocks.back().indent) blocks.push_back(*l);
  }
  std::string choices;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].indent == error.indent) return std::nullopt;  // it lines up with one
    if (i > 0) choices += i + 1 == blocks.size() ? " or " : ", ";
    choices += (i == 0 ? spaces(blocks[i].indent) : std::to_string(blocks[i].indent)) +
               " (as line " + std::to_string(blocks[i].number) + ")";
  }
  return at_line(error, "this line is indented by " + spaces(error.indent) +
                            ", which matches none of the blocks above it: indent it by " + choices);
}

// A line that does not fit the block it is in: mostly a matter of
// indentation, told from the line above it.
std::optional<Problem> block_problem(const SourceFile& source, std::size_t start,
                                     const YamlParseError& e) {
  const Line error = line_at(source, source.position(e.pos).line);
  const std::optional<Line> above = previous_yaml_line(source, error.number, start);
  if (!above || !holds_yaml(error)) return std::nullopt;
  const std::string line = "line " + std::to_string(above->number);
  if (error.indent > above->indent) return under_a_value(error, *above);
  if (error.indent < above->indent) return misaligned(source, start, error, *above);
  const bool item = is_item(content_of(error));
  const bool above_item = is_item(content_of(*above));
  if (item && !above_item && key_value(*above)) {
    return at_line(error, "this list item is among the keys of a mapping (" + line +
                              "): write it as 'key: value', or move it under a key that holds "
                              "a list");
  }
  if (!item && above_item && key_value(error)) {
    return at_line(error, "this key lines up with the list item on " + line +
                              ", and a list holds only '- ' items: start it with '- ', or "
                              "unindent it to line up with the keys of its mapping");
  }
  return std::nullopt;
}

std::string flow_end_message(std::string_view text, std::size_t start, std::size_t pos) {
  const char c = pos < text.size() ? text[pos] : ']';
  const char opener = c == '}' ? '{' : '[';
  const std::size_t open = scan_flow(text, start, pos, SIZE_MAX).unclosed;
  if (open != std::string_view::npos && text[open] != opener) {
    const char closer = text[open] == '{' ? '}' : ']';
    return std::string("this '") + c + "' does not close the '" + text[open] +
           "' before it: write '" + closer + "'";
  }
  return std::string("this '") + c + "' closes nothing: remove it, or add the '" + opener +
         "' it closes";
}

// What yaml-cpp's message means, in words, for the errors that need no
// look at the lines around them.
std::string plain_message(std::string_view text, std::size_t start, const YamlParseError& e) {
  const char c = e.pos < text.size() ? text[e.pos] : ' ';
  const std::string plain_backslash = "use single quotes, in which a backslash is plain";
  switch (e.kind) {
    case YamlError::kEndOfMap:
      return "this line does not fit the mapping above it: a key lines up with the other keys "
             "of its mapping, and a value goes after 'key:' or indented below it";
    case YamlError::kEndOfSeq:
      return "this line does not fit the list above it: each item starts with '- ', lined up "
             "with the other items";
    case YamlError::kEndOfFlowMap:
      return "this '{ }' mapping is not closed where it should be: check the commas between its "
             "entries and its closing '}'";
    case YamlError::kEndOfFlowSeq:
      return "this '[ ]' list is not closed where it should be: check the commas between its "
             "items and its closing ']'";
    case YamlError::kMapValue:
      return "this ':' cannot start a key here: put the key on a line of its own, or quote the "
             "value if the ':' belongs to it";
    case YamlError::kMapKey:
      return "'?' cannot start a key here: quote the value if the '?' belongs to it";
    case YamlError::kBlockEntry:
      return "a list item ('- ') cannot start after a key on the same line: put it on the next "
             "line, indented, or write the list as [a, b]";
    case YamlError::kFlowEnd:
      return flow_end_message(text, start, e.pos);
    case YamlError::kUnknownToken:
      return "'" + printable(std::string_view(&c, 1)) + "' cannot start a plain value: quote the " +
             "value";
    case YamlError::kTab:
      return "tab character in indentation; YAML indents with spaces only: replace the tab";
    case YamlError::kEofInScalar:
      return "the file ends inside this quoted value: add its closing quote";
    case YamlError::kDocInScalar:
      return "'---' or '...' at the start of a line ends the document, even inside a quoted "
             "value: indent the line";
    case YamlError::kCharInScalar:
      return "this character cannot be in a value written here: quote the value";
    case YamlError::kEscape: {
      const std::size_t colon = e.message.rfind(": ");
      const std::string escape = colon == std::string::npos ? "" : e.message.substr(colon + 2);
      return "'\\" + printable(escape) +
             "' is not an escape of a double-quoted string: write '\\\\' for a backslash, or " +
             plain_backslash;
    }
    case YamlError::kHexEscape:
      return "a \\x, \\u or \\U escape needs 2, 4 or 8 hex digits: write them, or " +
             plain_backslash;
    case YamlError::kUnicodeEscape:
      return "this escape names no Unicode character: fix its hex digits, or " + plain_backslash;
    case YamlError::kAnchorName:
      return "'&' starts an anchor and needs a name of letters, digits, '-' or '_' after it: name "
             "it, or quote the value if the '&' belongs to it";
    case YamlError::kAliasName:
      return "'*' starts an alias and needs the name of an anchor after it: name it, or quote the "
             "value if the '*' belongs to it";
    case YamlError::kTwoAnchors:
      return "a value can have one anchor ('&name'); remove the other";
    case YamlError::kTwoTags:
      return "a value can have one tag ('!name'); remove the other";
    case YamlError::kAliasContent:
      return "an alias ('*name') stands for a whole value: it cannot have a tag, an anchor or "
             "more text";
    case YamlError::kUnknownAnchor:
      return "this alias names no anchor defined before it: define the anchor first, or write "
             "the value out";
    case YamlError::kBlockHeader:
      return "after '|' or '>' the line can hold only an indentation digit (1 to 9), '+' or '-', "
             "and a comment: move the text to the lines below, indented";
    case YamlError::kTag:
      return "'!' starts a tag here, and this one is malformed: quote the value if the '!' "
             "belongs to it";
    case YamlError::kDirective:
      return "a malformed directive: write '%YAML 1.2' (one version, 1.x) or '%TAG !x! prefix', "
             "once each, or remove the line";
    case YamlError::kDeepRecursion:
    case YamlError::kOther:
      break;
  }
  return e.message;
}

// "illegal map value" on the line of another key: `a: b: c`.
std::string second_colon(const SourceFile& source, std::size_t pos) {
  const Line line = line_at(source, source.position(pos).line);
  const std::size_t colon = pos - line.begin;
  const std::size_t first = line.text.rfind(": ", colon == 0 ? 0 : colon - 1);
  if (colon > line.text.size() || first == std::string_view::npos) {
    return plain_message(source.text(), 0, YamlParseError{YamlError::kMapValue, pos, ""});
  }
  const auto kv = key_value(line);
  const std::string_view second = trim(line.text.substr(first + 2, colon - first - 2));
  return "a second ':' on one line: put " + quote(second) + " on a line of its own, indented" +
         (kv ? " below " + quote(std::string(kv->key) + ":") : std::string()) +
         ", or quote the value if the ':' belongs to it";
}

// yaml-cpp says "illegal map value" for tab indentation; find the tab instead.
std::optional<std::size_t> find_tab_indentation(const SourceFile& source, int up_to_line) {
  for (int line = 1; line <= up_to_line && line <= source.line_count(); ++line) {
    const std::string_view text = source.line(line);
    for (std::size_t i = 0; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
      if (text[i] == '\t') {
        return static_cast<std::size_t>(text.data() - source.text().data()) + i;
      }
    }
  }
  return std::nullopt;
}

// The key that ends at the ':' at `colon`, when it is longer than YAML
// allows a key written without '? ' (1024 characters; yaml-cpp counts bytes).
std::optional<std::size_t> overlong_key(std::string_view text, std::size_t colon) {
  std::size_t key = text.find_last_of("\r\n", colon == 0 ? 0 : colon - 1);
  key = key == std::string_view::npos ? 0 : key + 1;
  while (key < colon && (text[key] == ' ' || ((text[key] == '-' || text[key] == '?') &&
                                              key + 1 < colon && text[key + 1] == ' '))) {
    ++key;
  }
  if (colon - key > 1024) return key;
  return std::nullopt;
}

}  // namespace

Problem never_closed(std::string_view text, std::size_t bracket) {
  return Problem{ProblemKind::kSyntax,
                 {bracket, bracket + 1},
                 std::string("invalid YAML: this '") + text[bracket] + "' is never closed",
                 {},
                 {}};
}

Problem explain_yaml_error(const SourceFile& source, std::size_t start, const YamlParseError& e) {
  const std::string_view text = source.text();
  std::size_t pos = std::min(e.pos, text.size());
  if (e.kind == YamlError::kDeepRecursion) {
    return Problem{ProblemKind::kSyntax,
                   {pos, pos + 1},
                   "nesting is deeper than the YAML parser allows; flatten the document",
                   {},
                   {}};
  }
  std::string message = "invalid YAML: " + plain_message(text, start, e);
  const std::string_view error_line = source.line(source.position(pos).line);
  if (auto tab = find_tab_indentation(source, source.position(pos).line)) {
    pos = *tab;
    message = plain_message(text, start, YamlParseError{YamlError::kTab, pos, ""});
  } else if (const std::size_t bracket = scan_flow(text, start, pos, SIZE_MAX).unclosed;
             (e.kind == YamlError::kEndOfFlowMap || e.kind == YamlError::kEndOfFlowSeq) &&
             bracket != std::string_view::npos) {
    return never_closed(text, bracket);
  } else if (e.kind == YamlError::kUnknownAnchor && pos < text.size() && text[pos] == '*') {
    const std::size_t end = text.find_first_of(" \t\r\n,]}", pos);
    const std::string alias(text.substr(pos, end == std::string_view::npos ? end : end - pos));
    message = "invalid YAML: alias " + alias + " names no anchor before it; define &" +
              alias.substr(1) + " first, or write the value out";
  } else if (const auto key = overlong_key(text, pos); key && e.kind == YamlError::kMapValue) {
    pos = *key;
    message =
        "invalid YAML: this key is longer than 1024 characters, the most YAML allows for a "
        "key written without '? '; shorten it";
  } else if (const std::size_t open = error_line.find("{{"); open != std::string_view::npos) {
    // Samples often carry {{ placeholders }} that a script fills in.
    const std::size_t close = error_line.find("}}", open);
    const std::string_view placeholder =
        error_line.substr(open, close == std::string_view::npos ? 2 : close + 2 - open);
    pos = static_cast<std::size_t>(error_line.data() - text.data()) + open;
    message = "unrendered template placeholder " + quote(placeholder) +
              " is not valid YAML; lint the rendered file, or quote the value";
  } else if (e.kind == YamlError::kEndOfMap || e.kind == YamlError::kEndOfSeq ||
             e.kind == YamlError::kMapValue) {
    if (auto p = block_problem(source, start, YamlParseError{e.kind, pos, e.message})) return *p;
    if (e.kind == YamlError::kMapValue) message = "invalid YAML: " + second_colon(source, pos);
  }
  return Problem{ProblemKind::kSyntax, {pos, pos + 1}, message, {}, {}};
}

}  // namespace amlint::detail
