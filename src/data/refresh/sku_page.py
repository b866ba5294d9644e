"""The facts of the "Managed online endpoints SKU list" page
(reference-managed-online-endpoints-vm-sku-list.md): its ms.date, the sizes of
its table, and the sizes its "> [!CAUTION]" callout calls too small.

The table comes in two layouts: the flat 7-column "Family Name | VM Size Name |
..." table, one size per row, and the older "Relative Size | General Purpose |
..." grid, whose cells hold several sizes split by <br/> or </br>.
"""

import re
from dataclasses import dataclass

from .markdown import clean_header, find_tables, page_date, row_width_check

# A VM size name as the pages write it: Standard_ND96amsr_A100_v4, STANDARD_FX4MDS.
SIZE_NAME_RE = re.compile(r"(?i)^standard_[a-z0-9]+(?:[_-][a-z0-9]+)*$")


@dataclass
class SkuFacts:
    date: str
    sizes: list            # [(name as written, line index)], page order, no duplicates
    too_small: list        # [(name as written, line index)]; None if no CAUTION callout


def parse_sku_page(page):
    """The SkuFacts of a SKU list page, in either layout."""
    date = page_date(page)
    table = sku_table(page)
    if clean_header(table.header[0]) == "family name":
        sizes = sizes_from_flat_table(table)
    else:
        sizes = sizes_from_grid(table)
    if not sizes:
        raise page.error(table.header_index, "the SKU table lists no sizes")
    return SkuFacts(date, unique_sizes(sizes), caution_sizes(page))


# --------------------------------------------------------------------------
# The SKU table, in its two layouts
# --------------------------------------------------------------------------

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
    """`name`, if it looks like a VM size name; otherwise bad input."""
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


# --------------------------------------------------------------------------
# The CAUTION callout: the sizes that may be too small
# --------------------------------------------------------------------------

def caution_sizes(page):
    """The backticked size names of the '> [!CAUTION]' callout, or None."""
    for start, line in enumerate(page.lines):
        if re.match(r"^\s*>\s*\[!CAUTION\]", line, re.IGNORECASE):
            return sizes_in_callout(page, start)
    return None


def sizes_in_callout(page, start):
    """The backticked size names of the callout that starts at line `start`."""
    names, index = [], start
    while index < len(page.lines) and page.lines[index].lstrip().startswith(">"):
        if index > start and re.match(r"^\s*>\s*\[!", page.lines[index]):
            break   # the next callout, written without a blank line between
        for name in re.findall(r"`([^`]+)`", page.lines[index]):
            if SIZE_NAME_RE.match(name.strip()):
                names.append((name.strip(), index))
        index += 1
    return unique_sizes(names)
