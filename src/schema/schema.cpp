#include "schema/schema.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint::schema {

const Schema& Schema::resolved() const {
  const Schema* s = this;
  for (int hops = 0; s->ref && hops < 32; ++hops) s = s->ref;
  return *s;
}

const Schema* Schema::property(std::string_view name) const {
  for (const auto& [key, value] : properties) {
    if (key == name) return value;
  }
  return nullptr;
}

// Strings that numeric-string patterns accept, to recognise such patterns.
constexpr const char* kNumbers[] = {"0", "1", "2", "10", "50", "100", "-1", "1.5"};

// Turns the JSON tree of a schema file into Schema objects, reporting what it
// does not understand (an unknown keyword would silently check nothing).
class Compiler {
 public:
  Compiler(SchemaFile& file, std::vector<CompileError>& errors) : file_(file), errors_(errors) {}

  bool run(const Node& root) {
    if (const Node* defs = root.get("$defs")) {
      if (!defs->is_map()) error(*defs, "$defs must be an object");
      for (const MapEntry& e : defs->resolved().entries) {
        defs_[e.key->resolved().text] = &file_.schemas_.emplace_back();
      }
      for (const MapEntry& e : defs->resolved().entries) {
        compile_into(*defs_[e.key->resolved().text], *e.value);
      }
    }
    Schema& top = file_.schemas_.emplace_back();
    compile_into(top, root);
    file_.root_ = &top;
    std::set<const Schema*> seen;
    index(top, "", seen);
    return errors_.empty();
  }

 private:
  void error(const Node& at, std::string message) {
    errors_.push_back(CompileError{file_.source_->position(at.range.begin), std::move(message)});
  }

  std::optional<double> number(const Node& n, const char* what) {
    const auto v = as_number(&n);
    if (!v || n.is_quoted()) error(n, std::string(what) + " must be a number");
    return v;
  }

  std::optional<std::size_t> count(const Node& n, const char* what) {
    const auto v = as_number(&n);
    if (!v || n.is_quoted() || *v < 0) {
      error(n, std::string(what) + " must be a non-negative integer");
      return std::nullopt;
    }
    return static_cast<std::size_t>(*v);
  }

  std::string text(const Node& n, const char* what) {
    const auto t = as_text(&n);
    if (!t || !n.is_quoted()) error(n, std::string(what) + " must be a string");
    return t ? std::string(*t) : std::string();
  }

  std::uint8_t type_bit(const Node& n) {
    static const std::pair<const char*, std::uint8_t> kTypes[] = {
        {"null", kNullBit},     {"boolean", kBooleanBit}, {"integer", kIntegerBit},
        {"number", kNumberBit}, {"string", kStringBit},   {"array", kArrayBit},
        {"object", kObjectBit}};
    for (const auto& [name, bit] : kTypes) {
      if (as_text(&n) == std::string_view(name)) return bit;
    }
    error(n, "unknown type " + quote(as_text(&n).value_or("?")));
    return 0;
  }

  Schema* sub(const Node& n) {
    Schema& s = file_.schemas_.emplace_back();
    compile_into(s, n);
    return &s;
  }

  void compile_into(Schema& s, const Node& node) {
    if (node.is_scalar() && as_bool(&node)) {  // `true` accepts anything, `false` nothing
      if (!*as_bool(&node)) s.types = 0;
      return;
    }
    if (!node.is_map()) {
      error(node, "a schema must be an object or a boolean");
      return;
    }
    for (const MapEntry& e : node.resolved().entries) {
      const std::string& k = e.key->resolved().text;
      const auto it = keywords().find(k);
      if (it == keywords().end()) {
        error(*e.key, "amlint's validator does not support the keyword " + quote(k));
      } else if (it->second) {
        it->second(*this, s, e.value->resolved());
      }
    }
  }

  // What each keyword does to the Schema it is compiled into; a null handler
  // is an annotation ($defs is compiled first, in run()).
  using Handler = void (*)(Compiler&, Schema&, const Node&);
  static const std::map<std::string_view, Handler>& keywords() {
    static const std::map<std::string_view, Handler> kTable = {
        {"type", [](Compiler& c, Schema& s, const Node& v) { c.types(s, v); }},
        {"properties", [](Compiler& c, Schema& s, const Node& v) { c.properties(s, v); }},
        {"additionalProperties",
         [](Compiler& c, Schema& s, const Node& v) {
           if (const auto b = as_bool(&v)) {
             s.additional_allowed = *b;
           } else {
             s.additional = c.sub(v);
           }
         }},
        {"patternProperties",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const MapEntry& p : v.entries) {
             Regex re(p.key->resolved().text);
             if (!re.ok()) c.error(*p.key, "pattern is not valid RE2: " + re.error());
             s.pattern_properties.emplace_back(std::move(re), c.sub(*p.value));
           }
         }},
        {"required",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const Node* r : v.items) s.required.push_back(c.text(*r, "required item"));
         }},
        {"enum",
         [](Compiler&, Schema& s, const Node& v) {
           for (const Node* item : v.items) s.enum_values.push_back(&item->resolved());
         }},
        {"const", [](Compiler&, Schema& s, const Node& v) { s.const_value = &v; }},
        {"pattern", [](Compiler& c, Schema& s, const Node& v) { c.pattern(s, v); }},
        {"minimum",
         [](Compiler& c, Schema& s, const Node& v) { s.minimum = c.number(v, "minimum"); }},
        {"maximum",
         [](Compiler& c, Schema& s, const Node& v) { s.maximum = c.number(v, "maximum"); }},
        {"exclusiveMinimum",
         [](Compiler& c, Schema& s, const Node& v) {
           s.exclusive_minimum = c.number(v, "exclusiveMinimum");
         }},
        {"exclusiveMaximum",
         [](Compiler& c, Schema& s, const Node& v) {
           s.exclusive_maximum = c.number(v, "exclusiveMaximum");
         }},
        {"minLength",
         [](Compiler& c, Schema& s, const Node& v) { s.min_length = c.count(v, "minLength"); }},
        {"maxLength",
         [](Compiler& c, Schema& s, const Node& v) { s.max_length = c.count(v, "maxLength"); }},
        {"minItems",
         [](Compiler& c, Schema& s, const Node& v) { s.min_items = c.count(v, "minItems"); }},
        {"maxItems",
         [](Compiler& c, Schema& s, const Node& v) { s.max_items = c.count(v, "maxItems"); }},
        {"items", [](Compiler& c, Schema& s, const Node& v) { s.items = c.sub(v); }},
        {"anyOf",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const Node* branch : v.items) s.any_of.push_back(c.sub(*branch));
         }},
        {"$ref", [](Compiler& c, Schema& s, const Node& v) { c.ref(s, v); }},
        {"description",
         [](Compiler& c, Schema& s, const Node& v) { s.description = c.text(v, "description"); }},
        {"deprecated",
         [](Compiler&, Schema& s, const Node& v) { s.deprecated = as_bool(&v).value_or(false); }},
        {"x-amlint-case-insensitive",
         [](Compiler&, Schema& s, const Node& v) {
           s.case_insensitive = as_bool(&v).value_or(false);
         }},
        {"x-amlint-casing",
         [](Compiler& c, Schema& s, const Node& v) {
           if (c.text(v, "x-amlint-casing") != "camel_to_snake") {
             c.error(v, "x-amlint-casing must be camel_to_snake");
           }
           s.camel_to_snake = true;
         }},
        {"x-amlint-severity",
         [](Compiler& c, Schema& s, const Node& v) {
           if (c.text(v, "x-amlint-severity") != "warning") {
             c.error(v, "x-amlint-severity must be warning");
           }
           s.warning = true;
         }},
        {"x-amlint-open",
         [](Compiler&, Schema& s, const Node& v) { s.open_list = as_bool(&v).value_or(false); }},
        {"x-amlint-advisory-required",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const Node* t : v.items) {
             s.advisory_required.push_back(c.text(*t, "x-amlint-advisory-required item"));
           }
         }},
        {"x-amlint-targets",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const Node* t : v.items) {
             s.targets.push_back(to_lower(c.text(*t, "x-amlint-targets item")));
           }
         }},
        {"x-amlint-misplaced",
         [](Compiler& c, Schema& s, const Node& v) {
           for (const MapEntry& m : v.entries) {
             s.misplaced[m.key->resolved().text] = c.text(*m.value, "x-amlint-misplaced value");
           }
         }},
        {"x-amlint-rule",
         [](Compiler& c, Schema& s, const Node& v) { s.rule = c.text(v, "x-amlint-rule"); }},
        {"x-amlint-message",
         [](Compiler& c, Schema& s, const Node& v) { s.message = c.text(v, "x-amlint-message"); }},
        {"x-amlint-hint",
         [](Compiler& c, Schema& s, const Node& v) { s.hint = c.text(v, "x-amlint-hint"); }},
        {"x-amlint-path", [](Compiler& c, Schema& s, const Node& v) { c.path(s, v); }},
        {"$schema", nullptr},
        {"$id", nullptr},
        {"$defs", nullptr},
        {"title", nullptr},
        {"default", nullptr},
        {"examples", nullptr},
        {"$comment", nullptr},
    };
    return kTable;
  }

  void types(Schema& s, const Node& v) {
    s.types = 0;
    if (v.kind == NodeKind::kSeq) {
      for (const Node* t : v.items) s.types |= type_bit(*t);
    } else {
      s.types = type_bit(v);
    }
    if (s.types & kNumberBit) s.types |= kIntegerBit;
  }

  void properties(Schema& s, const Node& v) {
    if (!v.is_map()) error(v, "properties must be an object");
    for (const MapEntry& p : v.entries) {
      const std::string& name = p.key->resolved().text;
      s.properties.emplace_back(name, sub(*p.value));
      s.property_names.push_back(name);
      s.folded_names.push_back(fold_identifier(name));
      s.name_words.push_back(identifier_words(name));
    }
  }

  void pattern(Schema& s, const Node& v) {
    s.pattern.emplace(text(v, "pattern"));
    if (!s.pattern->ok()) error(v, "pattern is not valid RE2: " + s.pattern->error());
    const bool digits = std::any_of(std::begin(kNumbers), std::end(kNumbers),
                                    [&](const char* n) { return s.pattern->search(n); });
    s.numeric_string = digits && !s.pattern->search("x") && !s.pattern->search("");
  }

  void ref(Schema& s, const Node& v) {
    const std::string ref = text(v, "$ref");
    const std::string prefix = "#/$defs/";
    const auto it = starts_with(ref, prefix) ? defs_.find(ref.substr(prefix.size())) : defs_.end();
    if (it == defs_.end()) {
      error(v, "$ref must name an entry of this file's $defs: " + quote(ref));
    } else {
      s.ref = it->second;
    }
  }

  void path(Schema& s, const Node& v) {
    PathSpec spec;
    if (const Node* kind = v.get("kind")) spec.kind = text(*kind, "x-amlint-path.kind");
    if (const Node* rel = v.get("relative_to")) {
      spec.relative_to = text(*rel, "x-amlint-path.relative_to");
    }
    if (spec.kind != "file" && spec.kind != "dir" && spec.kind != "any") {
      error(v, "x-amlint-path.kind must be file, dir or any");
    }
    s.path = spec;
  }

  // Records where each property name is defined, as the instance pointer of
  // its object ("" for the document root).
  void index(const Schema& schema, const std::string& at, std::set<const Schema*>& seen) {
    const Schema& s = schema.resolved();
    if (!seen.insert(&s).second) return;
    for (const auto& [name, child] : s.properties) {
      file_.index_.emplace(fold_identifier(name), std::make_pair(name, at));
      index(*child, at + "/" + name, seen);
    }
    if (s.items) index(*s.items, at + "/0", seen);
    for (const Schema* branch : s.any_of) index(*branch, at, seen);
    if (s.additional) index(*s.additional, at + "/*", seen);
  }

  SchemaFile& file_;
  std::vector<CompileError>& errors_;
  std::map<std::string, Schema*> defs_;
};

std::vector<std::string> identifier_words(std::string_view id) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.size() > 3 && (cur.back() == 's' || cur.back() == 'd')) cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (c == '_' || c == '-' || c == '.' || c == ' ') {
      flush();
      continue;
    }
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && !cur.empty() && !(id[i - 1] >= 'A' && id[i - 1] <= 'Z')) flush();
    cur.push_back(ascii_lower(c));
  }
  flush();
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<SchemaFile> compile(const std::string& name, std::string text,
                                    std::vector<CompileError>& errors) {
  auto file = std::make_unique<SchemaFile>();
  file->name_ = name;
  file->source_ = std::make_unique<SourceFile>(name, "", std::move(text));
  LoadResult loaded = load_source(*file->source_, Syntax::kJson, Limits{});
  for (const Problem& p : loaded.problems) {
    errors.push_back(CompileError{file->source_->position(p.range.begin), p.message});
  }
  if (!errors.empty()) return nullptr;
  if (loaded.documents.size() != 1) {
    errors.push_back(CompileError{Pos{}, "a schema file holds one JSON document"});
    return nullptr;
  }
  file->documents_ = std::move(loaded.documents);
  Compiler compiler(*file, errors);
  if (!compiler.run(*file->documents_.front()->root())) return nullptr;
  return file;
}

}  // namespace amlint::schema
