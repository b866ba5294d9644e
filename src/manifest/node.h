// amlint's own document tree. Both the YAML and the JSON reader build it, so
// rules never see yaml-cpp or rapidjson. Every node knows its byte range in
// the source, its parent and how it is reached from the parent, which is
// enough for 1-based positions and for a JSON-pointer document path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace amlint {

enum class NodeKind : std::uint8_t { kNull, kScalar, kMap, kSeq, kAlias };

// How a scalar was written. JSON strings are kDoubleQuoted; JSON numbers,
// booleans and null are kPlain.
enum class ScalarStyle : std::uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Node;

struct MapEntry {
  const Node* key;
  const Node* value;
};

// The small members come first, so that they share one word (a large run
// holds many nodes).
struct Node {
  NodeKind kind = NodeKind::kNull;
  ScalarStyle style = ScalarStyle::kPlain;
  bool has_tag = false;  // an explicit tag such as !!str was written
  bool is_key = false;
  std::uint32_t index = 0;         // position in the parent sequence, or a key's entry
  ByteRange range;                 // where the node is written
  std::string text;                // scalar value, decoded
  std::vector<MapEntry> entries;   // kMap, in source order (duplicates kept)
  std::vector<const Node*> items;  // kSeq
  const Node* target = nullptr;    // kAlias: the anchored node
  // How this node hangs in the tree (the definition site for aliased nodes).
  const Node* parent = nullptr;
  const Node* key = nullptr;  // set when this node is a map value

  // Follows an alias to its anchored node; otherwise returns this.
  const Node& resolved() const { return kind == NodeKind::kAlias && target ? *target : *this; }

  bool is_map() const { return resolved().kind == NodeKind::kMap; }
  bool is_seq() const { return resolved().kind == NodeKind::kSeq; }
  bool is_scalar() const { return resolved().kind == NodeKind::kScalar; }
  bool is_null() const { return resolved().kind == NodeKind::kNull; }
  bool is_quoted() const {
    const Node& n = resolved();
    return n.kind == NodeKind::kScalar && n.style != ScalarStyle::kPlain;
  }

  // Map lookup by exact key. Like PyYAML and json.loads, the last of
  // duplicate keys wins. Returns nullptr when absent or not a map.
  const Node* get(std::string_view name) const;
  // The entry (key and value) for `name`, last one winning.
  const MapEntry* entry(std::string_view name) const;
};

// One YAML document (or the single value of a JSON file). Owns its nodes.
class Document {
 public:
  // A new node; its address stays valid as long as the document.
  Node& make();
  // Allocates room for `nodes` at once (when the size is known: the
  // project's reference copies). Only before the first make().
  void reserve(std::size_t nodes);
  void set_root(const Node* root) { root_ = root; }
  const Node* root() const { return root_; }
  std::size_t node_count() const { return count_; }
  std::size_t begin_offset = 0;  // where the document starts in the file
  int index = 0;                 // 0-based position in a multi-document stream

 private:
  // Nodes live in chunks that double in size up to a cap: few allocations
  // for a large document, none before the first node.
  std::vector<std::unique_ptr<Node[]>> chunks_;
  std::size_t last_used_ = 0;      // nodes made in the last chunk
  std::size_t last_capacity_ = 0;  // its size
  std::size_t count_ = 0;
  const Node* root_ = nullptr;
};

// The document path of a node as an RFC 6901 JSON pointer, e.g.
// "/containerResourceRequirements/memoryInGB". A key node's path is its
// value's path.
std::string document_path(const Node& node);

// A JSON pointer as users write key paths: "/a/b" -> "a.b" ("" stays "").
std::string dotted(std::string_view pointer);

}  // namespace amlint
