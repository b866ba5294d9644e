// The helpers that read amlint's own data files (the capability table, the
// VM size table) out of a tree into typed values: each value is checked as
// it is read, and every problem is collected with its position rather than
// stopping at the first.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "capability/provenance.h"
#include "core/source.h"
#include "manifest/node.h"

namespace amlint {

// An error in a data table file, with its 1-based position.
struct TableError {
  std::string file;  // the table's path, or the config file that overrides it
  Pos pos;
  std::string message;
};

class TypedReader {
 public:
  TypedReader(const SourceFile& source, std::vector<TableError>& errors)
      : source_(source), errors_(errors) {}
  // Nodes in `overrides` are written in `override_source`, the others in `source`.
  TypedReader(const SourceFile& source, const SourceFile& override_source,
              const std::unordered_set<const Node*>& overrides, std::vector<TableError>& errors)
      : source_(source),
        errors_(errors),
        override_source_(&override_source),
        overrides_(&overrides) {}

 protected:
  void error(const Node* at, std::string message);
  bool ok() const { return errors_.empty(); }

  bool expect_map(const Node* node, const std::string& what);
  const Node* required(const Node& map, std::string_view key);
  void check_keys(const Node& map, const std::vector<std::string>& allowed,
                  const std::string& where);
  std::optional<std::string> text(const Node* node, const std::string& what);
  // A non-negative number.
  std::optional<double> number(const Node* node, const std::string& what);
  std::optional<bool> boolean(const Node* node, const std::string& what);
  std::vector<std::string> strings(const Node* node, const std::string& what);
  // A calendar date, YYYY-MM-DD.
  std::optional<std::string> date(const Node* node, const std::string& what);
  // `fact: F4` or `source: ID`, with an optional `note`, in `map`. A fact
  // must be one of `facts`; a source that names no entry of `sources` is a
  // source described in words (as users write in their own tables).
  Citation citation(const Node& map, const std::string& where,
                    const std::vector<std::string>& facts);
  // The `sources:` mapping of a table: id -> {title, url, as_of, read, convention}.
  std::vector<Source> read_sources(const Node* node);

 private:
  const SourceFile& source_;
  std::vector<TableError>& errors_;
  const SourceFile* override_source_ = nullptr;
  const std::unordered_set<const Node*>* overrides_ = nullptr;
};

}  // namespace amlint
