// Internal to capability/: reads the tree of rules/compute-targets.yaml (or a
// table merged with a config's overrides) into a CapabilityTable, recording
// every value with its citation for `amlint facts`.
#pragma once

#include <memory>
#include <unordered_set>
#include <vector>

#include "capability/table.h"
#include "capability/typed_reader.h"

namespace amlint {

class TableReader : public TypedReader {
 public:
  using TypedReader::TypedReader;
  // `shape`: schemas/compute-targets.schema.json; null for the built-in table.
  std::unique_ptr<CapabilityTable> read(const Node* root, const schema::SchemaFile* shape);

 private:
  void read_facts(const Node& node);
  Target read_target(const std::string& id, const Node* node);
  std::optional<Flag> flag(const Node& target, const char* key, const std::string& where);
  std::optional<Text> text_value(const Node& target, const char* key, const std::string& where);
  std::optional<Limit> limit(const Node& target, const char* key, const std::string& where);
  std::map<std::string, Bound> limits(const Node* node, const std::string& where);
  std::optional<ContainerGroup> container_group(const Node& target, const std::string& where);
  std::optional<InstanceTypes> instance_types(const Node& target, const std::string& where);
  Capacity capacity(const Node* node, const std::string& where);
  Pattern pattern(const Node& map, const char* key);
  std::vector<std::string> word_list(const Node& map, const char* key, bool required_key);
  Detection read_detection(const Node* node);
  void read_lifecycle(const Node* node);
  void read_sizing(const Node* node);
  Citation cite(const Node& map, const std::string& where) {
    return citation(map, where, fact_ids_);
  }
  void record(std::string id, std::string value, const Citation& c) {
    table_->records_.push_back(FactRecord{std::move(id), std::move(value), c});
  }

  CapabilityTable* table_ = nullptr;
  std::vector<std::string> fact_ids_;
};

}  // namespace amlint
