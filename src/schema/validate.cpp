#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "schema/schema.h"
#include "schema/suggest.h"
#include "util/text.h"

namespace amlint::schema {
namespace {

std::uint8_t bit_of(YamlType t, const Node& n) {
  switch (t) {
    case YamlType::kNull:
      return kNullBit;
    case YamlType::kBool:
      return kBooleanBit;
    case YamlType::kInt:
      return kIntegerBit;
    case YamlType::kFloat: {
      // A float with no fraction is a JSON Schema integer too (1.0).
      const auto v = as_number(&n);
      const bool whole = v && std::floor(*v) == *v;
      return static_cast<std::uint8_t>(whole ? kNumberBit | kIntegerBit : kNumberBit);
    }
    case YamlType::kString:
      return kStringBit;
    case YamlType::kMap:
      return kObjectBit;
    case YamlType::kSeq:
      return kArrayBit;
  }
  return 0;
}

// What Python's int() takes: digits, a sign, surrounding blanks.
bool is_integer_text(std::string_view text) {
  text = trim(text);
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string expected_types(std::uint8_t types) {
  std::vector<std::string> names;
  if (types & kObjectBit) names.emplace_back("a mapping");
  if (types & kArrayBit) names.emplace_back("a list");
  if (types & kStringBit) names.emplace_back("a string");
  if (types & kNumberBit) {
    names.emplace_back("a number");
  } else if (types & kIntegerBit) {
    names.emplace_back("an integer");
  }
  if (types & kBooleanBit) names.emplace_back("a boolean");
  if (types & kNullBit) names.emplace_back("null");
  return join_or(names);
}

// "/environment/inference_config" -> "environment.inference_config".
std::string pointer_name(const std::string& pointer) {
  return pointer.empty() ? std::string("the top level") : dotted(pointer);
}

class Validator {
 public:
  Validator(const SchemaFile& file, const ValidateOptions& options)
      : file_(file), options_(options) {}

  void run(const Node& root) { check(file_.root(), root, nullptr, ""); }
  std::vector<Violation> take() { return std::move(out_); }

 private:
  void add(ViolationKind kind, const Node& at, std::string message, const std::string& rule = "") {
    Violation v;
    v.kind = kind;
    v.node = &at;
    v.message = std::move(message);
    v.rule = rule;
    out_.push_back(std::move(v));
  }
  // A violation of a value `s` checks: a warning when the schema says so
  // (x-amlint-severity: a fact from the docs that the tools do not enforce).
  void add(const Schema& s, ViolationKind kind, const Node& at, std::string message) {
    add(kind, at, std::move(message), s.rule);
    out_.back().advisory = s.warning;
  }
  // Gives the violation just added a fix.
  void fix(std::string title, std::string text, bool safe, bool unquote = false) {
    Violation& v = out_.back();
    v.fix_title = std::move(title);
    v.fix_text = std::move(text);
    v.fix_safe = safe;
    v.fix_unquote = unquote;
  }

  // `key` is the key node this value hangs from (nullptr at the root or in a
  // list); `where` is the instance pointer of the value.
  void check(const Schema& schema, const Node& node, const Node* key, const std::string& where) {
    const Schema& s = schema.resolved();
    const Node& n = node.resolved();
    const YamlType type = pyyaml_type(n);
    if (type == YamlType::kNull && options_.null_is_unset && key) return;
    if (is_placeholder(n)) return;  // a template value: nothing to check yet
    if (!s.any_of.empty()) {
      const std::uint8_t bits = bit_of(type, n);
      std::uint8_t all = 0;
      const Schema* numeric = nullptr;  // the integer/number branch, if any
      for (const Schema* branch : s.any_of) {
        const Schema& b = branch->resolved();
        all |= b.types;
        if (b.types & (kIntegerBit | kNumberBit)) numeric = &b;
      }
      for (const Schema* branch : s.any_of) {
        const Schema& b = branch->resolved();
        if (!(b.types & bits)) continue;
        // "5" for an integer written as a string: a number to the SDK.
        if (type == YamlType::kString && b.numeric_string && numeric && b.pattern &&
            !b.pattern->search(n.text)) {
          if (const auto v = as_number(&n);
              v && !(numeric->types & kNumberBit) && !is_integer_text(n.text)) {
            // fields.Int runs int() on the text: '1.5', '2.0' and '1e3' fail.
            add(ViolationKind::kWrongType, node,
                label(key) + " " + shown(n) + " is not an integer; write it as one, as in " +
                    format_number(std::trunc(*v)));
          } else if (v) {
            check_value(*numeric, node, key, YamlType::kFloat);
          } else {
            wrong_type(numeric->types, node, key, type);
          }
          return;
        }
        check(*branch, node, key, where);
        return;
      }
      // An integer-or-numeric-string field is "an integer" to the user.
      const bool numeric_strings =
          std::any_of(s.any_of.begin(), s.any_of.end(),
                      [](const Schema* b) { return b->resolved().numeric_string; });
      wrong_type(numeric_strings ? static_cast<std::uint8_t>(all & ~kStringBit) : all, node, key,
                 type);
      return;
    }
    if (!(s.types & bit_of(type, n))) {
      wrong_type(s.types, node, key, type);
      return;
    }
    if (type == YamlType::kBool && n.kind == NodeKind::kScalar && is_yaml11_only_bool(n.text) &&
        !n.is_quoted()) {
      add(ViolationKind::kWrongType, node,
          label(key) + " '" + n.text +
              "' is a boolean only to YAML 1.1 readers such as az ml's (YAML 1.2 "
              "tools read a string); write " +
              (*as_bool(&n) ? "true" : "false"));
      out_.back().advisory = true;
      fix(std::string("write ") + (*as_bool(&n) ? "true" : "false"),
          *as_bool(&n) ? "true" : "false", true);
    }
    check_value(s, node, key, type);
    if (type == YamlType::kMap) check_object(s, n, key, where);
    if (type == YamlType::kSeq) check_array(s, n, key, where);
  }

  std::string label(const Node* key) const {
    return key ? std::string(key->resolved().text) + ":" : std::string("the value");
  }

  std::string shown(const Node& n) const {
    const Node& r = n.resolved();
    if (r.kind == NodeKind::kScalar) return r.is_quoted() ? quote(r.text) : r.text;
    if (r.kind == NodeKind::kNull) return "null";
    return r.kind == NodeKind::kMap ? "a mapping" : "a list";
  }

  void wrong_type(std::uint8_t expected, const Node& node, const Node* key, YamlType actual) {
    const Node& n = node.resolved();
    // "cpu: 1e3 is a string ..." for scalars, "model is a list ..." otherwise.
    const std::string head = n.kind == NodeKind::kScalar
                                 ? label(key) + " " + shown(n)
                                 : (key ? key->resolved().text : std::string("the value"));
    std::string message;
    const bool wants_number = expected & (kNumberBit | kIntegerBit);
    std::string unquoted;  // the fix: the value without its quotes
    if (actual == YamlType::kString && n.is_quoted() && wants_number && as_number(&n)) {
      message = head + " is a string because it is quoted; write " + n.text + " without quotes";
      unquoted = n.text;
    } else if (actual == YamlType::kString && n.is_quoted() && (expected & kBooleanBit) &&
               as_bool(&n)) {
      message =
          head + " is a string because it is quoted; write " + to_lower(n.text) + " without quotes";
      unquoted = to_lower(n.text);
    } else if (actual == YamlType::kString && wants_number && as_number(&n)) {
      message = head +
                " is a string to az ml (YAML 1.1 numbers with an exponent need a dot and a sign, "
                "as in 1.0e+3); write the number out";
    } else if (actual == YamlType::kBool && (expected & kStringBit) &&
               is_yaml11_only_bool(n.text)) {
      message = head + " is read as a boolean by az ml (YAML 1.1); quote it if you mean the word";
    } else {
      message = head + " is " + std::string(yaml_type_name(actual)) + ", but must be " +
                expected_types(expected);
    }
    add(ViolationKind::kWrongType, node, message);
    if (!unquoted.empty() && trim(unquoted) == unquoted) {
      fix("write " + unquoted + " without quotes", unquoted, true, true);
    }
  }

  // Whether instance `a` is the enum or const value `b` under `s`'s casing.
  bool equals(const Schema& s, const Node& a, const Node& b) const {
    // StringTransformedEnum: a string, compared after camel_to_snake.
    if (s.camel_to_snake && a.kind == NodeKind::kScalar && b.kind == NodeKind::kScalar) {
      return pyyaml_type(a) == YamlType::kString &&
             camel_to_snake(a.text) == camel_to_snake(b.text);
    }
    return equals(a, b, s.case_insensitive);
  }

  bool equals(const Node& a, const Node& b, bool case_insensitive) const {
    if (a.kind != b.kind) {
      // YAML null and JSON null, numbers written differently: compare values.
      const auto x = as_number(&a), y = as_number(&b);
      return x && y && *x == *y && !a.is_quoted() && !b.is_quoted();
    }
    if (a.kind == NodeKind::kNull) return true;
    if (a.kind != NodeKind::kScalar) return false;
    if (!a.is_quoted() && !b.is_quoted()) {
      const auto x = as_number(&a), y = as_number(&b);
      if (x && y) return *x == *y;
    }
    return case_insensitive ? iequals(a.text, b.text) : a.text == b.text;
  }

  void check_value(const Schema& s, const Node& node, const Node* key, YamlType type) {
    const Node& n = node.resolved();
    const std::string head = label(key) + " " + shown(n);
    const std::string extra = s.message.empty() ? "" : "; " + s.message;
    if (!s.enum_values.empty()) {
      const bool found = std::any_of(s.enum_values.begin(), s.enum_values.end(),
                                     [&](const Node* v) { return equals(s, n, *v); });
      if (!found) {
        // One spelling per value: `aml_token` and `AMLToken` are the same to the SDK.
        std::vector<std::string> names;
        std::vector<std::string> folded;
        for (const Node* v : s.enum_values) {
          const std::string name = v->kind == NodeKind::kNull ? "null" : v->text;
          if (std::find(folded.begin(), folded.end(), fold_identifier(name)) != folded.end())
            continue;
          folded.push_back(fold_identifier(name));
          names.push_back(name);
        }
        std::string message = names.size() == 1
                                  ? head + " must be " + quote(names[0])
                                  : head + " is not one of " +
                                        (s.open_list ? "the values amlint knows, " : "") +
                                        join_or(names);
        std::vector<std::string> near;
        if (n.kind == NodeKind::kScalar && names.size() > 1) {
          near = closest_matches(n.text, names);
          std::vector<std::string> shown_near = near;
          for (std::string& m : shown_near) m = "'" + m + "'";
          if (!near.empty()) message += "; did you mean " + join_or(shown_near) + "?";
        }
        // A list Azure extends: the value may be newer than amlint's list.
        if (s.open_list) message += " (Azure adds values here: if az ml accepts it, ignore this)";
        add(s, ViolationKind::kInvalidValue, node, message + extra);
        out_.back().advisory = out_.back().advisory || s.open_list;
        // One value it is near: the same word in another case is certainly
        // meant; another spelling is a judgement.
        if (n.kind == NodeKind::kScalar && (names.size() == 1 || near.size() == 1)) {
          const std::string& meant = names.size() == 1 ? names[0] : near[0];
          const bool same_word = to_lower(meant) == to_lower(n.text);
          if (names.size() > 1 || same_word) fix("write '" + meant + "'", meant, same_word);
        }
        return;
      }
    }
    if (s.const_value && !equals(s, n, *s.const_value)) {
      add(s, ViolationKind::kInvalidValue, node,
          head + " must be " + shown(*s.const_value) + extra);
      return;
    }
    if (type == YamlType::kString) {
      const int length = count_code_points(n.text);
      if (s.min_length && static_cast<std::size_t>(length) < *s.min_length) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " is shorter than " + std::to_string(*s.min_length) + " characters" + extra);
      } else if (s.max_length && static_cast<std::size_t>(length) > *s.max_length) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " is longer than " + std::to_string(*s.max_length) + " characters" + extra);
      } else if (s.pattern && !s.pattern->search(n.text)) {
        add(s, ViolationKind::kInvalidValue, node,
            head + (s.message.empty() ? " does not match " + s.pattern->pattern()
                                      : " is invalid" + extra));
      }
    }
    if (type == YamlType::kInt || type == YamlType::kFloat) {
      const auto v = as_number(&n);
      if (!v) return;
      if (s.minimum && *v < *s.minimum) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " is below the minimum of " + format_number(*s.minimum) + extra);
      } else if (s.exclusive_minimum && *v <= *s.exclusive_minimum) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " must be greater than " + format_number(*s.exclusive_minimum) + extra);
      } else if (s.maximum && *v > *s.maximum) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " is above the maximum of " + format_number(*s.maximum) + extra);
      } else if (s.exclusive_maximum && *v >= *s.exclusive_maximum) {
        add(s, ViolationKind::kInvalidValue, node,
            head + " must be less than " + format_number(*s.exclusive_maximum) + extra);
      }
    }
  }

  const Schema* schema_for_key(const Schema& s, const std::string& name) const {
    if (const Schema* p = s.property(name)) return p;
    for (const auto& [re, sub] : s.pattern_properties) {
      if (re.search(name)) return sub;
    }
    if (s.additional) return s.additional;
    return nullptr;
  }

  std::string suggestion(const Schema& s, const std::string& name, const std::string& where) const {
    return key_suggestion(file_, s, name, where);
  }

  void check_object(const Schema& s, const Node& n, const Node* key, const std::string& where) {
    for (const MapEntry& e : n.entries) {
      const Node& k = e.key->resolved();
      if (k.kind != NodeKind::kScalar) continue;  // reported by the loader
      const std::string& name = k.text;
      const Schema* sub = schema_for_key(s, name);
      if (!sub) {
        if (!s.additional_allowed) {
          std::string message = "unknown key '" + name + "'";
          if (!where.empty()) message += " in " + pointer_name(where);
          if (!options_.unknown_key_note.empty()) message += " (" + options_.unknown_key_note + ")";
          const std::string hint = suggestion(s, name, where);
          add(ViolationKind::kUnknownKey, *e.key, message + hint);
          // One key meant, at this level: rename it. A key of another
          // object ('code_configuration.scoring_script') is a move, no rename.
          const std::string_view open = "; did you mean '";
          if (starts_with(hint, open) && ends_with(hint, "'?")) {
            const std::string meant = hint.substr(open.size(), hint.size() - open.size() - 2);
            if (std::find(s.property_names.begin(), s.property_names.end(), meant) !=
                s.property_names.end())
              fix("rename to '" + meant + "'", meant, true);
          }
        }
        continue;
      }
      const Schema& r = sub->resolved();
      if (options_.null_is_unset && e.value->is_null()) continue;  // az ml reads null as unset
      if (!r.targets.empty() && !options_.compute_type.empty() &&
          std::find(r.targets.begin(), r.targets.end(), to_lower(options_.compute_type)) ==
              r.targets.end()) {
        std::string message = "'" + name + "' applies only when " + options_.target_noun + " is " +
                              join_or(r.targets) + "; it is ignored for " + options_.compute_type;
        if (!r.hint.empty()) message += ": " + r.hint;
        add(ViolationKind::kIgnoredByTarget, *e.key, message);
        continue;
      }
      check(*sub, *e.value, e.key, where + "/" + name);
    }
    for (const std::string& required : s.required) {
      // v1 reads keys with dict.get(): a required key set to null is unset.
      const Node* value = n.get(required);
      if (value && !(options_.null_is_unset && value->is_null())) continue;
      std::string message = "missing required key '" + required + "'";
      if (!where.empty()) message += " in " + pointer_name(where);
      if (!options_.format_label.empty() && where.empty())
        message += " of " + options_.format_label;
      if (!options_.missing_key_note.empty()) message += " (" + options_.missing_key_note + ")";
      add(ViolationKind::kMissingRequired, key ? *key : first_key_or(n), message);
      // Keys the official examples pass with --set (a batch deployment's
      // compute): likely given at deploy time, so a warning.
      out_.back().advisory = std::find(s.advisory_required.begin(), s.advisory_required.end(),
                                       required) != s.advisory_required.end();
    }
  }

  static const Node& first_key_or(const Node& map) {
    return map.entries.empty() ? map : *map.entries.front().key;
  }

  void check_array(const Schema& s, const Node& n, const Node* key, const std::string& where) {
    const std::string head = label(key);
    const std::string extra = s.message.empty() ? "" : "; " + s.message;
    const auto items = [](std::size_t count) {
      return std::to_string(count) + (count == 1 ? " item" : " items");
    };
    if (s.min_items && n.items.size() < *s.min_items) {
      add(s, ViolationKind::kInvalidValue, key ? *key : n,
          head + " needs at least " + items(*s.min_items) + extra);
    }
    if (s.max_items && n.items.size() > *s.max_items) {
      add(s, ViolationKind::kInvalidValue, key ? *key : n,
          head + " takes at most " + items(*s.max_items) + extra);
    }
    if (!s.items) return;
    for (const Node* item : n.items)
      check(*s.items, *item, nullptr, where + "/" + std::to_string(item->index));
  }

  const SchemaFile& file_;
  const ValidateOptions& options_;
  std::vector<Violation> out_;
};

void collect_paths(const Schema& schema, const Node& node, std::vector<PathValue>& out, int depth) {
  if (depth > 64) return;
  const Schema& s = schema.resolved();
  const Node& n = node.resolved();
  if (!s.any_of.empty()) {
    const std::uint8_t bits = bit_of(pyyaml_type(n), n);
    for (const Schema* branch : s.any_of) {
      if (branch->resolved().types & bits) {
        collect_paths(*branch, node, out, depth + 1);
        return;
      }
    }
    return;
  }
  if (s.path && n.kind == NodeKind::kScalar && n.is_scalar())
    out.push_back(PathValue{&node, *s.path});
  if (n.kind == NodeKind::kMap) {
    for (const MapEntry& e : n.entries) {
      const Node& k = e.key->resolved();
      if (k.kind != NodeKind::kScalar) continue;
      if (const Schema* sub = s.property(k.text)) collect_paths(*sub, *e.value, out, depth + 1);
    }
  } else if (n.kind == NodeKind::kSeq && s.items) {
    for (const Node* item : n.items) collect_paths(*s.items, *item, out, depth + 1);
  }
}

}  // namespace

std::vector<Violation> validate(const SchemaFile& file, const Node& root,
                                const ValidateOptions& options) {
  Validator v(file, options);
  v.run(root);
  return v.take();
}

std::vector<Violation> shape_violations(const SchemaFile& file, const Node& root) {
  std::vector<Violation> all = validate(file, root, ValidateOptions{});
  all.erase(std::remove_if(all.begin(), all.end(), [](const Violation& v) { return v.advisory; }),
            all.end());
  return all;
}

bool applies_to(const SchemaFile& file, std::string_view pointer, std::string_view compute_type) {
  const Schema* s = &file.root();
  std::size_t start = 1;
  while (s && start <= pointer.size()) {
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    s = s->resolved().property(pointer.substr(start, end - start));
    start = end + 1;
  }
  if (!s) return true;
  const auto& targets = s->resolved().targets;
  return targets.empty() ||
         std::find(targets.begin(), targets.end(), to_lower(compute_type)) != targets.end();
}

std::vector<PathValue> local_paths(const SchemaFile& file, const Node& root) {
  std::vector<PathValue> out;
  collect_paths(file.root(), root, out, 0);
  return out;
}

}  // namespace amlint::schema
