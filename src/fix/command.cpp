#include "fix/command.h"

#include <algorithm>
#include <ostream>
#include <set>

#include "fix/diff.h"
#include "util/atomic_file.h"
#include "util/files.h"

namespace amlint {
namespace {

// The files of `report` with a finding that has a fix `fix` applies.
std::vector<const SourceFile*> fixable_files(const LintReport& report, const FixOptions& fix) {
  std::set<const SourceFile*> seen;
  std::vector<const SourceFile*> out;
  for (const Finding& f : report.findings) {
    const bool any =
        std::any_of(f.fixes.begin(), f.fixes.end(), [&](const Fix& x) { return wanted(x, fix); });
    if (any && seen.insert(f.location.file).second) out.push_back(f.location.file);
  }
  return out;
}

}  // namespace

FixRun run_fixes(const LintOptions& options, const FixOptions& fix, FixMode mode, std::ostream& out,
                 std::ostream& err) {
  FixRun run;
  std::set<std::string> printed;  // texts in memory already written to `out`
  const LintReport report = lint(options);
  for (const SourceFile* file : fixable_files(report, fix)) {
    // The text as it is now: from the buffer it was handed over in, else
    // from disk (the run kept only the lines its findings show).
    std::string before;
    const auto buffer = std::find_if(options.buffers.begin(), options.buffers.end(),
                                     [&](const Buffer& b) { return b.path == file->fs_path(); });
    const bool in_memory = buffer != options.buffers.end() || !file->has_path();
    if (buffer != options.buffers.end()) {
      before = buffer->text;
    } else if (file->has_path()) {
      ReadResult read = read_file(file->fs_path(), options.limits.max_file_bytes);
      if (read.error || read.oversize) continue;
      before = std::move(read.bytes);
    } else {
      continue;
    }
    const FixOutcome outcome = fix_buffer(Buffer{file->fs_path(), before}, options, fix);
    for (const DroppedFix& d : outcome.dropped) {
      err << "amlint: " << format_position(file->path(), d.pos) << ": not fixed (" << d.rule << ", "
          << d.title << "): " << d.why << "\n";
    }
    if (in_memory) printed.insert(file->fs_path());
    if (outcome.text == before) {
      if (mode == FixMode::kWrite && in_memory) out << before;
      continue;
    }
    ++run.files_changed;
    run.fixes_applied += outcome.applied;
    if (mode == FixMode::kDiff) {
      out << unified_diff(file->path(), before, outcome.text);
    } else if (in_memory) {
      out << outcome.text;
    } else if (const auto error = write_file_atomically(file->fs_path(), outcome.text)) {
      run.errors.push_back(*error);
    }
  }
  // A text in memory with nothing to fix goes out as it came in.
  if (mode == FixMode::kWrite) {
    for (const Buffer& b : options.buffers) {
      if (!printed.count(b.path)) out << b.text;
    }
  }
  return run;
}

}  // namespace amlint
