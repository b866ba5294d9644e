// Turns a SourceFile into documents (our own tree) plus the problems met on
// the way: encoding, syntax, limits, duplicate keys, non-strict JSON. The
// loader knows nothing about rules; the linter maps problem kinds to rule ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/node.h"

namespace amlint {

enum class Syntax { kYaml, kJson };

// How a file at `path` is read: JSON for `.json` (any case), else YAML.
Syntax syntax_for_path(std::string_view path);

// The file limits apply to the whole file; the others to each document of a
// stream on its own (a stream of many small documents is fine).
struct Limits {
  std::size_t max_file_bytes = 64U << 20U;  // refuse larger files outright
  std::size_t max_line_bytes = 1U << 20U;   // yaml-cpp is slow on huge scalars
  int max_depth = 256;                      // nesting of maps and sequences
  std::size_t max_documents = 100'000;      // documents in one stream (those before it are linted)
  std::size_t max_nodes = 500'000;          // nodes written in one document
  std::uint64_t max_expanded_nodes = 1'000'000;  // nodes after expanding aliases in one document
  // How far the YAML parser may read past the last node it produced: the
  // length of one scalar, comment block or flow collection. yaml-cpp holds
  // what it reads ahead as tokens, up to 125 bytes per byte. Above a line.
  std::size_t max_lookahead_bytes = 2U << 20U;
};

enum class ProblemKind {
  kSyntax,         // cannot be parsed (AML001)
  kEncoding,       // not UTF-8 text (AML001)
  kLimit,          // over an input limit (AML001)
  kDuplicateKey,   // a mapping repeats a key (AML002)
  kNonStrictJson,  // a .json file that only YAML accepts (AML004)
};

struct Problem {
  ProblemKind kind;
  ByteRange range;
  std::string message;
  std::optional<ByteRange> related;  // e.g. the first occurrence of a duplicate key
  std::string related_message;
  // Bytes whose removal fixes it (a trailing comma in JSON), when certain.
  std::optional<ByteRange> removable = std::nullopt;
};

struct LoadResult {
  std::vector<std::unique_ptr<Document>> documents;  // empty when a DocumentSink took them
  std::vector<Problem> problems;
  // True when the input was refused before parsing (size, encoding, binary).
  bool rejected = false;
};

// Receives each document of a stream as soon as it is complete, in order. A
// document cut short by an error or a limit is never delivered (half a
// document would only produce misleading findings); the ones before it are.
using DocumentSink = std::function<void(std::unique_ptr<Document>)>;

// Loads every document into the result.
LoadResult load_source(const SourceFile& source, Syntax syntax, const Limits& limits);
// Streams: hands each document to `sink` as soon as it is parsed, so that a
// caller that is done with a document before the next one holds one at a
// time (a 50 MB stream of small documents stays small in memory). An
// exception from `sink` stops the load and propagates.
LoadResult load_source(const SourceFile& source, Syntax syntax, const Limits& limits,
                       const DocumentSink& sink);

// Exposed for tests: the individual stages.
// Checks size and encoding; returns the problem that refuses the input.
std::optional<Problem> check_input(const SourceFile& source, const Limits& limits);
// Length of a UTF-8 byte order mark at the start of `text` (0 or 3).
std::size_t utf8_bom_length(std::string_view text);

}  // namespace amlint
