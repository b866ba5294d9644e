// A file's bytes plus a line index, so that byte offsets become 1-based
// line:column positions (columns count Unicode code points, tabs count as 1,
// a byte order mark counts as none).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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

// "PATH:LINE:COLUMN": how every message names a position.
std::string format_position(std::string_view path, Pos pos);

class SourceFile {
 public:
  // `display_path` is what diagnostics print; `fs_path` is where it lives on
  // disk, or would live for a text given in memory (an editor's buffer,
  // standard input with --stdin-filename); empty for a text from nowhere
  // (standard input without a name).
  SourceFile(std::string display_path, std::string fs_path, std::string bytes);

  const std::string& path() const { return display_path_; }
  const std::string& fs_path() const { return fs_path_; }
  // False for a text from nowhere: it has no folder, config place or siblings.
  bool has_path() const { return !fs_path_.empty(); }
  // The bytes; empty after keep_lines() until restore_text().
  std::string_view text() const { return bytes_; }
  std::size_t size() const { return size_; }

  // Line breaks are \n, \r\n and a lone \r (as YAML has them).
  int line_count() const { return line_count_; }
  Pos position(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line(int line) const;

  // Masks the bytes of `range` with '*', keeping line breaks, so that no
  // snippet can show them; offsets and lines stay where they were. After
  // keep_lines() it masks what the kept lines hold of `range`.
  void redact(ByteRange range);

  // The bytes of `range`: from the text, or after keep_lines() from the kept
  // lines when they cover it (else empty).
  std::string_view slice(ByteRange range) const;

  // For runs over many files: drops the text but for every line that one of
  // `spans` touches (a point is a span whose begin is its end), the first
  // line and the lines kept before, which go on answering position(),
  // line() and slice(). Other offsets then give line 0 and other lines an
  // empty view. Does nothing without the text.
  void keep_lines(const std::vector<ByteRange>& spans);
  bool has_text() const { return bytes_.size() == size_; }
  // Gives the text back after keep_lines() (the file read again); false, and
  // nothing changes, when `bytes` are not the text that was dropped.
  bool restore_text(std::string bytes);

 private:
  struct KeptLine {
    std::uint32_t number;  // 1-based
    std::uint32_t start;   // offset in the file
    std::uint32_t length;  // bytes, line break included
    std::uint32_t at;      // offset in kept_
  };
  void index_lines();
  // The start of the line after the first line break at or after `offset`;
  // npos when there is none.
  std::size_t next_line_start(std::size_t offset) const;
  // The 0-based line holding `offset`, and where it starts (with the text).
  std::pair<int, std::size_t> line_at(std::size_t offset) const;
  const KeptLine* kept_line_at(std::size_t offset) const;

  std::string display_path_;
  std::string fs_path_;

  std::string bytes_;
  // The start of every kLineStride-th line (lines 1, 17, 33 ...): a position
  // is counted from the nearest one, so that a file of empty lines does not
  // cost eight bytes of index per byte. Empty when the text is dropped.
  static constexpr int kLineStride = 16;
  std::vector<std::size_t> checkpoints_;
  std::size_t size_ = 0;
  int line_count_ = 1;
  std::size_t checksum_ = 0;          // of the dropped text
  std::string kept_;                  // the kept lines, one after another
  std::vector<KeptLine> kept_lines_;  // by start
};

// Number of code points in a UTF-8 byte sequence (continuation bytes skipped).
int count_code_points(std::string_view bytes);

// Reads a file the run cannot do without (a config, a baseline), named
// `what` in the UsageError thrown when it cannot be read or is over
// `max_bytes`.
std::unique_ptr<SourceFile> read_required_file(const std::string& what, const std::string& path,
                                               std::uint64_t max_bytes);

}  // namespace amlint
