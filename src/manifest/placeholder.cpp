#include "manifest/placeholder.h"

#include <algorithm>

#include "manifest/scalar.h"
#include "util/regex.h"
#include "util/text.h"

namespace amlint {

bool is_placeholder(std::string_view text) {
  text = trim(text);
  // Every form holds one of these; most values hold none.
  if (text.find_first_of("$<{#") == std::string_view::npos &&
      text.find("__") == std::string_view::npos) {
    return false;
  }
  static const Regex kWhole(R"(\$[A-Za-z_][A-Za-z0-9_]*|__[A-Z][A-Z0-9_]*|<.+>)");
  static const Regex kInside(R"(\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[A-Za-z_][A-Za-z0-9 _.:/-]*>|)"
                             R"(__[A-Z][A-Z0-9_]*__|#\{[^}]*\}#)");
  return kWhole.full_match(text) || kInside.search(text);
}

bool is_placeholder(const Node& node) {
  const Node& n = node.resolved();
  if (n.is_key || node.is_key) return false;
  if (n.kind == NodeKind::kScalar) return is_placeholder(std::string_view(n.text));
  if (n.kind == NodeKind::kMap) {
    return std::any_of(n.entries.begin(), n.entries.end(), [](const MapEntry& e) {
      const NodeKind k = e.key->resolved().kind;
      return k == NodeKind::kMap || k == NodeKind::kSeq;
    });
  }
  return false;
}

std::optional<std::string_view> value_text(const Node* node) {
  if (!node || is_placeholder(*node)) return std::nullopt;
  return as_text(node);
}

bool is_dummy_secret(std::string_view text) {
  text = trim(text);
  if (text.empty()) return true;
  // "xxxx", "****", "0000"
  if (text.find_first_not_of(text.front()) == std::string_view::npos) return true;
  // Compared folded: "PLACE_HOLDER", "your-password" and "Your Password" count.
  static constexpr std::string_view kWords[] = {
      "password",   "passw0rd",    "changeme", "secret",     "yourpassword",
      "mypassword", "placeholder", "dummy",    "example",    "replaceme",
      "todo",       "none",        "null",     "yoursecret", "yourkey"};
  const std::string folded = fold_identifier(text);
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

}  // namespace amlint
