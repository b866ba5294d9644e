// libFuzzer target: arbitrary bytes through the whole pipeline, as the
// command line runs it. The input becomes one to four files (see
// fuzz_input.h) in a directory of its own on /dev/shm; lint() reads them,
// builds the trees, detects the formats, pairs v1 configs and runs every
// rule; then every output format writes the report into memory.
//
// Besides crashes, hangs and sanitizer reports, it stops on what would be a
// bug in amlint without crashing it:
// - an internal error (an exception caught around a file or a manifest);
// - a finding that starts outside its file;
// - output that is not valid UTF-8 (the human format may quote a line of a
//   file that is not UTF-8 as it is; the other formats never do);
// - json, sarif and gitlab output that is not one strict JSON document;
// - junit and checkstyle output holding characters XML 1.0 forbids;
// - a concise report that is not one line per finding, and github or azure
//   output with a line that is not a command (an escaping bug).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_input.h"
#include "lint/linter.h"
#include "manifest/loader.h"
#include "report/reporter.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace amlint::fuzz {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& detail = "") {
  std::fprintf(stderr, "fuzz_pipeline: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

// The directory of one input, `run/`, holds its files, an empty `.git` (so
// that `prod/` is a path segment of its project) and kModel, an 11 GiB
// sparse file: a model that manifests can name (`path: model/model.pkl`) and
// that --model names. It lives for one input, so that neither an exit nor a
// crash leaves more than that input's files; the directories that crashed
// runs left behind go when the next run starts.
class Workspace {
 public:
  static constexpr std::string_view kModel = "model/model.pkl";

  Workspace() {
    static const bool swept = (remove_orphans(), true);
    (void)swept;
    std::string pattern = (root() / (kPrefix + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) fail("cannot create a directory under " + root().string());
    base_ = pattern;
    run_ = base_ / "run";
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // Writes the files of `input`; returns the paths to lint.
  std::vector<std::string> prepare(const FuzzInput& input) const {
    fs::remove_all(run_);
    fs::create_directories(run_ / ".git");
    fs::create_directories((run_ / kModel).parent_path());
    std::ofstream(run_ / kModel).close();
    fs::resize_file(run_ / kModel, std::uintmax_t{11} << 30U);
    std::vector<std::string> named;
    for (std::size_t i = 0; i < input.files.size(); ++i) {
      const FuzzFile& f = input.files[i];
      fs::path path = run_ / f.name;
      if (fs::exists(path)) path = run_ / ("d" + std::to_string(i)) / f.name;
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary)
          .write(f.content.data(), static_cast<std::streamsize>(f.content.size()));
      if (f.named) named.push_back(path.string());
    }
    if (named.empty()) named.push_back(run_.string());
    return named;
  }

  std::string model() const { return (run_ / kModel).string(); }

 private:
  static constexpr const char* kPrefix = "amlint-fuzz-";

  // /dev/shm: the files of every input are written and read in memory.
  static fs::path root() {
    const fs::path shm = "/dev/shm";
    std::error_code ec;
    return fs::is_directory(shm, ec) ? shm : fs::temp_directory_path();
  }

  // Removes the directories of fuzzing processes that are gone.
  static void remove_orphans() {
    std::error_code ec;
    for (fs::directory_iterator it(root(), ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.rfind(kPrefix, 0) != 0) continue;
      const std::string rest = name.substr(std::string_view(kPrefix).size());
      const long pid = std::strtol(rest.c_str(), nullptr, 10);
      if (pid <= 0 || rest.find('-') == std::string::npos) continue;            // not ours
      if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
      std::error_code remove_ec;
      fs::remove_all(it->path(), remove_ec);
    }
  }

  fs::path base_;
  fs::path run_;
};

void check_locations(const LintReport& report) {
  for (const Finding& f : report.findings) {
    const Location& l = f.location;
    // A range may end one byte past the text (a syntax error at its end):
    // positions are clamped to the text.
    if (l.range.begin > l.range.end || l.range.begin > l.file->size()) {
      fail("finding starts outside its file: " + std::string(f.rule->id) + " " + f.message,
           std::to_string(l.range.begin) + ".." + std::to_string(l.range.end) + " of " +
               std::to_string(l.file->size()));
    }
  }
}

void check_json(std::string_view format, const std::string& text) {
  const SourceFile source("report", "report", text);
  Limits limits;
  limits.max_file_bytes = SIZE_MAX;
  limits.max_line_bytes = SIZE_MAX;
  limits.max_nodes = SIZE_MAX;
  limits.max_expanded_nodes = UINT64_MAX;
  const LoadResult loaded = load_source(source, Syntax::kJson, limits);
  if (!loaded.problems.empty() || loaded.documents.size() != 1) {
    fail(std::string(format) + " output is not one strict JSON document" +
             (loaded.problems.empty() ? "" : ": " + loaded.problems.front().message),
         text);
  }
}

// SARIF carries every rule's documentation before its results: over 200 KB
// that is the same in every report. That part is checked once, in the report
// of an empty run; each document must start with it, and only the rest is
// parsed, inside the same nesting.
std::string sarif_results_as_document(const std::string& text) {
  static const std::string_view kResults = "\"results\": [";
  static const std::string kPrefix = [] {
    std::ostringstream out;
    write_sarif(out, LintReport{}, ReportOptions{});
    const std::string empty = out.str();
    check_json("sarif", empty);
    if (find_invalid_utf8(empty) != std::string::npos) {
      fail("sarif output is not valid UTF-8", empty);
    }
    return empty.substr(0, empty.find(kResults) + kResults.size());
  }();
  if (text.compare(0, kPrefix.size(), kPrefix) != 0) {
    fail("sarif output differs before its results", text);
  }
  return "{\"runs\": [{" + std::string(kResults) + text.substr(kPrefix.size());
}

void check_lines(std::string_view format, const std::string& text, std::string_view prefix) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (text.compare(start, prefix.size(), prefix) != 0 || end == std::string::npos) {
      fail(std::string(format) + " output has a line that is not a command", text);
    }
    start = end + 1;
  }
}

// Whether every line the report can quote is UTF-8 (a run keeps only some
// lines of each file: SourceFile::keep_lines).
bool all_utf8(const LintReport& report) {
  return std::all_of(report.files.begin(), report.files.end(), [](const SourceFile* f) {
    for (int n = 1; n <= f->line_count(); ++n) {
      if (find_invalid_utf8(f->line(n)) != std::string_view::npos) return false;
    }
    return true;
  });
}

void check_output(std::string_view format, const std::string& output, const LintReport& report) {
  const std::string text = format == "sarif" ? sarif_results_as_document(output) : output;
  const bool may_quote_bytes = format == "human" && !all_utf8(report);
  if (const std::size_t bad = find_invalid_utf8(text);
      bad != std::string::npos && !may_quote_bytes) {
    fail(std::string(format) + " output is not valid UTF-8 at byte " + std::to_string(bad), text);
  }
  if (format == "json" || format == "sarif" || format == "gitlab") check_json(format, text);
  if (format == "junit" || format == "checkstyle") {
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        fail(std::string(format) + " output holds a control character", text);
      }
    }
  }
  if (format == "concise" && static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) !=
                                 report.findings.size()) {
    fail("concise output is not one line per finding", text);
  }
  if (format == "github") check_lines(format, text, "::");
  if (format == "azure") check_lines(format, text, "##vso[");
}

}  // namespace
}  // namespace amlint::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace amlint;
  const fuzz::Workspace workspace;  // removed when this input is done
  const fuzz::FuzzInput input =
      fuzz::decode(std::string_view(reinterpret_cast<const char*>(data), size));
  if (input.files.empty()) return 0;

  LintOptions options;
  options.paths = workspace.prepare(input);
  if (input.with_model) options.model_path = workspace.model();
  options.today = "2026-11-26";
  const LintReport report = lint(options);
  if (!report.internal_errors.empty()) {
    fuzz::fail("internal error: " + report.internal_errors.front());
  }
  fuzz::check_locations(report);

  // Every format with the default options; then the options that change
  // a format: colour (human) and the fail level (azure).
  const ReportOptions defaults;
  for (const OutputFormat& format : output_formats()) {
    std::ostringstream out;
    format.write(out, report, defaults);
    fuzz::check_output(format.name, out.str(), report);
  }
  const std::pair<std::string_view, ReportOptions> variants[] = {
      {"human", {true, Severity::kError}},
      {"azure", {false, Severity::kInfo}},
      {"azure", {false, std::nullopt}}};
  for (const auto& [name, report_options] : variants) {
    std::ostringstream out;
    find_output_format(name)->write(out, report, report_options);
    fuzz::check_output(name, out.str(), report);
  }
  return 0;
}
