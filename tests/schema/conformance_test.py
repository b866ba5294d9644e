"""Conformance of amlint's schema validator (src/schema/validate.cpp) with
python3-jsonschema, on the manifest schemas of schemas/ and on JSON fixtures.

Run from anywhere (AMLINT_BINARY names the binary, default build/src/amlint;
only Python's standard library and python3-jsonschema are needed):

  python3 -B -m unittest discover -s tests/schema -p 'conformance_test.py'

SchemaFileTest checks each manifest schema as a draft 2020-12 document: valid
to jsonschema's metaschema, in amlint's dialect (schemas/README.md), every
`$ref` resolving, every `pattern` compiling in Python's re as well as RE2,
and what amlint's reading of anyOf relies on.

FixtureTest has one test per JSON instance under fixtures/rules/,
fixtures/corpus/ and fixtures/conformance/ that is strict JSON and whose
format maps to a schema (as amlint picks it: an online deployment with
type: kubernetes is a Kubernetes one whatever its $schema says): it validates
the instance with jsonschema and with `amlint check` (one run for all), and
compares the two sets of (JSON pointer, kind) errors. CraftedTest does the
same on small manifests written to a temporary directory, at least one per
keyword amlint implements. amlint's schemas are built into the binary, so
crafted instances are checked against the real schemas: no other schema can
be given to amlint.

Where amlint is meant to differ from a plain JSON Schema validator, the
difference is listed once in KNOWN_DIFFERENCES with its reason, keyed by
schema, pointer and kind, and limited by a condition on the value. Any other
difference fails. A difference that is a bug is not listed there: BugTest
reproduces each one, as an expected failure until it is fixed.
"""

import sys

sys.dont_write_bytecode = True

import fnmatch  # noqa: E402  (after dont_write_bytecode, on purpose)
import functools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable  # noqa: E402

from jsonschema import Draft202012Validator  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
AMLINT = Path(os.environ.get("AMLINT_BINARY", str(REPO / "build" / "src" / "amlint")))
INSTANCE_DIRS = [REPO / "fixtures" / d for d in ("rules", "corpus", "conformance")]

# Schemas of amlint's own reports and of its config and data tables, not of manifests.
NOT_MANIFEST_SCHEMAS = {"amlint-output", "gitlab-codequality", "amlint-config", "compute-targets", "vm-sizes"}
MANIFEST_SCHEMAS = sorted(
    p.name[: -len(".schema.json")]
    for p in SCHEMAS.glob("*.schema.json")
    if p.name[: -len(".schema.json")] not in NOT_MANIFEST_SCHEMAS
)

# The $schema file name, lower case, without .schema.json -> schema file.
SCHEMA_OF_URL_NAME = {
    "managedonlinedeployment": "managed-online-deployment",
    "kubernetesonlinedeployment": "kubernetes-online-deployment",
    "managedonlineendpoint": "managed-online-endpoint",
    "kubernetesonlineendpoint": "kubernetes-online-endpoint",
    "batchendpoint": "batch-endpoint",
    "modelbatchdeployment": "model-batch-deployment",
    "pipelinecomponentbatchdeployment": "pipeline-component-batch-deployment",
    "amlcompute": "amlcompute",
    "computeinstance": "compute-instance",
    "kubernetescompute": "kubernetes-compute",
    "vmcompute": "virtual-machine-compute",
}
V1_SCHEMAS = {"v1-deployment-config", "v1-inference-config"}

# amlint's dialect (schemas/README.md, "Dialect"), and its extensions.
DIALECT = set(
    "$schema $id title description $comment type properties additionalProperties "
    "patternProperties required enum const pattern minimum maximum exclusiveMinimum "
    "exclusiveMaximum minLength maxLength items minItems maxItems $defs $ref anyOf default "
    "examples deprecated".split()
)
EXTENSIONS = {
    "x-amlint-case-insensitive", "x-amlint-casing", "x-amlint-open", "x-amlint-severity",
    "x-amlint-advisory-required", "x-amlint-targets", "x-amlint-hint", "x-amlint-misplaced",
    "x-amlint-rule", "x-amlint-message", "x-amlint-path",
}

# Patterns Python's re rejects or reads otherwise than RE2, by (schema, schema
# pointer of the pattern or of the patternProperties key): none today. RE2
# and Python's re also differ in meaning on every pattern: Python's `$`
# matches before a final newline (see KNOWN_DIFFERENCES, python-dollar).
PYTHON_REJECTED_PATTERNS = {}

# The rules amlint routes schema violations to, and the kind of each.
RULE_KIND = {
    "AML501": "unknown-key",
    "AML502": "wrong-type",
    "AML503": "invalid-value",
    "AML504": "missing-required",
    "AML505": "ignored-by-target",
    "AML508": "invalid-value",  # x-amlint-rule: names
    "AML509": "invalid-value",  # x-amlint-rule: traffic
    "AML511": "invalid-value",  # x-amlint-rule: scale settings
    "AML512": "invalid-value",  # (no schema routes to it today)
}
# What these rules report from their own code rather than from the schema:
# AML503 endpoint_references.cpp (a deployment on an endpoint of another
# kind), AML508 invalid_name.cpp, AML509 invalid_traffic.cpp, AML511
# invalid_scale_range.cpp, AML512 over_service_limit.cpp.
NON_SCHEMA_MESSAGES = re.compile(
    r"; point it at |endpoint name and deployment name take|traffic adds up to"
    r"|gets live traffic and mirrored|mirror_traffic copies traffic to one deployment only"
    r"|^traffic names deployment|; the minimum cannot exceed the maximum"
    r"| is over the limit of |deployments, over the limit"
)
# `--ignore AML0,AML1,AML2,AML3,AML4,AML6,AML7`, but for AML003 (a file named
# explicitly that is not a manifest): every file compared must be one.
IGNORED_RULES = ",".join([f"AML00{i}" for i in (1, 2, 4, 5, 6, 7, 8, 9)]
                         + ["AML010", "AML1", "AML2", "AML3", "AML4", "AML6", "AML7"])

# jsonschema keywords whose failure is amlint's "invalid value".
VALUE_KEYWORDS = {
    "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
}


# --- JSON helpers -----------------------------------------------------------


class NotStrictJson(ValueError):
    pass


class JsonFloat(float):
    """A JSON number with a fraction or an exponent, with its text: amlint
    types JSON numbers as PyYAML types their text (1e3 is a string)."""

    text = ""


def _parse_float(text):
    f = JsonFloat(text)
    f.text = text
    return f


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise NotStrictJson("duplicate key")
    return dict(pairs)


def _no_constant(name):
    raise NotStrictJson(name)


def load_strict_json(path):
    """The JSON value of `path`, or None unless it is strict JSON (UTF-8, no
    BOM, no duplicate keys, no NaN or Infinity, nesting Python can read)."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
        if text.startswith("\ufeff"):
            return None
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_float=_parse_float)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(path):
    return "".join("/" + escape(t) for t in path)


def split_pointer(ptr):
    return [t.replace("~1", "/").replace("~0", "~") for t in ptr.split("/")[1:]] if ptr else []


_MISSING = object()


def value_at(doc, ptr):
    """The value at a JSON pointer, and its parent container (or None)."""
    value, parent = doc, None
    for token in split_pointer(ptr):
        parent = value
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return _MISSING, parent
    return value, parent


def json_types(value):
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        return {"number", "integer"} if value.is_integer() else {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, list):
        return {"array"}
    return {"object"}


# --- schemas ----------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def load_schema(name):
    """The schema document, one object per file (never modified): the
    schemas that jsonschema's errors name are its parts."""
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def validator_for(name):
    return Draft202012Validator(load_schema(name))


def deref(root, schema):
    """`schema` with its `$ref`s (to the same file's $defs) followed."""
    for _ in range(32):
        if not isinstance(schema, dict) or "$ref" not in schema:
            return schema
        schema = root["$defs"][schema["$ref"][len("#/$defs/"):]]
    return schema


def admits(branch, value):
    """Whether an anyOf branch's `type` admits the value (amlint picks the
    first branch that does: its anyOf offers one branch per type)."""
    types = branch.get("type") if isinstance(branch, dict) else None
    if types is None:
        return branch is not False
    types = {types} if isinstance(types, str) else set(types)
    return bool(types & json_types(value))


def subschemas(schema, at=""):
    """Every schema in a schema document, with its schema pointer."""
    yield at, schema
    if not isinstance(schema, dict):
        return
    for keyword in ("properties", "patternProperties", "$defs"):
        for key, sub in schema.get(keyword, {}).items():
            yield from subschemas(sub, f"{at}/{keyword}/{escape(key)}")
    if isinstance(schema.get("additionalProperties"), dict):
        yield from subschemas(schema["additionalProperties"], f"{at}/additionalProperties")
    if "items" in schema:
        yield from subschemas(schema["items"], f"{at}/items")
    for i, branch in enumerate(schema.get("anyOf", [])):
        yield from subschemas(branch, f"{at}/anyOf/{i}")


def schema_at(root, doc, ptr):
    """The schema amlint applies to the value at instance pointer `ptr`
    ($ref followed, the anyOf branch chosen by type), or None."""
    schema, value = root, doc
    tokens = split_pointer(ptr)
    for i in range(len(tokens) + 1):
        schema = deref(root, schema)
        if isinstance(schema, dict) and "anyOf" in schema:
            branch = next((b for b in schema["anyOf"] if admits(deref(root, b), value)), None)
            if branch is None:
                return None
            schema = deref(root, branch)
        if i == len(tokens) or not isinstance(schema, dict):
            break
        token = tokens[i]
        if isinstance(value, dict):
            sub = schema.get("properties", {}).get(token)
            if sub is None:
                sub = next((s for p, s in schema.get("patternProperties", {}).items()
                            if re.search(p, token)), None)
            if sub is None and isinstance(schema.get("additionalProperties"), dict):
                sub = schema["additionalProperties"]
            value = value.get(token, _MISSING)
        elif isinstance(value, list) and token.isdigit():
            sub = schema.get("items")
            value = value[int(token)] if int(token) < len(value) else _MISSING
        else:
            return None
        if sub is None:
            return None
        schema = sub
    return schema if isinstance(schema, dict) else None


# --- format detection, as src/manifest/format.cpp does it --------------------


def azureml_schema_name(url):
    url = url.strip()
    if "azureml" not in url.lower():
        return ""
    name = url[url.rfind("/") + 1:]
    for suffix in (".schema.json", ".json"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.lower()


LEGACY_BATCH_SETTINGS = ("mini_batch_size", "output_action", "output_file_name",
                         "retry_settings", "error_threshold", "logging_level",
                         "max_concurrency_per_instance")


def schema_for_document(doc):
    """The schema amlint validates `doc` with, or None when this test does
    not compare it (not an object, or a format outside SCHEMA_OF_URL_NAME)."""
    if not isinstance(doc, dict):
        return None
    url = doc.get("$schema")
    name = azureml_schema_name(url) if isinstance(url, str) else ""
    if not name:
        if "computeType" in doc:
            return "v1-deployment-config"
        if "entryScript" in doc:
            return "v1-inference-config"
        return None
    schema = SCHEMA_OF_URL_NAME.get(name)
    # As az ml loads the file: an online deployment with type: kubernetes is
    # a Kubernetes one, an online endpoint with a compute a Kubernetes one
    # (whatever $schema says), and a batch deployment without type or
    # settings but with settings at the root the legacy form.
    if schema in ("managed-online-deployment", "kubernetes-online-deployment"):
        kubernetes = doc.get("type") == "kubernetes"
        schema = "kubernetes-online-deployment" if kubernetes else "managed-online-deployment"
    elif schema in ("managed-online-endpoint", "kubernetes-online-endpoint"):
        compute = doc.get("compute")
        kubernetes = "compute" in doc and compute is not None and compute != ""
        schema = "kubernetes-online-endpoint" if kubernetes else "managed-online-endpoint"
    elif schema == "model-batch-deployment":
        kind = doc.get("type")
        if isinstance(kind, str) and kind.lower() == "pipeline":
            schema = "pipeline-component-batch-deployment"
        elif "type" not in doc and "settings" not in doc and any(
                k in doc for k in LEGACY_BATCH_SETTINGS):
            schema = "batch-deployment-legacy"
    return schema


# --- the two verdicts ---------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    pointer: str  # JSON pointer of the value (of the key's value for keys)
    kind: str  # unknown-key, wrong-type, invalid-value, missing-required, ignored-by-target
    detail: str = ""  # the missing key, for missing-required

    def __str__(self):
        return f"{self.kind} at {self.pointer or '(root)'}" + (
            f" ({self.detail})" if self.detail else "")


def required_pointer(path, obj):
    """Where amlint reports a missing key: at the key of the object, or, for
    the root object or an object in a list (no key), at its first key."""
    if path and not isinstance(path[-1], int):
        return pointer(path)
    return pointer(list(path) + [next(iter(obj))]) if obj else pointer(path)


def jsonschema_issues(schema_name, doc):
    """jsonschema's errors as Issues, each with the error. An anyOf error is
    the error of the branch its type selects (amlint's anyOf offers one
    branch per type), a wrong type when no branch takes the value's type."""
    root = load_schema(schema_name)
    out = {}

    def add(issue, error):
        out.setdefault(issue, error)

    def visit(error):
        path = list(error.absolute_path)
        at = pointer(path)
        keyword = error.validator
        if keyword == "anyOf":
            for i, branch in enumerate(error.validator_value):
                if admits(deref(root, branch), error.instance):
                    for sub in error.context:
                        if sub.relative_schema_path[0] == i:
                            visit(sub)
                    return
            add(Issue(at, "wrong-type"), error)
        elif keyword == "type":
            add(Issue(at, "wrong-type"), error)
        elif keyword == "additionalProperties":
            schema = error.schema
            for key in error.instance:
                if key in schema.get("properties", {}):
                    continue
                if any(re.search(p, key) for p in schema.get("patternProperties", {})):
                    continue
                add(Issue(f"{at}/{escape(key)}", "unknown-key"), error)
        elif keyword == "required":
            for key in error.validator_value:
                if key not in error.instance:
                    add(Issue(required_pointer(path, error.instance), "missing-required", key),
                        error)
        elif keyword in VALUE_KEYWORDS:
            add(Issue(at, "invalid-value"), error)
        else:
            add(Issue(at, "unsupported-keyword:" + keyword), error)

    for error in validator_for(schema_name).iter_errors(doc):
        visit(error)
    # A value of the wrong type is only that: amlint checks no enum, pattern
    # or range of it (jsonschema reports both).
    wrong = {i.pointer for i in out if i.kind == "wrong-type"}
    return {i: e for i, e in out.items() if not (i.kind == "invalid-value" and i.pointer in wrong)}


def amlint_issues(findings):
    """amlint's schema findings as Issues, each with the finding."""
    out = {}
    unrecognised = [f["message"] for f in findings if f["rule"] == "AML003"]
    if unrecognised:
        raise AssertionError(f"amlint did not lint the file: {unrecognised[0]}")
    for f in findings:
        kind = RULE_KIND.get(f["rule"])
        if kind is None or NON_SCHEMA_MESSAGES.search(f["message"]):
            continue
        detail = ""
        if kind == "missing-required":
            detail = re.match(r"missing required key '(.*?)'", f["message"]).group(1)
        out.setdefault(Issue(f.get("doc_path") or "", kind, detail), f)
    return out


def run_amlint(cwd, files):
    """amlint's findings for each of `files` (paths relative to `cwd`), in one
    run, with an empty config (no fixture's .amlint.yaml applies)."""
    if not AMLINT.is_file() or not os.access(AMLINT, os.X_OK):
        raise AssertionError(f"no amlint binary at {AMLINT}: build it, or set AMLINT_BINARY")
    with tempfile.TemporaryDirectory(prefix="amlint-conformance-") as tmp:
        config = Path(tmp) / "empty.amlint.yaml"
        config.write_text("")
        result = subprocess.run(
            [str(AMLINT), "check", "--format", "json", "--quiet", "--config", str(config),
             "--fail-level", "none", "--ignore", IGNORED_RULES, *map(str, files)],
            cwd=cwd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"amlint exited with {result.returncode}: {result.stderr}")
    report = json.loads(result.stdout)
    findings = {(Path(cwd) / f).resolve(): [] for f in files}
    for f in report["findings"]:
        findings.setdefault((Path(cwd) / f["path"]).resolve(), []).append(f)
    return findings


# --- known, intended differences ------------------------------------------------


@dataclass
class Case:
    """One instance compared: what the conditions of KNOWN_DIFFERENCES see."""
    name: str
    schema_name: str
    doc: object
    js: dict = field(default_factory=dict)  # Issue -> jsonschema error
    am: dict = field(default_factory=dict)  # Issue -> amlint finding

    @property
    def root(self):
        return load_schema(self.schema_name)

    def value(self, issue):
        return value_at(self.doc, issue.pointer)[0]

    def schema(self, issue):
        return schema_at(self.root, self.doc, issue.pointer)

    def property_schema(self, issue):
        """The schema of the key or item at the issue's pointer, before its
        anyOf branch is chosen ($ref followed)."""
        tokens = split_pointer(issue.pointer)
        if not tokens:
            return None
        parent_ptr = pointer(tokens[:-1])
        parent = schema_at(self.root, self.doc, parent_ptr)
        if parent is None:
            return None
        token = tokens[-1]
        if isinstance(value_at(self.doc, parent_ptr)[0], list):
            sub = parent.get("items")
        else:
            sub = parent.get("properties", {}).get(token)
            if sub is None:
                sub = next((s for p, s in parent.get("patternProperties", {}).items()
                            if re.search(p, token)), None)
            if sub is None and isinstance(parent.get("additionalProperties"), dict):
                sub = parent["additionalProperties"]
        return deref(self.root, sub) if sub is not None else None

    def anyof_branches(self, issue):
        s = self.property_schema(issue)
        return [deref(self.root, b) for b in s.get("anyOf", [])] if s else []


# amlint's placeholder forms (src/manifest/placeholder.cpp): values it does
# not judge until a pipeline fills them in.
_PLACEHOLDER_WHOLE = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*|__[A-Z][A-Z0-9_]*|<.+>")
_PLACEHOLDER_INSIDE = re.compile(
    r"\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[A-Za-z_][A-Za-z0-9 _.:/-]*>|__[A-Z][A-Z0-9_]*__"
    r"|#\{[^}]*\}#")

# PyYAML's (YAML 1.1) float resolver, as src/manifest/scalar.cpp has it.
_PYYAML_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")

# The strings amlint tries a pattern on to tell a numeric-string pattern
# (src/schema/schema.cpp, kNumbers).
_NUMBERS = ("0", "1", "2", "10", "50", "100", "-1", "1.5")


def is_placeholder(value):
    if not isinstance(value, str):
        return False
    text = value.strip(" \t\r\n")
    return bool(_PLACEHOLDER_WHOLE.fullmatch(text) or _PLACEHOLDER_INSIDE.search(text))


def is_numeric_string_pattern(pattern):
    return (any(re.search(pattern, n) for n in _NUMBERS) and not re.search(pattern, "x")
            and not re.search(pattern, ""))


def camel_to_snake(text):
    """azure-ai-ml's _camel_to_snake_convert, per comma-separated item."""
    def one(s):
        s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", s)
        return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()
    return ",".join(one(p.strip()) for p in text.split(",")) if "," in text else one(text)


def compute_type_of(case):
    """What x-amlint-targets are compared with: a v1 computeType; for the
    aml-deploy action, aks when it names a compute target, else aci."""
    if case.schema_name == "aml-deploy-action":
        return "aks" if "deployment_compute_target" in case.doc else "aci"
    compute_type = case.doc.get("computeType")
    return compute_type.lower() if isinstance(compute_type, str) else None


def _case_folded_enum(case, issue):
    error = case.js[issue]
    s = error.schema
    return (error.validator == "enum" and s.get("x-amlint-case-insensitive") is True
            and isinstance(error.instance, str)
            and error.instance.lower() in {str(v).lower() for v in s["enum"]})


def _camel_to_snake_enum(case, issue):
    error = case.js[issue]
    s = error.schema
    return (error.validator == "enum" and s.get("x-amlint-casing") == "camel_to_snake"
            and isinstance(error.instance, str)
            and camel_to_snake(error.instance) in {camel_to_snake(v) for v in s["enum"]})


def _ignored_for_target(case, issue):
    s = case.schema(issue)
    compute_type = compute_type_of(case)
    return (s is not None and "x-amlint-targets" in s and compute_type is not None
            and compute_type not in {t.lower() for t in s["x-amlint-targets"]})


def _under_ignored_key(case, issue):
    return any(a.kind == "ignored-by-target"
               and (issue.pointer == a.pointer or issue.pointer.startswith(a.pointer + "/"))
               for a in case.am)


def _placeholder(case, issue):
    return is_placeholder(case.value(issue))


def _integer_string_in_range(case, issue):
    """A string that Python's int() (marshmallow's fields.Int) reads, in the
    range of the anyOf's integer branch, that the string branch's pattern
    does not spell out ('-0')."""
    error = case.js[issue]
    if error.validator != "pattern" or not isinstance(error.instance, str):
        return False
    try:
        number = int(error.instance)
    except ValueError:
        return False
    integer = next((b for b in case.anyof_branches(issue) if b.get("type") == "integer"), None)
    return integer is not None and Draft202012Validator(integer).is_valid(number)


def _not_a_number_for_a_number(case, issue):
    """A string that is no number, in an anyOf of a number and a string of
    digits: amlint calls it a wrong type (the field is a number to the user),
    jsonschema a string that does not match the string branch's pattern."""
    error = case.js[issue]
    branches = case.anyof_branches(issue)
    return (error.validator == "pattern" and isinstance(error.instance, str)
            and is_numeric_string_pattern(error.validator_value)
            and any(b.get("type") in ("integer", "number") for b in branches)
            and any(b is error.schema for b in branches))


def _python_dollar(case, issue):
    value = case.value(issue)
    s = case.schema(issue)
    return (isinstance(value, str) and value.endswith("\n") and s is not None
            and "pattern" in s and re.search(s["pattern"], value) is not None
            and re.search(s["pattern"], value[:-1]) is not None)


def _unicode_space(case, issue):
    """The key or value holds a character that is \\s to Python's re and to
    ECMA-262 but not to RE2 (whose \\s is [\\t\\n\\f\\r ])."""
    key = split_pointer(issue.pointer)[-1] if issue.pointer else ""
    value = case.value(issue)
    texts = [key] + ([value] if isinstance(value, str) else [])
    return any(re.fullmatch(r"\s", c) and c not in "\t\n\f\r " for t in texts for c in t)


def _layered_iot_edge(case, issue):
    modules = case.doc.get("modulesContent")
    return isinstance(modules, dict) and any(
        isinstance(m, dict) and any(k.startswith("properties.desired.") for k in m)
        for m in modules.values())


def _yaml11_number_text(case, issue):
    value = case.value(issue)
    return isinstance(value, JsonFloat) and not _PYYAML_FLOAT.fullmatch(value.text)


VALUE_KINDS = ("wrong-type", "invalid-value")
ALL_KINDS = ("unknown-key", "wrong-type", "invalid-value", "missing-required")


@dataclass(frozen=True)
class Difference:
    name: str
    schemas: tuple  # schema names, or ("*",) for every manifest schema
    pointer: str  # fnmatch pattern over the instance pointer ('*' crosses '/')
    kinds: tuple  # the issue's kind is one of these
    only: str  # the validator that reports it: "amlint" or "jsonschema"
    when: Callable  # (Case, Issue) -> bool: the value is the one the reason is about
    reason: str
    # When set, not a verdict that only one validator gives: jsonschema
    # says `kinds[0]` where amlint says `amlint_kind`, at the same pointer.
    amlint_kind: str = ""

    def explains(self, case, issue, only):
        if "*" not in self.schemas and case.schema_name not in self.schemas:
            return False
        if not fnmatch.fnmatchcase(issue.pointer, self.pointer):
            return False
        if self.amlint_kind:
            js = Issue(issue.pointer, self.kinds[0])
            am = Issue(issue.pointer, self.amlint_kind)
            return js in case.js and am in case.am and self.when(case, js)
        return only == self.only and issue.kind in self.kinds and self.when(case, issue)


ANY = ("*",)
TARGETED = ("aml-deploy-action", "v1-deployment-config")

KNOWN_DIFFERENCES = [
    Difference(
        "case-insensitive-enum", ANY, "*", ("invalid-value",), "jsonschema", _case_folded_enum,
        "x-amlint-case-insensitive: amlint compares the enum ignoring case, as the SDK's "
        "StringTransformedEnum (lower-cases) and az ml v1 (computeType) do; jsonschema "
        "compares exactly"),
    Difference(
        "camel-to-snake-enum", ANY, "*", ("invalid-value",), "jsonschema", _camel_to_snake_enum,
        "x-amlint-casing: camel_to_snake: amlint compares the enum after azure-ai-ml's "
        "camel_to_snake (SystemAssigned is system_assigned); jsonschema compares exactly"),
    Difference(
        "ignored-by-target", TARGETED, "/*", ("ignored-by-target",), "amlint",
        _ignored_for_target,
        "x-amlint-targets: a valid key that this computeType (the action's target) ignores "
        "is AML505, a warning; jsonschema has no notion of the target"),
    Difference(
        "value-of-ignored-key", TARGETED, "/*", ALL_KINDS, "jsonschema", _under_ignored_key,
        "x-amlint-targets: amlint reports a key that the target ignores (AML505) instead of "
        "judging its value"),
    Difference(
        "placeholder", ANY, "*", VALUE_KINDS, "jsonschema", _placeholder,
        "placeholders (`<...>`, `{{...}}`, `$(...)`, `${...}`, `$name`, `__NAME__`, "
        "`#{...}#`): a template value amlint does not judge until it is filled in (AML010 "
        "says so once per file)"),
    Difference(
        "integer-string", ANY, "*", ("invalid-value",), "jsonschema", _integer_string_in_range,
        "anyOf integer-or-integer-string: amlint judges a numeric string by the integer "
        "branch's range, as marshmallow's fields.Int (Python int()) reads it; the string "
        "branch's pattern does not spell out every form int() accepts ('-0')"),
    Difference(
        "not-a-number", ANY, "*", ("invalid-value",), "jsonschema", _not_a_number_for_a_number,
        "anyOf number-or-numeric-string: a string that is no number ('30s') is AML502, a "
        "wrong type, to amlint (schemas/README.md: the field is a number to the user); to "
        "jsonschema it fails the string branch's pattern", amlint_kind="wrong-type"),
    Difference(
        "python-dollar", ANY, "*", ("invalid-value",), "amlint", _python_dollar,
        "pattern `$`: in Python's re (jsonschema) it also matches before a final newline; in "
        "RE2 (amlint) and ECMA-262, which JSON Schema follows, only at the end"),
    Difference(
        "re2-space", ("iot-edge-manifest",), "*", ("unknown-key", "invalid-value"), "jsonschema",
        _unicode_space,
        "pattern `\\s`: RE2's is [\\t\\n\\f\\r ]; Python's (and ECMA-262's) also takes \\v and "
        "Unicode spaces (U+00A0), so a module env name 'A\\u00a0B' matches ^[^+#$\\s.]+$ only "
        "in amlint"),
    Difference(
        "layered-iot-edge", ("iot-edge-manifest",), "*", ("missing-required",), "jsonschema",
        _layered_iot_edge,
        "a layered IoT Edge deployment (properties.desired.* keys) sets single properties on "
        "a base deployment: amlint does not require the base's keys (structure.cpp)"),
    Difference(
        "yaml11-number", ANY, "*", ("wrong-type",), "amlint", _yaml11_number_text,
        "amlint types a JSON number as az ml's PyYAML (YAML 1.1) does: 1e3 (no dot) or "
        "1.5e3 (no exponent sign) is a string to it, a number to JSON"),
]

# Fixture (path under fixtures/) or crafted case names whose difference is a
# bug in amlint or in a schema: their tests are expected failures, and fail
# once they pass (then remove the entry). None today: the bugs found so far
# have their own tests in BugTest.
KNOWN_BUGS = {}

USED_DIFFERENCES = set()


def differences(case):
    """The differences between the two verdicts that no entry of
    KNOWN_DIFFERENCES explains, as sentences."""
    unexplained = []
    for only, issues in (("jsonschema", case.js.keys() - case.am.keys()),
                         ("amlint", case.am.keys() - case.js.keys())):
        for issue in sorted(issues, key=str):
            known = next((d for d in KNOWN_DIFFERENCES if d.explains(case, issue, only)), None)
            if known:
                USED_DIFFERENCES.add(known.name)
                continue
            said = (case.js[issue].message if only == "jsonschema"
                    else f"{case.am[issue]['rule']}: {case.am[issue]['message']}")
            unexplained.append(f"only {only} reports {issue}: {said}")
    return unexplained


# --- fixtures -----------------------------------------------------------------


def fixture_instances():
    """(path, schema name, document) of every JSON fixture this test compares."""
    out = []
    for directory in INSTANCE_DIRS:
        if not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*.json")):
            doc = load_strict_json(path)
            name = schema_for_document(doc) if doc is not None else None
            if name:
                out.append((path, name, doc))
    return out


FIXTURES = fixture_instances()


@functools.lru_cache(maxsize=None)
def fixture_findings():
    return run_amlint(REPO, [p.relative_to(REPO) for p, _, _ in FIXTURES])


@functools.lru_cache(maxsize=None)
def fixture_case(path):
    _, name, doc = next(f for f in FIXTURES if f[0] == path)
    return Case(str(path.relative_to(REPO)), name, doc, jsonschema_issues(name, doc),
                amlint_issues(fixture_findings()[path.resolve()]))


# --- crafted instances ------------------------------------------------------------

URL = "https://azuremlschemas.azureedge.net/latest/{}.schema.json"
MANAGED = {
    "$schema": URL.format("managedOnlineDeployment"),
    "name": "blue",
    "endpoint_name": "my-endpoint",
    "model": "azureml:my-model:1",
    "code_configuration": {"code": ".", "scoring_script": "score.py"},
    "environment": "azureml:my-env:1",
    "instance_type": "Standard_DS3_v2",
    "instance_count": 1,
}
KUBERNETES = dict(MANAGED, **{"$schema": URL.format("kubernetesOnlineDeployment"),
                              "type": "kubernetes", "instance_type": "defaultinstancetype"})
ENDPOINT = {"$schema": URL.format("managedOnlineEndpoint"), "name": "other-endpoint",
            "auth_mode": "key"}
V1_CONFIG = {"computeType": "aks", "containerResourceRequirements": {"cpu": 1, "memoryInGB": 1}}
ACTION = {"name": "my-service", "inference_entry_script": "score.py"}
COMPUTE = {"$schema": URL.format("amlCompute"), "name": "cpu-cluster", "type": "amlcompute"}
INSTANCE = {"$schema": URL.format("computeInstance"), "name": "ci-1", "type": "computeinstance"}
IOT_EDGE = {
    "modulesContent": {
        "$edgeAgent": {"properties.desired": {
            "schemaVersion": "1.1",
            "runtime": {"type": "docker", "settings": {}},
            "systemModules": {
                "edgeAgent": {"type": "docker", "settings": {"image": "edgeAgent:1.4"}},
                "edgeHub": {"type": "docker", "status": "running", "restartPolicy": "always",
                            "settings": {"image": "edgeHub:1.4"}}},
            "modules": {"scorer": {"type": "docker", "status": "running",
                                   "restartPolicy": "always",
                                   "settings": {"image": "scorer:1"},
                                   "env": {"MODE": {"value": "fast"}}}}}},
        "$edgeHub": {"properties.desired": {"schemaVersion": "1.1",
                                             "routes": {"all": "FROM /* INTO $upstream"}}},
    }
}
ENV = "/modulesContent/$edgeAgent/properties.desired/modules/scorer/env"


def _with(base, *edits):
    """A deep copy of `base` with each (pointer, value) set (value _MISSING
    deletes the key)."""
    doc = json.loads(json.dumps(base))
    for ptr, value in edits:
        tokens = split_pointer(ptr)
        target = doc
        for t in tokens[:-1]:
            target = target[int(t)] if isinstance(target, list) else target.setdefault(t, {})
        if value is _MISSING:
            del target[tokens[-1]]
        else:
            target[tokens[-1]] = value
    return doc


@dataclass(frozen=True)
class Crafted:
    name: str
    schema_name: str
    doc: dict
    keywords: frozenset  # the jsonschema keywords the case must make fail
    text: str = ""  # the file's text, when json.dumps cannot write it (1e-1)


def crafted(name, schema_name, doc, *keywords, text=""):
    return Crafted(name, schema_name, doc, frozenset(keywords), text)


# Keywords amlint implements that no manifest schema uses: amlint validates
# only its built-in schemas, so these have no end-to-end case (the C++ unit
# test tests/unit/schema_test.cpp covers them on inline schemas).
UNREACHABLE_KEYWORDS = {"const", "exclusiveMaximum", "minItems"}

MOD = "managed-online-deployment"
CRAFTED = [
    crafted("valid_managed_deployment", MOD, MANAGED),
    crafted("valid_kubernetes_deployment", "kubernetes-online-deployment", KUBERNETES),
    crafted("valid_endpoint", "managed-online-endpoint", ENDPOINT),
    crafted("valid_v1_config", "v1-deployment-config", V1_CONFIG),
    crafted("valid_action", "aml-deploy-action", ACTION),
    crafted("valid_iot_edge", "iot-edge-manifest", IOT_EDGE),
    # type
    crafted("type_string", MOD, _with(MANAGED, ("/description", 5)), "type"),
    crafted("type_object", MOD, _with(MANAGED, ("/request_settings", [1])), "type"),
    crafted("type_integer_not_fraction", MOD, _with(MANAGED, ("/instance_count", 1.5)), "anyOf"),
    crafted("type_integer_whole_float", MOD, _with(MANAGED, ("/instance_count", 2.0))),
    crafted("type_boolean_not_integer", MOD, _with(MANAGED, ("/instance_count", True)), "anyOf"),
    crafted("type_null_v2", MOD, _with(MANAGED, ("/description", None)), "type"),
    crafted("type_v1_boolean", "v1-deployment-config",
            _with(V1_CONFIG, ("/appInsightsEnabled", "true")), "type"),
    crafted("type_in_list", "v1-inference-config",
            {"entryScript": "score.py", "environment": {"docker": {"arguments": ["-e", 1]}}},
            "type"),
    crafted("type_list_of_types", MOD,
            _with(MANAGED, ("/model", {"path": ".", "version": True})), "type"),
    # enum
    crafted("enum", MOD, _with(MANAGED, ("/scale_settings", {"type": "target_utilization"})),
            "enum"),
    crafted("enum_v1", "v1-deployment-config", _with(V1_CONFIG, ("/computeType", "aks2")),
            "enum"),
    crafted("enum_integer_branch", "amlcompute", _with(COMPUTE, ("/enable_node_public_ip", 2)),
            "enum"),
    crafted("enum_string_branch", MOD, _with(MANAGED, ("/app_insights_enabled", "maybe")),
            "enum"),
    crafted("enum_camel_to_snake_combined", "managed-online-endpoint",
            _with(ENDPOINT, ("/identity", {"type": "SystemAssigned,UserAssigned"})), "enum"),
    # pattern
    crafted("pattern", MOD, _with(MANAGED, ("/endpoint_name", "my_endpoint")), "pattern"),
    crafted("pattern_anyof_string_branch", MOD, _with(MANAGED, ("/model", "my-model:1")),
            "pattern"),
    crafted("pattern_unanchored_end", "v1-inference-config", {"entryScript": "src\\score.py"}),
    crafted("pattern_non_ascii", MOD, _with(MANAGED, ("/name", "bl\u00fce")), "pattern"),
    # minimum / maximum / exclusiveMinimum
    crafted("minimum", MOD, _with(MANAGED, ("/instance_count", 0)), "minimum"),
    crafted("minimum_integer_string", MOD, _with(MANAGED, ("/instance_count", "0")), "pattern"),
    crafted("minimum_integer_string_ok", MOD, _with(MANAGED, ("/instance_count", " +03 "))),
    crafted("maximum", "kubernetes-online-deployment",
            _with(KUBERNETES, ("/scale_settings", {"type": "target_utilization",
                                                   "target_utilization_percentage": 101})),
            "maximum"),
    crafted("maximum_number", MOD, _with(MANAGED, ("/data_collector", {"sampling_rate": 1.5})),
            "maximum"),
    crafted("maximum_v1", "v1-deployment-config",
            _with(V1_CONFIG, ("/autoScaler", {"targetUtilization": 101})), "maximum"),
    crafted("exclusive_minimum", "v1-deployment-config",
            _with(V1_CONFIG, ("/containerResourceRequirements/cpu", 0)), "exclusiveMinimum"),
    crafted("exclusive_minimum_ok", "v1-deployment-config",
            _with(V1_CONFIG, ("/containerResourceRequirements/cpu", 0.1))),
    # minLength / maxLength (in code points)
    crafted("min_length", MOD, _with(MANAGED, ("/name", "ab")), "minLength"),
    crafted("max_length", MOD, _with(MANAGED, ("/name", "a" * 33)), "maxLength"),
    crafted("min_length_astral", "aml-deploy-action", _with(ACTION, ("/name", "\U0001d518" * 2)),
            "minLength"),
    crafted("length_astral_ok", "aml-deploy-action", _with(ACTION, ("/name", "\U0001d518" * 3))),
    crafted("max_length_two_byte", "aml-deploy-action", _with(ACTION, ("/name", "\u00e9" * 33)),
            "maxLength"),
    crafted("length_two_byte_ok", "aml-deploy-action", _with(ACTION, ("/name", "\u00e9" * 32))),
    crafted("min_length_empty", "kubernetes-compute",
            {"$schema": URL.format("kubernetesCompute"), "name": "", "type": "kubernetes",
             "resource_id": "/subscriptions/x", "namespace": "azureml"}, "minLength"),
    # maxItems, items
    crafted("max_items", "managed-online-endpoint",
            _with(ENDPOINT, ("/identity", {"type": "user_assigned", "user_assigned_identities": [
                {"resource_id": "a"}, {"resource_id": "b"}]})), "maxItems"),
    crafted("items", "managed-online-endpoint",
            _with(ENDPOINT, ("/identity", {"type": "user_assigned",
                                           "user_assigned_identities": [{"resource_id": 5}]})),
            "type"),
    crafted("items_anyof", "compute-instance",
            _with(INSTANCE, ("/schedules", {"compute_start_stop": [
                {"action": "start", "trigger": {"type": "recurrence",
                                                "schedule": {"hours": ["-1", 5, -1]}}}]})),
            "minimum", "pattern"),
    # required
    crafted("required_root", MOD, _with(MANAGED, ("/instance_type", _MISSING)), "required"),
    crafted("required_two", "kubernetes-compute",
            {"$schema": URL.format("kubernetesCompute"), "name": "k", "type": "kubernetes"},
            "required"),
    crafted("required_nested", MOD,
            _with(MANAGED, ("/environment", {"image": "mcr.microsoft.com/x:1",
                                             "inference_config": {"liveness_route": {
                                                 "port": 5001, "path": "/"}}})), "required"),
    crafted("required_in_list", "compute-instance",
            _with(INSTANCE, ("/custom_applications", [{"type": "docker"}])), "required"),
    crafted("required_in_empty_list_item", "compute-instance",
            _with(INSTANCE, ("/custom_applications", [{}])), "required"),
    crafted("required_in_additional_properties", MOD,
            _with(MANAGED, ("/data_collector", {"collections": {"model_inputs": {}}})),
            "required"),
    # additionalProperties: false, and a schema
    crafted("additional_properties_root", MOD, _with(MANAGED, ("/instance_size", "x")),
            "additionalProperties"),
    crafted("additional_properties_nested", MOD,
            _with(MANAGED, ("/request_settings", {"timeout_ms": 5})), "additionalProperties"),
    crafted("additional_properties_escaped_key", MOD, _with(MANAGED, ("/a~b/c", 1)),
            "additionalProperties"),
    crafted("additional_properties_v1", "v1-deployment-config",
            _with(V1_CONFIG, ("/enableAppInsights", True)), "additionalProperties"),
    crafted("additional_properties_schema", "managed-online-endpoint",
            _with(ENDPOINT, ("/traffic", {"blue": 101})), "maximum"),
    crafted("additional_properties_open", MOD,
            _with(MANAGED, ("/tags", {"a/b": {"c": [1]}}), ("/environment_variables", {"X": 1}))),
    # patternProperties
    crafted("pattern_properties_value", "iot-edge-manifest",
            _with(IOT_EDGE, (ENV + "/MODE", {"value": [1]})), "type"),
    crafted("pattern_properties_required", "iot-edge-manifest",
            _with(IOT_EDGE, (ENV + "/MODE", {})), "required"),
    crafted("pattern_properties_no_match", "iot-edge-manifest",
            _with(IOT_EDGE, (ENV + "/MY.MODE", {"value": 1})), "additionalProperties"),
    crafted("pattern_properties_module_name", "iot-edge-manifest",
            _with(IOT_EDGE, ("/modulesContent/$edgeAgent/properties.desired/modules/my scorer",
                             {"type": "docker"})), "additionalProperties"),
    # anyOf by type
    crafted("anyof_no_branch", MOD, _with(MANAGED, ("/model", 5)), "anyOf"),
    crafted("anyof_object_branch", MOD, _with(MANAGED, ("/model", {"path": ".", "size": 1})),
            "additionalProperties"),
    crafted("anyof_valid_forms", MOD, _with(MANAGED, ("/app_insights_enabled", "Yes"),
                                            ("/request_settings", {"request_timeout_ms": 1.0}))),
    crafted("anyof_integer_string_above", "managed-online-endpoint",
            _with(ENDPOINT, ("/traffic", {"blue": "101"})), "pattern"),
    crafted("anyof_route_object", "iot-edge-manifest",
            _with(IOT_EDGE, ("/modulesContent/$edgeHub/properties.desired/routes/all",
                             {"route": "FROM /* INTO $upstream", "priority": 10})), "maximum"),
    # $ref
    crafted("ref", MOD, _with(MANAGED, ("/liveness_probe", {"period": 0})), "minimum"),
    crafted("ref_closed", MOD, _with(MANAGED, ("/readiness_probe", {"periods": 1})),
            "additionalProperties"),
    crafted("ref_in_anyof", MOD,
            _with(MANAGED, ("/environment", {"image": "x", "conda_files": "c.yml"})),
            "additionalProperties"),
    crafted("ref_in_pattern_properties", "iot-edge-manifest",
            _with(IOT_EDGE, ("/modulesContent/$edgeAgent/properties.desired/modules/scorer"
                             "/status", "paused")), "enum"),
    # Known, intended differences: each must be explained, not just absent.
    crafted("known_case_insensitive", MOD, _with(MANAGED, ("/type", "Managed")), "enum"),
    crafted("known_case_insensitive_v1", "v1-deployment-config",
            _with(V1_CONFIG, ("/computeType", "AKS")), "enum"),
    crafted("known_camel_to_snake", "managed-online-endpoint",
            _with(ENDPOINT, ("/identity", {"type": "SystemAssigned"})), "enum"),
    crafted("known_v1_targets", "v1-deployment-config",
            {"computeType": "ACI", "autoScaler": {"autoscaleEnabled": "yes"}}, "type"),
    crafted("known_action_targets", "aml-deploy-action",
            _with(ACTION, ("/num_replicas", 0), ("/dns_name_label", "my-label")), "minimum"),
    crafted("known_placeholders", MOD,
            _with(MANAGED, ("/instance_count", "$(count)"), ("/name", "{{ name }}"),
                  ("/endpoint_name", "<endpoint-name>"), ("/request_settings", "${settings}"),
                  ("/instance_type", "__INSTANCE_TYPE__")), "anyOf", "pattern", "type"),
    crafted("known_integer_string", MOD,
            _with(MANAGED, ("/request_settings", {"max_queue_wait_ms": "-0"})), "pattern"),
    crafted("known_not_a_number", MOD,
            _with(MANAGED, ("/request_settings", {"request_timeout_ms": "30s"}),
                  ("/data_collector", {"sampling_rate": "half"})), "pattern"),
    crafted("known_python_dollar", MOD, _with(MANAGED, ("/name", "blue\n"))),
    crafted("known_re2_space", "iot-edge-manifest",
            _with(IOT_EDGE, (ENV + "/A\u00a0B", {"value": 1}), (ENV + "/C\u000bD", {"value": 1})),
            "additionalProperties"),
    crafted("known_layered_iot_edge", "iot-edge-manifest",
            {"modulesContent": {
                "$edgeAgent": {"properties.desired.modules.scorer": {"type": "docker"}},
                "$edgeHub": {"properties.desired.routes.all": "FROM /* INTO $upstream"}}},
            "required"),
    crafted("known_yaml11_number", "v1-deployment-config", V1_CONFIG,
            text='{"computeType": "aks", "containerResourceRequirements": '
                 '{"cpu": 1e-1, "memoryInGB": 1}}'),
]

# Bug reproductions (see BugTest): the pointer each must be reported at.
BUG_CASES = {
    # amlint accepts a string that is a number but not an integer for an
    # integer field (marshmallow's fields.Int runs int(), which rejects it).
    "bug_fraction_string": (MOD, _with(MANAGED, ("/instance_count", "1.5")), "/instance_count"),
    "bug_whole_fraction_string": (MOD, _with(MANAGED, ("/instance_count", "2.0")),
                                  "/instance_count"),
    "bug_exponent_string": (MOD, _with(MANAGED, ("/request_settings",
                                                 {"request_timeout_ms": "1e3"})),
                            "/request_settings/request_timeout_ms"),
    "bug_negative_fraction_string": (
        "model-batch-deployment",
        {"$schema": URL.format("modelBatchDeployment"), "compute": "azureml:cpu-cluster",
         "settings": {"error_threshold": "-0.5"}}, "/settings/error_threshold"),
    "bug_traffic_fraction_string": ("managed-online-endpoint",
                                    _with(ENDPOINT, ("/traffic", {"blue": "50.5"})),
                                    "/traffic/blue"),
    # JSON 2.5e0 is the string '2.5e0' to PyYAML, then the same bug.
    "bug_exponent_number": (MOD, '{"$schema": "%s", "instance_type": "Standard_DS3_v2", '
                                 '"instance_count": 2.5e0}' % URL.format("managedOnlineDeployment"),
                            "/instance_count"),
    # A required v1 key set to null is unset to amlint (null_is_unset), yet
    # not missing.
    "bug_v1_required_null": ("v1-deployment-config", {"computeType": None}, "/computeType"),
    "bug_v1_inference_required_null": ("v1-inference-config",
                                       {"entryScript": None, "sourceDirectory": "src"},
                                       "/entryScript"),
}
CRAFTED_BY_NAME = {c.name: c for c in CRAFTED}


@functools.lru_cache(maxsize=None)
def crafted_dir():
    directory = Path(tempfile.mkdtemp(prefix="amlint-conformance-"))
    unittest.addModuleCleanup(shutil.rmtree, directory, ignore_errors=True)
    return directory


def crafted_text(name):
    if name in BUG_CASES:
        doc = BUG_CASES[name][1]
        return doc if isinstance(doc, str) else json.dumps(doc, indent=2)
    c = CRAFTED_BY_NAME[name]
    return c.text or json.dumps(c.doc, indent=2, ensure_ascii=False)


@functools.lru_cache(maxsize=None)
def crafted_findings():
    """amlint's findings on every crafted file, in one run."""
    directory = crafted_dir()
    # x-amlint-path (AML601 is not compared, but keep the files real).
    (directory / "score.py").write_text("")
    names = [c.name for c in CRAFTED] + list(BUG_CASES)
    for name in names:
        (directory / f"{name}.json").write_text(crafted_text(name), encoding="utf-8")
    return run_amlint(directory, [f"{name}.json" for name in names])


@functools.lru_cache(maxsize=None)
def crafted_case(name):
    schema_name = BUG_CASES[name][0] if name in BUG_CASES else CRAFTED_BY_NAME[name].schema_name
    path = (crafted_dir() / f"{name}.json").resolve()
    findings = crafted_findings()[path]
    doc = load_strict_json(path)
    return Case(name, schema_name, doc, jsonschema_issues(schema_name, doc),
                amlint_issues(findings))


def failed_keywords(schema_name, doc):
    """Every keyword jsonschema's errors name, in anyOf branches too."""
    out = set()

    def visit(error):
        out.add(error.validator)
        for sub in error.context:
            visit(sub)

    for error in validator_for(schema_name).iter_errors(doc):
        visit(error)
    return out


def numeric_string_anyofs():
    """(schema, pointer, numeric branch, string pattern) of every anyOf that
    offers a number and a string of digits."""
    out = []
    for name in MANIFEST_SCHEMAS:
        root = load_schema(name)
        for at, schema in subschemas(root):
            if not isinstance(schema, dict) or "anyOf" not in schema:
                continue
            branches = [deref(root, b) for b in schema["anyOf"]]
            number = next((b for b in branches if b.get("type") in ("integer", "number")), None)
            string = next((b for b in branches if b.get("type") == "string"
                           and is_numeric_string_pattern(b.get("pattern", ""))), None)
            if number and string:
                out.append((name, at, number, string["pattern"]))
    return out


def numbers_near(branch):
    """Numbers at and around a numeric branch's bounds."""
    out = {-1, 0, 1, 2, 10, 99, 100, 101, 1000, 65535, 65536}
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if key in branch:
            out |= {branch[key] - 1, branch[key], branch[key] + 1}
    if branch.get("type") == "number":
        out |= {n + 0.5 for n in list(out)}
    return sorted(out)


def range_escapes(branch, pattern):
    """Numbers the string branch takes (written as strings) that the numeric
    branch rejects."""
    check = Draft202012Validator(branch)
    return [n for n in numbers_near(branch)
            if re.search(pattern, str(n)) and not check.is_valid(n)]


# anyOfs whose string branch takes numbers that their numeric branch
# rejects: a schema bug (see BugTest.test_numeric_strings_keep_the_range).
RANGE_ESCAPING_ANYOFS = {
    ("batch-deployment-legacy", "/$defs/route/properties/port"),
    ("compute-instance", "/properties/custom_applications/items/properties/endpoints/items"
                         "/properties/target"),
    ("compute-instance", "/properties/custom_applications/items/properties/endpoints/items"
                         "/properties/published"),
    ("kubernetes-online-deployment", "/$defs/route/properties/port"),
    ("kubernetes-online-deployment", "/properties/data_collector/properties/sampling_rate"),
    ("managed-online-deployment", "/$defs/route/properties/port"),
    ("managed-online-deployment", "/properties/data_collector/properties/sampling_rate"),
    ("model-batch-deployment", "/$defs/route/properties/port"),
    ("virtual-machine-compute", "/properties/ssh_settings/properties/ssh_port"),
}


# --- the tests ------------------------------------------------------------------


class SchemaFileTest(unittest.TestCase):
    """Each manifest schema as a draft 2020-12 document."""

    def test_every_manifest_schema_is_tested(self):
        self.assertGreaterEqual(len(MANIFEST_SCHEMAS), 16)
        for name in set(SCHEMA_OF_URL_NAME.values()) | V1_SCHEMAS:
            self.assertIn(name, MANIFEST_SCHEMAS)

    def test_valid_draft_2020_12(self):
        for name in MANIFEST_SCHEMAS:
            with self.subTest(schema=name):
                schema = load_schema(name)
                self.assertEqual(schema.get("$schema"),
                                 "https://json-schema.org/draft/2020-12/schema")
                Draft202012Validator.check_schema(schema)

    def test_only_amlint_dialect(self):
        for name in MANIFEST_SCHEMAS:
            for at, schema in subschemas(load_schema(name)):
                if isinstance(schema, bool):
                    continue
                with self.subTest(schema=name, at=at):
                    self.assertEqual(set(schema) - DIALECT - EXTENSIONS, set())

    def test_refs_resolve(self):
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012
        for name in MANIFEST_SCHEMAS:
            root = load_schema(name)
            resource = DRAFT202012.create_resource(root)
            resolver = Registry().with_resource(root["$id"], resource).resolver(
                base_uri=root["$id"])
            for at, schema in subschemas(root):
                if not isinstance(schema, dict) or "$ref" not in schema:
                    continue
                ref = schema["$ref"]
                with self.subTest(schema=name, at=at, ref=ref):
                    # amlint resolves only entries of the same file's $defs.
                    self.assertTrue(ref.startswith("#/$defs/"))
                    self.assertIn(ref[len("#/$defs/"):], root.get("$defs", {}))
                    target = resolver.lookup(ref).contents
                    self.assertIs(target, root["$defs"][ref[len("#/$defs/"):]])

    def test_patterns_compile_in_python(self):
        rejected = {}
        for name in MANIFEST_SCHEMAS:
            for at, schema in subschemas(load_schema(name)):
                if not isinstance(schema, dict):
                    continue
                patterns = [(at + "/pattern", schema["pattern"])] if "pattern" in schema else []
                patterns += [(f"{at}/patternProperties/{escape(p)}", p)
                             for p in schema.get("patternProperties", {})]
                for where, pattern in patterns:
                    try:
                        re.compile(pattern)
                    except re.error as e:
                        rejected[(name, where)] = str(e)
        self.assertEqual(set(rejected), set(PYTHON_REJECTED_PATTERNS), rejected)

    def test_anyof_branches_have_distinct_types(self):
        # What amlint's anyOf relies on (schemas/README.md): the value's type
        # picks the branch, as jsonschema_issues() assumes too.
        for name in MANIFEST_SCHEMAS:
            root = load_schema(name)
            for at, schema in subschemas(root):
                if not isinstance(schema, dict) or "anyOf" not in schema:
                    continue
                with self.subTest(schema=name, at=at):
                    seen = []
                    for branch in schema["anyOf"]:
                        types = deref(root, branch).get("type")
                        self.assertIsNotNone(types)
                        types = {types} if isinstance(types, str) else set(types)
                        if "number" in types:
                            types.add("integer")
                        self.assertFalse(types & set(seen), f"{types} twice")
                        seen += types

    def test_pattern_properties_do_not_overlap_properties(self):
        # amlint checks a key against its property, else the first matching
        # patternProperties entry; jsonschema against all of them. The same
        # only while no property name matches a pattern of its object.
        for name in MANIFEST_SCHEMAS:
            for at, schema in subschemas(load_schema(name)):
                if not isinstance(schema, dict) or "patternProperties" not in schema:
                    continue
                with self.subTest(schema=name, at=at):
                    for key in schema.get("properties", {}):
                        for pattern in schema["patternProperties"]:
                            self.assertIsNone(re.search(pattern, key), (key, pattern))

    def test_numeric_strings_keep_their_range_elsewhere(self):
        # An integer-or-string-of-digits anyOf whose string branch takes a
        # number that the numeric branch rejects lets the string form evade
        # the range, in amlint as in jsonschema. Known cases: BugTest.
        found = {(name, at) for name, at, branch, pattern in numeric_string_anyofs()
                 if range_escapes(branch, pattern)}
        self.assertEqual(found - RANGE_ESCAPING_ANYOFS, set())
        self.assertGreater(len(numeric_string_anyofs()), 40)

    def test_v1_optional_keys_admit_null(self):
        # amlint reads a v1 `key: null` as unset (null_is_unset). The v1
        # schemas say so themselves: every optional key admits null, so
        # null_is_unset makes no difference to jsonschema's verdict, and
        # KNOWN_DIFFERENCES needs no entry for it. (Not the required keys:
        # BugTest.test_v1_required_key_set_to_null_is_missing.) List items
        # are no keys: null_is_unset does not apply to them.
        for name in sorted(V1_SCHEMAS):
            root = load_schema(name)
            for at, schema in subschemas(root):
                parts = split_pointer(at)
                if len(parts) < 2 or parts[-2] != "properties" or "$defs" in parts:
                    continue
                if parts[-1] in root.get("required", []) and len(parts) == 2:
                    continue
                with self.subTest(schema=name, at=at):
                    schema = deref(root, schema)
                    branches = [deref(root, b) for b in schema.get("anyOf", [schema])]
                    self.assertTrue(any(admits(b, None) for b in branches))

    def test_keywords_without_a_crafted_case_are_unused(self):
        # Once a schema uses one of these, add a crafted case for it.
        used = set()
        for name in MANIFEST_SCHEMAS:
            for _, schema in subschemas(load_schema(name)):
                if isinstance(schema, dict):
                    used |= set(schema)
        self.assertEqual(used & UNREACHABLE_KEYWORDS, set())


class FixtureTest(unittest.TestCase):
    """One test per JSON fixture: jsonschema and amlint agree (test_<path>)."""

    def test_fixtures_found(self):
        self.assertGreaterEqual(len(FIXTURES), 120)
        self.assertEqual({name for _, name, _ in FIXTURES},
                         set(SCHEMA_OF_URL_NAME.values()) | V1_SCHEMAS
                         | {"batch-deployment-legacy"})

    def check(self, path):
        case = fixture_case(path)
        self.assertEqual(differences(case), [], case.name)


def _test_name(text):
    return "test_" + re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")


def _fixture_test(path):
    def test(self):
        self.check(path)
    return test


for _path, _, _ in FIXTURES:
    _rel = str(_path.relative_to(REPO / "fixtures"))
    _test = _fixture_test(_path)
    if _rel in KNOWN_BUGS:
        _test = unittest.expectedFailure(_test)
    assert not hasattr(FixtureTest, _test_name(_rel)), _rel
    setattr(FixtureTest, _test_name(_rel), _test)


class CraftedTest(unittest.TestCase):
    """Small manifests, one or more per keyword: amlint and jsonschema agree
    (test_<case>)."""

    def check(self, name):
        c = CRAFTED_BY_NAME[name]
        case = crafted_case(name)
        # The schema the case names is the one amlint picks (the IoT Edge
        # manifest and the aml-deploy action, found by their keys, are not
        # picked for fixtures).
        found_by_keys = c.schema_name in ("iot-edge-manifest", "aml-deploy-action")
        self.assertEqual(schema_for_document(case.doc), None if found_by_keys else c.schema_name)
        # The case exercises what it says it does.
        failed = failed_keywords(c.schema_name, case.doc)
        self.assertLessEqual(c.keywords, failed, f"{name}: jsonschema errors {case.js}")
        if not c.keywords:
            self.assertEqual(case.js, {}, name)
        self.assertEqual(differences(case), [], name)

    def test_every_keyword_has_a_case(self):
        keywords = set().union(*(c.keywords for c in CRAFTED))
        implemented = {"type", "enum", "pattern", "minimum", "maximum", "exclusiveMinimum",
                       "minLength", "maxLength", "maxItems", "required", "additionalProperties",
                       "anyOf"}
        self.assertLessEqual(implemented, keywords)
        self.assertTrue([c for c in CRAFTED if c.name.startswith("pattern_properties")])
        self.assertTrue([c for c in CRAFTED if c.name.startswith("ref")])

    def test_every_known_difference_is_seen(self):
        # Each entry of KNOWN_DIFFERENCES explains a difference of some case: a
        # stale entry could hide a future bug.
        for c in CRAFTED:
            if c.name not in KNOWN_BUGS:
                differences(crafted_case(c.name))
        for path, _, _ in FIXTURES:
            differences(fixture_case(path))
        self.assertEqual({d.name for d in KNOWN_DIFFERENCES} - USED_DIFFERENCES, set())


def _crafted_test(name):
    def test(self):
        self.check(name)
    return test


for _c in CRAFTED:
    _test = _crafted_test(_c.name)
    if _c.name in KNOWN_BUGS:
        _test = unittest.expectedFailure(_test)
    setattr(CraftedTest, "test_" + _c.name, _test)


class BugTest(unittest.TestCase):
    """Differences that are bugs, one test each, expected to fail until fixed."""

    def test_reproductions_are_invalid_to_jsonschema(self):
        for name, (schema_name, _, at) in BUG_CASES.items():
            with self.subTest(name):
                self.assertIn(at, {i.pointer for i in crafted_case(name).js})

    def assert_amlint_reports(self, *names):
        for name in names:
            with self.subTest(name):
                case = crafted_case(name)
                at = BUG_CASES[name][2]
                self.assertIn(at, {i.pointer for i in case.am},
                              f"{name}: amlint says nothing at {at}; jsonschema: "
                              f"{[e.message for e in case.js.values()]}")

    # amlint bug: src/schema/validate.cpp, Validator::check, anyOf: a string
    # that fails a numeric-string branch's pattern but is a number goes to
    # check_value(*numeric, ..., kFloat), which checks the integer branch's
    # range and not that the number is an integer. So '1.5', '2.0', '1e3' and
    # '-0.5' pass for integer fields (instance_count, request_timeout_ms,
    # error_threshold, traffic), and so does the JSON number 2.5e0 (a string
    # to PyYAML), although azure-ai-ml's fields.Int runs int() on them and
    # fails. An unquoted 1.5 is reported (AML502) already.
    def test_integer_fields_reject_fraction_and_exponent_strings(self):
        self.assert_amlint_reports("bug_fraction_string", "bug_whole_fraction_string",
                                   "bug_exponent_string", "bug_negative_fraction_string",
                                   "bug_traffic_fraction_string", "bug_exponent_number")

    # amlint bug: null_is_unset (v1) skips a null value, but `required` counts
    # a key that is there, null or not (Validator::check_object), so
    # {"computeType": null} and {"entryScript": null} pass with no AML5xx
    # finding: the required key is unset to az ml v1 (dict.get()) as to
    # amlint's own reading. jsonschema: None is not of type 'string'.
    def test_v1_required_key_set_to_null_is_missing(self):
        self.assert_amlint_reports("bug_v1_required_null", "bug_v1_inference_required_null")

    # Schema bug: in the anyOfs of RANGE_ESCAPING_ANYOFS the string branch's
    # pattern takes numbers the numeric branch rejects (ports: '0', '-1',
    # '65536'; sampling_rate: '1.5', '-1'), so the string form evades the
    # range, in amlint and in jsonschema alike (amlint applies the numeric
    # branch's range only to strings the pattern rejects). The other
    # patterns encode their range (0*[1-9][0-9]* for minimum 1,
    # (100|[1-9]?[0-9]) for 0 to 100).
    def test_numeric_strings_keep_the_range(self):
        found = {(name, at): range_escapes(branch, pattern)
                 for name, at, branch, pattern in numeric_string_anyofs()
                 if (name, at) in RANGE_ESCAPING_ANYOFS}
        self.assertEqual(set(found), RANGE_ESCAPING_ANYOFS)
        self.assertEqual({k: v for k, v in found.items() if v}, {})


if __name__ == "__main__":
    unittest.main()
