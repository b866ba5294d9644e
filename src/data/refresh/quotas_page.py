"""The facts of the "Manage and increase quotas and limits" page
(how-to-manage-quotas.md): its ms.date and, in the section "Azure Machine
Learning online endpoints and batch endpoints", the online-endpoint limits.

Read from the section's "Resource | Limit | Allows exception | Applies to"
table and the footnotes after it: the request time-outs (managed, prompt flow
from the managed row's footnote, and Kubernetes), instances per deployment,
deployments per endpoint, and the Kubernetes endpoint + deployment name length.
"""

import re
from dataclasses import dataclass

from .markdown import (clean_header, find_tables, footnote_marks, page_date,
                       row_width_check, section_range, strip_markup)

QUOTAS_SECTION = "Azure Machine Learning online endpoints and batch endpoints"


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
    """The QuotaFacts of the quotas page."""
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


# --------------------------------------------------------------------------
# The limits table and its rows
# --------------------------------------------------------------------------

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
    """How rows are looked up: (Resource, Applies to) as plain lower-case text."""
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
    """The first number of the row's Limit cell, and the row's 1-based line."""
    index, cells = find_row(table, rows, wanted)
    match = re.search(r"\d[\d,]*", strip_markup(cells[1]))
    if not match:
        raise table.page.error(index, f"the limit of '{wanted[0]}' has no number: '{cells[1]}'")
    return int(match.group().replace(",", "")), index + 1


# --------------------------------------------------------------------------
# Durations, footnotes, and the limits read from them
# --------------------------------------------------------------------------

DURATION_RE = re.compile(r"(\d[\d,]*)\s*(seconds?|minutes?)\b", re.IGNORECASE)


def durations(text):
    """Every 'N seconds' / 'N minutes' of `text`, in seconds."""
    factor = {"s": 1, "m": 60}
    return [int(number.replace(",", "")) * factor[unit[0].lower()]
            for number, unit in DURATION_RE.findall(strip_markup(text))]


def seconds_in_row(table, rows, wanted):
    """The first duration of the row's Limit cell in seconds, and the row's 1-based line."""
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
