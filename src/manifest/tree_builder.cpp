#include "manifest/tree_builder.h"

#include <algorithm>
#include <limits>

#include "util/text.h"

namespace amlint::detail {

void TreeBuilder::begin_document(std::size_t offset) {
  if (static_cast<std::size_t>(documents_) >= limits_.max_documents) {
    // A bound on the work one file may ask for; the documents before it
    // have been delivered.
    doc_ = nullptr;
    abort(offset, "file has more than " + std::to_string(limits_.max_documents) +
                      " YAML documents, over amlint's input limit; split the file");
  }
  doc_ = std::make_unique<Document>();
  doc_->begin_offset = offset;
  doc_->index = documents_++;
  stack_.clear();
  anchors_.clear();
  expanded_ = 0;
}

void TreeBuilder::end_document() {
  anchors_.clear();  // they point into the document that leaves now
  if (doc_) sink_(std::move(doc_));
  doc_ = nullptr;
}

std::string too_deep_message(int max_depth) {
  return "nesting is deeper than " + std::to_string(max_depth) +
         " levels, over amlint's input limit; flatten the document";
}

void TreeBuilder::abort(std::size_t offset, std::string message, bool too_deep) {
  throw LoadAbort{Problem{ProblemKind::kLimit, {offset, offset}, std::move(message), {}, {}},
                  too_deep};
}

void TreeBuilder::count_expanded(std::uint64_t n, std::size_t offset) {
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  expanded_ = n > max - expanded_ ? max : expanded_ + n;
  if (expanded_ > limits_.max_expanded_nodes) {
    abort(offset, "aliases expand this document to more than " +
                      std::to_string(limits_.max_expanded_nodes) +
                      " nodes (an alias bomb?); write the values out or use fewer aliases");
  }
}

Node& TreeBuilder::new_node(NodeKind kind, ByteRange range, std::size_t anchor) {
  if (!doc_) begin_document(range.begin);
  if (doc_->node_count() >= limits_.max_nodes) {
    abort(range.begin, "document has more than " + std::to_string(limits_.max_nodes) +
                           " nodes, over amlint's input limit; split the file");
  }
  Node& node = doc_->make();
  node.kind = kind;
  node.range = range;
  if (anchor != 0) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    anchors_[anchor] = Anchor{&node, 1, false};
  }
  return node;
}

void TreeBuilder::attach(Node& node) {
  if (stack_.empty()) {
    doc_->set_root(&node);
    return;
  }
  Frame& frame = stack_.back();
  Node& parent = *frame.node;
  node.parent = &parent;
  if (parent.kind == NodeKind::kSeq) {
    node.index = static_cast<std::uint32_t>(parent.items.size());
    parent.items.push_back(&node);
    return;
  }
  if (frame.expect_key) {
    node.is_key = true;
    node.index = static_cast<std::uint32_t>(parent.entries.size());  // the entry it will open
    frame.key = &node;
    frame.expect_key = false;
    const Node& key = node.resolved();
    if (key.kind == NodeKind::kScalar || key.kind == NodeKind::kNull) {
      auto [it, inserted] = frame.seen_keys.emplace(key.text, node.range);
      if (!inserted) {
        const Pos first = source_.position(it->second.begin);
        problems_.push_back(Problem{ProblemKind::kDuplicateKey, node.range,
                                    "duplicate key " + quote(key.text) + " (first at " +
                                        std::to_string(first.line) + ":" +
                                        std::to_string(first.column) +
                                        "); az ml keeps only the last value: remove one of them",
                                    it->second, "first " + quote(key.text) + " is here"});
      }
    }
    return;
  }
  // Only a complete entry can have a collection as its key: at the end of an
  // unclosed flow collection, yaml-cpp reports each bracket still open as the
  // key of a mapping that never gets its value.
  report_collection_key(*frame.key);
  node.key = frame.key;
  parent.entries.push_back(MapEntry{frame.key, &node});
  frame.key = nullptr;
  frame.expect_key = true;
}

void TreeBuilder::report_collection_key(const Node& key_node) {
  const Node& key = key_node.resolved();
  if (key.kind != NodeKind::kMap && key.kind != NodeKind::kSeq) return;
  // PyYAML (az ml) cannot hash a mapping or a sequence, and JSON has no
  // such keys. The usual cause is an unrendered {{ placeholder }}.
  const std::string_view text = source_.text();
  // The key opens a "{{", or is the inner '{' of one (at the file's first
  // byte, there is no outer one).
  const std::size_t begin = key_node.range.begin;
  const bool inside = begin > 0 && starts_with(text.substr(begin - 1), "{{");
  const bool placeholder = inside || starts_with(text.substr(begin), "{{");
  const std::size_t at = inside ? begin - 1 : begin;
  problems_.push_back(Problem{
      ProblemKind::kSyntax,
      {at, at + 2},
      placeholder
          ? "unrendered template placeholder: to YAML '{{' starts a mapping used as a key, which "
            "az ml cannot load; lint the rendered file, or quote the value"
          : std::string("a ") + (key.kind == NodeKind::kMap ? "mapping" : "sequence") +
                " used as a key, which az ml cannot load (keys must be scalars)",
      {},
      {}});
}

const Node* TreeBuilder::pending_key() const {
  if (stack_.empty()) return nullptr;
  const Frame& frame = stack_.back();
  return frame.node->kind == NodeKind::kMap && !frame.expect_key ? frame.key : nullptr;
}

void TreeBuilder::scalar(ByteRange range, std::string text, ScalarStyle style, bool has_tag,
                         std::size_t anchor) {
  Node& node = new_node(NodeKind::kScalar, range, anchor);
  node.text = std::move(text);
  node.style = style;
  node.has_tag = has_tag;
  count_expanded(1, range.begin);
  attach(node);
}

void TreeBuilder::null(ByteRange range, std::size_t anchor) {
  Node& node = new_node(NodeKind::kNull, range, anchor);
  count_expanded(1, range.begin);
  attach(node);
}

void TreeBuilder::alias(ByteRange range, std::size_t anchor, std::string_view name) {
  Node& node = new_node(NodeKind::kAlias, range, 0);
  if (anchor < anchors_.size() && anchors_[anchor].node) {
    const Anchor& a = anchors_[anchor];
    if (a.open) {
      problems_.push_back(Problem{ProblemKind::kSyntax,
                                  range,
                                  "alias *" + std::string(name) +
                                      " refers to a node that contains it (a recursive alias); "
                                      "no deployment tool can serialise it",
                                  {},
                                  {}});
    } else {
      node.target = a.node;
      count_expanded(a.expanded, range.begin);
    }
  }
  attach(node);
}

void TreeBuilder::begin_map(std::size_t offset, bool has_tag, std::size_t anchor) {
  begin_collection(NodeKind::kMap, offset, has_tag, anchor);
}

void TreeBuilder::begin_seq(std::size_t offset, bool has_tag, std::size_t anchor) {
  begin_collection(NodeKind::kSeq, offset, has_tag, anchor);
}

void TreeBuilder::begin_collection(NodeKind kind, std::size_t offset, bool has_tag,
                                   std::size_t anchor) {
  if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
    abort(offset, too_deep_message(limits_.max_depth), true);
  }
  Node& node = new_node(kind, {offset, offset + 1}, anchor);
  node.has_tag = has_tag;
  count_expanded(1, offset);
  attach(node);
  if (anchor != 0) anchors_[anchor].open = true;
  Frame frame;
  frame.node = &node;
  frame.expect_key = kind == NodeKind::kMap;
  frame.expanded_at_start = expanded_;
  frame.anchor = anchor;
  stack_.push_back(std::move(frame));
}

void TreeBuilder::end_collection(std::size_t end_offset) {
  if (stack_.empty()) return;
  const Frame& frame = stack_.back();
  Node& node = *frame.node;
  std::size_t end = end_offset;
  if (end == 0) {
    end = node.range.end;
    if (!node.items.empty()) end = std::max(end, node.items.back()->range.end);
    if (!node.entries.empty()) end = std::max(end, node.entries.back().value->range.end);
  }
  node.range.end = std::max(end, node.range.begin);
  if (frame.anchor != 0) {
    Anchor& a = anchors_[frame.anchor];
    a.open = false;
    a.expanded = expanded_ - frame.expanded_at_start + 1;
  }
  stack_.pop_back();
}

}  // namespace amlint::detail
