// Build tool: amlint_table_tool IN.yaml SCHEMA.json OUT.json validates a data
// table of rules/ against its schema (schemas/<table>.schema.json) and with
// its reader, and writes it as JSON for the binary to embed (see
// data/table_json.h). Errors name IN:line:col (or SCHEMA:line:col), so a bad
// edit fails the build where it was made.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "data/table_json.h"
#include "schema/schema.h"

namespace {

std::optional<std::string> slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: amlint_table_tool IN.yaml SCHEMA.json OUT.json\n";
    return 2;
  }
  const auto table_text = slurp(argv[1]);
  const auto schema_text = slurp(argv[2]);
  for (int i : {1, 2}) {
    if (!(i == 1 ? table_text : schema_text)) {
      std::cerr << argv[i] << ": cannot read the file\n";
      return 1;
    }
  }
  std::vector<amlint::schema::CompileError> compile_errors;
  const auto shape = amlint::schema::compile(argv[2], *schema_text, compile_errors);
  if (!shape) {
    for (const auto& e : compile_errors)
      std::cerr << amlint::format_position(argv[2], e.pos) << ": " << e.message << "\n";
    return 1;
  }
  const amlint::SourceFile source(argv[1], argv[1], *table_text);
  std::vector<amlint::TableError> errors;
  const auto json = amlint::convert_table(source, *shape, errors);
  if (!json) {
    for (const amlint::TableError& e : errors)
      std::cerr << amlint::format_position(e.file, e.pos) << ": " << e.message << "\n";
    return 1;
  }
  std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
  out << *json;
  return out ? 0 : 1;
}
