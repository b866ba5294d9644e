// The helpers that read amlint's own data files (the capability table, the
// VM size table) out of a tree into typed values. A file's shape (its keys,
// their types, what is required) is checked first, by amlint's schema
// validator against schemas/<table>.schema.json; the readers check what a
// schema cannot say (a cited fact exists, a pattern compiles) and keep a
// light type check of their own for the built-in tables, which the build has
// validated. Every problem is collected with its position.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "capability/provenance.h"
#include "core/source.h"
#include "manifest/node.h"
#include "schema/schema.h"

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

  // Checks `root` against `shape`, recording each violation; true when
  // there is none (or no shape is given: a built-in table).
  bool conforms(const schema::SchemaFile* shape, const Node* root);
  bool expect_map(const Node* node, const std::string& what);
  const Node* required(const Node& map, std::string_view key);
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
