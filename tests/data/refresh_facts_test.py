"""Tests of src/data/refresh_facts.py, the yearly refresh of amlint's Azure facts.

Run from anywhere:

  python3 -m unittest discover -s tests/data -p 'refresh_facts_test.py'

The script runs as a subprocess on the invented pages of fixtures/refresh/,
against a copy of rules/ in a temporary directory: nothing is written inside
the repository.

HelperTest imports the modules of the script's package src/data/refresh/
directly.
"""

import sys

# Before any import of the package: no __pycache__ inside src/data (or tests/),
# even when the tests run without -B.
sys.dont_write_bytecode = True

import difflib  # noqa: E402  (after dont_write_bytecode, on purpose)
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "src" / "data" / "refresh_facts.py"
# The script's package, src/data/refresh/, is imported from here.
sys.path.insert(0, str(SCRIPT.parent))

from refresh import markdown, quotas_page, rules_file  # noqa: E402
FIXTURES = REPO / "fixtures" / "refresh"
RULES = REPO / "rules"

FLAT = FIXTURES / "sku-list-2027.md"
GRID = FIXTURES / "sku-list-grid.md"
QUOTAS = FIXTURES / "quotas-2027.md"

# The sizes of sku-list-2027.md, in page order and vm-sizes.yaml casing. The
# last one is unknown to vm-sizes.yaml and keeps the page's casing.
FLAT_SIZES = [
    "Standard_D2as_v4", "Standard_D4as_v4", "Standard_DS2_v2", "Standard_DS3_v2",
    "Standard_E4ds_v4", "Standard_F4s_v2", "Standard_F8s_v2", "Standard_NC4as_T4_v3",
    "Standard_ND96amsr_A100_v4", "Standard_NV6ads_A10_v5", "Standard_NC32ADS_B200_V6",
]
# The sizes of sku-list-grid.md, category (column) by category, smallest first.
GRID_SIZES = [
    "Standard_DS1_v2", "Standard_D2as_v4", "Standard_DS2_v2", "Standard_D4a_v4",
    "Standard_DS3_v2", "Standard_D8as_v4", "Standard_DS4_v2", "Standard_DS5_v2",
    "Standard_D32as_v4",
    "Standard_F2s_v2", "Standard_F4s_v2", "Standard_F8s_v2", "Standard_FX12mds",
    "Standard_F16s_v2", "Standard_F32s_v2",
    "Standard_E2s_v3", "Standard_E4s_v3", "Standard_E8s_v3", "Standard_E16s_v3",
    "Standard_E32s_v3",
    "Standard_NC4as_T4_v3", "Standard_NC6s_v3", "Standard_NC12s_v3", "Standard_NC24s_v3",
    "Standard_ND40rs_v2",
]
# What quotas-2027.md says: (target, limit key, field) -> new value.
QUOTA_VALUES = {
    ("managed_online", "request_timeout_ms", "max"): 240000,
    ("managed_online", "prompt_flow_request_timeout_ms", "max"): 360000,
    ("managed_online", "instance_count", "max"): 60,
    ("managed_online", "deployments_per_endpoint", "max"): 25,
    ("kubernetes", "request_timeout_ms", "max"): 420000,
    ("kubernetes", "deployments_per_endpoint", "max"): 25,
    ("kubernetes", "endpoint_and_deployment_name_length", "min"): 5,
    ("kubernetes", "endpoint_and_deployment_name_length", "max"): 70,
}


def line_of(path, needle):
    """The 1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {path}")


def without_sku_block(lines):
    """`lines` with the items between the sku-list markers left out."""
    begin = next(i for i, line in enumerate(lines) if "# BEGIN sku-list" in line)
    end = next(i for i, line in enumerate(lines) if "# END sku-list" in line)
    return lines[:begin + 1] + lines[end:]


def sku_block(text):
    """The '- name' items between the sku-list markers."""
    lines = text.splitlines()
    lines = lines[lines.index("      # BEGIN sku-list (src/data/refresh_facts.py rewrites this list)"):]
    return [re.sub(r"^ *- ", "", line) for line in lines[2:lines.index("      # END sku-list")]]


def line_in_block(text, block_key, key):
    """The line `key: ...` inside the block of the top-level-ish `block_key:`
    (a target under targets:, or a source under sources:)."""
    lines = text.splitlines()
    start = lines.index(f"  {block_key}:")
    for line in lines[start + 1:]:
        if re.match(r"^  \S", line):
            break
        if line.strip().startswith(f"{key}:"):
            return line
    raise AssertionError(f"no {key} in {block_key}")


class RefreshCase(unittest.TestCase):
    """A fresh copy of rules/ per test, and helpers to run the script on it."""

    def setUp(self):
        temporary = tempfile.TemporaryDirectory()
        self.addCleanup(temporary.cleanup)
        self.tmp = Path(temporary.name)
        self.rules = self.tmp / "rules"
        shutil.copytree(RULES, self.rules)
        self.targets = self.rules / "compute-targets.yaml"
        self.original = self.targets.read_bytes()

    def run_script(self, *args, rules=None):
        command = [sys.executable, "-B", str(SCRIPT), *map(str, args)]
        if rules is not False:
            command += ["--rules", str(rules or self.rules)]
        return subprocess.run(command, capture_output=True, text=True, cwd=self.tmp)

    def refresh(self, *args, status=0, rules=None):
        result = self.run_script(*args, rules=rules)
        self.assertEqual(result.returncode, status, result.stdout + result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        return result

    def text(self):
        return self.targets.read_bytes().decode()

    def changed_lines(self):
        """[(old line, new line)] outside the sku-list block, which must keep
        its line count there (the script edits lines in place)."""
        old = without_sku_block(self.original.decode().splitlines(keepends=True))
        new = without_sku_block(self.text().splitlines(keepends=True))
        self.assertEqual(len(old), len(new), "".join(difflib.unified_diff(old, new)))
        return [(a, b) for a, b in zip(old, new) if a != b]

    def original_line(self, block_key, key):
        return line_in_block(self.original.decode(), block_key, key)


class FlatSkuListTest(RefreshCase):

    def test_sizes_are_the_pages_in_vm_sizes_casing(self):
        result = self.refresh("--sku-list", FLAT)
        self.assertEqual(sku_block(self.text()), FLAT_SIZES)
        self.assertIn("+ Standard_E4ds_v4", result.stdout)
        self.assertIn("- Standard_D8as_v4", result.stdout)
        self.assertIn("- Standard_NV72ads_A10_v5", result.stdout)
        self.assertIn("85 -> 11 sizes", result.stdout)

    def test_the_block_keeps_its_indentation(self):
        self.refresh("--sku-list", FLAT)
        lines = self.text().splitlines()
        begin = lines.index("      # BEGIN sku-list (src/data/refresh_facts.py rewrites this list)")
        self.assertEqual(lines[begin + 1], "      sizes:")
        self.assertEqual(lines[begin + 2], "        - Standard_D2as_v4")
        self.assertEqual(lines[begin + 2 + len(FLAT_SIZES)], "      # END sku-list")

    def test_too_small_and_date_change_and_nothing_else(self):
        self.refresh("--sku-list", FLAT)
        too_small = self.original_line("managed_online", "too_small")
        as_of = self.original_line("sku-list", "as_of")
        self.assertEqual(self.changed_lines(), [
            (as_of + "\n", "    as_of: 2027-03-09\n"),
            (too_small + "\n", "      too_small: [Standard_DS2_v2, Standard_F4s_v2]\n"),
        ])

    def test_an_unknown_size_asks_for_vm_sizes_yaml(self):
        result = self.refresh("--sku-list", FLAT)
        row = line_of(FLAT, "STANDARD_NC32ADS_B200_V6")
        self.assertRegex(result.stderr, rf"warning: .*sku-list-2027\.md:{row}: "
                                        r"Standard_NC32ADS_B200_V6 is not in .*vm-sizes\.yaml")
        self.assertIn("vcpus, memory_gb and gpus", result.stderr)
        self.assertNotIn("E4ds_v4", result.stderr)

    def test_a_size_added_to_vm_sizes_yaml_takes_its_casing(self):
        vm_sizes = self.rules / "vm-sizes.yaml"
        known = "  Standard_NV72ads_A10_v5: {"
        text = vm_sizes.read_text()
        at = text.index("\n", text.index(known)) + 1
        vm_sizes.write_text(text[:at] + "  Standard_NC32ads_B200_v6: {vcpus: 32, memory_gb: 256, "
                                        "gpus: 2, family: NVadsA10_v5}\n" + text[at:])
        self.refresh("--sku-list", FLAT)
        result = self.refresh("--sku-list", FLAT)     # idempotent once known
        self.assertNotIn("vm-sizes.yaml", result.stderr)
        self.assertEqual(sku_block(self.text())[-1], "Standard_NC32ads_B200_v6")

    def test_read_sets_the_sources_read_line(self):
        read = "MicrosoftDocs/azure-ai-docs articles/machine-learning/sku.md@" + "ab12" * 10
        self.refresh("--sku-list", FLAT, "--read-sku", read)
        self.assertEqual(line_in_block(self.text(), "sku-list", "read"), f"    read: {read}")
        self.assertEqual(line_in_block(self.text(), "quotas", "read"),
                         self.original_line("quotas", "read"))

    def test_a_bad_read_value_is_a_usage_error(self):
        result = self.refresh("--sku-list", FLAT, "--read-sku", "not a commit", status=2)
        self.assertIn("--read-sku", result.stderr)
        self.assertEqual(self.targets.read_bytes(), self.original)


class GridSkuListTest(RefreshCase):

    def test_grid_cells_split_on_both_br_forms(self):
        result = self.refresh("--sku-list", GRID)
        self.assertEqual(sku_block(self.text()), GRID_SIZES)
        self.assertNotIn("is not in", result.stderr)

    def test_grid_keeps_too_small_and_warns_about_an_older_date(self):
        result = self.refresh("--sku-list", GRID)
        self.assertEqual(line_in_block(self.text(), "managed_online", "too_small"),
                         self.original_line("managed_online", "too_small"))
        self.assertEqual(line_in_block(self.text(), "sku-list", "as_of"), "    as_of: 2024-05-02")
        self.assertIn("older than the current as_of", result.stderr)


class QuotasTest(RefreshCase):

    def test_every_limit_takes_the_pages_number(self):
        result = self.refresh("--quotas", QUOTAS)
        text = self.text()
        for (target, key, field), value in QUOTA_VALUES.items():
            line = line_in_block(text, target, key)
            self.assertRegex(line, rf"[{{,]\s*{field}: {value}[,}}]", f"{target}.{key}")
        self.assertIn("request_timeout_ms max: 180000 -> 240000", result.stdout)
        self.assertIn(f"quotas-2027.md:{line_of(QUOTAS, '240 seconds <sup>5')}", result.stdout)

    def test_only_the_numbers_and_the_date_change(self):
        self.refresh("--quotas", QUOTAS)
        expected = []
        for target, key in [("managed_online", "request_timeout_ms"),
                            ("managed_online", "prompt_flow_request_timeout_ms"),
                            ("managed_online", "instance_count"),
                            ("managed_online", "deployments_per_endpoint"),
                            ("kubernetes", "request_timeout_ms"),
                            ("kubernetes", "deployments_per_endpoint"),
                            ("kubernetes", "endpoint_and_deployment_name_length")]:
            old = self.original_line(target, key)
            new = old
            for (t, k, field), value in QUOTA_VALUES.items():
                if (t, k) == (target, key):
                    new = re.sub(rf"([{{,] *{field}: )\d+", rf"\g<1>{value}", new)
            expected.append((old + "\n", new + "\n"))
        expected.insert(0, (self.original_line("quotas", "as_of") + "\n", "    as_of: 2027-02-15\n"))
        self.assertEqual(self.changed_lines(), expected)

    def test_the_sku_list_source_is_left_alone(self):
        self.refresh("--quotas", QUOTAS)
        self.assertEqual(line_in_block(self.text(), "sku-list", "as_of"),
                         self.original_line("sku-list", "as_of"))
        self.assertEqual(sku_block(self.text()), sku_block(self.original.decode()))


class CheckAndIdempotenceTest(RefreshCase):

    def test_a_second_run_changes_nothing(self):
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        first = self.targets.read_bytes()
        self.assertNotEqual(first, self.original)
        result = self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        self.assertEqual(self.targets.read_bytes(), first)
        self.assertIn("up to date", result.stdout)

    def test_check_exits_1_before_and_0_after(self):
        result = self.refresh("--check", "--sku-list", FLAT, "--quotas", QUOTAS, status=1)
        self.assertEqual(self.targets.read_bytes(), self.original)
        self.assertIn("sources.quotas.as_of: 2026-01-27 -> 2027-02-15", result.stdout)
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        self.refresh("--check", "--sku-list", FLAT, "--quotas", QUOTAS, status=0)

    def test_check_prints_the_same_summary_as_a_run(self):
        check = self.refresh("--check", "--quotas", QUOTAS, status=1)
        run = self.refresh("--quotas", QUOTAS)
        changes = [line for line in check.stdout.splitlines() if line.startswith("  ")]
        self.assertTrue(changes)
        self.assertEqual(changes, [line for line in run.stdout.splitlines() if line.startswith("  ")])

    def test_no_leftover_temporary_files(self):
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        self.assertEqual(sorted(p.name for p in self.rules.glob(".*")), [])

    def test_rules_default_to_the_repositorys(self):
        # --check only reads the repository's rules/: it never writes.
        result = self.refresh("--check", "--quotas", QUOTAS, status=1, rules=False)
        self.assertIn(str(RULES / "compute-targets.yaml"), result.stdout)


class LineEndingTest(RefreshCase):

    def crlf_copy(self, page):
        copy = self.tmp / page.name
        copy.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
        return copy

    def test_crlf_pages_give_the_same_result(self):
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        from_lf = self.targets.read_bytes()
        self.targets.write_bytes(self.original)
        self.refresh("--sku-list", self.crlf_copy(FLAT), "--quotas", self.crlf_copy(QUOTAS))
        self.assertEqual(self.targets.read_bytes(), from_lf)

    def test_a_crlf_rules_file_keeps_crlf(self):
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        from_lf = self.targets.read_bytes()
        self.targets.write_bytes(self.original.replace(b"\n", b"\r\n"))
        self.refresh("--sku-list", FLAT, "--quotas", QUOTAS)
        self.assertEqual(self.targets.read_bytes(), from_lf.replace(b"\n", b"\r\n"))


class BadInputTest(RefreshCase):

    def assert_bad_input(self, result, path, line, reason):
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertRegex(result.stderr, rf"{re.escape(str(path))}:{line}: .*{reason}")
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        self.assertEqual(len(errors), 1, result.stderr)
        self.assertEqual(self.targets.read_bytes(), self.original)

    def test_a_date_in_the_wrong_shape(self):
        page = FIXTURES / "sku-list-bad-date.md"
        self.assert_bad_input(self.run_script("--sku-list", page),
                              page, line_of(page, "ms.date"), "MM/DD/YYYY")

    def test_a_page_without_the_sku_table(self):
        page = FIXTURES / "sku-list-no-table.md"
        self.assert_bad_input(self.run_script("--sku-list", page),
                              page, line_of(page, "| Size | Price |"), "Family Name")

    def test_a_limit_cell_without_a_number(self):
        page = FIXTURES / "quotas-no-number.md"
        self.assert_bad_input(self.run_script("--quotas", page),
                              page, line_of(page, "a few minutes"), "no number")

    def test_a_quotas_page_without_the_endpoints_section(self):
        page = FIXTURES / "quotas-no-section.md"
        self.assert_bad_input(self.run_script("--quotas", page), page, 1, "no section")

    def test_one_bad_page_writes_nothing(self):
        page = FIXTURES / "sku-list-bad-date.md"
        self.assert_bad_input(self.run_script("--sku-list", page, "--quotas", QUOTAS),
                              page, line_of(page, "ms.date"), "MM/DD/YYYY")

    def test_a_missing_marker_in_the_rules_file(self):
        pristine = self.original.decode().splitlines(keepends=True)
        owner = line_of(self.targets, "    instance_types:")
        for marker in ("# BEGIN sku-list", "# END sku-list"):
            with self.subTest(marker=marker):
                self.targets.write_text("".join(l for l in pristine if marker not in l))
                self.original = self.targets.read_bytes()
                self.assert_bad_input(self.run_script("--sku-list", GRID),
                                      self.targets, owner, f"no '{marker}' marker")

    def test_a_missing_page_file(self):
        result = self.run_script("--quotas", self.tmp / "absent.md")
        self.assertEqual(result.returncode, 2)
        self.assertIn("absent.md: cannot read", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


class HelperTest(unittest.TestCase):
    """A few of the package's helpers, called directly."""

    def test_cells_lose_tabs_and_markup(self):
        cells = markdown.split_row("|\tSTANDARD_NV6ADS_A10_V5\t  | **Limit <sup>1</sup>** &nbsp; |")
        self.assertEqual(cells[0], "STANDARD_NV6ADS_A10_V5")
        self.assertEqual(markdown.strip_markup(cells[1]), "Limit")

    def test_unknown_sizes_get_a_standard_prefix(self):
        casing = {"standard_ds1_v2": "Standard_DS1_v2"}
        self.assertEqual(rules_file.canonical_size("STANDARD_DS1_V2", casing),
                         ("Standard_DS1_v2", True))
        self.assertEqual(rules_file.canonical_size("STANDARD_X2_V9", casing),
                         ("Standard_X2_V9", False))

    def test_durations_read_seconds_and_minutes(self):
        self.assertEqual(quotas_page.durations("180 seconds <sup>5</sup> or 2 minutes"), [180, 120])


if __name__ == "__main__":
    unittest.main()
