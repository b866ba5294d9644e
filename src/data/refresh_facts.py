#!/usr/bin/env python3
"""Refresh amlint's Azure facts from local copies of two Microsoft Learn pages.

amlint keeps the managed online SKU list and the online-endpoint limits as data
in rules/compute-targets.yaml. Once a year (or when a page's ms.date moves) a
maintainer fetches the markdown source of the pages from MicrosoftDocs/azure-ai-docs
and runs this script on the local copies:

  articles/machine-learning/reference-managed-online-endpoints-vm-sku-list.md
      "Managed online endpoints SKU list"  (--sku-list)
  articles/machine-learning/how-to-manage-quotas.md
      "Manage and increase quotas and limits ..."  (--quotas)

Usage:

  python3 src/data/refresh_facts.py --sku-list SKU.md --quotas QUOTAS.md \\
      [--rules DIR] [--read-sku 'OWNER/REPO PATH@COMMIT'] \\
      [--read-quotas 'OWNER/REPO PATH@COMMIT'] [--check]

Either page may be given alone. --rules defaults to the repository's rules/
directory (found from this script's location). --read-sku / --read-quotas set
the `read:` provenance of the `sku-list` / `quotas` source to the repository,
path and commit the copy was taken from. --check prints what would change and
writes nothing.

What it reads:
  SKU list page  its ms.date, every size of the table (the flat 7-column
                 "Family Name | VM Size Name | ..." table, or the older
                 "Relative Size | General Purpose | ..." grid whose cells are
                 split by <br/> or </br>), and the backticked sizes of the
                 "> [!CAUTION]" callout (the "may be too small" sizes).
  quotas page    its ms.date and, in the section "Azure Machine Learning online
                 endpoints and batch endpoints", the request time-outs
                 (managed, prompt flow from the managed row's footnote, and
                 Kubernetes), instances per deployment, deployments per
                 endpoint, and the Kubernetes endpoint + deployment name length.

What it writes: rules/compute-targets.yaml, by targeted line edits only. The
lines between "# BEGIN sku-list" and "# END sku-list", the `too_small:` line,
the `max:`/`min:` numbers of the limit lines, and `as_of:` / `read:` of the
`sku-list` and `quotas` sources. Every other byte of the file is kept. The write
is atomic and happens only when something changed. Size names take the casing
of rules/vm-sizes.yaml; a size that file does not know is reported, because
AML204 needs its vCPUs, memory and GPUs there.

Exit status: 0 done (or, with --check, nothing to change); 1 with --check when
something would change; 2 bad input (reported as FILE:LINE: reason).
"""

import argparse
import datetime
import io
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

EXIT_OK = 0
EXIT_WOULD_CHANGE = 1
EXIT_BAD_INPUT = 2

# The repository's rules/ directory: this file is src/data/refresh_facts.py.
DEFAULT_RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
TARGETS_FILE = "compute-targets.yaml"
VM_SIZES_FILE = "vm-sizes.yaml"

QUOTAS_SECTION = "Azure Machine Learning online endpoints and batch endpoints"

# A VM size name as the pages write it: Standard_ND96amsr_A100_v4, STANDARD_FX4MDS.
SIZE_NAME_RE = re.compile(r"(?i)^standard_[a-z0-9]+(?:[_-][a-z0-9]+)*$")
# `read:` provenance: "owner/repo path@commit" (the path may be left out).
READ_RE = re.compile(r"^[\w.-]+/[\w.-]+(?: [^\s#]+)?@[0-9a-fA-F]{7,40}$")


class InputError(Exception):
    """Bad input: reported as FILE:LINE: reason, exit status 2."""

    def __init__(self, path, line, reason):
        super().__init__(reason)
        self.path = path
        self.line = line
        self.reason = reason

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.reason}"


def warn(message):
    print(f"warning: {message}", file=sys.stderr)


# --------------------------------------------------------------------------
# Reading a markdown page
# --------------------------------------------------------------------------

@dataclass
class Page:
    """A markdown page as lines without their line endings (CRLF or LF)."""

    path: str
    lines: list

    def error(self, index, reason):
        """An InputError at 0-based line `index` of this page."""
        return InputError(self.path, index + 1, reason)


def read_text(path, exact=False):
    """The text of `path`; unreadable or non-UTF-8 files are bad input. Pages
    lose a BOM and have CRLF and CR turned into LF; with `exact` (the rules
    file, which is written back) the text is kept byte for byte."""
    try:
        with open(path, encoding="utf-8" if exact else "utf-8-sig",
                  newline="" if exact else None) as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from None


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
# Markdown tables and cell markup
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


SUP_RE = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)


def strip_markup(text):
    """A cell without **bold**, &nbsp;, <sup>N</sup> footnote marks or <li> tags."""
    text = SUP_RE.sub(" ", text)
    text = re.sub(r"</?li\s*/?>", " ", text, flags=re.IGNORECASE)
    text = text.replace("**", "").replace("&nbsp;", " ")
    return " ".join(text.split())


def footnote_marks(text):
    """The footnote numbers a cell refers to with <sup>N</sup>."""
    return [mark for mark in SUP_RE.findall(text) if mark.isdigit()]


def row_width_check(table, index, cells):
    if len(cells) != len(table.header):
        raise table.page.error(
            index, f"the row has {len(cells)} cells, the table header has {len(table.header)}")


# --------------------------------------------------------------------------
# The SKU list page
# --------------------------------------------------------------------------

@dataclass
class SkuFacts:
    date: str
    sizes: list            # [(name as written, line index)], page order, no duplicates
    too_small: list        # [(name as written, line index)]; None if no CAUTION callout


def parse_sku_page(page):
    date = page_date(page)
    table = sku_table(page)
    if clean_header(table.header[0]) == "family name":
        sizes = sizes_from_flat_table(table)
    else:
        sizes = sizes_from_grid(table)
    if not sizes:
        raise page.error(table.header_index, "the SKU table lists no sizes")
    return SkuFacts(date, unique_sizes(sizes), caution_sizes(page))


def clean_header(cell):
    return strip_markup(cell).lower()


def sku_table(page):
    """The SKU table, told apart by its first header cell."""
    tables = find_tables(page)
    for table in tables:
        if clean_header(table.header[0]) in ("family name", "relative size"):
            return table
    if tables:
        found = " | ".join(tables[0].header)
        raise page.error(tables[0].header_index,
                         "expected a 'Family Name | VM Size Name | ...' or "
                         f"'Relative Size | ...' table, found '{found}'")
    raise page.error(0, "no SKU table (a 'Family Name | VM Size Name | ...' "
                        "or 'Relative Size | ...' pipe table)")


def sizes_from_flat_table(table):
    """The 'VM Size Name' column of the flat table, one size per row."""
    headers = [clean_header(cell) for cell in table.header]
    if "vm size name" not in headers:
        raise table.page.error(table.header_index, "the table has no 'VM Size Name' column")
    column = headers.index("vm size name")
    sizes = []
    for index, cells in table.rows:
        row_width_check(table, index, cells)
        sizes.append((checked_size(table.page, index, cells[column]), index))
    return sizes


def sizes_from_grid(table):
    """The sizes of the old 'Relative Size' grid, category by category
    (column by column), smallest first; cells are split by <br/> or </br>."""
    for index, cells in table.rows:
        row_width_check(table, index, cells)
    sizes = []
    for column in range(1, len(table.header)):
        for index, cells in table.rows:
            for name in re.split(r"<\s*/?\s*br\s*/?\s*>", cells[column], flags=re.IGNORECASE):
                name = name.strip()
                if name and name != "-":
                    sizes.append((checked_size(table.page, index, name), index))
    return sizes


def checked_size(page, index, name):
    if not SIZE_NAME_RE.match(name):
        raise page.error(index, f"'{name}' is not a VM size name")
    return name


def unique_sizes(sizes):
    """Drop repeats of a size (compared without case), keeping the first."""
    seen, result = set(), []
    for name, index in sizes:
        if name.lower() not in seen:
            seen.add(name.lower())
            result.append((name, index))
    return result


def caution_sizes(page):
    """The backticked size names of the '> [!CAUTION]' callout, or None."""
    for start, line in enumerate(page.lines):
        if re.match(r"^\s*>\s*\[!CAUTION\]", line, re.IGNORECASE):
            return sizes_in_callout(page, start)
    return None


def sizes_in_callout(page, start):
    names, index = [], start
    while index < len(page.lines) and page.lines[index].lstrip().startswith(">"):
        if index > start and re.match(r"^\s*>\s*\[!", page.lines[index]):
            break   # the next callout, written without a blank line between
        for name in re.findall(r"`([^`]+)`", page.lines[index]):
            if SIZE_NAME_RE.match(name.strip()):
                names.append((name.strip(), index))
        index += 1
    return unique_sizes(names)


# --------------------------------------------------------------------------
# The quotas page
# --------------------------------------------------------------------------

@dataclass
class Limit:
    """One number the quotas page gives for a limit line of compute-targets.yaml."""

    target: str            # a key under targets:
    key: str               # a key under that target's limits:
    field: str             # max or min
    value: int
    line: int              # 1-based line of the page it comes from


@dataclass
class QuotaFacts:
    date: str
    limits: list


# (Resource, Applies to) of the rows read, as the page writes them.
ROW_TIMEOUT_MANAGED = ("Max request time-out at endpoint level", "Managed online endpoint")
ROW_TIMEOUT_KUBERNETES = ("Max request time-out at endpoint level", "Kubernetes online endpoint")
ROW_INSTANCES = ("Number of instances per deployment", "Managed online endpoint")
ROW_DEPLOYMENTS = ("Number of deployments per endpoint", "All types of endpoints")
ROW_ENDPOINT_NAME = ("Endpoint name", "All types of endpoints")


def parse_quotas_page(page):
    date = page_date(page)
    start, end = section_range(page, QUOTAS_SECTION)
    table = limits_table(page, start, end)
    rows = index_rows(table)
    notes = footnotes(page, table.rows[-1][0] + 1 if table.rows else start, end)
    return QuotaFacts(date, read_limits(table, rows, notes))


def read_limits(table, rows, notes):
    """The limits, in the units of compute-targets.yaml (ms, counts, characters)."""
    managed_s, managed_line = seconds_in_row(table, rows, ROW_TIMEOUT_MANAGED)
    flow_s, flow_line = prompt_flow_seconds(table, rows, notes, managed_s)
    kube_s, kube_line = seconds_in_row(table, rows, ROW_TIMEOUT_KUBERNETES)
    instances, instances_line = number_in_row(table, rows, ROW_INSTANCES)
    deployments, deployments_line = number_in_row(table, rows, ROW_DEPLOYMENTS)
    (name_min, name_max), name_line = kubernetes_name_length(table, rows)
    return [
        Limit("managed_online", "request_timeout_ms", "max", managed_s * 1000, managed_line),
        Limit("managed_online", "prompt_flow_request_timeout_ms", "max", flow_s * 1000, flow_line),
        Limit("managed_online", "instance_count", "max", instances, instances_line),
        Limit("managed_online", "deployments_per_endpoint", "max", deployments, deployments_line),
        Limit("kubernetes", "request_timeout_ms", "max", kube_s * 1000, kube_line),
        Limit("kubernetes", "deployments_per_endpoint", "max", deployments, deployments_line),
        Limit("kubernetes", "endpoint_and_deployment_name_length", "min", name_min, name_line),
        Limit("kubernetes", "endpoint_and_deployment_name_length", "max", name_max, name_line),
    ]


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
    for index in range(start, len(page.lines)):
        match = HEADING_RE.match(page.lines[index])
        if match and len(match.group(1)) <= level:
            return index
    return len(page.lines)


def limits_table(page, start, end):
    """The Resource | Limit | Allows exception | Applies to table of the section."""
    tables = find_tables(page, start, end)
    if not tables:
        raise page.error(start, f"the section '{QUOTAS_SECTION}' has no table")
    table = tables[0]
    headers = [clean_header(cell) for cell in table.header]
    expected = ["resource", "limit", "allows exception", "applies to"]
    if headers != expected:
        raise page.error(table.header_index,
                         "expected the columns 'Resource | Limit | Allows exception | "
                         f"Applies to', found '{' | '.join(strip_markup(c) for c in table.header)}'")
    return table


def row_key(resource, applies_to):
    return (strip_markup(resource).lower(), strip_markup(applies_to).lower())


def index_rows(table):
    """The rows by (Resource, Applies to): Resource alone is not unique."""
    rows = {}
    for index, cells in table.rows:
        row_width_check(table, index, cells)
        key = row_key(cells[0], cells[3])
        if key in rows:
            raise table.page.error(index, f"a second row for '{cells[0]}' / '{cells[3]}'")
        rows[key] = (index, cells)
    return rows


def find_row(table, rows, wanted):
    """The (line index, cells) of a row, or an error that names the row."""
    key = row_key(*wanted)
    if key in rows:
        return rows[key]
    others = [cells[3] for (resource, _), (_, cells) in rows.items() if resource == key[0]]
    seen = f" (it is there for: {', '.join(strip_markup(c) for c in others)})" if others else ""
    raise table.page.error(table.header_index,
                           f"no row '{wanted[0]}' that applies to '{wanted[1]}'{seen}")


def number_in_row(table, rows, wanted):
    index, cells = find_row(table, rows, wanted)
    match = re.search(r"\d[\d,]*", strip_markup(cells[1]))
    if not match:
        raise table.page.error(index, f"the limit of '{wanted[0]}' has no number: '{cells[1]}'")
    return int(match.group().replace(",", "")), index + 1


DURATION_RE = re.compile(r"(\d[\d,]*)\s*(seconds?|minutes?)\b", re.IGNORECASE)


def durations(text):
    """Every 'N seconds' / 'N minutes' of `text`, in seconds."""
    factor = {"s": 1, "m": 60}
    return [int(number.replace(",", "")) * factor[unit[0].lower()]
            for number, unit in DURATION_RE.findall(strip_markup(text))]


def seconds_in_row(table, rows, wanted):
    index, cells = find_row(table, rows, wanted)
    found = durations(cells[1])
    if not found:
        raise table.page.error(
            index, f"the limit of '{wanted[0]}' ({wanted[1]}) has no number of seconds: '{cells[1]}'")
    return found[0], index + 1


def footnotes(page, start, end):
    """The footnote paragraphs (starting '<sup>N</sup>') of lines [start, end):
    {N: (line index, text)}; a paragraph runs to the next blank line."""
    notes, current = {}, None
    for index in range(start, end):
        line = page.lines[index]
        match = re.match(r"^\s*<sup>\s*(\d+)\s*</sup>(.*)$", line, re.IGNORECASE)
        if match:
            current = match.group(1)
            notes[current] = (index, match.group(2).strip())
        elif current and line.strip():
            first, text = notes[current]
            notes[current] = (first, f"{text} {line.strip()}")
        else:
            current = None
    return notes


def prompt_flow_seconds(table, rows, notes, managed_s):
    """The prompt flow time-out: the footnote of the managed time-out row that
    speaks of prompt flow. If it gives several durations, the one that is not
    the managed time-out itself."""
    index, cells = find_row(table, rows, ROW_TIMEOUT_MANAGED)
    for mark in footnote_marks(cells[1]):
        if mark in notes and "prompt flow" in notes[mark][1].lower():
            note_index, text = notes[mark]
            found = set(durations(text))
            if len(found) > 1:
                found.discard(managed_s)
            if len(found) != 1:
                raise table.page.error(
                    note_index, f"cannot tell the prompt flow time-out from footnote {mark}: "
                                "expected one number of seconds besides the managed time-out")
            return found.pop(), note_index + 1
    raise table.page.error(
        index, "the managed time-out has no footnote (a '<sup>N</sup>' paragraph "
               "after the table) about prompt flow")


def kubernetes_name_length(table, rows):
    """The 'N-M characters' of the Endpoint name item about Kubernetes."""
    index, cells = find_row(table, rows, ROW_ENDPOINT_NAME)
    for item in re.split(r"<li\s*/?>", cells[1], flags=re.IGNORECASE):
        if "kubernetes" not in item.lower():
            continue
        match = re.search(r"(\d+)\s*[-\u2013]\s*(\d+)\s*characters", strip_markup(item))
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if low > high:
                raise table.page.error(index, f"the Kubernetes name length {low}-{high} is reversed")
            return (low, high), index + 1
    raise table.page.error(
        index, "the Endpoint name limit has no Kubernetes item with 'N-M characters'")


# --------------------------------------------------------------------------
# Size names: the casing of rules/vm-sizes.yaml
# --------------------------------------------------------------------------

def load_size_casing(path):
    """{lower-case name: name} for every size under `sizes:` in vm-sizes.yaml."""
    casing, in_sizes = {}, False
    for line in read_text(path).splitlines():
        if re.match(r"^[A-Za-z_][\w-]*\s*:", line):      # a top-level key
            in_sizes = line.startswith("sizes:")
            continue
        match = re.match(r"^ +([A-Za-z][\w-]*)\s*:", line)
        if in_sizes and match:
            casing[match.group(1).lower()] = match.group(1)
    if not casing:
        raise InputError(path, None, "no sizes under 'sizes:'")
    return casing


def canonical_size(name, casing):
    """(name in vm-sizes.yaml casing, True), or (Standard_ + the rest, False)."""
    if name.lower() in casing:
        return casing[name.lower()], True
    return "Standard_" + name.split("_", 1)[1], False


# --------------------------------------------------------------------------
# Editing rules/compute-targets.yaml line by line
# --------------------------------------------------------------------------

KEY_RE = re.compile(r"^(?P<indent> *)(?P<key>[^\s#:'\"-][^:#]*?)\s*:(?:\s|$)")


def split_eol(line):
    body = line.rstrip("\r\n")
    return body, line[len(body):]


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_content(line):
    text = line.strip()
    return bool(text) and not text.startswith("#")


class RulesFile:
    """compute-targets.yaml as lines with their own line endings. Edits replace
    whole lines (keeping each line's ending) and record a summary line each."""

    def __init__(self, path):
        self.path = str(path)
        self.original = read_text(path, exact=True)
        # Split on CR, LF and CRLF only, each line keeping its own ending.
        self.lines = io.StringIO(self.original, newline="").readlines()
        self.changes = []
        self.flagged_notes = set()

    def text(self):
        return "".join(self.lines)

    def error(self, index, reason):
        return InputError(self.path, index + 1 if index is not None else 1, reason)

    # -- finding keys ------------------------------------------------------

    def find(self, keys):
        """The line index of the key at the path `keys` (direct children only)."""
        start, end, parent = 0, len(self.lines), None
        for depth, key in enumerate(keys):
            index = self._child(start, end, key)
            if index is None:
                raise self.error(parent, f"no '{'.'.join(keys[:depth + 1])}' key")
            parent, start, end = index, index + 1, self.block_end(index)
        return parent

    def _child(self, start, end, key):
        child_indent = None
        for index in range(start, end):
            line = self.lines[index]
            if not is_content(line):
                continue
            if child_indent is None:
                child_indent = indent_of(line)
            match = KEY_RE.match(line)
            if indent_of(line) == child_indent and match and match.group("key") == key:
                return index
        return None

    def block_end(self, index):
        """The index just past the block of the key at `index`; comments and
        blank lines up to the next key of the same or lesser indent belong to it."""
        indent = indent_of(self.lines[index])
        for later in range(index + 1, len(self.lines)):
            if is_content(self.lines[later]) and indent_of(self.lines[later]) <= indent:
                return later
        return len(self.lines)

    # -- edits -------------------------------------------------------------

    def replace(self, index, body):
        _, eol = split_eol(self.lines[index])
        self.lines[index] = body + eol

    def set_scalar(self, keys, value, insert_after=None):
        """Set `key: value` (keeping a trailing comment). With `insert_after`, a
        missing key is added after that sibling key, at its indent."""
        try:
            index = self.find(keys)
        except InputError:
            if insert_after is None:
                raise
            return self._insert_scalar(keys, value, insert_after)
        body, _ = split_eol(self.lines[index])
        match = re.match(r"^( *[^:#]+:[ \t]*)(.*?)([ \t]+#.*)?$", body)
        old = match.group(2)
        if old != value:
            self.replace(index, f"{match.group(1)}{value}{match.group(3) or ''}")
            self.changes.append(f"{'.'.join(keys)}: {old} -> {value}")

    def _insert_scalar(self, keys, value, sibling):
        index = self.find(keys[:-1] + [sibling])
        _, eol = split_eol(self.lines[index])
        line = f"{' ' * indent_of(self.lines[index])}{keys[-1]}: {value}{eol}"
        self.lines.insert(index + 1, line)
        self.changes.append(f"{'.'.join(keys)}: (none) -> {value}")

    def set_flow_number(self, keys, name, value, page_where):
        """Set the number of `name:` in a flow mapping line `key: {name: N, ...}`."""
        index = self.find(keys)
        body, _ = split_eol(self.lines[index])
        pattern = re.compile(rf"([{{,]\s*{re.escape(name)}:\s*)(-?\d+)(?=\s*[,}}])")
        found = pattern.findall(body)
        if len(found) != 1:
            raise self.error(index, f"expected one '{name}: N' in the {'.'.join(keys)} line")
        old = int(found[0][1])
        if old == value:
            return
        self.replace(index, pattern.sub(lambda m: f"{m.group(1)}{value}", body))
        self.changes.append(f"{'.'.join(keys)} {name}: {old} -> {value} ({page_where})")
        self._flag_note(index, body)

    def _flag_note(self, index, body):
        """A note that quotes a number may now be stale; say so once per line
        (notes are prose, so the script never edits them)."""
        note = re.search(r'note:\s*"([^"]*\d[^"]*)"', body)
        if note and index not in self.flagged_notes:
            self.flagged_notes.add(index)
            self.changes.append(f'  its note may need a hand edit: "{note.group(1)}"')

    def set_too_small(self, keys, names):
        index = self.find(keys)
        body, _ = split_eol(self.lines[index])
        match = re.match(r"^( *too_small:\s*\[)([^\]]*)(\].*)$", body)
        if not match:
            raise self.error(index, "expected 'too_small: [...]' on one line")
        old = [name.strip() for name in match.group(2).split(",") if name.strip()]
        if old != names:
            self.replace(index, f"{match.group(1)}{', '.join(names)}{match.group(3)}")
            self.changes.append(f"{'.'.join(keys)}: [{', '.join(old)}] -> [{', '.join(names)}]")

    def set_sizes(self, keys, names):
        """Rewrite the `- name` items between '# BEGIN sku-list' and '# END sku-list'."""
        owner = self.find(keys)
        begin, end = self._markers(owner, ".".join(keys))
        sizes_line, items, prefix = self._sku_block(begin, end)
        if items == names:
            return
        _, eol = split_eol(self.lines[sizes_line])
        self.lines[sizes_line + 1:end] = [f"{prefix}{name}{eol}" for name in names]
        self.changes.extend(describe_size_changes(".".join(keys + ["sizes"]), items, names))

    def _markers(self, owner, label):
        """The BEGIN and END marker lines inside the block of the key at `owner`."""
        found = {"BEGIN": [], "END": []}
        for index in range(owner + 1, self.block_end(owner)):
            match = re.match(r"^\s*#\s*(BEGIN|END) sku-list\b", self.lines[index])
            if match:
                found[match.group(1)].append(index)
        for marker, indexes in found.items():
            if len(indexes) != 1:
                how = "no" if not indexes else "more than one"
                raise self.error(owner, f"{how} '# {marker} sku-list' marker in {label}")
        begin, end = found["BEGIN"][0], found["END"][0]
        if end < begin:
            raise self.error(end, "'# END sku-list' comes before '# BEGIN sku-list'")
        return begin, end

    def _sku_block(self, begin, end):
        """(index of 'sizes:', current names, item prefix) of the marked block,
        which must hold only 'sizes:' and its '- name' items."""
        sizes_line, items, prefix = None, [], None
        for index in range(begin + 1, end):
            body, _ = split_eol(self.lines[index])
            item = re.match(r"^( *- +)(\S+)\s*$", body)
            if sizes_line is None and body.strip() == "sizes:":
                sizes_line = index
            elif sizes_line is not None and item and index == sizes_line + 1 + len(items):
                prefix = prefix or item.group(1)
                items.append(item.group(2))
            else:
                raise self.error(index, "the sku-list block may hold only 'sizes:' and its "
                                        "'- name' items (the script rewrites it)")
        if sizes_line is None:
            raise self.error(begin, "no 'sizes:' between the sku-list markers")
        default = " " * (indent_of(self.lines[sizes_line]) + 2) + "- "
        return sizes_line, items, prefix or default


def describe_size_changes(label, old, new):
    """Summary lines for a size list: sizes added, removed, recased, or reordered."""
    old_lower = {name.lower(): name for name in old}
    new_lower = {name.lower(): name for name in new}
    lines = [f"{label}: {len(old)} -> {len(new)} sizes"]
    lines += [f"  + {name}" for name in new if name.lower() not in old_lower]
    lines += [f"  - {name}" for name in old if name.lower() not in new_lower]
    lines += [f"  ~ {old_lower[name.lower()]} -> {name} (casing)"
              for name in new if old_lower.get(name.lower(), name) != name]
    if len(lines) == 1:
        lines.append("  (same sizes, now in the page's order)")
    return lines


def write_atomic(path, text):
    """Replace `path` with `text` through a temporary file in the same directory."""
    directory, name = os.path.split(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


# --------------------------------------------------------------------------
# Applying the facts
# --------------------------------------------------------------------------

def apply_sku_facts(rules, page, facts, vm_sizes_path, read):
    casing = load_size_casing(vm_sizes_path)
    sizes = canonical_sizes(page, facts.sizes, casing, vm_sizes_path)
    rules.set_sizes(["targets", "managed_online", "instance_types"], sizes)
    if facts.too_small is None:
        warn(f"{page.path}: no '> [!CAUTION]' callout; too_small left as it is")
    elif not facts.too_small:
        warn(f"{page.path}: the CAUTION callout names no size; too_small left as it is")
    else:
        too_small = [canonical_size(name, casing)[0] for name, _ in facts.too_small]
        listed = {size.lower() for size in sizes}
        for name in too_small:
            if name.lower() not in listed:
                warn(f"{page.path}: the too-small size {name} is not in the page's table")
        rules.set_too_small(["targets", "managed_online", "instance_types", "too_small"],
                            too_small)
    set_source(rules, "sku-list", page, facts.date, read)


def canonical_sizes(page, sizes, casing, vm_sizes_path):
    """The page's sizes in vm-sizes.yaml casing; warns about sizes it lacks."""
    result = []
    for name, index in sizes:
        canonical, known = canonical_size(name, casing)
        if not known:
            warn(f"{page.path}:{index + 1}: {canonical} is not in {vm_sizes_path}: "
                 "add its vcpus, memory_gb and gpus there (AML204 needs them), "
                 "then rerun to give it that file's casing")
        result.append(canonical)
    return result


def apply_quota_facts(rules, page, facts, read):
    for limit in facts.limits:
        keys = ["targets", limit.target, "limits", limit.key]
        rules.set_flow_number(keys, limit.field, limit.value, f"{page.path}:{limit.line}")
    set_source(rules, "quotas", page, facts.date, read)


def set_source(rules, source, page, date, read):
    keys = ["sources", source]
    old = rules.lines[rules.find(keys + ["as_of"])]
    match = re.search(r"as_of:\s*(\d{4}-\d{2}-\d{2})", old)
    if match and date < match.group(1):
        warn(f"{page.path}: ms.date {date} is older than the current as_of "
             f"{match.group(1)} of '{source}'; is this the newest copy of the page?")
    rules.set_scalar(keys + ["as_of"], date)
    if read:
        rules.set_scalar(keys + ["read"], read, insert_after="as_of")


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Refresh rules/compute-targets.yaml from local copies of the "
                    "managed online SKU list and the Azure ML quotas page.")
    parser.add_argument("--sku-list", metavar="PAGE.md", help="the SKU list page (markdown)")
    parser.add_argument("--quotas", metavar="PAGE.md", help="the quotas page (markdown)")
    parser.add_argument("--rules", metavar="DIR", default=str(DEFAULT_RULES_DIR),
                        help="the rules directory (default: %(default)s)")
    parser.add_argument("--read-sku", metavar="'REPO PATH@COMMIT'",
                        help="the `read:` of the sku-list source")
    parser.add_argument("--read-quotas", metavar="'REPO PATH@COMMIT'",
                        help="the `read:` of the quotas source")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if anything would change")
    args = parser.parse_args(argv)
    if not args.sku_list and not args.quotas:
        parser.error("give --sku-list, --quotas or both")
    check_read_option(parser, "--read-sku", args.read_sku, "--sku-list", args.sku_list)
    check_read_option(parser, "--read-quotas", args.read_quotas, "--quotas", args.quotas)
    return args


def check_read_option(parser, option, value, page_option, page):
    """A --read-* value needs its page and the shape 'owner/repo path@commit'."""
    if value is None:
        return
    if not page:
        parser.error(f"{option} is given without {page_option}")
    if not READ_RE.match(value):
        parser.error(f"{option} '{value}' is not 'owner/repo path@commit'")


def refresh(args):
    """Read everything, edit in memory, then print and write. Returns the exit status."""
    rules_dir = Path(args.rules)
    rules = RulesFile(rules_dir / TARGETS_FILE)
    if args.sku_list:
        page = read_page(args.sku_list)
        facts = parse_sku_page(page)
        print(f"{page.path}: ms.date {facts.date}, {len(facts.sizes)} sizes")
        apply_sku_facts(rules, page, facts, rules_dir / VM_SIZES_FILE, args.read_sku)
    if args.quotas:
        page = read_page(args.quotas)
        facts = parse_quotas_page(page)
        print(f"{page.path}: ms.date {facts.date}, {len(facts.limits)} limit values")
        apply_quota_facts(rules, page, facts, args.read_quotas)
    return report(rules, args.check)


def report(rules, check):
    if rules.text() == rules.original:
        print(f"{rules.path}: up to date, nothing to change")
        return EXIT_OK
    print(f"{rules.path}:")
    for line in rules.changes:
        print(f"  {line}")
    if check:
        print("--check: nothing written; run without --check to apply these changes")
        return EXIT_WOULD_CHANGE
    write_atomic(rules.path, rules.text())
    print(f"wrote {rules.path}; review the diff before committing")
    return EXIT_OK


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return refresh(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
