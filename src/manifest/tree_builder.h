// Internal to the loader: builds amlint's tree from parser events, detects
// duplicate keys, and enforces the depth, node and alias-expansion limits.
// Both the YAML and the JSON reader drive it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "manifest/loader.h"

namespace amlint::detail {

// Thrown to abandon a file when a limit is exceeded; carries the problem.
struct LoadAbort {
  Problem problem;
  bool too_deep = false;  // the depth limit (not the node or alias limit)
};

// What the depth limit says, wherever it is found.
std::string too_deep_message(int max_depth);

class TreeBuilder {
 public:
  // Each complete document goes to `sink` at end_document().
  TreeBuilder(const SourceFile& source, const Limits& limits, std::vector<Problem>& problems,
              const DocumentSink& sink)
      : source_(source), limits_(limits), problems_(problems), sink_(sink) {}

  void begin_document(std::size_t offset);
  void end_document();

  // `anchor` is the parser's anchor id, 0 when the node has none.
  void scalar(ByteRange range, std::string text, ScalarStyle style, bool has_tag,
              std::size_t anchor = 0);
  void null(ByteRange range, std::size_t anchor = 0);
  void alias(ByteRange range, std::size_t anchor, std::string_view name);
  void begin_map(std::size_t offset, bool has_tag, std::size_t anchor = 0);
  void begin_seq(std::size_t offset, bool has_tag, std::size_t anchor = 0);
  // `end_offset` is where the collection's closing bracket ends, or 0 when
  // the parser does not say (block style): then the last child's end is used.
  void end_collection(std::size_t end_offset = 0);

  // The key node awaiting its value, when the innermost open collection is a
  // map (used to place empty values).
  const Node* pending_key() const;

 private:
  struct Frame {
    Node* node;
    bool expect_key = true;
    Node* key = nullptr;
    std::uint64_t expanded_at_start = 0;
    std::size_t anchor = 0;
    std::unordered_map<std::string, ByteRange> seen_keys;  // key text -> first key
  };
  struct Anchor {
    const Node* node = nullptr;
    std::uint64_t expanded = 1;
    bool open = false;
  };

  Node& new_node(NodeKind kind, ByteRange range, std::size_t anchor);
  void attach(Node& node);
  void report_collection_key(const Node& key_node);
  void begin_collection(NodeKind kind, std::size_t offset, bool has_tag, std::size_t anchor);
  void count_expanded(std::uint64_t n, std::size_t offset);
  [[noreturn]] void abort(std::size_t offset, std::string message, bool too_deep = false);

  const SourceFile& source_;
  const Limits& limits_;
  std::vector<Problem>& problems_;
  const DocumentSink& sink_;
  std::unique_ptr<Document> doc_;  // the document being built
  int documents_ = 0;              // documents begun so far
  std::vector<Frame> stack_;
  std::vector<Anchor> anchors_;  // indexed by anchor id
  std::uint64_t expanded_ = 0;
};

}  // namespace amlint::detail
