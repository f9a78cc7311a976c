"""Incremental-rebuild and import-time benchmark.

Two measurements that complement ``build_time.py``:

* **Incremental rebuild.** Each project (``plain``, ``ours`` and ``ours+table``
  by default, generated as in ``build_time.py``) is built once; then, for
  ``--rounds`` rounds, one page is edited and the project rebuilt (no ``-E``) in
  a fresh ``sphinx-build -q`` process. A tiny extension counts the documents
  Sphinx reads (``source-read``) and writes (``doctree-resolved``): editing one
  page must re-read exactly that page.
* **An edit above the status table.** ``ours+table`` and ``plain+table`` (the
  same table written by hand) are built once; then two lines are added above
  the table and the project rebuilt. The extension must write no more pages
  than plain Sphinx does for the same edit (the table page and its toctree
  parent): no page that merely links into the table is written again.
* **Import time.** ``python -X importtime -c "import sphinxcontrib_httpstatus"``,
  best of ``--import-runs``, summing the cumulative time of the package's
  outermost modules (so nothing is counted twice); and what Sphinx pays when
  it loads the extension: ``app.setup_extension()`` (import and ``setup()``)
  and the first load of the bundled dataset, in an already initialised Sphinx.

::

    python benchmarks/incremental.py --pages 100 --refs 50 --rounds 5

``--json FILE`` also writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_time import (
    TABLE_DOC,
    VARIANTS,
    add_project_arguments,
    child_environment,
    environment,
    page_name,
    run_timed,
    sphinx_command,
    write_project,
)

PACKAGE = "sphinxcontrib_httpstatus"
IMPORT_BUDGET_MS = 30.0
DEFAULT_INCREMENTAL_VARIANTS = ("plain", "ours", "ours+table")
TABLE_EDIT_VARIANTS = ("ours+table", "plain+table")

_IMPORTTIME = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)")

#: Run in a fresh interpreter: initialise Sphinx on an empty project, then time
#: what loading the extension adds, and the dataset's first load.
_SETUP_PROBE = """\
import sys, tempfile, time, pathlib
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

with tempfile.TemporaryDirectory() as tmp, docutils_namespace():
    src = pathlib.Path(tmp, "src")
    src.mkdir()
    (src / "conf.py").write_text("")
    (src / "index.rst").write_text("Empty\\n=====\\n")
    app = Sphinx(src, src, pathlib.Path(tmp, "out"), pathlib.Path(tmp, "dt"),
                 "html", status=None, warning=None)
    start = time.perf_counter()
    app.setup_extension("sphinxcontrib_httpstatus")
    loaded = time.perf_counter()
    from sphinxcontrib_httpstatus.dataset import bundled
    bundled()
    done = time.perf_counter()
    print((loaded - start) * 1e6, (done - loaded) * 1e6)
"""


# -- incremental rebuild -------------------------------------------------------------


def _edit(path: Path, round_number: int) -> None:
    """Change *path* the way an author would: a new sentence at the end."""
    text = path.read_text(encoding="utf-8")
    marker = "\n.. edited in round"
    text = text.split(marker)[0].rstrip("\n") + "\n"
    path.write_text(f"{text}{marker} {round_number}\n", encoding="utf-8")


def _counts(path: Path) -> tuple[list[str], list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    reads = [line.split(" ", 1)[1] for line in lines if line.startswith("read ")]
    writes = [line.split(" ", 1)[1] for line in lines if line.startswith("write ")]
    return reads, writes


def _project(
    root: Path, variant: str, pages: int, refs: int, builder: str, work: Path
) -> tuple[Path, Any]:
    """Generate *variant* under *root*; its source and a function that builds
    it and returns (seconds, documents read, documents written)."""
    src = write_project(root, variant, pages, refs, count_documents=True)
    out = root / "out"
    if out.exists():
        shutil.rmtree(out)
    env = child_environment(work)
    count_file = root / "documents.log"
    env["BENCH_COUNT_FILE"] = str(count_file)

    def sphinx(fresh: bool) -> tuple[float, list[str], list[str]]:
        count_file.unlink(missing_ok=True)
        result = run_timed(sphinx_command(src, out, builder, fresh=fresh), env=env)
        if result.returncode != 0:
            raise RuntimeError(f"sphinx-build failed for {root.name}:\n{result.stderr}")
        return (result.seconds, *_counts(count_file))

    return src, sphinx


def incremental(
    work: Path, variant: str, pages: int, refs: int, rounds: int, builder: str
) -> dict[str, Any]:
    """Full build, then *rounds* of edit-one-page-and-rebuild; the figures."""
    root = work / f"incremental-{variant.replace('+', '-')}"
    src, sphinx = _project(root, variant, pages, refs, builder, work)
    _, first_reads, _ = sphinx(fresh=True)
    edited = page_name((pages + 1) // 2)
    times: list[float] = []
    reads: list[list[str]] = []
    writes: list[list[str]] = []
    for number in range(1, rounds + 1):
        _edit(src / f"{edited}.rst", number)
        seconds, read, written = sphinx(fresh=False)
        times.append(seconds)
        reads.append(read)
        writes.append(written)
    return {
        "edited": edited,
        "full_build_reads": len(first_reads),
        "times_s": [round(t, 4) for t in times],
        "median_s": round(statistics.median(times), 4),
        "min_s": round(min(times), 4),
        "max_s": round(max(times), 4),
        "reads": [len(r) for r in reads],
        "read_docs": sorted({d for r in reads for d in r}),
        "writes": [len(w) for w in writes],
        "written_docs": sorted({d for w in writes for d in w}),
        "exactly_one_read": all(r == [edited] for r in reads),
    }


def table_edit(
    work: Path, variant: str, pages: int, refs: int, builder: str
) -> dict[str, Any]:
    """Full build, then two lines added above the table, and a rebuild."""
    root = work / f"table-edit-{variant.replace('+', '-')}"
    src, sphinx = _project(root, variant, pages, refs, builder, work)
    sphinx(fresh=True)
    page = src / f"{TABLE_DOC}.rst"
    text = page.read_text(encoding="utf-8")
    after_title = text.index("\n\n") + 2
    page.write_text(
        text[:after_title] + "Two new lines\nabove the table.\n\n" + text[after_title:],
        encoding="utf-8",
    )
    _, read, written = sphinx(fresh=False)
    return {"read_docs": sorted(read), "written_docs": sorted(written)}


# -- import time ---------------------------------------------------------------------


def package_import_us(stderr: str, package: str = PACKAGE) -> int:
    """The import cost of *package* in ``-X importtime`` output, in microseconds.

    Sums the cumulative time of the package's modules that were not imported by
    another of its modules, so that nested imports are not counted twice.
    """
    entries = []
    for line in stderr.splitlines():
        match = _IMPORTTIME.match(line)
        if match:
            entries.append(
                (len(match.group(3)) // 2, match.group(4), int(match.group(2)))
            )
    total = 0
    for i, (level, name, cumulative) in enumerate(entries):
        if name != package and not name.startswith(f"{package}."):
            continue
        # importtime prints a module after the modules it imported: its parent
        # is the next entry at a shallower level.
        parent = next((e for e in entries[i + 1 :] if e[0] < level), None)
        if parent is not None and (
            parent[1] == package or parent[1].startswith(f"{package}.")
        ):
            continue
        total += cumulative
    return total


def import_time(runs: int, env: dict[str, str]) -> dict[str, Any]:
    """``import sphinxcontrib_httpstatus`` and the extension's load in Sphinx."""
    bare: list[int] = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {PACKAGE}"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        bare.append(package_import_us(result.stderr))
    setup: list[float] = []
    dataset: list[float] = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", _SETUP_PROBE],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        setup_us, dataset_us = map(float, result.stdout.split()[-2:])
        setup.append(setup_us)
        dataset.append(dataset_us)
    best = min(bare) / 1000
    return {
        "runs": runs,
        "import_ms_best": round(best, 2),
        "import_ms_median": round(statistics.median(bare) / 1000, 2),
        "within_budget": best < IMPORT_BUDGET_MS,
        "budget_ms": IMPORT_BUDGET_MS,
        "setup_extension_ms_best": round(min(setup) / 1000, 2),
        "dataset_load_ms_best": round(min(dataset) / 1000, 2),
    }


# -- command line --------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time incremental rebuilds and the extension's import."
    )
    add_project_arguments(parser)
    parser.add_argument(
        "--rounds", type=int, default=5, help="edit-and-rebuild rounds (default 5)"
    )
    parser.add_argument(
        "--variants",
        nargs="+",
        choices=VARIANTS,
        default=list(DEFAULT_INCREMENTAL_VARIANTS),
        help="projects to rebuild (default: plain ours ours+table)",
    )
    parser.add_argument(
        "--import-runs",
        type=int,
        default=10,
        help="fresh interpreters for the import timing; the best counts (10)",
    )
    args = parser.parse_args(argv)
    if min(args.pages, args.refs, args.rounds, args.import_runs) < 1:
        parser.error("--pages, --refs, --rounds and --import-runs must be >= 1")
    return args


def report(results: dict[str, Any]) -> str:
    p = results["parameters"]
    lines = [
        f"incremental rebuild: {p['pages']} pages x {p['refs']} references, "
        f"builder {p['builder']}, one page edited, {p['rounds']} rounds",
        "",
        f"{'variant':<14}{'median s':>10}{'min s':>9}{'max s':>9}"
        f"{'re-read':>9}{'written':>9}",
    ]
    for variant, r in results["incremental"].items():
        reads = "/".join(str(n) for n in sorted(set(r["reads"])))
        writes = "/".join(str(n) for n in sorted(set(r["writes"])))
        lines.append(
            f"{variant:<14}{r['median_s']:>10.3f}{r['min_s']:>9.3f}{r['max_s']:>9.3f}"
            f"{reads:>9}{writes:>9}"
            + ("" if r["exactly_one_read"] else f"   NOT ONE PAGE: {r['read_docs']}")
        )
    edits = results["table_edit"]
    if edits:
        lines += ["", "two lines added above the status table: pages written"]
        for variant, r in edits.items():
            lines.append(
                f"{variant:<14}{len(r['written_docs']):>4}  {r['written_docs']}"
            )
        verdict = "ok" if results["table_edit_within_budget"] else "OVER BUDGET"
        lines.append(f"no more than plain Sphinx writes: {verdict}")
    imp = results["import"]
    verdict = "ok" if imp["within_budget"] else "OVER BUDGET"
    lines += [
        "",
        f"import {PACKAGE}: {imp['import_ms_best']:.2f} ms best of {imp['runs']} "
        f"(median {imp['import_ms_median']:.2f} ms; budget < "
        f"{imp['budget_ms']:.0f} ms: {verdict})",
        f"loaded by Sphinx (import + setup()): {imp['setup_extension_ms_best']:.2f} ms;"
        f" bundled dataset, first use: {imp['dataset_load_ms_best']:.2f} ms",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run both measurements, print the report; return the results."""
    args = parse_args(argv)
    work: Path = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = environment()
    results: dict[str, Any] = {
        "parameters": {
            "pages": args.pages,
            "refs": args.refs,
            "rounds": args.rounds,
            "builder": args.builder,
        },
        "environment": env,
        "incremental": {
            variant: incremental(
                work, variant, args.pages, args.refs, args.rounds, args.builder
            )
            for variant in args.variants
        },
        "table_edit": {
            variant: table_edit(work, variant, args.pages, args.refs, args.builder)
            for variant in TABLE_EDIT_VARIANTS
        },
    }
    ours, plain = (
        set(results["table_edit"][v]["written_docs"]) for v in TABLE_EDIT_VARIANTS
    )
    results["table_edit_within_budget"] = ours <= plain
    # Warm the bytecode cache for the import timing, as a build would have.
    child_env = child_environment(work)
    subprocess.run(
        [sys.executable, "-c", f"import {PACKAGE}.extension"], env=child_env, check=True
    )
    results["import"] = import_time(args.import_runs, child_env)
    print(report(results), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
