#include "capability/typed_reader.h"

#include <algorithm>

#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

void TypedReader::error(const Node* at, std::string message) {
  const std::size_t offset = at ? at->range.begin : 0;
  const SourceFile& file = overrides_ && overrides_->count(at) ? *override_source_ : source_;
  errors_.push_back(TableError{file.path(), file.position(offset), std::move(message)});
}

bool TypedReader::conforms(const schema::SchemaFile* shape, const Node* root) {
  if (!shape || !root) return true;
  const std::size_t before = errors_.size();
  for (schema::Violation& v : schema::shape_violations(*shape, *root)) {
    error(v.node, std::move(v.message));
  }
  return errors_.size() == before;
}

bool TypedReader::expect_map(const Node* node, const std::string& what) {
  if (node && node->is_map()) return true;
  error(node, what + " must be a mapping");
  return false;
}

const Node* TypedReader::required(const Node& map, std::string_view key) {
  const Node* v = map.get(key);
  if (!v) error(&map, "missing key '" + std::string(key) + "'");
  return v;
}

std::optional<std::string> TypedReader::text(const Node* node, const std::string& what) {
  if (node && node->is_scalar()) return node->resolved().text;
  error(node, what + " must be a string");
  return std::nullopt;
}

std::optional<double> TypedReader::number(const Node* node, const std::string& what) {
  const auto n = as_number(node);
  if (n && !node->is_quoted() && *n >= 0) return n;
  error(node, what + " must be a non-negative number");
  return std::nullopt;
}

std::optional<bool> TypedReader::boolean(const Node* node, const std::string& what) {
  const auto b = as_bool(node);
  if (b && !node->is_quoted()) return b;
  error(node, what + " must be true or false");
  return std::nullopt;
}

std::vector<std::string> TypedReader::strings(const Node* node, const std::string& what) {
  std::vector<std::string> out;
  if (!node || !node->is_seq()) {
    error(node, what + " must be a list of strings");
    return out;
  }
  for (const Node* item : node->resolved().items) {
    if (auto t = text(item, what + " item")) out.push_back(*t);
  }
  return out;
}

std::optional<std::string> TypedReader::date(const Node* node, const std::string& what) {
  auto t =
      node && node->is_scalar() ? std::optional<std::string>(node->resolved().text) : std::nullopt;
  if (t && is_iso_date(*t)) return t;
  error(node, what + " must be a date, YYYY-MM-DD");
  return std::nullopt;
}

Citation TypedReader::citation(const Node& map, const std::string& where,
                               const std::vector<std::string>& facts) {
  Citation c;
  if (const Node* f = map.get("fact")) {
    c.fact = text(f, where + ".fact").value_or("");
    if (!c.fact.empty() && std::find(facts.begin(), facts.end(), c.fact) == facts.end())
      error(f, where + " cites " + c.fact + ", which is not under 'facts'");
  }
  if (const Node* s = map.get("source")) c.source = text(s, where + ".source").value_or("");
  if (const Node* n = map.get("note")) c.note = text(n, where + ".note").value_or("");
  if (c.fact.empty() && c.source.empty()) error(&map, where + " needs a 'fact' or a 'source'");
  return c;
}

std::vector<Source> TypedReader::read_sources(const Node* node) {
  std::vector<Source> out;
  if (!node) return out;
  if (!expect_map(node, "sources")) return out;
  for (const MapEntry& e : node->resolved().entries) {
    Source s;
    s.id = e.key->resolved().text;
    const std::string w = "sources." + s.id;
    if (!expect_map(e.value, w)) continue;
    s.title = text(required(*e.value, "title"), w + ".title").value_or("");
    if (const Node* t = e.value->get("short")) s.short_title = text(t, w + ".short").value_or("");
    if (const Node* u = e.value->get("url")) s.url = text(u, w + ".url").value_or("");
    s.as_of = date(required(*e.value, "as_of"), w + ".as_of").value_or("");
    if (const Node* r = e.value->get("read")) s.read = text(r, w + ".read").value_or("");
    if (const Node* c = e.value->get("convention"))
      s.convention = boolean(c, w + ".convention").value_or(false);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace amlint
