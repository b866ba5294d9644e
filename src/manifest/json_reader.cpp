// The only file that includes rapidjson. Strict JSON (RFC 8259) through
// rapidjson's iterative SAX reader: no recursion, so deep nesting cannot
// exhaust the stack, and exact byte offsets for every token.
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "manifest/readers.h"
#include "manifest/tree_builder.h"
#include "util/text.h"

namespace amlint::detail {
namespace {

// A stream that rapidjson cannot copy (no StreamTraits specialisation), so the
// handler sees the live read position through Tell().
class Stream {
 public:
  using Ch = char;
  Stream(const char* begin, const char* end, std::size_t base)
      : begin_(begin), cur_(begin), end_(end), base_(base) {}
  // RapidJSON's Stream concept names these members.
  // NOLINTBEGIN(readability-identifier-naming)
  Ch Peek() const { return cur_ < end_ ? *cur_ : '\0'; }
  Ch Take() { return cur_ < end_ ? *cur_++ : '\0'; }
  std::size_t Tell() const { return base_ + static_cast<std::size_t>(cur_ - begin_); }
  // Output side, unused by a reader.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }
  // NOLINTEND(readability-identifier-naming)

 private:
  const char* begin_;
  const char* cur_;
  const char* end_;
  std::size_t base_;
};

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler> {
 public:
  Handler(std::string_view text, const Stream& stream, TreeBuilder& builder)
      : text_(text), stream_(stream), builder_(builder) {}

  bool Null() {
    return add([&](ByteRange r) { builder_.null(r); });
  }
  bool Bool(bool b) {
    return add(
        [&](ByteRange r) { builder_.scalar(r, b ? "true" : "false", ScalarStyle::kPlain, false); });
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return add(
        [&](ByteRange r) { builder_.scalar(r, std::string(s, n), ScalarStyle::kPlain, false); });
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return add([&](ByteRange r) {
      builder_.scalar(r, std::string(s, n), ScalarStyle::kDoubleQuoted, false);
    });
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return String(s, n, copy); }
  bool StartObject() { return open(true); }
  bool StartArray() { return open(false); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  std::optional<LoadAbort> abort;

 private:
  // Scalars: rapidjson calls back after the token, so Tell() is its end; its
  // start is the first byte after the previous token that is not a separator.
  template <typename F>
  bool add(F&& make) {
    const std::size_t end = stream_.Tell();
    return guarded([&] { make(ByteRange{token_start(), end}); }, end);
  }
  // Brackets: rapidjson calls back before taking the bracket.
  bool open(bool map) {
    const std::size_t at = stream_.Tell();
    return guarded(
        [&] {
          if (map) {
            builder_.begin_map(at, false);
          } else {
            builder_.begin_seq(at, false);
          }
        },
        at + 1);
  }
  bool close() {
    const std::size_t at = stream_.Tell();
    return guarded([&] { builder_.end_collection(at + 1); }, at + 1);
  }
  template <typename F>
  bool guarded(F&& f, std::size_t end) {
    try {
      f();
    } catch (LoadAbort& a) {
      abort = std::move(a);
      return false;
    }
    last_end_ = end;
    return true;
  }
  std::size_t token_start() const {
    std::size_t i = last_end_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                text_[i] == '\r' || text_[i] == ',' || text_[i] == ':')) {
      ++i;
    }
    return i;
  }

  std::string_view text_;
  const Stream& stream_;
  TreeBuilder& builder_;
  std::size_t last_end_ = 0;
};

std::size_t skip_back_blanks(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t' || text[pos - 1] == '\n' ||
                     text[pos - 1] == '\r')) {
    --pos;
  }
  return pos;
}

// Names the usual ways a hand-written JSON file goes wrong more plainly than
// the parser does.
JsonError describe(std::string_view text, std::size_t offset, rapidjson::ParseErrorCode code) {
  const std::string_view rest = text.substr(std::min(offset, text.size()));
  if (starts_with(rest, "//") || starts_with(rest, "/*") || starts_with(rest, "#")) {
    return {offset, "comment", "remove the comment", false};
  }
  if (starts_with(rest, "'")) {
    return {offset, "single-quoted string", "use double quotes", false};
  }
  if (starts_with(rest, "}") || starts_with(rest, "]")) {
    const std::size_t before = skip_back_blanks(text, offset);
    if (before > 0 && text[before - 1] == ',') {
      return {before - 1, std::string("trailing comma before '") + rest[0] + "'",
              "remove the trailing comma", false, ByteRange{before - 1, before}};
    }
  }
  if (code == rapidjson::kParseErrorDocumentRootNotSingular) {
    return {offset, "content after the end of the JSON value", "remove it or split the file",
            false};
  }
  if (code == rapidjson::kParseErrorObjectMissName && !rest.empty() && rest[0] != '"') {
    return {offset, "unquoted key", "put the key in double quotes", false};
  }
  if ((code == rapidjson::kParseErrorValueInvalid) &&
      (starts_with(rest, "NaN") || starts_with(rest, "Infinity") ||
       starts_with(rest, "-Infinity"))) {
    return {offset, "NaN or Infinity", "use a number or a string", false};
  }
  std::string what = rapidjson::GetParseError_En(code);
  if (!what.empty() && what.back() == '.') what.pop_back();
  if (!what.empty()) what[0] = ascii_lower(what[0]);
  return {offset, what, "fix the JSON syntax", false};
}

}  // namespace

std::optional<JsonError> read_json(const SourceFile& source, std::size_t start,
                                   const Limits& limits, LoadResult& out,
                                   const DocumentSink& sink) {
  const std::string_view text = source.text();
  std::vector<Problem> problems;
  TreeBuilder builder(source, limits, problems, sink);
  builder.begin_document(start);
  Stream stream(text.data() + start, text.data() + text.size(), start);
  Handler handler(text, stream, builder);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (handler.abort) {
    const Problem& p = handler.abort->problem;
    return JsonError{p.range.begin, p.message, "", true};
  }
  if (result.IsError()) return describe(text, result.Offset(), result.Code());
  for (auto& p : problems) out.problems.push_back(std::move(p));
  builder.end_document();
  return std::nullopt;
}

}  // namespace amlint::detail
