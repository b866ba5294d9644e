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

The work is done by the package refresh/ next to this file (see its
__init__.py); this file is the command line: options, order of the steps, the
summary, and the exit status.
"""

import sys

# Set before the package is imported: a maintainer's run must not leave
# __pycache__ directories inside the repository.
sys.dont_write_bytecode = True

import argparse  # noqa: E402  (after dont_write_bytecode, on purpose)
import re  # noqa: E402
from pathlib import Path  # noqa: E402

# The package refresh/ sits next to this file. Put this file's directory first
# on sys.path so that `python3 src/data/refresh_facts.py` works from any
# directory and no other module called `refresh` can stand in for it.
SCRIPT_DIR = Path(__file__).resolve().parent
if not sys.path or sys.path[0] != str(SCRIPT_DIR):
    sys.path.insert(0, str(SCRIPT_DIR))

from refresh.apply import apply_quota_facts, apply_sku_facts  # noqa: E402
from refresh.inputs import InputError  # noqa: E402
from refresh.markdown import read_page  # noqa: E402
from refresh.quotas_page import parse_quotas_page  # noqa: E402
from refresh.rules_file import RulesFile, write_atomic  # noqa: E402
from refresh.sku_page import parse_sku_page  # noqa: E402

EXIT_OK = 0
EXIT_WOULD_CHANGE = 1
EXIT_BAD_INPUT = 2

# The repository's rules/ directory: this file is src/data/refresh_facts.py.
DEFAULT_RULES_DIR = SCRIPT_DIR.parents[1] / "rules"
TARGETS_FILE = "compute-targets.yaml"
VM_SIZES_FILE = "vm-sizes.yaml"

# `read:` provenance: "owner/repo path@commit" (the path may be left out).
READ_RE = re.compile(r"^[\w.-]+/[\w.-]+(?: [^\s#]+)?@[0-9a-fA-F]{7,40}$")


def parse_args(argv):
    """The options; usage errors exit with status 2 (argparse)."""
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
    """Print the summary of the changes and, unless `check`, write them."""
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
    """The exit status; bad input is printed as error: FILE:LINE: reason."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return refresh(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
