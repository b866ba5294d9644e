// The only file that includes yaml-cpp. Drives yaml-cpp's event parser into
// TreeBuilder, bounds how far ahead it reads, and converts its exceptions into
// problems.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>

#include "manifest/readers.h"
#include "manifest/scan.h"
#include "manifest/tree_builder.h"
#include "manifest/yaml_errors.h"
#include "util/text.h"

namespace amlint::detail {
namespace {

// Hands the text to yaml-cpp a window at a time, so that it is known how far
// the parser has read. yaml-cpp reads as far ahead as it must to finish a
// node (a whole scalar, comment block or flow collection) and holds what it
// read as tokens; once it is `limit` bytes past the end of the last node it
// produced, the buffer ends the input there.
class GuardedBuffer : public std::streambuf {
 public:
  GuardedBuffer(std::string_view text, std::size_t start, std::size_t limit)
      : text_(text), limit_(limit), progress_(start) {
    setg(at(start), at(start), at(std::min(text.size(), start + kWindow)));
  }
  // Called with the end of each node the parser produces.
  void progress(std::size_t offset) { progress_ = std::max(progress_, offset); }
  std::size_t last_progress() const { return progress_; }
  // Where the input was cut short, or npos.
  std::size_t cut() const { return cut_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    const auto read = static_cast<std::size_t>(egptr() - text_.data());
    if (read >= text_.size()) return traits_type::eof();
    if (read > progress_ + limit_) {
      cut_ = read;
      return traits_type::eof();
    }
    setg(eback(), egptr(), at(std::min(text_.size(), read + kWindow)));
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kWindow = 64U << 10U;
  char* at(std::size_t offset) const {
    return const_cast<char*>(text_.data()) + offset;  // never written: this buffer only reads
  }

  std::string_view text_;
  std::size_t limit_;
  std::size_t progress_;
  std::size_t cut_ = std::string_view::npos;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The problem when the parser had to read more than `limit` bytes past the
// end of the last node it produced (`after`) and was cut short at `cut`:
// names what runs on for so long.
Problem lookahead_problem(std::string_view text, std::size_t after, std::size_t cut,
                          std::size_t limit) {
  std::size_t pos = after;
  while (pos < cut && (is_space(text[pos]) || text[pos] == ':' || text[pos] == ',' ||
                       text[pos] == '-' || text[pos] == '?')) {
    ++pos;
  }
  pos = skip_properties(text, pos);
  const char c = pos < cut ? text[pos] : '\0';
  const std::string size = format_bytes(limit);
  const std::string not_a_manifest =
      " here, over amlint's input limit; a deployment manifest is a few KB: check that this is one";
  std::string message;
  if (c == '[' || c == '{') {
    message = std::string("this '") + c + "' starts a flow collection that is unclosed or over " +
              size +
              " long, over amlint's input limit (the YAML parser would hold all of it in "
              "memory); close it, or write it in block style";
  } else if (c == '#') {
    message = "comments run on for over " + size + not_a_manifest;
  } else if (const std::size_t eol = std::min(cut, text.find_first_of("\r\n", pos));
             c != '\0' && text.find_first_not_of(" \t\r\n", eol) < cut) {
    message = "this scalar is over " + size +
              " long, over amlint's input limit; a manifest does not need one: move the text "
              "to a file";
  } else {  // a plain scalar reads on through blank lines, to see whether it continues
    pos = text.find_first_of("\r\n", c == '\0' ? after : eol);  // the first blank line
    pos = pos == std::string_view::npos ? after
                                        : pos + (starts_with(text.substr(pos), "\r\n") ? 2 : 1);
    message = "blank lines run on for over " + size + not_a_manifest;
  }
  return Problem{ProblemKind::kLimit, {pos, pos + 1}, message, {}, {}};
}

class Handler : public YAML::EventHandler {
 public:
  Handler(std::string_view text, std::size_t base, TreeBuilder& builder, GuardedBuffer& buffer,
          std::size_t lookahead_limit)
      : text_(text), base_(base), builder_(builder), buffer_(buffer), limit_(lookahead_limit) {}

  // Events that come after the input was cut short are the parser's guesses
  // about the text it did not see: stop at the first.
  void check_cut() const {
    if (buffer_.cut() != std::string_view::npos) throw LoadAbort{cut_problem()};
  }
  Problem cut_problem() const {
    return lookahead_problem(text_, buffer_.last_progress(), buffer_.cut(), limit_);
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    check_cut();
    const std::size_t pos = offset(mark);
    // yaml-cpp 0.7 never consumes a ',' outside a flow collection: it starts
    // an empty document there again and again, without end (its issue 1040).
    // Two documents cannot begin at one token, so stop there.
    if (pos == last_document_start_) {
      throw YAML::ParserException(mark,
                                  "',' outside a flow collection; a comma separates items "
                                  "only inside [ ] or { }");
    }
    last_document_start_ = pos;
    builder_.begin_document(pos);
    buffer_.progress(pos);
  }
  void OnDocumentEnd() override {
    check_cut();
    builder_.end_document();
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_cut();
    const std::size_t pos = skip_properties(text_, offset(mark));
    if (const std::size_t end = explicit_null_end(text_, pos)) {
      builder_.null({pos, end}, anchor);
      buffer_.progress(end);
      return;
    }
    // An empty value: yaml-cpp's mark points at the next token, so place the
    // node on its key when there is one.
    if (const Node* key = builder_.pending_key()) {
      builder_.null(key->range, anchor);
    } else {
      builder_.null({pos, pos}, anchor);
    }
    buffer_.progress(pos);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_cut();
    const std::size_t pos = offset(mark);
    std::size_t end = pos + 1;
    while (end < text_.size() && !is_delimiter(text_[end])) ++end;
    builder_.alias({pos, end}, anchor, text_.substr(pos + 1, end - pos - 1));
    buffer_.progress(end);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_cut();
    const std::size_t pos = skip_properties(text_, offset(mark));
    const ScalarStyle style = tag == "?" ? ScalarStyle::kPlain : scalar_style_at(text_, pos);
    const std::size_t end = scalar_end(text_, pos, style, value);
    builder_.scalar({pos, end}, value, style, tag != "?" && tag != "!", anchor);
    buffer_.progress(end);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    check_cut();
    const std::size_t pos = skip_properties(text_, offset(mark));
    builder_.begin_seq(pos, tag != "?" && tag != "!", anchor);
    buffer_.progress(pos + 1);
  }
  void OnSequenceEnd() override {
    check_cut();
    builder_.end_collection();
  }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    check_cut();
    const std::size_t pos = skip_properties(text_, offset(mark));
    builder_.begin_map(pos, tag != "?" && tag != "!", anchor);
    buffer_.progress(pos + 1);
  }
  void OnMapEnd() override {
    check_cut();
    builder_.end_collection();
  }

 private:
  static bool is_delimiter(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}';
  }
  std::size_t offset(const YAML::Mark& mark) const {
    const std::size_t pos = mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos) + base_;
    return pos > text_.size() ? text_.size() : pos;
  }

  std::string_view text_;
  std::size_t base_;
  TreeBuilder& builder_;
  GuardedBuffer& buffer_;
  std::size_t limit_;
  std::size_t last_document_start_ = std::string_view::npos;
};

// What yaml-cpp's message means (its ErrorMsg texts; three of them end
// with the character or version they are about).
YamlError kind_of(const YAML::ParserException& e) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e)) return YamlError::kDeepRecursion;
  namespace M = YAML::ErrorMsg;
  static const std::pair<const char*, YamlError> kKinds[] = {
      {M::END_OF_MAP, YamlError::kEndOfMap},
      {M::END_OF_SEQ, YamlError::kEndOfSeq},
      {M::END_OF_MAP_FLOW, YamlError::kEndOfFlowMap},
      {M::END_OF_SEQ_FLOW, YamlError::kEndOfFlowSeq},
      {M::MAP_VALUE, YamlError::kMapValue},
      {M::MAP_KEY, YamlError::kMapKey},
      {M::BLOCK_ENTRY, YamlError::kBlockEntry},
      {M::FLOW_END, YamlError::kFlowEnd},
      {M::UNKNOWN_TOKEN, YamlError::kUnknownToken},
      {M::TAB_IN_INDENTATION, YamlError::kTab},
      {M::EOF_IN_SCALAR, YamlError::kEofInScalar},
      {M::DOC_IN_SCALAR, YamlError::kDocInScalar},
      {M::CHAR_IN_SCALAR, YamlError::kCharInScalar},
      {M::SINGLE_QUOTED_CHAR, YamlError::kCharInScalar},
      {M::INVALID_ESCAPE, YamlError::kEscape},
      {M::INVALID_HEX, YamlError::kHexEscape},
      {M::INVALID_UNICODE, YamlError::kUnicodeEscape},
      {M::ANCHOR_NOT_FOUND, YamlError::kAnchorName},
      {M::CHAR_IN_ANCHOR, YamlError::kAnchorName},
      {M::ALIAS_NOT_FOUND, YamlError::kAliasName},
      {M::CHAR_IN_ALIAS, YamlError::kAliasName},
      {M::MULTIPLE_ANCHORS, YamlError::kTwoAnchors},
      {M::MULTIPLE_TAGS, YamlError::kTwoTags},
      {M::MULTIPLE_ALIASES, YamlError::kAliasContent},
      {M::ALIAS_CONTENT, YamlError::kAliasContent},
      {M::UNKNOWN_ANCHOR, YamlError::kUnknownAnchor},
      {M::ZERO_INDENT_IN_BLOCK, YamlError::kBlockHeader},
      {M::CHAR_IN_BLOCK, YamlError::kBlockHeader},
      {M::CHAR_IN_TAG_HANDLE, YamlError::kTag},
      {M::TAG_WITH_NO_SUFFIX, YamlError::kTag},
      {M::END_OF_VERBATIM_TAG, YamlError::kTag},
      {M::YAML_DIRECTIVE_ARGS, YamlError::kDirective},
      {M::YAML_VERSION, YamlError::kDirective},
      {M::YAML_MAJOR_VERSION, YamlError::kDirective},
      {M::REPEATED_YAML_DIRECTIVE, YamlError::kDirective},
      {M::TAG_DIRECTIVE_ARGS, YamlError::kDirective},
      {M::REPEATED_TAG_DIRECTIVE, YamlError::kDirective},
  };
  for (const auto& [text, kind] : kKinds) {
    if (starts_with(e.msg, text)) return kind;
  }
  return YamlError::kOther;
}

YamlParseError error_of(std::string_view text, std::size_t start, const YAML::ParserException& e) {
  std::size_t pos = e.mark.pos < 0 ? text.size() : static_cast<std::size_t>(e.mark.pos) + start;
  std::string message = e.msg;
  if (!message.empty() && message.back() == '.') message.pop_back();
  return YamlParseError{kind_of(e), std::min(pos, text.size()), message};
}

// `text` with each carriage return that is not followed by a line feed
// replaced by one (same length, same offsets); empty when there is none.
std::string lone_crs_as_line_feeds(std::string_view text) {
  std::string out;
  for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
    if (i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (out.empty()) out = std::string(text);
    out[i] = '\n';
  }
  return out;
}

}  // namespace

void read_yaml(const SourceFile& source, std::size_t start, const Limits& limits, LoadResult& out,
               const DocumentSink& sink) {
  const std::string_view text = source.text();
  // yaml-cpp reads a nested flow collection whole before it reports any of
  // it: refuse absurd nesting before it starts.
  const FlowScan flow =
      scan_flow(text, start, text.size(), static_cast<std::size_t>(limits.max_depth));
  if (flow.too_deep != std::string_view::npos) {
    out.problems.push_back(Problem{ProblemKind::kLimit,
                                   {flow.too_deep, flow.too_deep + 1},
                                   too_deep_message(limits.max_depth),
                                   {},
                                   {}});
    return;
  }
  // yaml-cpp does not take a lone CR for a line break as YAML (and PyYAML,
  // and so az ml) does: it gets line feeds instead, at the same offsets.
  const std::string line_feeds = lone_crs_as_line_feeds(text);
  GuardedBuffer buffer(line_feeds.empty() ? text : line_feeds, start, limits.max_lookahead_bytes);
  std::istream stream(&buffer);
  TreeBuilder builder(source, limits, out.problems, sink);
  Handler handler(text, start, builder, buffer, limits.max_lookahead_bytes);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
    handler.check_cut();
  } catch (const LoadAbort& abort) {
    // At the end of the text yaml-cpp takes each bracket still open for the
    // key of a mapping, which doubles the depth it reports.
    const bool unclosed = abort.too_deep && flow.unclosed != std::string_view::npos;
    out.problems.push_back(unclosed ? never_closed(text, flow.unclosed) : abort.problem);
  } catch (const YAML::Exception& e) {
    if (buffer.cut() != std::string_view::npos) {
      // The parser met the end of what it was given, not of the file.
      out.problems.push_back(handler.cut_problem());
    } else if (const auto* parse_error = dynamic_cast<const YAML::ParserException*>(&e)) {
      const Problem problem =
          explain_yaml_error(source, start, error_of(text, start, *parse_error));
      // The parse error supersedes what the builder said about the same spot
      // (a placeholder first seen as a mapping key, then failing to parse).
      out.problems.erase(std::remove_if(out.problems.begin(), out.problems.end(),
                                        [&](const Problem& p) {
                                          return p.kind == ProblemKind::kSyntax &&
                                                 p.range.begin == problem.range.begin;
                                        }),
                         out.problems.end());
      out.problems.push_back(problem);
    } else {
      out.problems.push_back(
          Problem{ProblemKind::kSyntax, {start, start + 1}, "invalid YAML: " + e.msg, {}, {}});
    }
  }
  // A document cut short by an error never reached the sink (see DocumentSink).
}

}  // namespace amlint::detail
