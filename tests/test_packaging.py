"""The distributions carry everything: build the wheel and sdist, install the
wheel into a fresh environment, and build a small project with it there.

An editable install reads the data file from the source tree, so a file
missing from the wheel would only show up here.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGE_FILES = (
    "sphinxcontrib_httpstatus/__init__.py",
    "sphinxcontrib_httpstatus/py.typed",
    "sphinxcontrib_httpstatus/data/status-codes.json",
    "sphinxcontrib_httpstatus/data/mdn-pages.json",
    "sphinxcontrib_httpstatus/static/sphinxcontrib-httpstatus.css",
    "sphinxcontrib_httpstatus/locale/sphinxcontrib-httpstatus.pot",
    *(
        f"sphinxcontrib_httpstatus/locale/{language}/LC_MESSAGES/"
        f"sphinxcontrib-httpstatus.{suffix}"
        for language in ("zh_CN", "zh_TW", "ja", "ko", "fr", "es", "de", "pt_BR", "ru")
        for suffix in ("po", "mo")
    ),
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {
        "wheel": next(out.glob("*.whl")),
        "sdist": next(out.glob("*.tar.gz")),
    }


def test_wheel_contents(dists: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    for name in PACKAGE_FILES:
        assert name in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(dists["wheel"]).read(metadata).decode()
    assert "Classifier: Framework :: Sphinx :: Extension" in text
    requires = [line for line in text.splitlines() if line.startswith("Requires-Dist")]
    runtime = [line for line in requires if "extra ==" not in line]
    assert sorted(r.split(":")[1].split(">")[0].strip() for r in runtime) == [
        "docutils",
        "sphinx",
    ]


def test_sdist_contents(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    for name in (*PACKAGE_FILES, "tests/test_dataset.py", "docs/conf.py", "LICENSE"):
        assert name in names


def test_wheel_works_in_a_fresh_environment(
    dists: dict[str, Path], tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [
                str(python),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--target",
            str(site),
            str(dists["wheel"]),
        ],
        check=True,
    )
    # Sphinx and docutils come from this environment's site-packages, added as
    # a plain path: its .pth files (our editable install) are not processed.
    (site / "zz-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    project = tmp_path / "project"
    project.mkdir()
    (project / "conf.py").write_text('extensions = ["sphinxcontrib_httpstatus"]\n')
    (project / "index.rst").write_text(
        "Orders\n======\n\nMissing orders give :http:status:`404`.\n\n"
        ".. http-status-table::\n   :codes: 4xx\n"
    )
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import sphinxcontrib_httpstatus as m, sys; print(m.__file__);"
            "from sphinx.cmd.build import main; sys.exit(main(sys.argv[1:]))",
            "-W",
            "-q",
            "-b",
            "html",
            str(project),
            str(tmp_path / "out"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(site))
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="#http-status-404"' in html
    assert ">404 Not Found</a>" in html
    assert (tmp_path / "out" / "_static" / "sphinxcontrib-httpstatus.css").is_file()
