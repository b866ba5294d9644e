// The only file that includes yaml-cpp. Drives yaml-cpp's event parser into
// TreeBuilder and converts its exceptions into problems.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <vector>

#include "manifest/readers.h"
#include "manifest/scan.h"
#include "manifest/tree_builder.h"
#include "util/text.h"

namespace amlint::detail {
namespace {

// Reads a memory buffer without copying it.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(const char* data, std::size_t size) {
    char* begin = const_cast<char*>(data);  // never written: this buffer only reads
    setg(begin, begin, begin + size);
  }
};

class Handler : public YAML::EventHandler {
 public:
  Handler(std::string_view text, std::size_t base, TreeBuilder& builder)
      : text_(text), base_(base), builder_(builder) {}

  void OnDocumentStart(const YAML::Mark& mark) override { builder_.begin_document(offset(mark)); }
  void OnDocumentEnd() override { builder_.end_document(); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t pos = skip_properties(text_, offset(mark));
    if (const std::size_t end = explicit_null_end(text_, pos)) {
      builder_.null({pos, end}, anchor);
      return;
    }
    // An empty value: yaml-cpp's mark points at the next token, so place the
    // node on its key when there is one.
    if (const Node* key = builder_.pending_key()) {
      builder_.null(key->range, anchor);
    } else {
      builder_.null({pos, pos}, anchor);
    }
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t pos = offset(mark);
    std::size_t end = pos + 1;
    while (end < text_.size() && !is_delimiter(text_[end])) ++end;
    builder_.alias({pos, end}, anchor, text_.substr(pos + 1, end - pos - 1));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::size_t pos = skip_properties(text_, offset(mark));
    const ScalarStyle style = tag == "?" ? ScalarStyle::kPlain : scalar_style_at(text_, pos);
    const std::size_t end = scalar_end(text_, pos, style, value);
    builder_.scalar({pos, end}, value, style, tag != "?" && tag != "!", anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    builder_.begin_seq(skip_properties(text_, offset(mark)), tag != "?" && tag != "!", anchor);
  }
  void OnSequenceEnd() override { builder_.end_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    builder_.begin_map(skip_properties(text_, offset(mark)), tag != "?" && tag != "!", anchor);
  }
  void OnMapEnd() override { builder_.end_collection(); }

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
};

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

// The innermost flow bracket opened before `end` and never closed, skipping
// quoted scalars and comments; npos when every bracket is closed.
std::size_t find_unclosed_bracket(std::string_view text, std::size_t start, std::size_t end) {
  std::vector<std::size_t> open;
  for (std::size_t i = start; i < end && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
    } else if (c == '#' && (i == start || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{' || c == '[') {
      open.push_back(i);
    } else if ((c == '}' || c == ']') && !open.empty()) {
      open.pop_back();
    }
  }
  return open.empty() ? std::string_view::npos : open.back();
}

std::string describe(const YAML::ParserException& e) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e)) {
    return "nesting is deeper than the YAML parser allows; flatten the document";
  }
  std::string msg = e.msg;
  if (!msg.empty() && msg.back() == '.') msg.pop_back();
  return "invalid YAML: " + msg;
}

}  // namespace

void read_yaml(const SourceFile& source, std::size_t start, const Limits& limits,
               LoadResult& out, const DocumentSink& sink) {
  const std::string_view text = source.text();
  MemoryBuffer buffer(text.data() + start, text.size() - start);
  std::istream stream(&buffer);
  TreeBuilder builder(source, limits, out.problems, sink);
  Handler handler(text, start, builder);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const LoadAbort& abort) {
    out.problems.push_back(abort.problem);
  } catch (const YAML::ParserException& e) {
    std::size_t pos = e.mark.pos < 0 ? text.size() : static_cast<std::size_t>(e.mark.pos) + start;
    if (pos > text.size()) pos = text.size();
    std::string message = describe(e);
    const std::string_view error_line = source.line(source.position(pos).line);
    if (auto tab = find_tab_indentation(source, source.position(pos).line)) {
      pos = *tab;
      message = "tab character in indentation; YAML indents with spaces only: replace the tab";
    } else if (const std::size_t bracket = find_unclosed_bracket(text, start, pos);
               e.msg.find("flow not found") != std::string::npos && bracket != std::string_view::npos) {
      pos = bracket;
      message = std::string("invalid YAML: this '") + text[bracket] + "' is never closed";
    } else if (const std::size_t open = error_line.find("{{"); open != std::string_view::npos) {
      // Samples often carry {{ placeholders }} that a script fills in.
      const std::size_t close = error_line.find("}}", open);
      const std::string_view placeholder =
          error_line.substr(open, close == std::string_view::npos ? 2 : close + 2 - open);
      pos = static_cast<std::size_t>(error_line.data() - text.data()) + open;
      message = "unrendered template placeholder " + quote(placeholder) +
                " is not valid YAML; lint the rendered file, or quote the value";
    }
    // The parse error supersedes what the builder said about the same spot
    // (a placeholder first seen as a mapping key, then failing to parse).
    out.problems.erase(std::remove_if(out.problems.begin(), out.problems.end(),
                                      [&](const Problem& p) {
                                        return p.kind == ProblemKind::kSyntax && p.range.begin == pos;
                                      }),
                       out.problems.end());
    out.problems.push_back(Problem{ProblemKind::kSyntax, {pos, pos + 1}, message, {}, {}});
  } catch (const YAML::Exception& e) {
    out.problems.push_back(
        Problem{ProblemKind::kSyntax, {start, start + 1}, "invalid YAML: " + e.msg, {}, {}});
  }
  // A document cut short by an error never reached the sink (see DocumentSink).
}

}  // namespace amlint::detail
