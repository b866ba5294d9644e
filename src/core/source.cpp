#include "core/source.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "core/errors.h"
#include "util/files.h"

namespace amlint {

std::string format_position(std::string_view path, Pos pos) {
  return std::string(path) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

namespace {

bool is_break(char c) { return c == '\n' || c == '\r'; }

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Where the columns of a line that starts at `start` begin: a UTF-8 byte
// order mark is no column, since editors do not show it.
std::size_t first_column(std::string_view line, std::size_t start) {
  return start == 0 && line.substr(0, 3) == kByteOrderMark ? 3 : 0;
}

}  // namespace

SourceFile::SourceFile(std::string display_path, std::string fs_path, std::string bytes)
    : display_path_(std::move(display_path)),
      fs_path_(std::move(fs_path)),
      bytes_(std::move(bytes)) {
  // Kept lines hold 32-bit offsets (the loader refuses files far smaller).
  if (bytes_.size() > UINT32_MAX) throw std::length_error("'" + display_path_ + "' is over 4 GB");
  size_ = bytes_.size();
  index_lines();
}

void SourceFile::index_lines() {
  checkpoints_.clear();
  checkpoints_.push_back(0);
  line_count_ = 1;
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (!is_break(bytes_[i])) continue;
    if (bytes_[i] == '\r' && i + 1 < bytes_.size() && bytes_[i + 1] == '\n') ++i;
    if (line_count_ % kLineStride == 0) checkpoints_.push_back(i + 1);
    ++line_count_;
  }
  checkpoints_.shrink_to_fit();
}

std::size_t SourceFile::next_line_start(std::size_t offset) const {
  const std::size_t n = bytes_.size();
  while (offset < n && !is_break(bytes_[offset])) ++offset;
  if (offset == n) return std::string::npos;
  if (bytes_[offset] == '\r' && offset + 1 < n && bytes_[offset + 1] == '\n') return offset + 2;
  return offset + 1;
}

std::pair<int, std::size_t> SourceFile::line_at(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset);
  const auto checkpoint = static_cast<std::size_t>(it - checkpoints_.begin()) - 1;
  std::size_t start = checkpoints_[checkpoint];
  int index = static_cast<int>(checkpoint) * kLineStride;
  // Lines that end before `offset` (the \n of a \r\n it points at is still
  // part of its line).
  for (std::size_t next = next_line_start(start); next <= offset; next = next_line_start(start)) {
    start = next;
    ++index;
  }
  return {index, start};
}

Pos SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, size_);
  if (!has_text()) {
    const KeptLine* kept = kept_line_at(offset);
    if (!kept) return Pos{0, 0};
    const std::string_view line(kept_.data() + kept->at, kept->length);
    const std::size_t from = std::min(first_column(line, kept->start), offset - kept->start);
    return Pos{static_cast<int>(kept->number),
               1 + count_code_points(line.substr(from, offset - kept->start - from))};
  }
  const auto [index, start] = line_at(offset);
  const std::string_view line = std::string_view(bytes_).substr(start);
  const std::size_t from = std::min(first_column(line, start), offset - start);
  return Pos{index + 1, 1 + count_code_points(line.substr(from, offset - start - from))};
}

std::string_view SourceFile::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::string_view text;
  if (has_text()) {
    std::size_t start = checkpoints_[static_cast<std::size_t>((line - 1) / kLineStride)];
    for (int k = (line - 1) % kLineStride; k > 0; --k) start = next_line_start(start);
    text = std::string_view(bytes_).substr(start);
  } else {
    const auto it =
        std::lower_bound(kept_lines_.begin(), kept_lines_.end(), line,
                         [](const KeptLine& k, int n) { return static_cast<int>(k.number) < n; });
    if (it == kept_lines_.end() || static_cast<int>(it->number) != line) return {};
    text = std::string_view(kept_.data() + it->at, it->length);
  }
  std::size_t end = 0;
  while (end < text.size() && !is_break(text[end])) ++end;
  return text.substr(0, end);
}

const SourceFile::KeptLine* SourceFile::kept_line_at(std::size_t offset) const {
  auto it = std::upper_bound(kept_lines_.begin(), kept_lines_.end(), offset,
                             [](std::size_t o, const KeptLine& k) { return o < k.start; });
  if (it == kept_lines_.begin()) return nullptr;
  --it;
  // Within the line, or at the very end of the file on its last line.
  const std::size_t end = std::size_t{it->start} + it->length;
  return offset < end || (offset == end && end == size_) ? &*it : nullptr;
}

std::string_view SourceFile::slice(ByteRange range) const {
  const std::size_t begin = std::min(range.begin, size_);
  const std::size_t end = std::max(begin, std::min(range.end, size_));
  if (has_text()) return std::string_view(bytes_).substr(begin, end - begin);
  const KeptLine* first = kept_line_at(begin);
  const KeptLine* last = kept_line_at(end);
  // Kept lines that follow each other in the file follow each other in kept_.
  if (!first || !last || last->number - first->number != static_cast<std::uint32_t>(last - first)) {
    return {};
  }
  return std::string_view(kept_).substr(first->at + (begin - first->start), end - begin);
}

void SourceFile::keep_lines(const std::vector<ByteRange>& spans) {
  if (!has_text() || size_ == 0) return;                          // nothing to drop
  std::vector<bool> keep(static_cast<std::size_t>(line_count_));  // by 0-based line
  keep[0] = true;
  for (const KeptLine& k : kept_lines_) keep[k.number - 1] = true;
  for (const ByteRange& span : spans) {
    const int last = line_at(std::max(span.begin, span.end)).first;
    for (int line = line_at(span.begin).first; line <= last; ++line) {
      keep[static_cast<std::size_t>(line)] = true;
    }
  }
  std::string kept;
  std::vector<KeptLine> kept_lines;
  kept_lines.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true)));
  std::size_t start = 0;
  for (std::size_t index = 0; index < keep.size(); ++index) {
    const std::size_t next = next_line_start(start);
    const std::size_t end = next == std::string::npos ? size_ : next;
    if (keep[index]) {
      kept_lines.push_back(KeptLine{
          static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(start),
          static_cast<std::uint32_t>(end - start), static_cast<std::uint32_t>(kept.size())});
      kept.append(bytes_, start, end - start);
    }
    start = end;
  }
  kept_ = std::move(kept);
  kept_.shrink_to_fit();
  kept_lines_ = std::move(kept_lines);
  checksum_ = std::hash<std::string_view>{}(bytes_);
  std::string().swap(bytes_);  // assigning an empty string would keep the buffer
  std::vector<std::size_t>().swap(checkpoints_);
}

bool SourceFile::restore_text(std::string bytes) {
  if (has_text()) return bytes == bytes_;
  if (bytes.size() != size_ || std::hash<std::string_view>{}(bytes) != checksum_) return false;
  bytes_ = std::move(bytes);
  index_lines();
  return true;
}

void SourceFile::redact(ByteRange range) {
  const auto mask = [](char* bytes, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      if (!is_break(bytes[i])) bytes[i] = '*';
    }
  };
  const std::size_t end = std::min(range.end, size_);
  if (range.begin >= end) return;
  if (has_text()) {
    mask(bytes_.data() + range.begin, end - range.begin);
    return;
  }
  for (const KeptLine& k : kept_lines_) {
    const std::size_t from = std::max<std::size_t>(range.begin, k.start);
    const std::size_t to = std::min<std::size_t>(end, std::size_t{k.start} + k.length);
    if (from < to) mask(kept_.data() + k.at + (from - k.start), to - from);
  }
}

int count_code_points(std::string_view bytes) {
  int count = 0;
  for (const char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

std::unique_ptr<SourceFile> read_required_file(const std::string& what, const std::string& path,
                                               std::uint64_t max_bytes) {
  ReadResult read = read_file(path, max_bytes);
  if (read.error) throw UsageError("cannot read " + what + " " + path + ": it " + *read.error);
  if (read.oversize) throw UsageError(what + " " + path + " is too large");
  return std::make_unique<SourceFile>(path, path, std::move(read.bytes));
}

}  // namespace amlint
