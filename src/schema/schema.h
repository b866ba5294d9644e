// amlint's JSON Schema validator for the subset of draft 2020-12 that the
// files in schemas/ use, plus amlint's x-amlint-* extensions (documented in
// schemas/README.md). It validates amlint's own tree, so every violation has
// a node (and so a position), a kind that maps to a rule, and what a
// did-you-mean needs.
//
// Why not a library: Debian's valijson (1.0) compiles `pattern` with
// std::regex, which amlint never uses, reports errors as free text with string
// paths (no kind to route to AML501-505, no allowed keys for suggestions), and
// would type YAML values through an adapter without PyYAML's YAML 1.1 rules.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/source.h"
#include "manifest/node.h"
#include "util/regex.h"

namespace amlint::schema {

// JSON Schema types as a bit set.
enum TypeBit : std::uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kIntegerBit = 4,
  kNumberBit = 8,
  kStringBit = 16,
  kArrayBit = 32,
  kObjectBit = 64,
  kAnyType = 127,
};

struct PathSpec {
  std::string kind = "any";  // "file", "dir" or "any"
  std::string relative_to;   // JSON pointer to a sibling base directory, or ""
};

struct Schema {
  std::uint8_t types = kAnyType;
  std::vector<std::pair<std::string, const Schema*>> properties;  // in file order
  // For suggestions, computed once: each property name as candidate strings,
  // folded ("cpulimit") and as sorted words ({"cpu", "limit"}).
  std::vector<std::string> property_names;
  std::vector<std::string> folded_names;
  std::vector<std::vector<std::string>> name_words;
  bool additional_allowed = true;
  const Schema* additional = nullptr;
  std::vector<std::pair<Regex, const Schema*>> pattern_properties;
  std::vector<std::string> required;
  std::vector<const Node*> enum_values;
  const Node* const_value = nullptr;
  std::optional<Regex> pattern;
  // A string schema whose pattern only accepts numbers ("0", "100"): the
  // SDK converts such strings, so they are numbers to amlint's messages.
  bool numeric_string = false;
  std::optional<double> minimum, maximum, exclusive_minimum, exclusive_maximum;
  std::optional<std::size_t> min_length, max_length, min_items, max_items;
  const Schema* items = nullptr;
  std::vector<const Schema*> any_of;
  const Schema* ref = nullptr;
  std::string description;
  bool deprecated = false;
  // Extensions.
  bool case_insensitive = false;                 // x-amlint-case-insensitive
  bool camel_to_snake = false;                   // x-amlint-casing: camel_to_snake
  bool warning = false;                          // x-amlint-severity: warning
  bool open_list = false;                        // x-amlint-open
  std::vector<std::string> advisory_required;    // x-amlint-advisory-required
  std::vector<std::string> targets;              // x-amlint-targets
  std::map<std::string, std::string> misplaced;  // x-amlint-misplaced
  std::string rule;                              // x-amlint-rule
  std::string message;                           // x-amlint-message
  std::string hint;                              // x-amlint-hint (for AML505)
  std::optional<PathSpec> path;                  // x-amlint-path

  const Schema& resolved() const;
  const Schema* property(std::string_view name) const;
};

struct CompileError;
class SchemaFile;
std::unique_ptr<SchemaFile> compile(const std::string& name, std::string text,
                                    std::vector<CompileError>& errors);

// A compiled schema file. Owns its nodes and its source text.
class SchemaFile {
 public:
  const Schema& root() const { return *root_; }
  const std::string& name() const { return name_; }
  // Every property name defined anywhere in the file, by its folded form, with
  // its spelling and the JSON pointer of the object that defines it: used to
  // say where a misplaced key belongs.
  const std::multimap<std::string, std::pair<std::string, std::string>>& property_index() const {
    return index_;
  }

 private:
  friend class Compiler;
  friend std::unique_ptr<SchemaFile> compile(const std::string&, std::string,
                                             std::vector<CompileError>&);
  std::string name_;
  std::unique_ptr<SourceFile> source_;
  std::vector<std::unique_ptr<Document>> documents_;
  std::deque<Schema> schemas_;
  const Schema* root_ = nullptr;
  std::multimap<std::string, std::pair<std::string, std::string>> index_;
};

struct CompileError {
  Pos pos;
  std::string message;
};

// An identifier's words, lower case, crudely stemmed and sorted:
// "enableAppInsights" and "appInsightsEnabled" both give {app, enable, insight}.
std::vector<std::string> identifier_words(std::string_view id);

// Compiles a schema file; on failure returns nullptr and fills `errors`.
std::unique_ptr<SchemaFile> compile(const std::string& name, std::string text,
                                    std::vector<CompileError>& errors);

// The schema built into the binary as schemas/<name>.schema.json, compiled
// once; nullptr when there is none.
const SchemaFile* builtin(std::string_view name);

enum class ViolationKind {
  kUnknownKey,       // AML501
  kWrongType,        // AML502
  kInvalidValue,     // AML503, or the property's x-amlint-rule
  kMissingRequired,  // AML504
  kIgnoredByTarget,  // AML505
};

struct Violation {
  ViolationKind kind = ViolationKind::kInvalidValue;
  const Node* node = nullptr;  // where to report
  std::string message;
  std::string rule;       // x-amlint-rule override, or ""
  bool advisory = false;  // az ml accepts it, but other tools read it otherwise
  // The correction, when there is one: `node`'s text becomes `fix_text`
  // (unquoted; the caller keeps the node's quotes unless `fix_unquote`).
  std::string fix_title;  // "" when there is no fix
  std::string fix_text;
  bool fix_unquote = false;
  bool fix_safe = true;
};

struct ValidateOptions {
  // v1 deployment configs: the computeType, for x-amlint-targets.
  std::string compute_type;
  // "a managed online deployment": used in missing-key messages.
  std::string format_label;
  // Said of every unknown key: "az ml v1 ignores it".
  std::string unknown_key_note;
  // What the compute type is called in x-amlint-targets messages.
  std::string target_noun = "computeType";
  // Added to missing-key messages: "or pass it with --set".
  std::string missing_key_note;
  // v1 and the aml-deploy action read keys with dict.get(): null means unset.
  bool null_is_unset = false;
};

std::vector<Violation> validate(const SchemaFile& file, const Node& root,
                                const ValidateOptions& options);

// The violations of amlint's own files (config, data tables) against their
// shape: validate() without the advisories, which are about how az ml and
// other tools read a manifest.
std::vector<Violation> shape_violations(const SchemaFile& file, const Node& root);

// Whether the key at `pointer` ("/containerResourceRequirements/cpuLimit")
// is read for `compute_type` (x-amlint-targets); true when unrestricted.
bool applies_to(const SchemaFile& file, std::string_view pointer, std::string_view compute_type);

// Every string value under `root` that its schema marks as a local path
// (x-amlint-path), with its spec.
struct PathValue {
  const Node* node;
  PathSpec spec;
};
std::vector<PathValue> local_paths(const SchemaFile& file, const Node& root);

}  // namespace amlint::schema
