#include "capability/vm_sizes.h"

#include <algorithm>

#include "manifest/loader.h"
#include "manifest/scalar.h"
#include "util/text.h"

namespace amlint {

class VmSizeReader : public TypedReader {
 public:
  using TypedReader::TypedReader;

  std::unique_ptr<VmSizeTable> read(const Node* root, const schema::SchemaFile* shape) {
    if (!conforms(shape, root)) return nullptr;
    auto table = std::make_unique<VmSizeTable>();
    table_ = table.get();
    if (!expect_map(root, "the VM size table")) return nullptr;
    table->sources_ = read_sources(root->get("sources"));
    for (Source& s : read_sources(required(*root, "families"))) {
      if (s.url.empty())
        error(root->get("families"), "family " + s.id + " needs the url of its size page");
      table->families_[s.id] = std::move(s);
    }
    if (const Node* sizes = required(*root, "sizes"); sizes && expect_map(sizes, "sizes")) {
      for (const MapEntry& e : sizes->resolved().entries) read_size(*e.key, *e.value);
    }
    for (const auto& [name, source] : table->families_) {
      std::size_t count = 0;
      for (const auto& [key, size] : table->sizes_) count += size.family == name;
      table->records_.push_back(FactRecord{"vm_sizes." + name,
                                           std::to_string(count) + " sizes (vCPUs, memory, GPUs)",
                                           Citation{"", name, ""}});
    }
    if (const Node* retired = required(*root, "retired_families")) {
      if (!retired->is_seq()) error(retired, "retired_families must be a list");
      for (const Node* item : retired->resolved().items) read_family(*item);
    }
    if (!ok()) return nullptr;
    return table;
  }

 private:
  // A GPU count: a number, or a fraction of one GPU written "1/6".
  std::optional<double> gpus(const Node* node, const std::string& what) {
    if (const auto n = as_number(node); n && *n >= 0) return n;
    const auto t = as_text(node);
    static const Regex kFraction("([0-9]+)/([1-9][0-9]*)");
    if (t && kFraction.full_match(*t)) {
      const std::size_t slash = t->find('/');
      return std::stod(std::string(t->substr(0, slash))) /
             std::stod(std::string(t->substr(slash + 1)));
    }
    error(node, what + " must be a number of GPUs, or a fraction such as 1/6");
    return std::nullopt;
  }

  void read_size(const Node& key, const Node& value) {
    VmSize size;
    size.name = key.resolved().text;
    const std::string w = "sizes." + size.name;
    if (!expect_map(&value, w)) return;
    size.vcpus = number(required(value, "vcpus"), w + ".vcpus").value_or(0);
    const Node* memory = required(value, "memory_gb");
    if (memory && memory->is_null()) {
      if (!value.get("note")) error(memory, w + ": a size whose memory is unknown needs a note");
    } else {
      size.memory_gb = number(memory, w + ".memory_gb").value_or(0);
    }
    size.gpus = gpus(required(value, "gpus"), w + ".gpus").value_or(0);
    if (const Node* g = value.get("gpu")) size.gpu = text(g, w + ".gpu").value_or("");
    const Node* family = required(value, "family");
    size.family = text(family, w + ".family").value_or("");
    if (family && !size.family.empty() && !table_->families_.count(size.family))
      error(family, w + ": family '" + size.family + "' is not under 'families' (its size page)");
    table_->sizes_[to_lower(size.name)] = size;
  }

  void read_family(const Node& item) {
    const std::string w = "retired_families item";
    if (!expect_map(&item, w)) return;
    RetiredFamily f;
    f.name = text(required(item, "name"), w + ".name").value_or("");
    const Node* pattern = required(item, "pattern");
    f.pattern = Regex(text(pattern, w + ".pattern").value_or(""));
    if (pattern && !f.pattern.ok())
      error(pattern, "pattern is not valid RE2: " + f.pattern.error());
    f.retired = date(required(item, "retired"), w + ".retired").value_or("");
    if (const Node* i = item.get("instead")) f.instead = text(i, w + ".instead").value_or("");
    if (const Node* n = item.get("note")) f.note = text(n, w + ".note").value_or("");
    if (const Node* s = item.get("successors"); s && expect_map(s, w + ".successors")) {
      for (const MapEntry& e : s->resolved().entries) {
        const std::string from = e.key->resolved().text;
        if (!f.pattern.full_match(from))
          error(e.key, from + " is not a size of the family " + f.name);
        f.successors[to_lower(from)] = text(e.value, w + ".successors").value_or("");
      }
    }
    f.cite = citation(item, w, {});
    std::string value = "retirement " + f.retired;
    if (!f.instead.empty()) value += "; instead: " + f.instead;
    const std::string id = f.name.substr(0, f.name.find(' '));  // "NC", "Dv2/DSv2"
    table_->records_.push_back(FactRecord{"retired." + id, value, f.cite});
    table_->retired_.push_back(std::move(f));
  }

  VmSizeTable* table_ = nullptr;
};

std::unique_ptr<VmSizeTable> VmSizeTable::parse(const SourceFile& source,
                                                std::vector<TableError>& errors,
                                                const schema::SchemaFile* shape, Syntax syntax) {
  const LoadResult loaded = load_source(source, syntax, Limits{});
  for (const Problem& p : loaded.problems)
    errors.push_back(TableError{source.path(), source.position(p.range.begin), p.message});
  if (!errors.empty() || loaded.documents.size() != 1) {
    if (errors.empty())
      errors.push_back(TableError{source.path(), Pos{}, "the VM size table is one YAML document"});
    return nullptr;
  }
  return VmSizeReader(source, errors).read(loaded.documents[0]->root(), shape);
}

const VmSize* VmSizeTable::find(std::string_view name) const {
  const auto it = sizes_.find(to_lower(trim(name)));
  return it == sizes_.end() ? nullptr : &it->second;
}

const RetiredFamily* VmSizeTable::retired_family(std::string_view name) const {
  for (const RetiredFamily& f : retired_) {
    if (f.pattern.full_match(trim(name))) return &f;
  }
  return nullptr;
}

const Source* VmSizeTable::source(std::string_view id) const {
  for (const Source& s : sources_) {
    if (s.id == id) return &s;
  }
  const auto it = families_.find(std::string(id));
  return it == families_.end() ? nullptr : &it->second;
}

std::string RetiredFamily::successor_of(std::string_view size) const {
  const auto it = successors.find(to_lower(trim(size)));
  return it == successors.end() ? "" : it->second;
}

}  // namespace amlint
