#include "manifest/node.h"

#include <algorithm>

#include "util/text.h"

namespace amlint {

Node& Document::make() {
  constexpr std::size_t kFirstChunk = 16;
  constexpr std::size_t kLargestChunk = 1024;
  if (last_used_ == last_capacity_) {
    last_capacity_ = chunks_.empty() ? kFirstChunk : std::min(2 * last_capacity_, kLargestChunk);
    chunks_.push_back(std::make_unique<Node[]>(last_capacity_));
    last_used_ = 0;
  }
  ++count_;
  return chunks_.back()[last_used_++];
}

void Document::reserve(std::size_t nodes) {
  if (!chunks_.empty() || nodes == 0) return;
  chunks_.push_back(std::make_unique<Node[]>(nodes));
  last_capacity_ = nodes;
}

const MapEntry* Node::entry(std::string_view name) const {
  const Node& self = resolved();
  if (self.kind != NodeKind::kMap) return nullptr;
  for (auto it = self.entries.rbegin(); it != self.entries.rend(); ++it) {
    const Node& k = it->key->resolved();
    if (k.kind == NodeKind::kScalar && k.text == name) return &*it;
  }
  return nullptr;
}

const Node* Node::get(std::string_view name) const {
  const MapEntry* e = entry(name);
  return e ? e->value : nullptr;
}

namespace {

void append_pointer_token(std::string& out, std::string_view token) {
  out.push_back('/');
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

std::string document_path(const Node& node) {
  std::vector<const Node*> chain;
  const Node* n = &node;
  if (n->is_key && n->parent && n->index < n->parent->entries.size()) {
    // A key stands for the entry it opens: its value's path.
    n = n->parent->entries[n->index].value;
  }
  for (; n && n->parent; n = n->parent) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* c = *it;
    if (c->key) {
      const Node& k = c->key->resolved();
      append_pointer_token(out, k.kind == NodeKind::kScalar ? std::string_view(k.text) : "?");
    } else {
      append_pointer_token(out, std::to_string(c->index));
    }
  }
  return out;
}

std::string dotted(std::string_view pointer) {
  std::string out(pointer.empty() ? pointer : pointer.substr(1));
  std::replace(out.begin(), out.end(), '/', '.');
  return out;
}

}  // namespace amlint
