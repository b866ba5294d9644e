"""Turning the facts of the two pages into edits of rules/compute-targets.yaml.

The page modules say what a page states; this module decides where that goes
in the rules file, puts size names into the casing of rules/vm-sizes.yaml, and
warns (on stderr, without stopping) about what a maintainer should look at.
"""

import re
import sys

from .rules_file import canonical_size, load_size_casing


def warn(message):
    """A warning on stderr; the refresh goes on."""
    print(f"warning: {message}", file=sys.stderr)


def apply_sku_facts(rules, page, facts, vm_sizes_path, read):
    """The SKU list page's sizes, too-small sizes and date into `rules`."""
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
    """The quotas page's limit numbers and date into `rules`."""
    for limit in facts.limits:
        keys = ["targets", limit.target, "limits", limit.key]
        rules.set_flow_number(keys, limit.field, limit.value, f"{page.path}:{limit.line}")
    set_source(rules, "quotas", page, facts.date, read)


def set_source(rules, source, page, date, read):
    """The `as_of:` (and, if given, `read:`) of `sources.<source>`; warns if
    the page is older than the date already there."""
    keys = ["sources", source]
    old = rules.lines[rules.find(keys + ["as_of"])]
    match = re.search(r"as_of:\s*(\d{4}-\d{2}-\d{2})", old)
    if match and date < match.group(1):
        warn(f"{page.path}: ms.date {date} is older than the current as_of "
             f"{match.group(1)} of '{source}'; is this the newest copy of the page?")
    rules.set_scalar(keys + ["as_of"], date)
    if read:
        rules.set_scalar(keys + ["read"], read, insert_after="as_of")
