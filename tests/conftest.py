"""Shared fixtures: Sphinx's test fixtures, our test roots, and output helpers.

Each scenario is a small project under ``tests/roots/test-<name>/``; a test asks
for it with ``@pytest.mark.sphinx("html", testroot="<name>")`` and builds it
with the ``app`` fixture.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from collections.abc import Callable

    from bs4.element import Tag
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


def config_warnings(warning: StringIO) -> list[str]:
    """The messages of a build's warnings, all of which must be config ones."""
    messages = []
    for line in warnings_of(warning):
        match = re.fullmatch(r"WARNING: (.*) \[httpstatus\.config\]", line)
        assert match, line
        messages.append(match.group(1))
    return messages


def check_config_page(app: Any, language: str = "en") -> None:
    """test-config/index.rst (404, 4xx, !404, Payload Too Large) rendered with
    the default format and links, with descriptions in *language*."""
    registry = bundled()
    refs = references(app)
    assert [ref.get_text() for ref in refs] == [
        "404 Not Found",
        f"4xx {registry.classes['4xx'].name(language)}",
        "404 Not Found",
        "413 Content Too Large",
    ]
    assert [ref.name for ref in refs] == ["a", "a", "span", "a"]
    assert [described_by(ref) for ref in refs] == [
        registry[404].description(language),
        registry.classes["4xx"].description(language),
        registry[404].description(language),
        registry[413].description(language),
    ]


def described_by(ref: Tag) -> str | None:
    """The accessible description of a status reference: the text of the
    element its ``aria-describedby`` names, on the same page (the card of
    the page's first reference to the code); ``None`` if it names none.

    Fails if the reference also has a ``title``, which would be announced
    as a second description.
    """
    assert not ref.has_attr("title"), "a card and a title would both be read"
    described = ref.get("aria-describedby")
    if described is None:
        return None
    root = ref
    while root.parent is not None:
        root = root.parent
    (element,) = root.select(f"[id='{described}']")
    return str(element.get_text())


def shown_text(tag: Tag) -> str:
    """The text of *tag* as a reader sees it with every card closed."""
    copy = BeautifulSoup(str(tag), "html.parser")
    for card in copy.select(".http-status-card"):
        card.decompose()
    return str(copy.get_text())


def html_of(app: Sphinx, docname: str = "index") -> BeautifulSoup:
    """The parsed HTML page of *docname* in *app*'s output directory."""
    path = Path(app.outdir) / f"{docname}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(app: Sphinx, name: str) -> str:
    """An output file of *app* as text."""
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def soup_of(app: Sphinx, path: str) -> BeautifulSoup:
    """Any HTML output file of *app* (``reference/index.html``), parsed."""
    return BeautifulSoup(text_of(app, path), "html.parser")


def references(app: Sphinx, docname: str = "index") -> list[Tag]:
    """Each list item's status reference, in page order (one per item)."""
    body = html_of(app, docname).find("div", class_="body")
    assert body is not None
    found = []
    for item in body.find_all("li"):
        refs = item.find_all(class_="http-status")
        assert len(refs) == 1, item
        found.append(refs[0])
    return found


def variant(root: str, name: str, buildername: str = "html", **overrides: Any) -> Any:
    """A ``sphinx`` marker building a private copy of *root* with *overrides*."""
    return pytest.mark.sphinx(
        buildername, testroot=root, srcdir=name, confoverrides=overrides
    )


def shared_build(testroot: str, buildername: str = "html") -> Callable[[Any], Any]:
    """Build *testroot* once for all the tests marked with this decorator."""

    def decorate(test: Any) -> Any:
        test = pytest.mark.sphinx(buildername, testroot=testroot)(test)
        key = f"{testroot}-{buildername}"
        return pytest.mark.test_params(shared_result=key)(test)

    return decorate


# -- incremental builds --------------------------------------------------------------


def edit_source(path: Path, text: str) -> None:
    """Write *path*, dated clearly after the previous build read it."""
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def build_again(make_app: Callable[..., Any], srcdir: Path, **kwargs: Any) -> Any:
    """Build *srcdir* (again: the output and doctrees persist between calls)."""
    app = make_app("html", srcdir=srcdir, warning=StringIO(), **kwargs)
    app.build()
    app.cleanup()  # so that the next app in this test starts afresh
    return app


def documents_read(app: Any) -> set[str]:
    """The documents a build read, from its status output."""
    status = _ESCAPES.sub("", app.status.getvalue())
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", status))


def serial_and_parallel(
    make_app: Callable[..., Any], source: Path, tmp_path: Path
) -> dict[int, Any]:
    """Build copies of *source* with ``-j 1`` and ``-j 2``, each without a
    warning, the second with every page read by a worker process."""
    apps = {}
    for jobs in (1, 2):
        srcdir = tmp_path / f"j{jobs}"
        shutil.copytree(source, srcdir)
        app = build_again(make_app, srcdir, parallel=jobs)
        assert warnings_of(app.warning) == []
        readers = {app.env.metadata[doc]["reader-pid"] for doc in app.env.found_docs}
        if jobs == 1:
            assert readers == {os.getpid()}
        else:
            assert os.getpid() not in readers
        apps[jobs] = app
    return apps


def html_pages(app: Any) -> dict[str, str]:
    """Every HTML page of *app*'s output directory, by file name."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(Path(app.outdir).glob("*.html"))
    }
