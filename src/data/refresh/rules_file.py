"""The rules files the refresh touches: targeted, atomic line edits of
rules/compute-targets.yaml, and the size-name casing of rules/vm-sizes.yaml.

compute-targets.yaml is edited line by line, never re-serialised: the lines
between "# BEGIN sku-list" and "# END sku-list", the `too_small:` line, the
`max:`/`min:` numbers of flow-mapping limit lines, and scalar `key: value`
lines. Every other byte (comments, order, line endings) is kept.
"""

import io
import os
import re
import shutil
import tempfile

from .inputs import InputError, read_text


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
    """(the line without its ending, the ending: "\r\n", "\n", "\r" or "")."""
    body = line.rstrip("\r\n")
    return body, line[len(body):]


def indent_of(line):
    """The number of leading spaces."""
    return len(line) - len(line.lstrip(" "))


def is_content(line):
    """Neither blank nor a comment."""
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
        """The file's text with the edits made so far."""
        return "".join(self.lines)

    def error(self, index, reason):
        """An InputError at 0-based line `index` (None: line 1)."""
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
        """The index of `key` among the direct children in lines [start, end), or None."""
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
        """Replace the line at `index` by `body`, keeping its line ending."""
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
        """Add `key: value` on a new line after the sibling key `sibling`."""
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
        """Set the names of the one-line flow list `too_small: [...]`."""
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
