"""Build-time benchmark: what do status references cost a Sphinx build?

Generates four otherwise identical synthetic API-reference projects of
``--pages`` pages with ``--refs`` status references each, and builds every one
from scratch, in its own ``sphinx-build -E -q`` process with a fresh output
directory:

``plain``       the references written as literals (````404````), no extension
``httpdomain``  ``sphinxcontrib.httpdomain`` and ``:http:statuscode:`404```
``ours``        ``sphinxcontrib_httpstatus`` and ``:http:status:`404```, defaults
``ours+table``  as ``ours``, plus one page holding ``.. http-status-table::``,
                so that every reference links into the project
``plain+table`` as ``plain``, plus the same table page written by hand as a
                ``list-table``: what that page costs any project, extension or not
``fields``      an httpdomain API reference: the same codes as ``:statuscode NNN:``
                fields of ``.. http:get::`` (and other method) directives, seven
                per resource, with ``sphinxcontrib.httpdomain`` alone
``ours+fields`` the same project with ``sphinxcontrib_httpstatus`` loaded too,
                which renders every one of those fields

After one warm-up round, ``--rounds`` rounds run interleaved (a-b-c-d-e,
a-b-c-d-e, ...), so that a slow spell of the machine hits every variant alike.
The report gives each variant's median wall-clock time, its spread, its peak
resident memory (from ``wait4``, per build process), and the ratios of medians
that the budget is stated in::

    python benchmarks/build_time.py --pages 100 --refs 50 --rounds 5 --builder html

``--json FILE`` also writes every figure as JSON. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_WORK_DIR = HERE / "_work"

#: Variant keys, in the order they are built in each round.
VARIANTS = (
    "plain",
    "httpdomain",
    "ours",
    "ours+table",
    "plain+table",
    "fields",
    "ours+fields",
)
LETTERS = dict(zip(VARIANTS, "abcdefg", strict=True))

#: ``(numerator, denominator, budget)``: the ratios the standing budgets set
#: (references: (c)/(a) and (c)/(b); httpdomain's fields: (g)/(f)), then ones
#: with no budget that put the table page's cost in proportion; the table page
#: itself is budgeted by :data:`DIFFERENCES`, which replaced the ratios of (d).
RATIOS: tuple[tuple[str, str, float | None], ...] = (
    ("ours", "plain", 1.05),
    ("ours", "httpdomain", 1.00),
    ("ours+fields", "fields", 1.05),
    ("ours+table", "httpdomain", None),
    ("ours+table", "plain", None),
    ("plain+table", "plain", None),
    ("ours+table", "plain+table", None),
)
#: ``((d, c), (e, a))``: the table page made by the directive costs no more
#: than the same table written by hand, (d) - (c) <= (e) - (a).
DIFFERENCES: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("ours+table", "ours"), ("plain+table", "plain")),
)

#: Common codes of an HTTP API, cycled through, each with a reason to return it.
CODES = {
    200: "the {noun} is returned in the body",
    201: "the {noun} was created and its URL is in the ``Location`` header",
    204: "the {noun} was deleted and there is nothing more to say",
    301: "the {noun} moved for good and the client should follow ``Location``",
    304: "the client's cached copy of the {noun} is still current",
    400: "the body is not valid JSON or a query parameter is malformed",
    401: "the access token is missing, malformed or expired",
    403: "the token is valid but its scopes do not cover this {noun}",
    404: "no {noun} has this identifier, or it was deleted",
    409: "the {noun} was changed by another request since it was read",
    422: "a field of the {noun} fails validation; the body lists which",
    429: "the client sent too many requests; ``Retry-After`` says when to retry",
    500: "the server failed unexpectedly; the error is logged with the request id",
    503: "the service is down for maintenance; retry with exponential back-off",
}
_CODE_LIST = tuple(CODES)
_NOUNS = ("order", "invoice", "customer", "webhook", "shipment", "refund", "product")
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
#: References per endpoint section.
_PER_SECTION = 7

_CONF = """\
project = "Status reference benchmark ({variant})"
extensions = {extensions!r}
exclude_patterns = ["_build"]
{extra}"""

_COUNTER_EXTENSION = '''\
"""Counts the documents Sphinx reads and writes (incremental benchmark only)."""

import os


def _note(kind, docname):
    path = os.environ.get("BENCH_COUNT_FILE")
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(f"{kind} {docname}\\n")


def setup(app):
    app.connect("source-read", lambda app, docname, source: _note("read", docname))
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: _note("write", docname)
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''

TABLE_DOC = "status-codes"


# -- the synthetic projects --------------------------------------------------------


def fields_page(number: int, refs: int) -> str:
    """Page *number* of the httpdomain variants: resources with *refs* status
    fields in all, seven per resource, the same codes as :func:`page`."""
    noun = _NOUNS[number % len(_NOUNS)]
    title = f"{noun.capitalize()}s API, part {number}"
    lines = [title, "=" * len(title), ""]
    for start in range(0, refs, _PER_SECTION):
        count = min(_PER_SECTION, refs - start)
        section = start // _PER_SECTION
        method = _METHODS[section % len(_METHODS)].lower()
        lines += [
            f".. http:{method}:: /v1/{noun}s-{number}/(id)/{section}",
            "",
            f"   {method.capitalize()} one {noun}.",
            "",
        ]
        for i in range(count):
            code = _CODE_LIST[(number * 3 + start + i) % len(_CODE_LIST)]
            lines.append(f"   :statuscode {code}: {CODES[code].format(noun=noun)}")
        lines.append("")
    return "\n".join(lines)


def reference(variant: str, code: int) -> str:
    """How *variant* writes a reference to *code*."""
    if variant in ("plain", "plain+table"):
        return f"``{code}``"
    if variant == "httpdomain":
        return f":http:statuscode:`{code}`"
    return f":http:status:`{code}`"


def page(variant: str, number: int, refs: int) -> str:
    """The text of page *number*: an API resource with *refs* status references.

    Identical across variants except for how each reference is written. Half of
    each endpoint's references are in prose, half in a bullet list, as API
    references tend to do.
    """
    noun = _NOUNS[number % len(_NOUNS)]
    title = f"{noun.capitalize()}s API, part {number}"
    lines = [
        title,
        "=" * len(title),
        "",
        f"This page documents the ``/v1/{noun}s-{number}`` resource. Every endpoint "
        "takes and returns JSON, needs a bearer token, and is rate-limited per "
        "client. The responses below are the ones a client should be ready for.",
        "",
    ]
    for start in range(0, refs, _PER_SECTION):
        count = min(_PER_SECTION, refs - start)
        section = start // _PER_SECTION
        method = _METHODS[section % len(_METHODS)]
        heading = f"``{method} /v1/{noun}s-{number}/{{id}}`` ({section + 1})"
        lines += [heading, "-" * len(heading), ""]
        lines += [
            f"{method.capitalize()} one {noun}. The identifier is the opaque "
            f"string returned when the {noun} was created.",
            "",
        ]
        codes = [
            _CODE_LIST[(number * 3 + start + i) % len(_CODE_LIST)] for i in range(count)
        ]
        prose, listed = codes[: (count + 1) // 2], codes[(count + 1) // 2 :]
        sentences = [
            f"The server answers {reference(variant, code)} when "
            f"{CODES[code].format(noun=noun)}."
            for code in prose
        ]
        lines += [" ".join(sentences), ""]
        if listed:
            lines += ["Other responses:", ""]
            lines += [
                f"* {reference(variant, code)}: {CODES[code].format(noun=noun)}."
                for code in listed
            ]
            lines.append("")
    return "\n".join(lines)


_RST_SPECIALS = re.compile(r"([\\`*_|\[\]])")


def handwritten_table() -> str:
    """The rows ``.. http-status-table::`` shows by default, as a ``list-table``.

    Same codes, phrases, state markers, descriptions and specification links,
    written the way a project without the extension would write them.
    """
    from sphinxcontrib_httpstatus import links
    from sphinxcontrib_httpstatus.dataset import bundled
    from sphinxcontrib_httpstatus.labels import labels

    words = labels("en")
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 8 24 52 16",
        "",
        *(
            f"   {'*' if i == 0 else ' '} - {words[column]}"
            for i, column in enumerate(("code", "phrase", "description", "spec"))
        ),
    ]
    for entry in bundled():
        if entry.state == "unofficial":
            continue
        phrase = _RST_SPECIALS.sub(r"\\\1", entry.phrase)
        if entry.state != "permanent":
            phrase += f" *{words[entry.state]}*"
        url = links.spec_url(entry) or entry.url
        spec = f"`{links.spec_label(entry) or url} <{url}>`__" if url else "\N{EM DASH}"
        description = _RST_SPECIALS.sub(r"\\\1", entry.description("en"))
        lines += [
            f"   * - {entry.code}",
            f"     - {phrase}",
            f"     - {description}",
            f"     - {spec}",
        ]
    return "\n".join(lines) + "\n"


def page_name(number: int) -> str:
    return f"api-{number:04d}"


def write_project(
    root: Path, variant: str, pages: int, refs: int, *, count_documents: bool = False
) -> Path:
    """Write *variant*'s project under *root*/src (replacing it); return that."""
    src = root / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    extensions: list[str] = []
    if variant in ("httpdomain", "fields", "ours+fields"):
        extensions.append("sphinxcontrib.httpdomain")
    if variant in ("ours", "ours+table", "ours+fields"):
        extensions.append("sphinxcontrib_httpstatus")
    extra = ""
    if count_documents:
        (src / "_bench_counter.py").write_text(_COUNTER_EXTENSION, encoding="utf-8")
        extensions.append("_bench_counter")
        extra = "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        extra += 'exclude_patterns.append("_bench_counter.py")\n'
    (src / "conf.py").write_text(
        _CONF.format(variant=variant, extensions=extensions, extra=extra),
        encoding="utf-8",
    )
    names = [page_name(n) for n in range(1, pages + 1)]
    if variant.endswith("+table"):
        names.append(TABLE_DOC)
        table = ".. http-status-table::\n"
        if variant == "plain+table":
            table = handwritten_table()
        (src / f"{TABLE_DOC}.rst").write_text(
            "HTTP status codes\n=================\n\n"
            "Every status code this API may return, and what it means.\n\n" + table,
            encoding="utf-8",
        )
    index = ["API reference", "=============", "", ".. toctree::", "   :maxdepth: 1"]
    index.append("")
    index += [f"   {name}" for name in names]
    (src / "index.rst").write_text("\n".join(index) + "\n", encoding="utf-8")
    for n in range(1, pages + 1):
        text = fields_page(n, refs) if "fields" in variant else page(variant, n, refs)
        (src / f"{page_name(n)}.rst").write_text(text, encoding="utf-8")
    return src


# -- one build ---------------------------------------------------------------------


@dataclass
class Build:
    #: Wall-clock time of the whole process, start-up included.
    seconds: float
    #: User + system CPU time of the process (None if unknown).
    cpu_seconds: float | None
    #: Peak resident set size of the process, in bytes (None if unknown).
    maxrss: int | None
    returncode: int
    stderr: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if "WARNING" in line]


def _maxrss_bytes(ru_maxrss: int) -> int:
    # Linux reports kibibytes, macOS bytes.
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def child_environment(work: Path) -> dict[str, str]:
    """The environment builds run in: bytecode cached as on a normal install.

    An installed package has its bytecode compiled; a development checkout run
    with ``PYTHONDONTWRITEBYTECODE`` recompiles every module it imports in every
    process, which would charge each variant for its extension's source size
    rather than its work. Bytecode goes to a cache under the work directory
    (``PYTHONPYCACHEPREFIX``), filled by the warm-up, for every variant alike.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def run_timed(
    command: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> Build:
    """Run *command*; its wall-clock time and its own CPU time and peak memory.

    ``wait4`` gives the resource usage of this one child, unlike
    ``getrusage(RUSAGE_CHILDREN)``, which is a maximum over all children so far.
    """
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as errors:
        # stderr goes to a file, not a pipe: a build with thousands of warnings
        # must not block on a full pipe while we wait for it.
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=devnull, stderr=errors, env=env, cwd=cwd
        )
        cpu: float | None = None
        maxrss: int | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            cpu = usage.ru_utime + usage.ru_stime
            maxrss = _maxrss_bytes(usage.ru_maxrss)
        else:  # pragma: no cover - Windows
            process.wait()
            seconds = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read()
    return Build(
        seconds, cpu, maxrss, process.returncode, stderr.decode(errors="replace")
    )


def sphinx_command(
    src: Path, out: Path, builder: str, *, fresh: bool = True
) -> list[str]:
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q"]
    if fresh:
        command.append("-E")
    return [*command, str(src), str(out)]


def build(root: Path, builder: str, env: dict[str, str] | None = None) -> Build:
    """Build the project under *root* from scratch into a fresh *root*/out."""
    out = root / "out"
    if out.exists():
        shutil.rmtree(out)
    result = run_timed(sphinx_command(root / "src", out, builder), env=env)
    if result.returncode != 0:
        raise RuntimeError(
            f"sphinx-build failed for {root.name} ({result.returncode}):\n"
            f"{result.stderr}"
        )
    return result


def count_instructions(
    root: Path, builder: str, env: dict[str, str], output: Path
) -> int:
    """The machine instructions one from-scratch build of *root* executes.

    Counted by valgrind's callgrind, which runs the build on a simulated CPU
    (some fifty times slower): the count does not depend on what else the
    machine is doing, so its ratios are exact where wall-clock ratios carry the
    machine's noise. ``PYTHONHASHSEED`` is fixed, so that set and dict orders,
    and with them the work done, are the same from run to run.
    """
    out = root / "out-callgrind"
    if out.exists():
        shutil.rmtree(out)
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={output}",
        *sphinx_command(root / "src", out, builder),
    ]
    result = subprocess.run(
        command,
        env={**env, "PYTHONHASHSEED": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : ([0-9]+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise RuntimeError(
            f"callgrind failed for {root.name} ({result.returncode}):\n"
            f"{result.stderr[-2000:]}"
        )
    return int(found.group(1))


def count_all_instructions(
    roots: dict[str, Path], builder: str, env: dict[str, str], jobs: int
) -> dict[str, int]:
    """:func:`count_instructions` for every variant, *jobs* at a time."""
    from concurrent.futures import ThreadPoolExecutor

    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(jobs) as pool:
        futures = {
            variant: pool.submit(
                count_instructions, root, builder, env, Path(tmp) / variant
            )
            for variant, root in roots.items()
        }
        return {variant: future.result() for variant, future in futures.items()}


# -- checking that each variant renders what it claims ------------------------------

_RENDERED = {
    "plain": re.compile(
        r'<code class="docutils literal notranslate"><span class="pre">[1-5][0-9]{2}'
        r"</span></code>"
    ),
    # httpdomain 2 links to MDN, 1.8 to RFC 2616 on w3.org.
    "httpdomain": re.compile(
        r'<a class="reference external" href="https?://[^"]+">[1-5][0-9]{2} [^<]+</a>'
    ),
    # Attribute and class order is Sphinx's business: look ahead for each part.
    # With its description card after it (one a reference; see card.py).
    "ours": re.compile(
        r'<a aria-describedby="http-status-card-[1-5][0-9]{2}" '
        r'class="(?=[^"]*\bhttp-status-[1-5]xx\b)(?=[^"]*\breference external\b)'
        r'[^"]*" href="https://developer\.mozilla\.org/[^"]*/[1-5][0-9]{2}">'
        r'[^<]+</a><span class="http-status-card\b'
    ),
    "ours+table": re.compile(
        r'<a aria-describedby="http-status-card-[1-5][0-9]{2}" '
        r'class="(?=[^"]*\bhttp-status-[1-5]xx\b)(?=[^"]*\breference internal\b)'
        rf'[^"]*" href="{TABLE_DOC}\.html#http-status-[1-5][0-9]{{2}}">'
        r'[^<]+</a><span class="http-status-card\b'
    ),
}
_RENDERED["plain+table"] = _RENDERED["plain"]
_RENDERED["fields"] = _RENDERED["httpdomain"]
_RENDERED["ours+fields"] = _RENDERED["ours"]
_TABLE_ROW = re.compile(r"<tr\b")


def table_rows(root: Path) -> int:
    """How many rows the table page of *root*'s HTML has below its header row."""
    path = root / "out" / f"{TABLE_DOC}.html"
    if not path.exists():
        return 0
    return len(_TABLE_ROW.findall(path.read_text(encoding="utf-8"))) - 1


def rendered_references(root: Path, variant: str, docname: str) -> int:
    """How many status references *docname*'s HTML renders the *variant* way."""
    html = (root / "out" / f"{docname}.html").read_text(encoding="utf-8")
    return len(_RENDERED[variant].findall(html))


def check_rendering(work: Path, refs: int) -> None:
    """Fail unless every variant's first page renders all *refs* references,
    and both table pages show the same number of rows."""
    for variant in VARIANTS:
        found = rendered_references(work / _slug(variant), variant, page_name(1))
        if found != refs:
            raise RuntimeError(
                f"{variant}: {page_name(1)} renders {found} of {refs} references "
                "as expected; the benchmark would not measure what it claims"
            )
    rows = {v: table_rows(work / _slug(v)) for v in ("ours+table", "plain+table")}
    if len(set(rows.values())) != 1 or 0 in rows.values():
        raise RuntimeError(f"the two table pages differ in rows: {rows}")


# -- the benchmark -----------------------------------------------------------------


@dataclass
class Summary:
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    maxrss: list[int] = field(default_factory=list)
    warnings: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def quartiles(self) -> tuple[float, float]:
        if len(self.times) < 2:
            return self.times[0], self.times[0]
        q1, _, q3 = statistics.quantiles(self.times, n=4, method="inclusive")
        return q1, q3

    def as_dict(self) -> dict[str, Any]:
        q1, q3 = self.quartiles
        return {
            "times_s": [round(t, 4) for t in self.times],
            "median_s": round(self.median, 4),
            "min_s": round(min(self.times), 4),
            "max_s": round(max(self.times), 4),
            "q1_s": round(q1, 4),
            "q3_s": round(q3, 4),
            "iqr_s": round(q3 - q1, 4),
            "cpu_times_s": [round(t, 4) for t in self.cpu_times],
            "cpu_median_s": (
                round(statistics.median(self.cpu_times), 4) if self.cpu_times else None
            ),
            "peak_rss_mib": (
                round(max(self.maxrss) / 2**20, 1) if self.maxrss else None
            ),
            "warnings": self.warnings,
        }


def _slug(variant: str) -> str:
    return variant.replace("+", "-")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment() -> dict[str, Any]:
    """The machine and software the figures were taken on."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "sphinx": _version("sphinx"),
        "docutils": _version("docutils"),
        "sphinxcontrib-httpdomain": _version("sphinxcontrib-httpdomain"),
        "sphinxcontrib-httpstatus": _version("sphinxcontrib-httpstatus"),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "loadavg_at_start": [round(x, 2) for x in load] if load else None,
    }


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    """The options both benchmarks take: project size, builder, places."""
    parser.add_argument("--pages", type=int, default=100, help="pages (default 100)")
    parser.add_argument(
        "--refs", type=int, default=50, help="status references per page (default 50)"
    )
    parser.add_argument("--builder", default="html", help="Sphinx builder (html)")
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=DEFAULT_WORK_DIR,
        help=f"where projects are generated and built (default {DEFAULT_WORK_DIR})",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time Sphinx builds of plain, httpdomain and httpstatus projects."
    )
    add_project_arguments(parser)
    parser.add_argument(
        "--rounds", type=int, default=5, help="measured rounds (default 5)"
    )
    parser.add_argument(
        "--warmup", type=int, default=1, help="unmeasured warm-up rounds (default 1)"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each variant's machine instructions under valgrind's "
        "callgrind (one build each; slow, but immune to the machine's noise)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="callgrind builds run at once (default: the number of CPUs)",
    )
    args = parser.parse_args(argv)
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind on the PATH")
    if args.pages < 1 or args.refs < 1 or args.rounds < 1 or args.warmup < 0:
        parser.error("--pages, --refs and --rounds must be >= 1, --warmup >= 0")
    return args


def _ms(seconds: float) -> str:
    return f"{seconds:.3f}"


def _verdict(ratio: dict[str, Any]) -> str:
    if ratio["budget"] is None:
        return "(no budget)"
    ok = "ok" if ratio["within_budget"] else "OVER BUDGET"
    return f"(budget <= {ratio['budget']:.2f}: {ok})"


def report(results: dict[str, Any]) -> str:
    """The human-readable report of :func:`run`'s results."""
    p = results["parameters"]
    env = results["environment"]
    lines = [
        f"{p['pages']} pages x {p['refs']} references = "
        f"{p['pages'] * p['refs']} references; builder {p['builder']}; "
        f"{p['rounds']} rounds after {p['warmup']} warm-up",
        f"Python {env['python']}, Sphinx {env['sphinx']}, docutils "
        f"{env['docutils']}, httpdomain {env['sphinxcontrib-httpdomain']}; "
        f"{env['cpus']} CPUs, {env['machine']}",
        "",
        f"{'variant':<16}{'median s':>10}{'min s':>9}{'max s':>9}{'IQR s':>8}"
        f"{'CPU s':>8}{'peak RSS MiB':>14}",
    ]
    for variant in VARIANTS:
        v = results["variants"][variant]
        rss = "n/a" if v["peak_rss_mib"] is None else f"{v['peak_rss_mib']:.1f}"
        cpu = "n/a" if v["cpu_median_s"] is None else _ms(v["cpu_median_s"])
        lines.append(
            f"({LETTERS[variant]}) {variant:<12}{_ms(v['median_s']):>10}"
            f"{_ms(v['min_s']):>9}{_ms(v['max_s']):>9}{_ms(v['iqr_s']):>8}"
            f"{cpu:>8}{rss:>14}"
        )
    lines += ["", "the table page's cost (wall clock, s):"]
    lines += [_difference_line(d) for d in results["differences"]]
    lines += ["", "ratios of medians (wall clock; CPU time in brackets):"]
    for ratio in results["ratios"]:
        cpu = "" if ratio["cpu_value"] is None else f" [{ratio['cpu_value']:.3f}]"
        lines.append(
            f"  {ratio['name']:<36}{ratio['value']:.3f}{cpu:<8}   {_verdict(ratio)}"
        )
    if results.get("instructions"):
        counts = results["instructions"]["counts"]
        lines += ["", "instructions (callgrind, one build each):"]
        lines += [
            f"({LETTERS[v]}) {v:<12}{counts[v] / 1e9:>10.3f} x 10^9" for v in VARIANTS
        ]
        lines += ["", "ratios of instructions:"]
        lines += [
            f"  {ratio['name']:<36}{ratio['value']:.3f}{'':<8}   {_verdict(ratio)}"
            for ratio in results["instructions"]["ratios"]
        ]
        lines += ["", "the table page's cost (instructions x 10^9):"]
        lines += [
            _difference_line(d, 1e9) for d in results["instructions"]["differences"]
        ]
    warned = {v: s["warnings"] for v, s in results["variants"].items() if s["warnings"]}
    if warned:
        lines += ["", f"builds with warnings: {warned}"]
    if env.get("loadavg_at_end"):
        lines += [
            "",
            f"load average at start {env['loadavg_at_start']}, "
            f"at end {env['loadavg_at_end']}",
        ]
    return "\n".join(lines)


def _difference_line(difference: dict[str, Any], unit: float = 1.0) -> str:
    verdict = "ok" if difference["within_budget"] else "OVER BUDGET"
    return (
        f"  {difference['name']:<36}{difference['value'] / unit:.3f} <= "
        f"{difference['budget'] / unit:.3f}   {verdict}"
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, warm up, measure; the results as a JSON-able dict."""
    work: Path = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    roots = {v: work / _slug(v) for v in VARIANTS}
    for variant, root in roots.items():
        write_project(root, variant, args.pages, args.refs)
    env = environment()
    child_env = child_environment(work)

    for _ in range(args.warmup):
        for variant in VARIANTS:
            build(roots[variant], args.builder, child_env)
    summaries = {v: Summary() for v in VARIANTS}
    checked = False
    for _ in range(args.rounds):
        for variant in VARIANTS:
            result = build(roots[variant], args.builder, child_env)
            summary = summaries[variant]
            summary.times.append(result.seconds)
            if result.cpu_seconds is not None:
                summary.cpu_times.append(result.cpu_seconds)
            if result.maxrss is not None:
                summary.maxrss.append(result.maxrss)
            summary.warnings += len(result.warnings)
        if not checked and args.builder == "html":
            check_rendering(work, args.refs)
            checked = True

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    env["loadavg_at_end"] = [round(x, 2) for x in load] if load else None
    medians = {v: s.median for v, s in summaries.items()}
    cpu_medians = {
        v: statistics.median(s.cpu_times) if s.cpu_times else None
        for v, s in summaries.items()
    }
    ratios = []
    for numerator, denominator, budget in RATIOS:
        value = medians[numerator] / medians[denominator]
        cpu_num, cpu_den = cpu_medians[numerator], cpu_medians[denominator]
        cpu_value = cpu_num / cpu_den if cpu_num and cpu_den else None
        ratios.append(
            {
                **_ratio(numerator, denominator, budget, value),
                "cpu_value": None if cpu_value is None else round(cpu_value, 4),
            }
        )
    instructions = None
    if args.instructions:
        counts = count_all_instructions(roots, args.builder, child_env, args.jobs)
        instructions = {
            "counts": counts,
            "ratios": [
                _ratio(n, d, budget, counts[n] / counts[d]) for n, d, budget in RATIOS
            ],
            "differences": [_difference(pair, counts) for pair in DIFFERENCES],
        }
    return {
        "parameters": {
            "pages": args.pages,
            "refs": args.refs,
            "rounds": args.rounds,
            "warmup": args.warmup,
            "builder": args.builder,
        },
        "environment": env,
        "variants": {v: s.as_dict() for v, s in summaries.items()},
        "ratios": ratios,
        "differences": [_difference(pair, medians) for pair in DIFFERENCES],
        "instructions": instructions,
    }


def _difference(
    pair: tuple[tuple[str, str], tuple[str, str]], values: dict[str, Any]
) -> dict[str, Any]:
    """(d) - (c) against its budget (e) - (a), from *values* by variant."""
    (left, minus), (budget_left, budget_minus) = pair
    value = values[left] - values[minus]
    budget = values[budget_left] - values[budget_minus]
    return {
        "name": f"({LETTERS[left]}) - ({LETTERS[minus]}) <= "
        f"({LETTERS[budget_left]}) - ({LETTERS[budget_minus]})",
        "value": value,
        "budget": budget,
        "within_budget": value <= budget,
    }


def _ratio(
    numerator: str, denominator: str, budget: float | None, value: float
) -> dict[str, Any]:
    return {
        "name": f"({LETTERS[numerator]}) {numerator} / "
        f"({LETTERS[denominator]}) {denominator}",
        "numerator": numerator,
        "denominator": denominator,
        "value": round(value, 4),
        "budget": budget,
        "within_budget": None if budget is None else value <= budget,
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    """Run the benchmark, print the report; return the results."""
    args = parse_args(argv)
    results = run(args)
    print(report(results), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
