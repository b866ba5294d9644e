#include "core/source.h"

#include <algorithm>

namespace amlint {

SourceFile::SourceFile(std::string display_path, std::string fs_path, std::string bytes)
    : display_path_(std::move(display_path)), fs_path_(std::move(fs_path)), bytes_(std::move(bytes)) {
  line_starts_.push_back(0);
  const std::size_t n = bytes_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = bytes_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && bytes_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

Pos SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  Pos pos;
  pos.line = static_cast<int>(line_index) + 1;
  pos.column = 1 + count_code_points(std::string_view(bytes_).substr(start, offset - start));
  return pos;
}

std::string_view SourceFile::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  const auto index = static_cast<std::size_t>(line - 1);
  const std::size_t start = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : bytes_.size();
  std::string_view text(bytes_);
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return text.substr(start, end - start);
}

int count_code_points(std::string_view bytes) {
  int count = 0;
  for (const char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

void SourceFile::redact(ByteRange range) {
  const std::size_t end = std::min(range.end, bytes_.size());
  for (std::size_t i = range.begin; i < end; ++i) {
    if (bytes_[i] != '\n' && bytes_[i] != '\r') bytes_[i] = '*';
  }
}

}  // namespace amlint
