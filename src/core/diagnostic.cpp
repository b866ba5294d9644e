#include "core/diagnostic.h"

namespace amlint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

Pos Location::end() const {
  Pos b = begin();
  Pos e = file->position(range.end);
  if (!(b < e)) e = Pos{b.line, b.column + 1};
  return e;
}

}  // namespace amlint
