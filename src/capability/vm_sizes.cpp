#include "capability/vm_sizes.h"

#include <algorithm>

#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

class VmSizeReader {
 public:
  VmSizeReader(const SourceFile& source, std::vector<TableError>& errors)
      : source_(source), errors_(errors) {}

  std::unique_ptr<VmSizeTable> read(const Node* root) {
    auto table = std::make_unique<VmSizeTable>();
    if (!root || !root->is_map()) {
      error(root, "the VM size table must be a mapping");
      return nullptr;
    }
    for (const MapEntry& e : root->resolved().entries) {
      const std::string& k = e.key->resolved().text;
      if (k == "schema_version") {
        if (as_number(e.value) != 1.0) error(e.value, "schema_version must be 1");
      } else if (k == "sizes") {
        if (!e.value->is_map()) error(e.value, "sizes must be a mapping");
        for (const MapEntry& s : e.value->resolved().entries) read_size(*table, *s.key, *s.value);
      } else if (k == "managed_online_allowed") {
        table->managed_online_ = strings(*e.value, k);
      } else if (k == "managed_online_too_small") {
        table->too_small_ = strings(*e.value, k);
      } else if (k == "retired_families") {
        if (!e.value->is_seq()) error(e.value, "retired_families must be a list");
        for (const Node* item : e.value->resolved().items) {  // empty unless a list
          read_family(*table, *item);
        }
      } else {
        error(e.key, "unknown key '" + k + "' in the VM size table");
      }
    }
    if (!errors_.empty()) return nullptr;
    return table;
  }

 private:
  void error(const Node* at, std::string message) {
    errors_.push_back(
        TableError{source_.path(), source_.position(at ? at->range.begin : 0), std::move(message)});
  }

  std::vector<std::string> strings(const Node& n, const std::string& what) {
    std::vector<std::string> out;
    if (!n.is_seq()) {
      error(&n, what + " must be a list");
      return out;
    }
    for (const Node* item : n.resolved().items) {
      if (const auto t = as_text(item)) {
        out.emplace_back(*t);
      } else {
        error(item, what + " items must be strings");
      }
    }
    return out;
  }

  void read_size(VmSizeTable& table, const Node& key, const Node& value) {
    VmSize size;
    size.name = key.resolved().text;
    if (!value.is_map()) {
      error(&value, size.name + " must be a mapping");
      return;
    }
    for (const MapEntry& e : value.resolved().entries) {
      const std::string& k = e.key->resolved().text;
      const auto number = as_number(e.value);
      const auto text = as_text(e.value);
      if (k == "vcpus" && number) {
        size.vcpus = *number;
      } else if (k == "memory_gb" && number) {
        size.memory_gb = *number;
      } else if (k == "gpus" && number) {
        size.gpus = static_cast<int>(*number);
      } else if (k == "gpu" && text) {
        size.gpu = *text;
      } else if (k == "family" && text) {
        size.family = *text;
      } else if (k == "retired" && text) {
        size.retired = *text;
      } else if (k == "source" || k == "note") {
        // documentation
      } else {
        error(e.key, "unknown or mistyped key '" + k + "' for " + size.name);
      }
    }
    if (size.vcpus <= 0 || size.memory_gb <= 0)
      error(&key, size.name + " needs vcpus and memory_gb");
    table.sizes_[to_lower(size.name)] = size;
  }

  void read_family(VmSizeTable& table, const Node& item) {
    RetiredFamily f;
    if (!item.is_map()) {
      error(&item, "a retired family must be a mapping");
      return;
    }
    const auto text = [&](const char* key) {
      const auto t = as_text(item.get(key));
      return t ? std::string(*t) : std::string();
    };
    f.pattern = Regex(text("pattern"));
    if (!f.pattern.ok())
      error(item.get("pattern") ? item.get("pattern") : &item,
            "pattern is not valid RE2: " + f.pattern.error());
    f.name = text("name");
    f.retired = text("retired");
    f.instead = text("instead");
    f.source = text("source");
    if (f.name.empty() || f.retired.empty())
      error(&item, "a retired family needs name and retired");
    table.retired_.push_back(std::move(f));
  }

  const SourceFile& source_;
  std::vector<TableError>& errors_;
};

std::unique_ptr<VmSizeTable> VmSizeTable::parse(const SourceFile& source,
                                                std::vector<TableError>& errors, Syntax syntax) {
  const LoadResult loaded = load_source(source, syntax, Limits{});
  for (const Problem& p : loaded.problems)
    errors.push_back(TableError{source.path(), source.position(p.range.begin), p.message});
  if (!errors.empty() || loaded.documents.size() != 1) {
    if (errors.empty())
      errors.push_back(TableError{source.path(), Pos{}, "the VM size table is one YAML document"});
    return nullptr;
  }
  return VmSizeReader(source, errors).read(loaded.documents[0]->root());
}

const VmSize* VmSizeTable::find(std::string_view name) const {
  const auto it = sizes_.find(to_lower(trim(name)));
  return it == sizes_.end() ? nullptr : &it->second;
}

bool VmSizeTable::managed_online_allowed(std::string_view name) const {
  return std::any_of(managed_online_.begin(), managed_online_.end(),
                     [&](const std::string& s) { return iequals(s, trim(name)); });
}

bool VmSizeTable::managed_online_too_small(std::string_view name) const {
  return std::any_of(too_small_.begin(), too_small_.end(),
                     [&](const std::string& s) { return iequals(s, trim(name)); });
}

const RetiredFamily* VmSizeTable::retired_family(std::string_view name) const {
  for (const RetiredFamily& f : retired_) {
    if (f.pattern.full_match(trim(name))) return &f;
  }
  return nullptr;
}

}  // namespace amlint
