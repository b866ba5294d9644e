#include "data/table_json.h"

#include <filesystem>

#include "capability/vm_sizes.h"
#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/json_writer.h"
#include "util/regex.h"

namespace amlint {
namespace {

class Converter {
 public:
  Converter(const SourceFile& source, std::vector<TableError>& errors)
      : source_(source), errors_(errors) {}

  void value(const Node& at) {
    const Node& n = at.resolved();
    if (n.has_tag) return error(at, "a tag in a data table; write the value without it");
    switch (n.kind) {
      case NodeKind::kNull:
      case NodeKind::kAlias:  // an alias to nothing: the loader has said so
        out_ += "null";
        return;
      case NodeKind::kScalar:
        return scalar(at, n);
      case NodeKind::kMap:
        return map(n);
      case NodeKind::kSeq:
        out_ += '[';
        for (std::size_t i = 0; i < n.items.size(); ++i) {
          if (i > 0) out_ += ',';
          value(*n.items[i]);
        }
        out_ += ']';
        return;
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void scalar(const Node& at, const Node& n) {
    static const Regex kJsonLiteral("true|false|-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    if (n.style != ScalarStyle::kPlain) {
      out_ += json_quote(n.text);
    } else if (kJsonLiteral.full_match(n.text)) {
      out_ += n.text;
    } else if (pyyaml_type(n) != YamlType::kString) {
      error(at, "'" + n.text + "' is " + std::string(yaml_type_name(pyyaml_type(n))) +
                    " that JSON cannot write as such; write true, false or a plain decimal number, "
                    "or quote it");
    } else {
      out_ += json_quote(n.text);
    }
  }

  void map(const Node& n) {
    out_ += '{';
    for (std::size_t i = 0; i < n.entries.size(); ++i) {
      const Node& key = n.entries[i].key->resolved();
      if (key.kind != NodeKind::kScalar)
        error(*n.entries[i].key, "a key in a data table must be a string");
      if (i > 0) out_ += ',';
      out_ += json_quote(key.text);
      out_ += ':';
      value(*n.entries[i].value);
    }
    out_ += '}';
  }

  void error(const Node& at, std::string message) {
    errors_.push_back(
        TableError{source_.path(), source_.position(at.range.begin), std::move(message)});
  }

  const SourceFile& source_;
  std::vector<TableError>& errors_;
  std::string out_;
};

}  // namespace

std::optional<std::string> table_to_json(const SourceFile& source, const Node& root,
                                         std::vector<TableError>& errors) {
  Converter converter(source, errors);
  const std::size_t before = errors.size();
  converter.value(root);
  if (errors.size() != before) return std::nullopt;
  return converter.take() + "\n";
}

std::optional<std::string> convert_table(const SourceFile& source, const schema::SchemaFile& shape,
                                         std::vector<TableError>& errors) {
  const std::string name = std::filesystem::path(source.path()).filename().string();
  const bool valid =
      name == "compute-targets.yaml" ? CapabilityTable::parse(source, errors, &shape) != nullptr
      : name == "vm-sizes.yaml"      ? VmSizeTable::parse(source, errors, &shape) != nullptr
                                     : false;
  if (!valid) {
    if (errors.empty()) {
      errors.push_back(
          TableError{source.path(), Pos{}, "no reader for a data table named '" + name + "'"});
    }
    return std::nullopt;
  }
  const LoadResult loaded = load_source(source, Syntax::kYaml, Limits{});
  return table_to_json(source, *loaded.documents.front()->root(), errors);
}

}  // namespace amlint
