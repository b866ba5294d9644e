"""The schemas of amlint's own data files, checked with python3-jsonschema for
the tools other than amlint (editors, CI linters) that validate with them:
schemas/amlint-config.schema.json (.amlint.yaml), compute-targets.schema.json
(rules/compute-targets.yaml, --targets) and vm-sizes.schema.json (rules/vm-sizes.yaml).

* each schema is valid in the dialect of the other schemas, and its anyOf
  branches differ by type (what amlint's anyOf relies on);
* every shipped instance validates and amlint accepts it: both tables, the
  fixture configs, the README's "Team policy" example, `amlint init`'s starter
  as written and with each commented example uncommented in turn;
* crafted wrong files fail in jsonschema at the pointer broken, and in amlint
  (exit 2; the table tool: 1) at the line broken, and there only.

YAML is typed as amlint's validator types it (src/manifest/scalar.cpp): PyYAML's
YAML 1.1 rules (yes/no/on/off are booleans, 1e3 a string), but no timestamps
(dates stay strings). amlint's config reader then takes some words exactly, as
YAML 1.2 would: a severity `off` (not false, Off, no), a suppressible true or
false (not yes, no); jsonschema, seeing booleans, accepts them all.
AMLINT_BINARY names amlint (default build/src/amlint), AMLINT_TABLE_TOOL the
table tool, which the vm-sizes cases need (amlint reads no vm-sizes file).
"""

import sys

sys.dont_write_bytecode = True

import json  # noqa: E402  (after dont_write_bytecode, on purpose)
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402
from pathlib import Path  # noqa: E402

import yaml  # noqa: E402
from jsonschema import Draft202012Validator, validators  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
AMLINT = Path(os.environ.get("AMLINT_BINARY", REPO / "build" / "src" / "amlint")).absolute()
TABLE_TOOL = os.environ.get("AMLINT_TABLE_TOOL")
TABLE_TOOL = TABLE_TOOL and Path(TABLE_TOOL).absolute()
DATA_SCHEMAS = ("amlint-config", "compute-targets", "vm-sizes")

# Fixture configs broken on purpose (both validators must reject them): none
# today. Each fixture config is valid; its suppressions make AML005, AML006,
# AML007 or AML009 findings (see its .expect file).
BROKEN_FIXTURE_CONFIGS = set()


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader without timestamps, refusing duplicate keys."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=True) for k, _ in node.value]
        if len(keys) != len(set(keys)):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep)


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(text):
    return yaml.load(text, Loader=Loader)


def load_schema(name):
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def errors_of(name, text):
    """jsonschema's errors for a YAML text: "keyword at JSON pointer", sorted."""
    return sorted(f"{e.validator} at {''.join(f'/{t}' for t in e.absolute_path) or '(root)'}"
                  for e in Draft202012Validator(load_schema(name)).iter_errors(load_yaml(text)))


def objects(node, at=""):
    """Every object of a JSON document, with its pointer."""
    if isinstance(node, dict):
        yield at, node
        children = node.items()
    else:
        children = enumerate(node) if isinstance(node, list) else ()
    for key, value in children:
        yield from objects(value, f"{at}/{key}")


def branch_types(root, branch):
    while "$ref" in branch:
        branch = root["$defs"][branch["$ref"][len("#/$defs/"):]]
    types = branch.get("type", ())
    types = {types} if isinstance(types, str) else set(types)
    return types | {"integer"} if "number" in types else types


def mutate(text, old, new):
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text, mark):
    assert text.count(mark) == 1, f"{mark!r} occurs {text.count(mark)} times"
    return text[:text.index(mark)].count("\n") + 1


def run(*args, cwd=None):
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def amlint_with(option, path):
    """amlint check of fixtures/examples with --config or --targets PATH."""
    return run(AMLINT, "check", option, path, "--fail-level", "none", "-q",
               REPO / "fixtures" / "examples")


def table_tool(path):
    return run(TABLE_TOOL, path, SCHEMAS / "vm-sizes.schema.json", TMP / "out.json")


def write(name, text):
    (TMP / name).write_text(text)
    return TMP / name


_TMP = tempfile.TemporaryDirectory(prefix="amlint-data-schemas-")  # removed at exit
TMP = Path(_TMP.name)
# Configs that name .amlint-baseline.json (README, init) find this one.
write(".amlint-baseline.json", '{"version": 1, "entries": []}\n')


def assert_accepted(test, config):
    """A config file valid to jsonschema and to amlint."""
    test.assertEqual(errors_of("amlint-config", Path(config).read_text()), [])
    result = amlint_with("--config", config)
    test.assertEqual((result.returncode, result.stderr), (0, ""))


class SchemaTest(unittest.TestCase):
    def test_dialect_is_the_one_of_the_other_schemas(self):
        dialects = {json.loads(p.read_text()).get("$schema") for p in SCHEMAS.glob("*.schema.json")}
        self.assertEqual(dialects, {"https://json-schema.org/draft/2020-12/schema"})
        for name in DATA_SCHEMAS:
            with self.subTest(name):
                self.assertIs(validators.validator_for(load_schema(name), default=None),
                              Draft202012Validator)
                Draft202012Validator.check_schema(load_schema(name))

    def test_anyof_branches_differ_by_type(self):
        for name in DATA_SCHEMAS:
            root = load_schema(name)
            found = [(at, s) for at, s in objects(root) if "anyOf" in s or "oneOf" in s]
            self.assertTrue(found, name)
            for at, s in found:
                seen = set()
                for branch in s.get("anyOf", []) + s.get("oneOf", []):
                    types = branch_types(root, branch)
                    self.assertTrue(types, f"{name} {at}: a branch without a type")
                    self.assertFalse(types & seen, f"{name} {at}: {types & seen} twice")
                    seen |= types


class ShippedTest(unittest.TestCase):
    def test_tables(self):
        for name in ("compute-targets", "vm-sizes"):
            self.assertEqual(errors_of(name, (REPO / "rules" / f"{name}.yaml").read_text()), [])
        result = amlint_with("--targets", REPO / "rules" / "compute-targets.yaml")
        self.assertEqual((result.returncode, result.stderr), (0, ""))
        if TABLE_TOOL:
            result = table_tool(REPO / "rules" / "vm-sizes.yaml")
            self.assertEqual((result.returncode, result.stderr), (0, ""))

    def test_fixture_configs(self):
        found = [p for p in sorted((REPO / "fixtures").rglob("*.yaml"))
                 if re.fullmatch(r"\.?amlint.*\.yaml", p.name)]
        self.assertGreaterEqual(len(found), 4)
        for path in found:
            with self.subTest(str(path.relative_to(REPO))):
                if str(path.relative_to(REPO)) not in BROKEN_FIXTURE_CONFIGS:
                    assert_accepted(self, path)
                else:
                    self.assertNotEqual(errors_of("amlint-config", path.read_text()), [])
                    self.assertEqual(amlint_with("--config", path).returncode, 2)

    def test_readme_team_policy(self):
        section = re.search(r"^## Team policy\n(.*?)^## ", (REPO / "README.md").read_text(),
                            re.S | re.M).group(1)
        text = re.search(r"^```yaml\n(.*?)^```", section, re.S | re.M).group(1)
        # The first YAML block is the config example (the second, a manifest).
        self.assertLessEqual({"fail-level", "rules", "suppress"}, set(load_yaml(text)))
        assert_accepted(self, write("readme.amlint.yaml", text))


class InitTest(unittest.TestCase):
    """`amlint init`'s starter, as written and with each example uncommented:
    an indented comment, or `# key:` for a key of the schema, with the comment
    lines under it indented further (prose comments are neither)."""

    COMMENT = re.compile(r"( *)# (.*)")

    def setUp(self):
        (TMP / "init").mkdir(exist_ok=True)
        result = run(AMLINT, "init", "--force", cwd=TMP / "init")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.lines = (TMP / "init" / ".amlint.yaml").read_text().split("\n")

    def examples(self):
        """(first line, the starter with that example uncommented) for each."""
        keys, lines = load_schema("amlint-config")["properties"], self.lines
        for i, line in enumerate(lines):
            m = self.COMMENT.fullmatch(line)
            if not m or m[2][:1] == " " or not (m[1] or m[2].split(":")[0] in keys):
                continue
            j = i + 1
            while j < len(lines) and (n := self.COMMENT.fullmatch(lines[j])) and n[1] == m[1] \
                    and n[2][:1] == " ":
                j += 1
            out = lines[:i] + ["".join(self.COMMENT.fullmatch(x).groups()) for x in lines[i:j]]
            out += lines[j:]
            if m[2].startswith("- "):  # an item of a bare `key:`, valid as uncommented
                k = max(k for k in range(i) if not self.COMMENT.fullmatch(lines[k]))
                self.assertTrue(out[k].endswith(":"), out[k])
            yield line.strip(), "\n".join(out)

    def test_starter(self):
        self.assertIn("fail-level: error", self.lines)
        assert_accepted(self, write("init.amlint.yaml", "\n".join(self.lines)))

    def test_each_example_uncommented(self):
        examples = list(self.examples())
        self.assertGreaterEqual(len(examples), 10)
        for first, text in examples:
            with self.subTest(first):
                assert_accepted(self, write("init.amlint.yaml", text))


# A crafted wrong file: (old, new, mark, error): `old` (once in the valid base)
# becomes `new`; amlint reports the line of `mark` and only it, jsonschema only
# `error` (for an unknown key, at the object that holds it; None: no error).
CONFIG_BASE = """\
fail-level: warning
rules:
  AML402: off
  inline-secret: {suppressible: false}
ignore: [legacy/]
overrides:
  - paths: [sandbox/]
    rules: {AML301: off}
suppress:
  - rule: AML202
    path: deploymentconfig.json
    pointer: /containerResourceRequirements/memoryInGB
    reason: load test
    until: 2099-12-31
"""
NC6 = "  Standard_NC6: {vcpus: 6, memory_gb: 56, gpus: 1, gpu: K80, family: NC}"
CASES = {"amlint-config": {
    "unknown_key": ("fail-level:", "fail-levels:", "levels", "additionalProperties at (root)"),
    "bad_fail_level": ("level: warning", "level: warn", "warn", "enum at /fail-level"),
    "bad_severity": ("AML402: off", "AML402: fatal", "fatal", "anyOf at /rules/AML402"),
    "typo_in_setting": ("{suppressible", "{suppresible", "suppresible",
                        "anyOf at /rules/inline-secret"),
    "globs_as_mapping": ("[legacy/]", "{legacy: x}", "ignore", "type at /ignore"),
    "override_without_rules": ("    rules: {AML301: off}\n", "", "- paths",
                               "required at /overrides/0"),
    "bad_date": ("2099-12-31", "2099-12-32", "2099", "pattern at /suppress/0/until"),
    "bad_pointer": ("pointer: /c", "pointer: c", "pointer", "pattern at /suppress/0/pointer"),
    "suppression_without_rule": ("rule: AML202\n    path", "path", "- path: d",
                                 "required at /suppress/0"),
    # YAML 1.1 booleans to jsonschema (so no error), words to the reader:
    # severity_off is a boolean because amlint's const compares the words.
    "severity_true": ("AML402: off", "AML402: true", "true", None),
    "severity_false": ("AML402: off", "AML402: false", "AML402", None),
    "severity_capitalised": ("AML402: off", "AML402: Off", "Off", None),
    "suppressible_no": ("suppressible: false", "suppressible: no", "no}", None),
}, "compute-targets": {
    "bad_version": ("version: 2", "version: 3", "schema_version", "anyOf at /schema_version"),
    "unknown_key": ("ACI\n", "ACI\n    colour: blue\n", "colour",
                    "additionalProperties at /targets/aci"),
    "quoted_number": ("less_than: 48,", "less_than: '48',", "'48'",
                      "type at /targets/aci/memory_gb/less_than"),
    "bad_date": ("2024-07-10", "2024-13-10", "2024-13", "pattern at /sources/v1-aci/as_of"),
    "source_without_title": ("    title: How to deploy models to Azure Container Instances with "
                             "CLI (v1)\n", "", "  v1-aci:\n", "required at /sources/v1-aci"),
    "bad_fact_id": ("  F4:\n", "  G4:\n", "G4", "additionalProperties at /facts"),
    # A factor past any size (issue 19: 1e300 overflowed a cast in AML204).
    "huge_headroom": ("model_ram_headroom: {value: 1.5", "model_ram_headroom: {value: 1.0e+300",
                      "1.0e+300", "maximum at /sizing/model_ram_headroom/value"),
}, "vm-sizes": {
    "bad_version": ("version: 2", "version: 1", "schema_version", "anyOf at /schema_version"),
    "unknown_key": (NC6, NC6[:-1] + ", cores: 6}", "cores: 6",
                    "additionalProperties at /sizes/Standard_NC6"),
    "quoted_number": (NC6, NC6.replace("vcpus: 6", "vcpus: '6'"), "'6'",
                      "type at /sizes/Standard_NC6/vcpus"),
    "bad_gpus": (NC6, NC6.replace("gpus: 1", "gpus: 1/0"), "1/0",
                 "anyOf at /sizes/Standard_NC6/gpus"),
    "size_without_family": (NC6, NC6.replace(", family: NC", ""), "NC6: {",
                            "required at /sizes/Standard_NC6"),
    "bad_retired_date": ("2021-03-01", "2021-3-1", "2021-3-1",
                         "pattern at /retired_families/8/retired"),
}}
BASES = {"amlint-config": CONFIG_BASE, **{n: (REPO / "rules" / f"{n}.yaml").read_text()
                                          for n in ("compute-targets", "vm-sizes")}}
KNOWN_BUGS = set()  # (schema, case) pairs expected to fail until fixed


class CraftedTest(unittest.TestCase):
    def check(self, name, case):
        old, new, mark, error = case
        text = mutate(BASES[name], old, new)
        self.assertEqual(errors_of(name, text), [error] if error else [])
        path = write("c.amlint.yaml" if name == "amlint-config" else f"{name}.yaml", text)
        if name == "vm-sizes":  # the tool's "invalid table" (2 is its usage error)
            result, code = table_tool(path), 1
        else:
            result, code = amlint_with("--config" if name == "amlint-config" else "--targets",
                                       path), 2
        self.assertEqual(result.returncode, code, result.stderr)
        lines = {int(n) for n in re.findall(re.escape(str(path)) + r":(\d+):\d+: ", result.stderr)}
        self.assertEqual(lines, {line_of(text, mark)}, result.stderr)

    def test_config_base_is_valid(self):
        assert_accepted(self, write("base.amlint.yaml", CONFIG_BASE))

    def test_tables_read_yaml11_booleans(self):
        # The table readers agree with PyYAML: `value: no` is false.
        text = mutate(BASES["compute-targets"], "{value: false, fact: F6}", "{value: no, fact: F6}")
        self.assertIs(load_yaml(text)["targets"]["aci"]["production"]["value"], False)
        self.assertEqual(errors_of("compute-targets", text), [])
        result = amlint_with("--targets", write("t.yaml", text))
        self.assertEqual((result.returncode, result.stderr), (0, ""))


def _crafted_test(name, case):
    def test(self):
        if name == "vm-sizes" and not TABLE_TOOL:
            self.skipTest("AMLINT_TABLE_TOOL is not set (amlint reads no vm-sizes file itself)")
        self.check(name, case)
    return test


for _name, _cases in CASES.items():
    for _case, _spec in _cases.items():
        _test = _crafted_test(_name, _spec)
        if (_name, _case) in KNOWN_BUGS:
            _test = unittest.expectedFailure(_test)
        setattr(CraftedTest, f"test_{_name.replace('-', '_')}_{_case}", _test)


if __name__ == "__main__":
    unittest.main()
