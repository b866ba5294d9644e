// The tables built into the binary. People edit rules/*.yaml; the build
// validates each and embeds it as JSON (data/table_json.h), which is read
// here on first use: a one-file run pays only for the tables it consults.
#include <stdexcept>

#include "capability/table.h"
#include "capability/vm_sizes.h"
#include "schema/schema.h"
#include "util/embedded.h"

namespace amlint {
namespace {

// Reads the embedded form of rules/<stem>.yaml. The build has validated it,
// so a failure here is a bug in amlint.
SourceFile builtin_source(const std::string& stem) {
  const std::string name = stem + ".json";
  const auto data = embedded_file(name);
  if (!data) throw std::logic_error("rules/" + stem + ".yaml is not built into the binary");
  return SourceFile("rules/" + name, "", std::string(*data));
}

template <typename Table>
std::unique_ptr<Table> load_builtin(const std::string& stem) {
  const SourceFile source = builtin_source(stem);
  std::vector<TableError> errors;
  auto table = Table::parse(source, errors, nullptr, Syntax::kJson);
  if (!table) {
    const TableError& e = errors.front();
    throw std::logic_error("built-in " + format_position(e.file, e.pos) + ": " + e.message);
  }
  return table;
}

}  // namespace

const CapabilityTable& CapabilityTable::builtin() {
  static const std::unique_ptr<CapabilityTable> kTable =
      load_builtin<CapabilityTable>("compute-targets");
  return *kTable;
}

std::unique_ptr<CapabilityTable> CapabilityTable::merged_with(const Node& overrides,
                                                              const SourceFile& source,
                                                              std::vector<TableError>& errors) {
  return merged_with(builtin_source("compute-targets"), Syntax::kJson, overrides, source,
                     *schema::builtin("compute-targets"), errors);
}

const VmSizeTable& VmSizeTable::builtin() {
  static const std::unique_ptr<VmSizeTable> kTable = load_builtin<VmSizeTable>("vm-sizes");
  return *kTable;
}

}  // namespace amlint
