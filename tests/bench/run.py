#!/usr/bin/env python3
"""amlint's benchmark: times amlint against the floor of its parser and against its peers.

Generates three corpora with the shared generator (1,000 files; 10,000 files with the
same seed; one ~50 MB multi-document YAML), then times on the same files, in the same
run: amlint with all rules, the bare yaml-cpp floor (tests/bench/yaml_floor.cpp) and
the read-only floor, and, when installed, yamllint and Spectral. Prints a Markdown
table and the ratios that issues 3 and 6 set targets for. A missed target is printed as
MISSED but does not fail the run: this is a benchmark, not a test. Exits 1 only when a
tool fails to run, 2 when something it needs is missing. Standard library only.
"""
import argparse
import contextlib
import datetime
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

from partial import time_partial_runs

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "tests" / "bench"
MIB = 1024 * 1024
SEED = 1
EXTENSIONS = (".json", ".yaml", ".yml")
# yamllint's default rules, on every file the others read (it skips *.json unless told).
YAMLLINT_CONFIG = "{extends: default, yaml-files: ['*.yaml', '*.yml', '*.json']}"
SLOW_RUN_SECONDS = 20.0  # a run that takes longer is not repeated
# The kernel counts a parent's peak memory in its child's wait4 peak (exec keeps it), so this
# script's own would show in every tool's; GNU time reports the tool's alone.
GNU_TIME = "/usr/bin/time"
WITHOUT_STRUCTURE = "amlint --jobs 1 --ignore AML5"


@dataclass
class Corpus:
    key: str  # "1k", "10k", "50MB"
    path: Path
    files: int
    bytes: int
    documents: int


@dataclass
class Tool:
    name: str
    argv: List[str]  # the corpus comes last
    ok_codes: tuple
    files_seen: Optional[re.Pattern] = None  # finds in its output how many files it read
    keep_stdout: bool = False  # a linter's report goes to /dev/null; the floor's counts do not
    corpus_arg: Callable[[Corpus], str] = lambda corpus: str(corpus.path)
    corpora: Optional[tuple] = None  # the corpus keys it runs on; None: every corpus


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    output: str


@dataclass
class Result:
    tool: str
    corpus: str
    files: int
    bytes: int
    seconds: Optional[float] = None
    peak_mb: Optional[float] = None
    how: str = ""  # how the time was chosen, or what went wrong


@dataclass
class Ratio:
    name: str
    value: Optional[float]
    shown: str  # the value as printed
    target: str
    met: Optional[bool]  # None: no target, or not measured


@dataclass
class Bench:
    args: argparse.Namespace
    results: List[Result] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    versions: List[str] = field(default_factory=list)  # of the tools timed
    gnu_time: bool = False  # peak memory from GNU time, else from wait4

    def find(self, tool, corpus):
        return next((r for r in self.results
                     if r.tool == tool and r.corpus == corpus and r.seconds), None)


def log(message):
    print(message, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ arguments

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="The full run takes about 12 minutes on 2 busy cores, most of it Spectral and "
               "yamllint on 10,000 files; --quick about 4; generating the corpora the first "
               "time about 2 more. Details: tests/bench/README.md.")
    ap.add_argument("--amlint", type=Path, default=REPO / "build" / "src" / "amlint",
                    help="the amlint binary (default: build/src/amlint)")
    ap.add_argument("--floor", type=Path,
                    default=REPO / "build" / "tests" / "bench" / "yaml_floor",
                    help="the yaml-cpp floor (default: build/tests/bench/yaml_floor)")
    ap.add_argument("--generator", type=Path,
                    default=REPO.parent / "shared" / "bench" / "gen_corpus.py",
                    help="the corpus generator (default: ../shared/bench/gen_corpus.py from "
                         "the repository root)")
    ap.add_argument("--spectral-ruleset", type=Path,
                    help="Spectral's ruleset (default: spectral-ruleset.yaml beside the "
                         "generator)")
    ap.add_argument("--cache", type=Path, default=default_cache(),
                    help="where the corpora are kept between runs (default: %(default)s)")
    ap.add_argument("--no-cache", action="store_true",
                    help="generate the corpora into a temporary directory, removed at the end")
    ap.add_argument("--quick", action="store_true",
                    help="run the peers (yamllint, Spectral) on the 1,000 files only")
    ap.add_argument("--skip-peers", action="store_true", help="do not run yamllint or Spectral")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of amlint and the floors per corpus, the fastest counts "
                         "(default: %%(default)s; a run over %d s is not repeated)"
                         % SLOW_RUN_SECONDS)
    ap.add_argument("--single-runs", type=int, default=20,
                    help="runs of amlint on one small file, the median counts "
                         "(default: %(default)s)")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.single_runs < 1:
        ap.error("--repeat and --single-runs take a count of at least 1")
    if args.spectral_ruleset is None:
        args.spectral_ruleset = args.generator.parent / "spectral-ruleset.yaml"
    return args


def default_cache():
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "amlint-bench"


def missing_inputs(args):
    """What the run cannot do without, each with what to do about it."""
    problems = []
    if not args.generator.is_file():
        problems.append("the corpus generator is not at %s: pass --generator PATH to "
                        "gen_corpus.py (the shared workspace keeps it in bench/, beside the "
                        "repository)" % args.generator)
    for path, target, flag in ((args.amlint, "amlint", "--amlint"),
                               (args.floor, "yaml_floor", "--floor")):
        if not os.access(path, os.X_OK):
            problems.append("%s is not built at %s: run `cmake --build build --target %s` or "
                            "pass %s PATH" % (target, path, target, flag))
    return problems


# -------------------------------------------------------------------- corpora

def prepare_corpora(generator, root):
    """The three corpora under root, generated once per version of the generator."""
    digest = hashlib.sha256(generator.read_bytes()).hexdigest()[:12]
    base = root / ("gen-%s-seed%d" % (digest, SEED))
    specs = (("1k", ["--count", "1000"]), ("10k", ["--count", "10000"]), ("50MB", ["--big"]))
    return [generate(generator, base / key, key, extra) for key, extra in specs]


def generate(generator, out, key, extra):
    done = out.with_name(out.name + ".complete")
    if not done.exists():
        log("generating the %s corpus in %s%s"
            % (key, out, " (about 2 minutes)" * (key == "50MB")))
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, str(generator), "--seed", str(SEED), "--out", str(out)]
                       + extra, check=True, stdout=subprocess.DEVNULL)
        done.touch()
    files = manifest_files(out)
    documents = sum(count_documents(f) for f in files) if len(files) == 1 else len(files)
    return Corpus(key, out, len(files), sum(f.stat().st_size for f in files), documents)


def manifest_files(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in EXTENSIONS and p.is_file())


def count_documents(path):
    """Lines that start a document (read line by line: this script stays small, see GNU_TIME)."""
    with open(path, "rb") as f:
        return sum(line.rstrip(b"\r\n") == b"---" for line in f)


# ------------------------------------------------------------------ measuring

def has_gnu_time():
    try:
        done = subprocess.run([GNU_TIME, "--version"], capture_output=True, text=True)
    except OSError:
        return False
    return "GNU" in done.stdout + done.stderr


def gnu_time_peak(text):
    """The %M that GNU time wrote last (after its note on a non-zero exit); NaN without one."""
    words = text.split()
    return int(words[-1]) if words and words[-1].isdigit() else float("nan")


def measure(bench, argv, keep_stdout, with_peak=True):
    """Runs argv once: its wall time, and its peak resident memory from GNU time or wait4.
    with_peak=False keeps GNU time out of a run of a few milliseconds; the peak is then
    wait4's, which includes this script's own."""
    with_peak = with_peak and bench.gnu_time
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as peak:
        if with_peak:
            argv = [GNU_TIME, "-q", "-f", "%M", "-o", peak.name] + argv
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                stdout=out if keep_stdout else subprocess.DEVNULL, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait again
        peak_kib = gnu_time_peak(peak.read()) if with_peak else usage.ru_maxrss
        out.seek(0)
        return Run(seconds, peak_kib / 1024.0, proc.returncode,
                   out.read().decode("utf-8", "replace"))


def time_tools(bench, tools, corpus, repeat):
    """Each tool up to `repeat` times, in rounds (A, B, C, A, B, C, ...) so that a change in the
    machine's load falls on all of them alike. A run over SLOW_RUN_SECONDS is not repeated."""
    tools = [tool for tool in tools if tool.corpora is None or corpus.key in tool.corpora]
    argvs = [tool.argv + [tool.corpus_arg(corpus)] for tool in tools]
    runs = [[] for _ in tools]
    failures = [None for _ in tools]
    for _ in range(repeat):
        for i, tool in enumerate(tools):
            if failures[i] or (runs[i] and runs[i][-1].seconds > SLOW_RUN_SECONDS):
                continue
            run = measure(bench, argvs[i], tool.keep_stdout)
            if run.code in tool.ok_codes:
                runs[i].append(run)
            else:
                failures[i] = failed(bench, tool.name, corpus, run)
    return [failures[i] or best_run(tool, corpus, runs[i]) for i, tool in enumerate(tools)]


def best_run(tool, corpus, runs):
    """The fastest run's time and the highest peak memory of all runs."""
    best = min(runs, key=lambda r: r.seconds)
    how = "best of %d" % len(runs) if len(runs) > 1 else "1 run"
    how += files_seen_warning(tool, best, corpus)
    result = Result(tool.name, corpus.key, corpus.files, corpus.bytes, best.seconds,
                    max(r.peak_mb for r in runs), how)
    log("  %-30s %-5s %8.2f s %8.1f MB  %s" % (tool.name, corpus.key, result.seconds,
                                               result.peak_mb, how))
    return result


def files_seen_warning(tool, run, corpus):
    """Says so when a tool that counts the files it read read another number than expected."""
    if not tool.files_seen:
        return ""
    seen = tool.files_seen.search(run.output)
    if seen and int(seen.group(1)) == corpus.files:
        return ""
    return "; saw %s files, not %d" % (seen.group(1) if seen else "an unknown number of",
                                       corpus.files)


def time_single_file(bench, amlint, corpus):
    """amlint end to end on one small generated manifest: the median of --single-runs runs."""
    path = manifest_files(corpus.path)[0]
    one = Corpus("1 file", path, 1, path.stat().st_size, 1)
    argv = [str(amlint), "check", "--format", "concise", "-q", str(path)]
    runs = []
    for _ in range(bench.args.single_runs):
        run = measure(bench, argv, False, with_peak=False)
        if run.code not in (0, 1):
            return failed(bench, "amlint, one file", one, run)
        runs.append(run)
    result = Result("amlint, one file", one.key, 1, one.bytes,
                    statistics.median(r.seconds for r in runs), None,
                    "median of %d (%s)" % (len(runs), path.name))
    log("  %-30s %-5s %8.1f ms" % (result.tool, "", result.seconds * 1000))
    return result


def failed(bench, name, corpus, run):
    output = "\n".join(run.output.rstrip("\n").split("\n")[-15:])
    bench.failures.append("%s on %s exited with %d:\n%s" % (name, corpus.key, run.code, output))
    log("  %-30s %-5s FAILED (exit %d)" % (name, corpus.key, run.code))
    return Result(name, corpus.key, corpus.files, corpus.bytes, how="FAILED (exit %d)" % run.code)


# ---------------------------------------------------------------------- tools

def amlint_tools(amlint):
    """amlint with all rules; also on one thread when it has --jobs, and on one thread
    without the structure rules (AML5xx) on the 1k corpus, for what those rules cost."""
    argv = [str(amlint), "check", "--format", "concise"]
    summary = re.compile(r" in (\d+) files?$", re.M)  # amlint's summary line
    tools = [Tool("amlint", argv, (0, 1), summary)]
    help_text = subprocess.run([str(amlint), "--help"], capture_output=True, text=True).stdout
    if "--jobs" in help_text:
        tools.append(Tool("amlint --jobs 1", argv + ["--jobs", "1"], (0, 1), summary))
        if "--ignore" in help_text:
            tools.append(Tool(WITHOUT_STRUCTURE, argv + ["--jobs", "1", "--ignore", "AML5"],
                              (0, 1), summary, corpora=("1k",)))
    return tools


def floor_tools(floor):
    counts = re.compile(r"^files (\d+) ", re.M)  # yaml_floor's output
    return [Tool("read-only floor", [str(floor), "--read-only"], (0,), counts, keep_stdout=True),
            Tool("yaml-cpp floor", [str(floor)], (0,), counts, keep_stdout=True),
            Tool("yaml-cpp events floor", [str(floor), "--events"], (0,), counts, keep_stdout=True)]


def peer_tools(bench):
    """The peers that are installed; a note for each one that is not."""
    tools = []
    yamllint = shutil.which("yamllint")
    if yamllint:
        bench.versions.append(version([yamllint, "--version"]))
        tools.append(Tool("yamllint", [yamllint, "-f", "parsable", "-d", YAMLLINT_CONFIG],
                          (0, 1, 2)))
    else:
        bench.notes.append("yamllint is not installed (Debian package yamllint), so it was not "
                           "timed.")
    local = BENCH / "node_modules" / ".bin" / "spectral"
    spectral = str(local) if local.exists() else shutil.which("spectral")
    ruleset = bench.args.spectral_ruleset
    if not spectral:
        bench.notes.append("Spectral is not installed (`npm ci --prefix tests/bench`), so it was "
                           "not timed.")
    elif not ruleset.is_file():
        bench.notes.append("Spectral's ruleset is not at %s (--spectral-ruleset), so Spectral was "
                           "not timed." % ruleset)
    else:
        bench.versions.append("Spectral " + version([spectral, "--version"]))
        tools.append(Tool("Spectral", [spectral, "lint", "--ruleset", str(ruleset), "--format",
                                       "text", "--quiet"], (0, 1),
                          corpus_arg=lambda corpus: str(corpus.path / "**" / "*.{json,yaml,yml}")))
    return tools


# -------------------------------------------------------------------- the run

def run_all(bench, corpora):
    args = bench.args
    own = floor_tools(args.floor) + amlint_tools(args.amlint)
    peers = [] if args.skip_peers else peer_tools(bench)
    for corpus in corpora:
        log("%s: %s" % (corpus.key, describe(corpus)))
        bench.results += time_tools(bench, own, corpus, args.repeat)
        if corpus.key == "1k":
            bench.results.append(time_single_file(bench, args.amlint, corpus))
        if corpus.key == "1k" or (corpus.key == "10k" and not args.quick):
            bench.results += time_tools(bench, peers, corpus, 1)
        if corpus.key == "10k":
            time_partial_runs(bench, args.amlint, corpus, measure,
                              lambda *fields: Result(*fields), log)
    if peers:
        bench.notes.append("The peers ran once per corpus%s, and not on the 50 MB file."
                           % (" and, with --quick, on the 1,000 files only" * args.quick))
    elif args.skip_peers:
        bench.notes.append("--skip-peers: yamllint and Spectral were not timed.")


def describe(corpus):
    text = "%s file%s, %.1f MB" % (format(corpus.files, ","), "s" * (corpus.files != 1),
                                   corpus.bytes / MIB)
    if corpus.documents != corpus.files:
        text += ", %s documents" % format(corpus.documents, ",")
    return text


# --------------------------------------------------------------------- ratios

def ratios(bench):
    amlint = bench.find("amlint", "10k")
    out = [faster("amlint ÷ yaml-cpp floor, files/s (10k)", amlint,
                  bench.find("yaml-cpp floor", "10k"), 1.5)]
    if bench.find("amlint --jobs 1", "10k"):
        out.append(faster("amlint --jobs 1 ÷ yaml-cpp floor, files/s (10k)",
                          bench.find("amlint --jobs 1", "10k"),
                          bench.find("yaml-cpp floor", "10k"), None))
    out.append(structure_cost(bench))
    out.append(faster_than_peer(bench, "Spectral", 50.0))
    out.append(faster_than_peer(bench, "yamllint", None))
    one_k = bench.find("amlint", "1k")
    out.append(at_most("amlint time on 10k ÷ time on 1k",
                       amlint.seconds / one_k.seconds if amlint and one_k else None, 11.0, "×",
                       inclusive=True))
    out.append(load_gauge(bench))
    out.append(at_most("amlint peak memory on 10k", amlint and amlint.peak_mb, 64.0, " MB"))
    big = bench.find("amlint", "50MB")
    out.append(at_most("amlint peak memory on the 50 MB file", big and big.peak_mb, 300.0, " MB"))
    single = bench.find("amlint, one file", "1 file")
    out.append(at_most("amlint on one small file, wall time",
                       single and single.seconds * 1000, 10.0, " ms"))
    return out


def faster(name, mine, theirs, minimum):
    """How many times faster `mine` ran than `theirs` on the same corpus."""
    value = theirs.seconds / mine.seconds if mine and theirs else None
    return Ratio(name, value, times(value), "≥ %g×" % minimum if minimum else "none",
                 value >= minimum if value and minimum else None)


def structure_cost(bench):
    """Issue 3's bound: the structure rules (AML501-AML512) add at most 30% to the time of
    linting the 1k corpus. Both runs are on one thread, so that the ratio is of work done
    rather than of how two threads happened to share it."""
    with_all = bench.find("amlint --jobs 1", "1k")
    without = bench.find(WITHOUT_STRUCTURE, "1k")
    value = with_all.seconds / without.seconds if with_all and without else None
    return at_most("amlint --jobs 1 time with the AML5xx rules ÷ without them (1k)", value, 1.30,
                   "×", inclusive=True)


def load_gauge(bench):
    """The floor's own growth from 1k to 10k: it is linear, so anything far from 10× is the
    machine's load changing between the corpora, and weighs on amlint's growth too."""
    ten_k, one_k = bench.find("yaml-cpp floor", "10k"), bench.find("yaml-cpp floor", "1k")
    value = ten_k.seconds / one_k.seconds if ten_k and one_k else None
    return Ratio("yaml-cpp floor time on 10k ÷ time on 1k (10× when the load is steady)", value,
                 times(value), "none", None)


def times(value):
    return "%.2f×" % value if value else "not measured"


def faster_than_peer(bench, peer, minimum):
    """Against a peer on 10k files, or on 1k when the peer ran on 1k only (--quick)."""
    corpus = "10k" if bench.find(peer, "10k") else "1k"
    return faster("amlint ÷ %s, files/s (%s)" % (peer, corpus), bench.find("amlint", corpus),
                  bench.find(peer, corpus), minimum)


def at_most(name, value, limit, unit, inclusive=False):
    """value against an upper limit; a ratio (unit ×) is shown with two decimals."""
    target = "%s %g%s" % ("≤" if inclusive else "<", limit, unit)
    if value is None:
        return Ratio(name, None, "not measured", target, None)
    shown = ("%.2f" if unit == "×" else "%.1f") % value + unit
    return Ratio(name, value, shown, target, value <= limit if inclusive else value < limit)


# --------------------------------------------------------------------- report

def machine():
    cpu = platform.machine()
    memory = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                   if line.startswith("model name"))
        kib = next(int(line.split()[1]) for line in open("/proc/meminfo")
                   if line.startswith("MemTotal:"))
        memory = "%.1f GB" % (kib / MIB)
    except (OSError, StopIteration):
        pass
    return "%d cores (nproc), %s, %s of memory, %s %s" % (
        len(os.sched_getaffinity(0)), cpu, memory, platform.system(), platform.release())


def version(argv):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


def number(value, digits=0):
    return "–" if value is None else format(value, ",.%df" % digits)


def seconds(value):
    return "–" if value is None else "%.3f" % value if value < 1 else "%.2f" % value


def print_report(bench, corpora, started, load_before):
    print("## amlint benchmark, %s\n" % started.strftime("%Y-%m-%d %H:%M %Z"))
    print("Machine: %s; load average %.1f at the start, %.1f at the end.  " % (
        machine(), load_before, os.getloadavg()[0]))
    print("Tools: %s.  " % ", ".join(bench.versions))
    print("Corpora (gen_corpus.py, seed %d): %s.\n" % (
        SEED, "; ".join("%s = %s" % (c.key, describe(c)) for c in corpora)))
    print("| tool | corpus | files | seconds | files/s | MB/s | peak MB | runs |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for r in bench.results:
        rate = r.files / r.seconds if r.seconds and r.files > 1 else None
        mb_s = r.bytes / MIB / r.seconds if r.seconds else None
        print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r.tool, r.corpus, number(r.files), seconds(r.seconds), number(rate),
            number(mb_s, 1), number(r.peak_mb, 1), r.how))
    print("\n### Targets (issues 3 and 6), from this run\n")
    print("| measure | value | target | status |")
    print("|---|---:|---|---|")
    checked = ratios(bench)
    for r in checked:
        status = {True: "met", False: "**MISSED**"}.get(r.met, "no target" if r.value
                                                         else "not measured")
        print("| %s | %s | %s | %s |" % (r.name, r.shown, r.target, status))
    missed = [r.name for r in checked if r.met is False]
    met = sum(r.met is True for r in checked)
    print("\n%d of %d targets met, %d MISSED%s" % (
        met, sum(r.target != "none" for r in checked), len(missed),
        ": " + "; ".join(missed) if missed else "."))
    for note in bench.notes:
        print("\n" + note)
    for failure in bench.failures:
        print("\nFAILED: " + failure.replace("\n", "\n    "))


def main(argv=None):
    args = parse_args(argv)
    problems = missing_inputs(args)
    for problem in problems:
        log("run.py: " + problem)
    if problems:
        return 2
    bench = Bench(args, gnu_time=has_gnu_time())
    if not bench.gnu_time:
        bench.notes.append("No GNU time at %s: peak memory comes from wait4 and includes this "
                           "script's own (Debian package time)." % GNU_TIME)
    bench.versions.append("%s (commit %s)" % (
        version([str(args.amlint), "--version"]),
        version(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])))
    started = datetime.datetime.now().astimezone()
    load_before = os.getloadavg()[0]
    place = (tempfile.TemporaryDirectory(prefix="amlint-bench-") if args.no_cache
             else contextlib.nullcontext(args.cache))
    with place as where:
        root = Path(where)
        try:
            corpora = prepare_corpora(args.generator, root)
        except (OSError, subprocess.CalledProcessError) as e:
            log("run.py: generating the corpora in %s failed: %s" % (root, e))
            return 2
        run_all(bench, corpora)
    print_report(bench, corpora, started, load_before)
    return 1 if bench.failures else 0


if __name__ == "__main__":
    sys.exit(main())
