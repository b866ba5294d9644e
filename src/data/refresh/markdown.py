"""A markdown page as the refresh reads it: lines, front matter and ms.date,
headings and sections, pipe tables, and the markup inside table cells.

Knows nothing of either Microsoft Learn page in particular.
"""

import datetime
import re
from dataclasses import dataclass, field

from .inputs import InputError, read_text


# --------------------------------------------------------------------------
# The page and its front matter
# --------------------------------------------------------------------------

@dataclass
class Page:
    """A markdown page as lines without their line endings (CRLF or LF)."""

    path: str
    lines: list

    def error(self, index, reason):
        """An InputError at 0-based line `index` of this page."""
        return InputError(self.path, index + 1, reason)


def read_page(path):
    # split("\n"), not splitlines(): a form feed or U+2028 in the prose
    # must not shift the line numbers of error messages.
    lines = read_text(path).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return Page(str(path), lines)


def page_date(page):
    """The page's front-matter ms.date (MM/DD/YYYY) as YYYY-MM-DD."""
    if not page.lines or page.lines[0].strip() != "---":
        raise page.error(0, "no front matter (the page should start with '---')")
    for index in range(1, len(page.lines)):
        line = page.lines[index].strip()
        if line == "---":
            raise page.error(index, "the front matter has no ms.date")
        match = re.match(r"ms\.date\s*:\s*(.*)$", line)
        if match:
            return parse_us_date(page, index, match.group(1))
    raise page.error(0, "the front matter is not closed by '---'")


def parse_us_date(page, index, text):
    value = text.strip().strip("'\"")
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if not match:
        raise page.error(index, f"ms.date '{value}' is not MM/DD/YYYY")
    month, day, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise page.error(index, f"ms.date '{value}' is not a real date") from None


# --------------------------------------------------------------------------
# Headings and sections
# --------------------------------------------------------------------------

HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def section_range(page, title):
    """Lines [start, end) of the section under the heading `title`."""
    for index, line in enumerate(page.lines):
        match = HEADING_RE.match(line)
        if match and match.group(2).lower() == title.lower():
            level = len(match.group(1))
            return index, section_end(page, index + 1, level)
    raise page.error(0, f"no section headed '{title}'")


def section_end(page, start, level):
    """The index of the next heading of `level` or higher, or the page's end."""
    for index in range(start, len(page.lines)):
        match = HEADING_RE.match(page.lines[index])
        if match and len(match.group(1)) <= level:
            return index
    return len(page.lines)


# --------------------------------------------------------------------------
# Pipe tables
# --------------------------------------------------------------------------

DELIMITER_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass
class Table:
    """A pipe table: its header cells and its rows, with 0-based line numbers."""

    page: Page
    header_index: int
    header: list
    rows: list = field(default_factory=list)   # [(line index, [cells])]


def split_row(line):
    """The stripped cells of a pipe-table row (strip() also removes TABs)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.replace("\\|", "|").strip() for cell in re.split(r"(?<!\\)\|", text)]


def find_tables(page, start=0, end=None):
    """Every pipe table whose header line lies in [start, end)."""
    end = len(page.lines) if end is None else end
    tables, index = [], start
    while index + 1 < end:
        line, below = page.lines[index].strip(), page.lines[index + 1].strip()
        if line.startswith("|") and DELIMITER_RE.match(below):
            table = Table(page, index, split_row(line))
            index += 2
            while index < len(page.lines) and page.lines[index].strip().startswith("|"):
                table.rows.append((index, split_row(page.lines[index])))
                index += 1
            tables.append(table)
        else:
            index += 1
    return tables


def row_width_check(table, index, cells):
    """A row must have as many cells as the table's header."""
    if len(cells) != len(table.header):
        raise table.page.error(
            index, f"the row has {len(cells)} cells, the table header has {len(table.header)}")


# --------------------------------------------------------------------------
# Cell markup
# --------------------------------------------------------------------------

SUP_RE = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)


def strip_markup(text):
    """A cell without **bold**, &nbsp;, <sup>N</sup> footnote marks or <li> tags."""
    text = SUP_RE.sub(" ", text)
    text = re.sub(r"</?li\s*/?>", " ", text, flags=re.IGNORECASE)
    text = text.replace("**", "").replace("&nbsp;", " ")
    return " ".join(text.split())


def clean_header(cell):
    """A header cell as plain lower-case text, to compare with expected names."""
    return strip_markup(cell).lower()


def footnote_marks(text):
    """The footnote numbers a cell refers to with <sup>N</sup>."""
    return [mark for mark in SUP_RE.findall(text) if mark.isdigit()]
