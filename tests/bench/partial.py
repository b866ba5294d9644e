"""The partial run of issue 14, for run.py: one staged file in a project of 5,000
generated manifests (the first 5,000 of the 10k corpus, copied under an empty
.amlint.yaml that makes the folder a project), linted as pre-commit lints it. Cold is
the first run (no .amlint_cache/: every file is parsed into the project index), warm
the next ones (the index is read back and only the file metadata is checked); both are
shown next to the same file with --no-project and to a full run on the whole folder.
"""
import shutil
import statistics
import tempfile
from pathlib import Path

FILES = 5000
COLD_RUNS = 5
WARM_RUNS = 15


def time_partial_runs(bench, amlint, corpus, measure, make_result, log):
    """Appends the four rows to bench.results; returns their (tool, seconds) by key."""
    sources = sorted(p for p in corpus.path.iterdir() if p.is_file())[:FILES]
    if len(sources) < FILES:
        bench.notes.append("Partial runs not timed: the corpus has fewer than %d files." % FILES)
        return
    with tempfile.TemporaryDirectory(prefix="amlint-partial-") as where:
        project = Path(where)
        for p in sources:
            shutil.copyfile(p, project / p.name)
        (project / ".amlint.yaml").write_text("")
        staged = next(p.name for p in sources if p.name.startswith("online-"))
        size = sum(p.stat().st_size for p in sources)
        base = [str(amlint), "check", "--format", "concise", "-q"]
        cache = project / ".amlint_cache"

        def timed(name, argv, runs, before=None):
            seconds = []
            for _ in range(runs):
                if before:
                    before()
                run = measure(bench, argv, False, with_peak=False)
                if run.code not in (0, 1):
                    bench.failures.append("%s: exit %d\n%s" % (name, run.code, run.output))
                    return None
                seconds.append(run.seconds)
            result = make_result(name, "5k project", 1 if staged in argv[-1] else FILES,
                                 size, statistics.median(seconds), None,
                                 "median of %d (%s)" % (runs, argv[-1]))
            bench.results.append(result)
            log("  %-38s %8.1f ms" % (name, result.seconds * 1000))
            return result

        def uncached():
            shutil.rmtree(cache, ignore_errors=True)

        full = timed("amlint, full run of the project", base + [str(project)], 3)
        cold = timed("amlint, 1 staged file, cold index", base + [str(project / staged)],
                     COLD_RUNS, before=uncached)
        timed("amlint, 1 staged file (warming)", base + [str(project / staged)], 1)
        bench.results.pop()
        warm = timed("amlint, 1 staged file, warm index", base + [str(project / staged)],
                     WARM_RUNS)
        alone = timed("amlint, 1 staged file, --no-project",
                      base + ["--no-project", str(project / staged)], WARM_RUNS)
        if full and cold and warm and alone:
            bench.notes.append(
                "Partial run (one staged file of a 5,000-file project): cold %.2f× and warm "
                "%.3f× the full run's time; warm is %.1f× the same file with --no-project."
                % (cold.seconds / full.seconds, warm.seconds / full.seconds,
                   warm.seconds / alone.seconds))
