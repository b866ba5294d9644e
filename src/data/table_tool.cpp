// Build tool: amlint_table_tool IN.yaml OUT.json validates a data table of
// rules/ and writes it as JSON for the binary to embed (see data/table_json.h).
// Errors name IN:line:col, so a bad edit fails the build where it was made.
#include <fstream>
#include <iostream>
#include <sstream>

#include "data/table_json.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: amlint_table_tool IN.yaml OUT.json\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": cannot read the file\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const amlint::SourceFile source(argv[1], argv[1], text.str());
  std::vector<amlint::TableError> errors;
  const auto json = amlint::convert_table(source, errors);
  if (!json) {
    for (const amlint::TableError& e : errors) {
      std::cerr << argv[1] << ":" << e.pos.line << ":" << e.pos.column << ": " << e.message << "\n";
    }
    return 1;
  }
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << *json;
  return out ? 0 : 1;
}
