#include "core/source.h"

#include <algorithm>

namespace amlint {

namespace {

bool is_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

SourceFile::SourceFile(std::string display_path, std::string fs_path, std::string bytes)
    : display_path_(std::move(display_path)), fs_path_(std::move(fs_path)), bytes_(std::move(bytes)) {
  checkpoints_.push_back(0);
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (!is_break(bytes_[i])) continue;
    if (bytes_[i] == '\r' && i + 1 < bytes_.size() && bytes_[i + 1] == '\n') ++i;
    if (line_count_ % kLineStride == 0) checkpoints_.push_back(i + 1);
    ++line_count_;
  }
}

std::size_t SourceFile::next_line_start(std::size_t offset) const {
  const std::size_t n = bytes_.size();
  while (offset < n && !is_break(bytes_[offset])) ++offset;
  if (offset == n) return std::string::npos;
  if (bytes_[offset] == '\r' && offset + 1 < n && bytes_[offset + 1] == '\n') return offset + 2;
  return offset + 1;
}

Pos SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset);
  const auto checkpoint = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
  std::size_t start = checkpoints_[checkpoint];
  Pos pos;
  pos.line = static_cast<int>(checkpoint) * kLineStride + 1;
  // Lines that end before `offset` (the \n of a \r\n it points at is still
  // part of its line).
  for (std::size_t next = next_line_start(start); next <= offset; next = next_line_start(start)) {
    start = next;
    ++pos.line;
  }
  // A UTF-8 byte order mark is no column: editors do not show it.
  if (start == 0 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = std::min<std::size_t>(3, offset);
  pos.column = 1 + count_code_points(std::string_view(bytes_).substr(start, offset - start));
  return pos;
}

std::string_view SourceFile::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = checkpoints_[static_cast<std::size_t>((line - 1) / kLineStride)];
  for (int k = (line - 1) % kLineStride; k > 0; --k) start = next_line_start(start);
  std::size_t end = start;
  while (end < bytes_.size() && !is_break(bytes_[end])) ++end;
  return std::string_view(bytes_).substr(start, end - start);
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
