// The schemas built into the binary (schemas/*.schema.json), compiled on
// first use. Kept apart from the compiler so that the build tool, which
// validates rules/*.yaml before anything is embedded, can link the compiler
// and validator without the embedded files.
#include <map>
#include <mutex>
#include <stdexcept>

#include "schema/schema.h"
#include "util/embedded.h"

namespace amlint::schema {

const SchemaFile* builtin(std::string_view name) {
  static std::map<std::string, std::unique_ptr<SchemaFile>, std::less<>> cache;
  static std::mutex mutex;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  std::unique_ptr<SchemaFile> compiled;
  const std::string file = "schemas/" + std::string(name) + ".schema.json";
  if (const auto data = embedded_file(file)) {
    std::vector<CompileError> errors;
    compiled = compile(file, std::string(*data), errors);
    if (!compiled) {
      throw std::logic_error("built-in " + format_position(file, errors.front().pos) + ": " +
                             errors.front().message);
    }
  }
  return cache.emplace(std::string(name), std::move(compiled)).first->second.get();
}

}  // namespace amlint::schema
