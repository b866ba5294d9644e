#include "manifest/loader.h"

#include <algorithm>
#include <cstdio>

#include "manifest/readers.h"
#include "util/text.h"

namespace amlint {
namespace {

Problem reject(ProblemKind kind, std::size_t offset, std::string message) {
  return Problem{kind, {offset, offset + 1}, std::move(message), {}, {}};
}

// UTF-16 and UTF-32, with or without a byte order mark. Without one, the
// pattern of zero bytes in the first characters of ASCII-led text gives it away.
const char* utf16_or_32(std::string_view t) {
  auto b = [&](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100U; };
  if (b(0) == 0x00 && b(1) == 0x00 && b(2) == 0xFE && b(3) == 0xFF) return "UTF-32BE";
  if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0x00 && b(3) == 0x00) return "UTF-32LE";
  if (b(0) == 0xFE && b(1) == 0xFF) return "UTF-16BE";
  if (b(0) == 0xFF && b(1) == 0xFE) return "UTF-16LE";
  if (t.size() >= 4) {
    if (b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0) return "UTF-32BE";
    if (b(0) != 0 && b(1) == 0 && b(2) == 0 && b(3) == 0) return "UTF-32LE";
    if (b(0) == 0 && b(1) != 0 && b(2) == 0 && b(3) != 0) return "UTF-16BE";
    if (b(0) != 0 && b(1) == 0 && b(2) != 0 && b(3) == 0) return "UTF-16LE";
  }
  return nullptr;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

}  // namespace

std::size_t utf8_bom_length(std::string_view text) {
  return starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
}

std::optional<Problem> check_input(const SourceFile& source, const Limits& limits) {
  const std::string_view text = source.text();
  if (text.size() > limits.max_file_bytes) {
    return reject(ProblemKind::kLimit, 0,
                  "file is " + format_bytes(text.size()) + ", over amlint's input limit of " +
                      format_bytes(limits.max_file_bytes) +
                      "; a deployment manifest is a few KB: check that this is one");
  }
  if (const char* encoding = utf16_or_32(text)) {
    return reject(ProblemKind::kEncoding, 0,
                  std::string("file is encoded as ") + encoding +
                      "; Azure ML tooling and amlint expect UTF-8: re-save the file as UTF-8");
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return reject(ProblemKind::kEncoding, nul,
                  "NUL byte in the file: this looks like a binary file, not YAML or JSON");
  }
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    return reject(ProblemKind::kEncoding, bad,
                  "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                      "); re-save the file as UTF-8");
  }
  std::size_t line_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i - line_start > limits.max_line_bytes) {
        return reject(ProblemKind::kLimit, line_start,
                      "line is " + format_bytes(i - line_start) + " long, over amlint's limit of " +
                          format_bytes(limits.max_line_bytes) +
                          " per line; a manifest does not need such a line");
      }
      line_start = i + 1;
    }
  }
  return std::nullopt;
}

Syntax syntax_for_path(std::string_view path) {
  return ends_with(to_lower(path), ".json") ? Syntax::kJson : Syntax::kYaml;
}

LoadResult load_source(const SourceFile& source, Syntax syntax, const Limits& limits) {
  std::vector<std::unique_ptr<Document>> documents;
  LoadResult result = load_source(source, syntax, limits, [&](std::unique_ptr<Document> doc) {
    documents.push_back(std::move(doc));
  });
  result.documents = std::move(documents);
  return result;
}

LoadResult load_source(const SourceFile& source, Syntax syntax, const Limits& limits,
                       const DocumentSink& sink) {
  LoadResult result;
  if (auto problem = check_input(source, limits)) {
    result.problems.push_back(std::move(*problem));
    result.rejected = true;
    return result;
  }
  const std::size_t start = utf8_bom_length(source.text());
  if (trim(source.text().substr(start)).empty()) return result;

  if (syntax == Syntax::kYaml) {
    detail::read_yaml(source, start, limits, result, sink);
    return result;
  }
  auto json_error = detail::read_json(source, start, limits, result, sink);
  if (!json_error) return result;
  if (json_error->limit) {
    result.problems.push_back(reject(ProblemKind::kLimit, json_error->offset, json_error->what));
    return result;
  }
  // az ml v1 reads .json files with a YAML loader first, so what YAML accepts
  // still deploys. Lint it as YAML and say that it is not strict JSON.
  LoadResult as_yaml;
  detail::read_yaml(source, start, limits, as_yaml, [&](std::unique_ptr<Document> doc) {
    as_yaml.documents.push_back(std::move(doc));
  });
  // yaml.safe_load takes exactly one document: `{...} {...}` fails there too.
  const bool yaml_ok =
      as_yaml.documents.size() == 1 &&
      std::none_of(as_yaml.problems.begin(), as_yaml.problems.end(),
                   [](const Problem& p) { return p.kind != ProblemKind::kDuplicateKey; });
  if (!yaml_ok) {
    result.problems.push_back(reject(ProblemKind::kSyntax, json_error->offset,
                                     "invalid JSON: " + json_error->what + "; " + json_error->fix));
    return result;
  }
  sink(std::move(as_yaml.documents.front()));
  result.problems = std::move(as_yaml.problems);
  Problem non_strict = reject(ProblemKind::kNonStrictJson, json_error->offset,
                              json_error->what +
                                  " is not allowed in strict JSON; az ml v1 accepts it through "
                                  "its YAML loader, but JSON tools reject it: " +
                                  json_error->fix);
  non_strict.removable = json_error->removable;
  result.problems.insert(result.problems.begin(), std::move(non_strict));
  return result;
}

}  // namespace amlint
