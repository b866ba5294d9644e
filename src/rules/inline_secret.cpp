// AML701: a literal secret in a manifest: service keys, passwords, private
// keys, connection strings and account keys. A committed secret is a leaked
// one. Placeholders and references (`$(VAR)`, `${{ secrets.X }}`, `azureml:`
// references, key vault references) are how secrets should arrive, and are
// not findings. The finding never shows the value: the linter masks it in
// every output.
#include <algorithm>

#include "manifest/placeholder.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/regex.h"
#include "util/text.h"

namespace amlint {
namespace {

constexpr RuleInfo kInfo{
    "AML701",
    "inline-secret",
    Severity::kError,
    RuleFamily::kSecurity,
    "",
    "a literal secret (key, password, private key, connection string) in a manifest"};

// The words of a key or variable name: "OPENAI_API_KEY", "primaryKey" and
// "admin-password" -> {openai, api, key}, {primary, key}, {admin, password}.
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const bool camel_break =
        c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
    if ((!alnum || camel_break) && !words.back().empty()) words.emplace_back();
    if (alnum) words.back().push_back(ascii_lower(c));
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Whether a key or variable name says it holds a secret, from its last words:
// ...password, ...secret, ...token, ...primary key, ...connection string.
bool names_a_secret(std::string_view name) {
  const std::vector<std::string> w = words_of(name);
  if (w.empty()) return false;
  const std::string& last = w.back();
  if (last == "password" || last == "passwd" || last == "pwd" || last == "secret" ||
      last == "token" || last == "apikey" || last == "sas" || last == "connectionstring") {
    return true;
  }
  if (w.size() < 2) return false;
  const std::string pair = w[w.size() - 2] + " " + last;
  static const std::vector<std::string> kPairs = {
      "primary key",       "secondary key", "api key",     "access key",      "account key",
      "secret key",        "shared key",    "storage key", "master key",      "client secret",
      "connection string", "sas token",     "conn str",    "subscription key"};
  return std::find(kPairs.begin(), kPairs.end(), pair) != kPairs.end();
}

// A value that stands for a secret rather than being one: a template
// placeholder, a tutorial's dummy word, or a reference to where the secret
// lives.
bool stands_for_a_secret(std::string_view v) {
  static const Regex kReference(
      R"(^\$[A-Za-z_]|^azureml:|^keyvault:|@Microsoft\.KeyVault\(|vault\.azure\.net/secrets/|)"
      R"(^\[parameters\(|^\[variables\()");
  return is_placeholder(v) || is_dummy_secret(v) || kReference.search(trim(v));
}

bool is_private_key(std::string_view v) {
  return v.find("-----BEGIN") != std::string_view::npos &&
         v.find("PRIVATE KEY") != std::string_view::npos;
}

// A connection string or SAS that carries its key.
bool is_keyed_connection_string(std::string_view v) {
  static const Regex kKeyed(
      R"((?i)(AccountKey|SharedAccessKey|SharedAccessSignature|Password)=[^;$<{]{4,})");
  return kKeyed.search(v);
}

class InlineSecret final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context&, Sink& out) const override {
    if (!m.root()) return;
    rules::for_each_entry(*m.root(), [&](const Node& key, const Node& value) {
      if (!value.is_scalar() || value.is_null()) return;
      const std::string& text = value.resolved().text;
      if (stands_for_a_secret(text)) return;
      const std::string where = dotted(document_path(value));
      const std::string size = std::to_string(count_code_points(text)) + " characters";
      std::string kind;
      if (is_private_key(text)) {
        kind = "a private key";
      } else if (is_keyed_connection_string(text)) {
        kind = "a connection string with its key";
      } else if (is_literal_secret(name_of(key, value), text)) {
        kind = "a literal secret";
      } else {
        return;
      }
      out.report_secret(
          kInfo, m, value,
          where + " holds " + kind + " (" + size +
              ", not shown); a committed secret is leaked: "
              "rotate it, and pass it at deploy time (a key vault reference or a pipeline secret)");
    });
  }

 private:
  // The name a value goes by: its key, or for `{value: ...}` the name of the
  // variable it belongs to (IoT Edge `env: {HF_TOKEN: {value: ...}}`, ARM
  // `{name: HF_TOKEN, value: ...}`).
  static std::string name_of(const Node& key, const Node& value) {
    const std::string& name = key.resolved().text;
    if (name != "value" || !value.parent) return name;
    if (const Node* sibling = value.parent->get("name"); sibling && sibling->is_scalar()) {
      return sibling->resolved().text;
    }
    return value.parent->key ? value.parent->key->resolved().text : name;
  }

  // A value under a name that says "secret" which is not a number, boolean
  // or null (no key or password is).
  static bool is_literal_secret(const std::string& name, const std::string& text) {
    if (!names_a_secret(name)) return false;
    static const Regex kNotASecret(R"((?i)^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$)");
    return !kNotASecret.full_match(text);
  }
};

}  // namespace

std::unique_ptr<Check> make_inline_secret() { return std::make_unique<InlineSecret>(); }

}  // namespace amlint
