// Internal to the loader: the two parsers behind load_source().
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "manifest/loader.h"

namespace amlint::detail {

// Parses the YAML stream in `source` from byte `start` (after a BOM). Hands
// each complete document to `sink` and adds problems to `out`.
void read_yaml(const SourceFile& source, std::size_t start, const Limits& limits, LoadResult& out,
               const DocumentSink& sink);

// A strict-JSON syntax error: where, what, and how to fix it.
struct JsonError {
  std::size_t offset;
  std::string what;    // "trailing comma before '}'"
  std::string fix;     // "remove the trailing comma"
  bool limit = false;  // an amlint input limit, not a syntax error
  // Bytes whose removal is the fix (a trailing comma), when one is certain.
  std::optional<ByteRange> removable = std::nullopt;
};

// Parses `source` as strict JSON (RFC 8259) from byte `start`. On success hands
// the document to `sink` and adds problems to `out`; on a syntax error returns
// it, delivers nothing and leaves `out` as it was.
std::optional<JsonError> read_json(const SourceFile& source, std::size_t start,
                                   const Limits& limits, LoadResult& out, const DocumentSink& sink);

}  // namespace amlint::detail
