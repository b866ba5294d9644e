// A file's bytes plus a line index, so that byte offsets become 1-based
// line:column positions (columns count Unicode code points, tabs count as 1,
// a byte order mark counts as none).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace amlint {

// A 1-based position. Columns count code points, not bytes.
struct Pos {
  int line = 1;
  int column = 1;
  friend bool operator==(const Pos& a, const Pos& b) {
    return a.line == b.line && a.column == b.column;
  }
  friend bool operator<(const Pos& a, const Pos& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  }
};

// A half-open byte range [begin, end) in a SourceFile.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class SourceFile {
 public:
  // `display_path` is what diagnostics print; `fs_path` is where it lives on
  // disk (empty for standard input).
  SourceFile(std::string display_path, std::string fs_path, std::string bytes);

  const std::string& path() const { return display_path_; }
  const std::string& fs_path() const { return fs_path_; }
  std::string_view text() const { return bytes_; }
  std::size_t size() const { return bytes_.size(); }

  // Line breaks are \n, \r\n and a lone \r (as YAML has them).
  int line_count() const { return line_count_; }
  Pos position(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line(int line) const;

  // Masks the bytes of `range` with '*', keeping line breaks, so that no
  // snippet can show them; offsets and lines stay where they were.
  void redact(ByteRange range);

 private:
  std::string display_path_;
  std::string fs_path_;
  // The start of the line after the first line break at or after `offset`;
  // npos when there is none.
  std::size_t next_line_start(std::size_t offset) const;

  std::string bytes_;
  // The start of every kLineStride-th line (lines 1, 17, 33 ...): a position
  // is counted from the nearest one, so that a file of empty lines does not
  // cost eight bytes of index per byte.
  static constexpr int kLineStride = 16;
  std::vector<std::size_t> checkpoints_;
  int line_count_ = 1;
};

// Number of code points in a UTF-8 byte sequence (continuation bytes skipped).
int count_code_points(std::string_view bytes);

}  // namespace amlint
