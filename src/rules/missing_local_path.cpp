// AML601: a local path in a manifest (model, code, scoring script, conda file,
// entryScript, sourceDirectory ...; marked x-amlint-path in the schemas) that
// does not exist relative to the manifest.
#include <algorithm>
#include <filesystem>

#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "schema/schema.h"
#include "util/regex.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML601", "missing-local-path", Severity::kWarning, "",
                         "a local path in a manifest that does not exist"};

// Values that are references or URIs (azureml:, runs:/, git+https://,
// wasbs:// ...), home-relative (~, which differs from machine to machine) or
// still templates are not local paths amlint can check. Templates: {{ x }},
// ${x}, $(x) (Azure Pipelines macros), $x (shell), #{x}# (replace tokens).
bool is_local(std::string_view v) {
  static const Regex kScheme("^[A-Za-z][A-Za-z0-9+.-]+:");  // 2+ letters: a drive (C:) is a path
  static const Regex kTemplate(R"(\{\{|\$[{(A-Za-z_]|#\{[^}]*\}#)");
  if (v.empty() || kTemplate.search(v)) return false;
  return !kScheme.search(v) && v.front() != '~';
}

// The value of a JSON pointer ("/code_configuration/code") from the root.
const Node* at_pointer(const Node* root, std::string_view pointer) {
  const Node* node = root;
  std::size_t start = 1;
  while (node && start <= pointer.size()) {
    std::size_t end = pointer.find('/', start);
    if (end == std::string_view::npos) end = pointer.size();
    node = node->get(pointer.substr(start, end - start));
    start = end + 1;
  }
  return node;
}

class MissingLocalPath final : public Check {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Manifest& m, const Context& /*ctx*/, Sink& out) const override {
    const std::string_view name = schema_name(m.format);
    if (name.empty() || !m.root() || m.file->fs_path() == "-") return;
    const schema::SchemaFile* file = schema::builtin(name);
    if (!file) return;
    for (const schema::PathValue& p : schema::local_paths(*file, *m.root())) {
      const std::string value(trim(p.node->resolved().text));
      if (!is_local(value)) continue;
      fs::path base = m.directory;
      std::string base_note;
      if (!p.spec.relative_to.empty()) {
        const auto dir = as_text(at_pointer(m.root(), p.spec.relative_to));
        if (dir && !is_local(*dir)) continue;  // relative to a URI: nothing local to check
        if (dir) {
          base /= std::string(*dir);
          base_note = " under " + std::string(*dir);
          std::error_code ec;
          if (!fs::is_directory(base, ec)) continue;  // the base is reported itself
        }
      }
      const fs::path target = base / value;
      std::error_code ec;
      const fs::file_status status = fs::status(target, ec);
      // "model.path: ./model", with the whole key path.
      const std::string shown = dotted(document_path(*p.node)) + ": " + value;
      if (!fs::exists(status)) {
        const char* what = p.spec.kind == "dir"    ? "the directory"
                           : p.spec.kind == "file" ? "the file"
                                                   : "it";
        out.report(kInfo, m, *p.node,
                   shown + " does not exist" + base_note +
                       " next to this manifest; fix the path or add " + what);
      } else if (p.spec.kind == "file" && fs::is_directory(status)) {
        out.report(kInfo, m, *p.node, shown + " is a directory, but a file is expected here");
      } else if (p.spec.kind == "dir" && !fs::is_directory(status)) {
        out.report(kInfo, m, *p.node, shown + " is a file, but a directory is expected here");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_missing_local_path() { return std::make_unique<MissingLocalPath>(); }

}  // namespace amlint
