#include "support/json_doc.h"

#include <stdexcept>

#include "manifest/scalar.h"

namespace amlint::testing {
namespace {

const Node* find(const Node& node, const std::string& path) {
  const Node* n = &node.resolved();
  std::size_t start = 1;
  while (start <= path.size() && !path.empty()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string token = path.substr(start, end - start);
    for (std::size_t at = token.find('~'); at != std::string::npos; at = token.find('~', at + 1)) {
      token.replace(at, 2, token.compare(at, 2, "~1") == 0 ? "/" : "~");
    }
    if (n->kind == NodeKind::kMap) {
      n = n->get(token);
    } else if (n->kind == NodeKind::kSeq) {
      const std::size_t i = std::stoul(token);
      n = i < n->items.size() ? n->items[i] : nullptr;
    } else {
      n = nullptr;
    }
    if (!n) return nullptr;
    n = &n->resolved();
    start = end + 1;
  }
  return n;
}

}  // namespace

JsonDoc::JsonDoc(std::string text)
    : source_(std::make_unique<SourceFile>("report.json", "report.json", std::move(text))),
      loaded_(load_source(*source_, Syntax::kJson, Limits{})) {
  if (!loaded_.problems.empty()) {
    throw std::runtime_error(
        "not strict JSON: " + loaded_.problems.front().message + " at " +
        std::to_string(source_->position(loaded_.problems.front().range.begin).line));
  }
  if (loaded_.documents.size() != 1 || !loaded_.documents.front()->root()) {
    throw std::runtime_error("not one JSON value");
  }
  root_ = loaded_.documents.front()->root();
}

const Node& at(const Node& node, const std::string& path) {
  const Node* n = find(node, path);
  if (!n) throw std::runtime_error("no " + path + " in the JSON");
  return *n;
}

bool has(const Node& node, const std::string& path) { return find(node, path) != nullptr; }

std::string text_at(const Node& node, const std::string& path) {
  const Node& n = at(node, path);
  if (n.kind != NodeKind::kScalar || n.style != ScalarStyle::kDoubleQuoted) {
    throw std::runtime_error(path + " is not a string");
  }
  return n.text;
}

std::int64_t int_at(const Node& node, const std::string& path) {
  const Node& n = at(node, path);
  const auto value = as_number(&n);
  if (n.kind != NodeKind::kScalar || n.style != ScalarStyle::kPlain || !value) {
    throw std::runtime_error(path + " is not a number");
  }
  return static_cast<std::int64_t>(*value);
}

std::vector<const Node*> items_at(const Node& node, const std::string& path) {
  const Node& n = at(node, path);
  if (n.kind != NodeKind::kSeq) throw std::runtime_error(path + " is not an array");
  return n.items;
}

}  // namespace amlint::testing
