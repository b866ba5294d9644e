// Reads a JSON report back with amlint's own strict JSON reader, so tests
// can look at what a format wrote: a field that is missing or of the wrong
// kind throws, and the test fails with the path it looked for.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/loader.h"

namespace amlint::testing {

class JsonDoc {
 public:
  // Throws std::runtime_error unless `text` is one valid, strict JSON value.
  explicit JsonDoc(std::string text);
  const Node& root() const { return *root_; }

 private:
  std::unique_ptr<SourceFile> source_;
  LoadResult loaded_;
  const Node* root_ = nullptr;
};

// `node` at an RFC 6901-like path of keys and array indexes ("/runs/0/results").
const Node& at(const Node& node, const std::string& path);
bool has(const Node& node, const std::string& path);
std::string text_at(const Node& node, const std::string& path);
std::int64_t int_at(const Node& node, const std::string& path);
// The items of an array.
std::vector<const Node*> items_at(const Node& node, const std::string& path);

}  // namespace amlint::testing
