#include "policy/baseline.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <tuple>

#include "core/errors.h"
#include "core/fingerprint.h"
#include "manifest/loader.h"
#include "util/files.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint {
namespace {

constexpr int kVersion = 1;
constexpr std::string_view kWriteHint = "; write it with `amlint baseline`";

std::string at(const SourceFile& file, const Node* node) {
  const Pos pos = file.position(node ? node->range.begin : 0);
  return format_position(file.path(), pos) + ": ";
}

// One entry as the file lists it.
struct Row {
  std::string path, rule, pointer, fingerprint, message;
};

Row row_of(const Finding& f) {
  return Row{repository_path(*f.location.file), std::string(f.rule->id), f.location.doc_path,
             fingerprint(f), f.message};
}

std::string render_rows(std::vector<Row>& rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.path, a.rule, a.pointer, a.fingerprint, a.message) <
           std::tie(b.path, b.rule, b.pointer, b.fingerprint, b.message);
  });
  std::ostringstream out;
  JsonWriter json(out);
  json.begin_object();
  json.key("version").number(kVersion);
  json.key("entries").begin_array();
  for (const Row& r : rows) {
    json.begin_object();
    json.key("fingerprint").string(r.fingerprint);
    json.key("rule").string(r.rule);
    json.key("path").string(r.path);
    json.key("pointer").string(r.pointer);
    json.key("message").string(r.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
  return out.str();
}

}  // namespace

std::unique_ptr<Baseline> Baseline::load(const std::string& path) {
  auto baseline = std::make_unique<Baseline>();
  baseline->file_ = read_required_file("baseline", path, Limits{}.max_file_bytes);
  const SourceFile& file = *baseline->file_;
  const LoadResult loaded = load_source(file, Syntax::kJson, Limits{});
  if (!loaded.problems.empty()) {
    const Pos pos = file.position(loaded.problems.front().range.begin);
    throw UsageError("invalid baseline " + format_position(path, pos) + ": " +
                     loaded.problems.front().message);
  }
  const Node* root = loaded.documents.empty() ? nullptr : loaded.documents[0]->root();
  const std::string hint(kWriteHint);
  if (!root || !root->is_map() || !root->get("entries") || !root->get("entries")->is_seq()) {
    throw UsageError("invalid baseline " + at(file, root) +
                     "expected {\"version\": 1, \"entries\": [...]}" + hint);
  }
  const Node* version = root->get("version");
  if (!version || version->resolved().text != std::to_string(kVersion)) {
    throw UsageError("invalid baseline " + at(file, version ? version : root) +
                     "this amlint reads version " + std::to_string(kVersion) + hint);
  }
  for (const Node* item : root->get("entries")->resolved().items) {
    const Node* fp = item->is_map() ? item->get("fingerprint") : nullptr;
    if (!fp || !fp->is_scalar() || fp->resolved().text.empty()) {
      throw UsageError("invalid baseline " + at(file, item) + "an entry without a fingerprint" +
                       hint);
    }
    auto text = [&](const char* key) {
      const Node* n = item->get(key);
      return n && n->is_scalar() ? n->resolved().text : std::string();
    };
    baseline->entries_.push_back(BaselineEntry{fp->resolved().text, text("rule"), text("path"),
                                               text("pointer"), text("message"), item->range,
                                               false});
  }
  return baseline;
}

std::unique_ptr<Baseline> Baseline::load_previous(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return nullptr;
  try {
    return load(path);
  } catch (const UsageError& e) {
    // Its entries would be kept: say how to write it anew instead.
    std::string message = e.what();
    if (ends_with(message, kWriteHint)) message.resize(message.size() - kWriteHint.size());
    throw UsageError(message + "; `amlint baseline --replace` writes it anew from this run alone");
  }
}

std::string Baseline::render(const Findings& findings) {
  std::vector<const Finding*> all;
  all.reserve(findings.size());
  for (const Finding& f : findings) all.push_back(&f);
  return render(all, {});
}

std::string Baseline::render(const std::vector<const Finding*>& findings,
                             const std::vector<BaselineEntry>& kept) {
  std::vector<Row> rows;
  rows.reserve(findings.size() + kept.size());
  for (const Finding* f : findings) rows.push_back(row_of(*f));
  for (const BaselineEntry& e : kept)
    rows.push_back(Row{e.path, e.rule, e.pointer, e.fingerprint, e.message});
  return render_rows(rows);
}

}  // namespace amlint
