#include "report/text.h"

#include <algorithm>
#include <string>

#include "util/text.h"

namespace amlint {
namespace {

struct Palette {
  bool on;
  const char* wrap(const char* code) const { return on ? code : ""; }
  const char* bold() const { return wrap("\x1b[1m"); }
  const char* reset() const { return wrap("\x1b[0m"); }
  const char* dim() const { return wrap("\x1b[2m"); }
  const char* blue() const { return wrap("\x1b[1;34m"); }
  const char* severity(Severity s) const {
    switch (s) {
      case Severity::kError:
        return wrap("\x1b[1;31m");
      case Severity::kWarning:
        return wrap("\x1b[1;33m");
      case Severity::kInfo:
        return wrap("\x1b[1;36m");
    }
    return "";
  }
};

std::string position(const Location& loc) {
  const Pos p = loc.begin();
  return format_position(visible_controls(loc.file->path()), p);
}

// The line as printed under the finding: tabs become one space and control
// characters a '?', so that the caret lines up with code-point columns.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (const char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      out.push_back(' ');
    } else if (u < 0x20 || u == 0x7F) {
      out.push_back('?');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void write_snippet(std::ostream& out, const Location& loc, Severity severity, const Palette& p) {
  const Pos begin = loc.begin();
  Pos end = loc.end();
  const std::string_view line = loc.file->line(begin.line);
  if (line.empty() && loc.file->size() == 0) return;
  const int last_column = count_code_points(line) + 1;
  if (end.line != begin.line || end.column > last_column) end = Pos{begin.line, last_column};
  const int width = std::max(1, end.column - begin.column);
  const std::string number = std::to_string(begin.line);
  const std::string gutter(number.size(), ' ');
  out << p.blue() << gutter << " |" << p.reset() << "\n";
  out << p.blue() << number << " |" << p.reset() << " " << printable(line) << "\n";
  out << p.blue() << gutter << " |" << p.reset() << " "
      << std::string(static_cast<std::size_t>(begin.column - 1), ' ') << p.severity(severity) << "^"
      << std::string(static_cast<std::size_t>(width - 1), '~') << p.reset() << "\n";
}

// Under the snippet, what each fix of the finding would do, in the
// snippet's gutter: `  = fix (safe): rename to 'environment_variables'`.
void write_fixes(std::ostream& out, const Finding& f, const Palette& p) {
  const std::string gutter(std::to_string(f.location.begin().line).size(), ' ');
  for (const Fix& fix : f.fixes) {
    out << p.blue() << gutter << " =" << p.reset() << " fix ("
        << applicability_name(fix.applicability) << "): " << visible_controls(fix.title) << "\n";
  }
}

// Whether `fix` changes anything, and `--fix` (safe) or only `--fix
// --unsafe-fixes` applies it.
bool fixable(const Fix& fix, Applicability applicability) {
  return !fix.edits.empty() && fix.applicability == applicability;
}

}  // namespace

std::string concise_line(const Finding& f) {
  return position(f.location) + ": " + std::string(severity_name(f.severity)) + ": " +
         visible_controls(f.message) + " [" + std::string(f.rule->id) + "]";
}

void write_concise(std::ostream& out, const LintReport& report) {
  for (const Finding& f : report.findings) out << concise_line(f) << "\n";
}

void write_human(std::ostream& out, const LintReport& report, bool color) {
  const Palette p{color};
  for (const Finding& f : report.findings) {
    out << p.bold() << position(f.location) << ":" << p.reset() << " " << p.severity(f.severity)
        << severity_name(f.severity) << ":" << p.reset() << " " << visible_controls(f.message)
        << " " << p.dim() << "[" << f.rule->id << "]" << p.reset() << "\n";
    write_snippet(out, f.location, f.severity, p);
    write_fixes(out, f, p);
    for (const Related& r : f.related) {
      out << p.bold() << position(r.location) << ":" << p.reset()
          << " note: " << visible_controls(r.message) << "\n";
    }
  }
}

void write_summary(std::ostream& err, const LintReport& report, bool color, FixesApplied applied) {
  const Palette p{color};
  const std::size_t files = report.files.size();
  const std::string checked = std::to_string(files) + (files == 1 ? " file" : " files");
  if (report.findings.empty()) {
    err << "amlint: no problems found in " << checked << "\n";
    return;
  }
  auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  err << "amlint: " << p.severity(Severity::kError)
      << plural(report.count(Severity::kError), "error") << p.reset() << ", "
      << p.severity(Severity::kWarning) << plural(report.count(Severity::kWarning), "warning")
      << p.reset() << ", " << report.count(Severity::kInfo) << " info in " << checked << "\n";
  // Findings a --fix run would correct, and those only --unsafe-fixes would.
  std::size_t safe = 0;
  std::size_t unsafe = 0;
  for (const Finding& f : report.findings) {
    const auto has = [&](Applicability a) {
      return std::any_of(f.fixes.begin(), f.fixes.end(),
                         [&](const Fix& fix) { return fixable(fix, a); });
    };
    if (has(Applicability::kSafe)) {
      ++safe;
    } else if (has(Applicability::kUnsafe)) {
      ++unsafe;
    }
  }
  // After --fix, the safe fixes left are those it refused (and said why).
  if (applied != FixesApplied::kNone) safe = 0;
  if (applied == FixesApplied::kAll) unsafe = 0;
  if (safe > 0) {
    err << "amlint: " << safe << " fixable with --fix";
    if (unsafe > 0) err << " (" << unsafe << " more with --fix --unsafe-fixes)";
    err << "\n";
  } else if (unsafe > 0) {
    err << "amlint: " << unsafe << " fixable with --fix --unsafe-fixes\n";
  }
}

}  // namespace amlint
