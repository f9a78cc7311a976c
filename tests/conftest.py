"""Shared fixtures: Sphinx's test fixtures, our test roots, and output helpers.

Each scenario is a small project under ``tests/roots/test-<name>/``; a test asks
for it with ``@pytest.mark.sphinx("html", testroot="<name>")`` and builds it
with the ``app`` fixture.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.application import Sphinx

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def warnings_of(warning: StringIO) -> list[str]:
    """The warning lines of a build, without colour codes."""
    return [line for line in _ESCAPES.sub("", warning.getvalue()).splitlines() if line]


def html_of(app: Sphinx, docname: str = "index") -> BeautifulSoup:
    """The parsed HTML page of *docname* in *app*'s output directory."""
    path = Path(app.outdir) / f"{docname}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(app: Sphinx, name: str) -> str:
    """An output file of *app* as text."""
    return (Path(app.outdir) / name).read_text(encoding="utf-8")
