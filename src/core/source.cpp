#include "core/source.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace amlint {

SourceFile::SourceFile(std::string display_path, std::string fs_path, std::string bytes)
    : display_path_(std::move(display_path)),
      fs_path_(std::move(fs_path)),
      bytes_(std::move(bytes)) {
  if (bytes_.size() > UINT32_MAX) throw std::length_error("'" + display_path_ + "' is over 4 GB");
  size_ = bytes_.size();
  index_lines();
  line_count_ = static_cast<int>(line_starts_.size());
}

void SourceFile::index_lines() {
  line_starts_.clear();
  line_starts_.push_back(0);
  const std::size_t n = bytes_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = bytes_[i];
    if (c == '\n') {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && bytes_[i + 1] == '\n') ++i;
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  line_starts_.shrink_to_fit();
}

Pos SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, size_);
  if (!has_text()) {
    const KeptLine* kept = kept_line_at(offset);
    if (!kept) return Pos{0, 0};
    const std::string_view line(kept_.data() + kept->at, kept->length);
    return Pos{static_cast<int>(kept->number),
               1 + count_code_points(line.substr(0, offset - kept->start))};
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                             static_cast<std::uint32_t>(offset));
  const auto line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  const std::size_t start = line_starts_[line_index];
  Pos pos;
  pos.line = static_cast<int>(line_index) + 1;
  pos.column = 1 + count_code_points(std::string_view(bytes_).substr(start, offset - start));
  return pos;
}

std::string_view SourceFile::line(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::string_view text;
  if (has_text()) {
    const auto index = static_cast<std::size_t>(line - 1);
    const std::size_t start = line_starts_[index];
    const std::size_t end =
        index + 1 < line_starts_.size() ? line_starts_[index + 1] : bytes_.size();
    text = std::string_view(bytes_).substr(start, end - start);
  } else {
    const auto it =
        std::lower_bound(kept_lines_.begin(), kept_lines_.end(), line,
                         [](const KeptLine& k, int n) { return static_cast<int>(k.number) < n; });
    if (it == kept_lines_.end() || static_cast<int>(it->number) != line) return {};
    text = std::string_view(kept_.data() + it->at, it->length);
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
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
  if (!first || !last ||
      last->number - first->number != static_cast<std::uint32_t>(last - first)) {
    return {};
  }
  return std::string_view(kept_).substr(first->at + (begin - first->start), end - begin);
}

void SourceFile::keep_lines(const std::vector<ByteRange>& spans) {
  if (!has_text() || size_ == 0) return;  // nothing to drop
  const auto line_of = [&](std::size_t offset) {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                     static_cast<std::uint32_t>(std::min(offset, size_)));
    return static_cast<std::uint32_t>(it - line_starts_.begin()) - 1;
  };
  std::vector<bool> keep(line_starts_.size());  // by 0-based line
  keep[0] = true;
  for (const KeptLine& k : kept_lines_) keep[k.number - 1] = true;
  for (const ByteRange& span : spans) {
    const std::uint32_t last = line_of(std::max(span.begin, span.end));
    for (std::uint32_t line = line_of(span.begin); line <= last; ++line) keep[line] = true;
  }
  std::string kept;
  std::vector<KeptLine> kept_lines;
  kept_lines.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true)));
  for (std::uint32_t index = 0; index < keep.size(); ++index) {
    if (!keep[index]) continue;
    const std::uint32_t start = line_starts_[index];
    const std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] : size_;
    kept_lines.push_back(KeptLine{index + 1, start, static_cast<std::uint32_t>(end - start),
                                  static_cast<std::uint32_t>(kept.size())});
    kept.append(bytes_, start, end - start);
  }
  kept_ = std::move(kept);
  kept_.shrink_to_fit();
  kept_lines_ = std::move(kept_lines);
  checksum_ = std::hash<std::string_view>{}(bytes_);
  std::string().swap(bytes_);  // assigning an empty string would keep the buffer
  std::vector<std::uint32_t>().swap(line_starts_);
}

bool SourceFile::restore_text(std::string bytes) {
  if (has_text()) return bytes == bytes_;
  if (bytes.size() != size_ || std::hash<std::string_view>{}(bytes) != checksum_) return false;
  bytes_ = std::move(bytes);
  index_lines();
  return true;
}

int count_code_points(std::string_view bytes) {
  int count = 0;
  for (const char c : bytes) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

}  // namespace amlint
