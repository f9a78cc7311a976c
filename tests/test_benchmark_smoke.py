"""The benchmarks under ``benchmarks/`` still run: once each, at a tiny size.

No timing is asserted (the suite runs on machines of every speed); what is
checked is that every variant builds, renders its references the way it claims
(``build_time.check_rendering``), and that the report and the JSON hold every
figure the Performance page quotes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
VARIANTS = (
    "plain",
    "httpdomain",
    "ours",
    "ours+table",
    "plain+table",
    "fields",
    "ours+fields",
)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"benchmark_{name}", BENCHMARKS / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while being defined.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_build_time_benchmark_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_time = _load("build_time")
    output = tmp_path / "results.json"
    results = build_time.main(
        [
            "--pages=2",
            "--refs=3",
            "--rounds=1",
            "--warmup=0",
            f"--work-dir={tmp_path / 'work'}",
            f"--json={output}",
        ]
    )

    assert tuple(results["variants"]) == VARIANTS
    for figures in results["variants"].values():
        assert len(figures["times_s"]) == 1
        assert figures["median_s"] > 0
        assert figures["warnings"] == 0
        if figures["peak_rss_mib"] is not None:
            assert figures["peak_rss_mib"] > 10
    assert [(r["numerator"], r["denominator"]) for r in results["ratios"]] == [
        ("ours", "plain"),
        ("ours", "httpdomain"),
        ("ours+fields", "fields"),
        ("ours+table", "httpdomain"),
        ("ours+table", "plain"),
        ("plain+table", "plain"),
        ("ours+table", "plain+table"),
    ]
    assert all(r["value"] > 0 for r in results["ratios"])
    assert [r["budget"] for r in results["ratios"]] == [
        1.05,
        1.0,
        1.05,
        None,
        None,
        None,
        None,
    ]
    (difference,) = results["differences"]
    variants = results["variants"]
    expected = variants["ours+table"]["median_s"] - variants["ours"]["median_s"]
    assert difference["value"] == pytest.approx(expected, abs=1e-3)
    expected = variants["plain+table"]["median_s"] - variants["plain"]["median_s"]
    assert difference["budget"] == pytest.approx(expected, abs=1e-3)
    assert difference["within_budget"] == (difference["value"] <= difference["budget"])
    assert json.loads(output.read_text(encoding="utf-8")) == results

    report = capsys.readouterr().out
    for variant in VARIANTS:
        assert variant in report
    assert "ratios of medians" in report
    assert report.count("budget <=") == 3


def test_handwritten_table_matches_the_directive(tmp_path: Path) -> None:
    """Variant (e)'s list-table shows what ``.. http-status-table::`` shows."""
    from bs4 import BeautifulSoup

    build_time = _load("build_time")
    texts = {}
    for variant in ("ours+table", "plain+table"):
        root = tmp_path / build_time._slug(variant)
        build_time.write_project(root, variant, 1, 1)
        build_time.build(root, "html")
        html = (root / "out" / f"{build_time.TABLE_DOC}.html").read_text("utf-8")
        table = BeautifulSoup(html, "html.parser").find("table")
        assert table is not None
        for separator in table.select(".http-status-separator"):
            separator.extract()  # read by screen readers, not shown
        texts[variant] = [
            [
                " ".join(cell.get_text(" ", strip=True).split())
                for cell in row(["th", "td"])
            ]
            for row in table("tr")[1:]
        ]
    assert len(texts["ours+table"]) == 64
    assert texts["plain+table"] == texts["ours+table"]


_FAKE_VALGRIND = """\
#!{python}
# Stands in for valgrind: runs the command after the options, then reports a
# count the way callgrind does, a different one per project.
import subprocess, sys, zlib
args = sys.argv[1:]
while args[0].startswith("--"):
    args.pop(0)
code = subprocess.call(args)
src = args[args.index("-E") + 1] if "-E" in args else ""
print(f"==1== Collected : {{1000 + zlib.crc32(src.encode()) % 1000}}", file=sys.stderr)
sys.exit(code)
"""


def test_instruction_counts_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--instructions`` runs each variant under valgrind and reports its count.

    Real callgrind takes minutes even at this size, so a stand-in that runs the
    build and prints a count in callgrind's words takes its place.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "valgrind"
    fake.write_text(_FAKE_VALGRIND.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    build_time = _load("build_time")
    results = build_time.main(
        [
            "--pages=1",
            "--refs=2",
            "--rounds=1",
            "--warmup=0",
            "--instructions",
            "--jobs=2",
            f"--work-dir={tmp_path / 'work'}",
        ]
    )
    counts = results["instructions"]["counts"]
    assert tuple(counts) == VARIANTS
    assert all(1000 <= n < 2000 for n in counts.values())
    first = results["instructions"]["ratios"][0]
    assert first["value"] == round(counts["ours"] / counts["plain"], 4)
    assert first["budget"] == 1.05
    report = capsys.readouterr().out
    assert "ratios of instructions:" in report
    assert report.count("budget <=") == 6
    assert "(d) - (c) <= (e) - (a)" in report


def test_generated_pages_differ_only_in_references() -> None:
    build_time = _load("build_time")
    pages = {v: build_time.page(v, 7, 20) for v in VARIANTS}
    assert pages["plain"].count("``404``") == pages["ours"].count(":http:status:`404`")
    assert pages["httpdomain"].count(":http:statuscode:`") == 20
    assert pages["ours"].count(":http:status:`") == 20
    assert pages["ours"] == pages["ours+table"]
    assert pages["plain"] == pages["plain+table"]
    fields = build_time.fields_page(7, 20)
    assert fields.count(":statuscode ") == 20
    assert fields.count(".. http:") == 3  # seven fields per resource
    normalised = {
        v: p.replace(":http:statuscode:`", "<").replace(":http:status:`", "<")
        for v, p in pages.items()
        if not v.startswith("plain") and "fields" not in v
    }
    assert len(set(normalised.values())) == 1


def test_incremental_benchmark_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incremental = _load("incremental")
    results = incremental.main(
        [
            "--pages=2",
            "--refs=3",
            "--rounds=1",
            "--import-runs=1",
            f"--work-dir={tmp_path}",
        ]
    )

    assert tuple(results["incremental"]) == ("plain", "ours", "ours+table")
    for figures in results["incremental"].values():
        assert figures["exactly_one_read"], figures["read_docs"]
        assert figures["reads"] == [1]
        assert figures["median_s"] > 0
    # An edit above the table writes what plain Sphinx writes, no referrer.
    assert results["table_edit_within_budget"]
    assert results["table_edit"]["ours+table"]["written_docs"] == [
        "index",
        "status-codes",
    ]
    assert results["import"]["import_ms_best"] > 0
    assert results["import"]["setup_extension_ms_best"] > 0
    report = capsys.readouterr().out
    assert "import sphinxcontrib_httpstatus" in report
    assert "NOT ONE PAGE" not in report


def test_importtime_parsing_counts_nested_modules_once() -> None:
    incremental = _load("incremental")
    stderr = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       100 |        100 |     pkg.dataset",
            "import time:        50 |        150 |   pkg.config",
            "import time:       300 |        300 |   typing",
            "import time:        20 |        470 | pkg.extension",
            "import time:        10 |         10 | pkgfoo",
            "import time:         5 |          5 | pkg",
        ]
    )
    assert incremental.package_import_us(stderr, "pkg") == 475


def test_page_weight_benchmark_measures_each_way(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The bytes a reference adds: a card costs more than a title, a title
    more than the bare reference, and each more than nothing."""
    page_weight = _load("page_weight")
    figures = page_weight.measure(refs=6, codes=3)
    assert list(figures) == ["plain", "none", "title", "card"]
    raw = {mode: sizes["raw"] for mode, sizes in figures.items()}
    assert 0 < raw["plain"] < raw["none"] < raw["title"] < raw["card"]
    for sizes in figures.values():
        assert 0 < sizes["gzip"] < sizes["raw"]
    assert page_weight.main(["--refs", "2", "--codes", "2"]) == 0
    assert "bytes per reference" in capsys.readouterr().out
