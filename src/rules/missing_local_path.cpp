// AML601: a local path in a manifest (model, code, scoring script, conda file,
// entryScript, sourceDirectory ...; marked x-amlint-path in the schemas) that
// does not exist relative to the manifest.
#include <algorithm>
#include <filesystem>
#include <optional>

#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "schema/schema.h"
#include "util/regex.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

constexpr RuleInfo kInfo{"AML601",
                         "missing-local-path",
                         Severity::kWarning,
                         RuleFamily::kPath,
                         "",
                         "a local path in a manifest that does not exist"};

// Values that are references or URIs (azureml:, runs:/, git+https://,
// wasbs:// ...), home-relative (~, which differs from machine to machine) or
// still templates (manifest/placeholder.h) are not local paths amlint can
// check.
bool is_local(std::string_view v) {
  static const Regex kScheme("^[A-Za-z][A-Za-z0-9+.-]+:");  // 2+ letters: a drive (C:) is a path
  if (v.empty() || is_placeholder(v)) return false;
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

  void check(const Manifest& m, const Context& ctx, Sink& out) const override {
    const std::string_view name = schema_name(m.format);
    if (name.empty() || !m.root() || !m.file->has_path()) return;
    const schema::SchemaFile* file = schema::builtin(name);
    if (!file) return;
    // az ml v1 and the v1 SDK resolve a config's paths against the folder
    // they run in, which may be the config's or the project's; v2 paths are
    // relative to the manifest.
    std::vector<fs::path> roots = {fs::path(m.directory)};
    std::vector<std::string> elsewhere;  // how messages name roots[1...]
    if (is_v1(m.format) && ctx.run_directories) {
      for (const RunDirectory& d : *ctx.run_directories) {
        roots.emplace_back(d.path);
        elsewhere.push_back(d.label);
      }
    }
    for (const schema::PathValue& p : schema::local_paths(*file, *m.root())) {
      const std::string value(trim(p.node->resolved().text));
      if (!is_local(value)) continue;
      std::string base_note;
      std::optional<std::string_view> dir;
      if (!p.spec.relative_to.empty()) {
        const Node* base = at_pointer(m.root(), p.spec.relative_to);
        dir = as_text(base);
        // Relative to a URI or to a folder still to be filled in: nothing
        // local to check.
        if (dir && !is_local(*dir)) continue;
        if (dir) base_note = " under " + std::string(*dir);
      }
      bool based = false;  // the base folder exists under some root
      std::optional<fs::file_status> found;
      for (const fs::path& root : roots) {
        const fs::path base = dir ? root / std::string(*dir) : root;
        std::error_code ec;
        if (dir && !fs::is_directory(base, ec)) continue;
        based = true;
        const fs::file_status status = fs::status(base / value, ec);
        if (fs::exists(status)) {
          found = status;
          break;
        }
      }
      if (!based) continue;  // the base is reported itself
      // "model.path: ./model", with the whole key path.
      const std::string shown = dotted(document_path(*p.node)) + ": " + value;
      if (!found) {
        const char* what = p.spec.kind == "dir"    ? "the directory"
                           : p.spec.kind == "file" ? "the file"
                                                   : "it";
        const std::string where =
            roots.size() > 1 ? " next to this config, nor in " + join_or(elsewhere) +
                                   " (az ml v1 resolves it against the folder it runs in; "
                                   "set run-directories in .amlint.yaml if that is elsewhere)"
                             : " next to this manifest";
        out.report(kInfo, m, *p.node,
                   shown + " does not exist" + base_note + where + "; fix the path or add " + what);
      } else if (p.spec.kind == "file" && fs::is_directory(*found)) {
        out.report(kInfo, m, *p.node, shown + " is a directory, but a file is expected here");
      } else if (p.spec.kind == "dir" && !fs::is_directory(*found)) {
        out.report(kInfo, m, *p.node, shown + " is a file, but a directory is expected here");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_missing_local_path() { return std::make_unique<MissingLocalPath>(); }

}  // namespace amlint
