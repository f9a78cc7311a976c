"""Sphinx integration: sphinxcontrib-httpdomain, parallel and incremental builds."""

from __future__ import annotations

import os
import re
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from conftest import described_by, html_of, warnings_of

from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from collections.abc import Callable
    from io import StringIO
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"


def copy_root(rootdir: Path, tempdir: Path, root: str, name: str) -> Path:
    """A fresh private copy of test root *root*, to build (and edit) freely."""
    srcdir = tempdir / name
    if srcdir.exists():
        shutil.rmtree(srcdir)
    shutil.copytree(rootdir / f"test-{root}", srcdir)
    return srcdir


def body_of(app: SphinxTestApp, docname: str) -> str:
    """The main content of a page, as written."""
    body = html_of(app, docname).find("div", class_="body")
    assert body is not None, docname
    return str(body)


# -- sphinxcontrib-httpdomain -------------------------------------------------------

HTTPDOMAIN_FIRST = ["sphinxcontrib.httpdomain", "sphinxcontrib_httpstatus"]
HTTPDOMAIN_LAST = ["sphinxcontrib_httpstatus", "sphinxcontrib.httpdomain"]


@pytest.mark.parametrize(
    "extensions",
    [
        pytest.param(
            order,
            marks=pytest.mark.sphinx(
                "html",
                testroot="httpdomain",
                srcdir=f"httpdomain-{i}",
                confoverrides={"extensions": order},
            ),
            id="httpdomain-" + ("first" if i == 0 else "last"),
        )
        for i, order in enumerate([HTTPDOMAIN_FIRST, HTTPDOMAIN_LAST])
    ],
)
def test_side_by_side_with_httpdomain(
    app: SphinxTestApp, warning: StringIO, extensions: list[str]
) -> None:
    assert app.config.extensions[-2:] == extensions
    app.build()
    assert warnings_of(warning) == []
    # httpdomain owns the http domain; our role joined it.
    http = app.env.get_domain("http")
    assert type(http).__module__ == "sphinxcontrib.httpdomain"
    assert "status" in http.roles
    assert "statuscode" in http.roles

    page = html_of(app)
    paragraphs = {p.get_text().split(":")[0]: p for p in page.find_all("p")}
    ours = paragraphs["Ours"].find("a")
    assert ours["class"][:2] == ["http-status", "http-status-4xx"]
    assert ours["href"] == f"{MDN}/404"
    assert described_by(ours) == bundled()[404].description("en")
    assert ours.get_text() == "404 Not Found"
    # httpdomain's own role still works, rendered by us (httpstatus_httpdomain
    # is True by default; test_httpdomain_fields.py covers it in depth)...
    theirs = paragraphs["Theirs"].find("a")
    assert theirs.get_text() == "404 Not Found"
    assert theirs["href"] == f"{MDN}/404"
    assert theirs["class"][:2] == ["http-status", "http-status-4xx"]
    # ...and so do its directives.
    directive = page.find("dt", id=re.compile(r"^get-"))
    assert directive is not None
    assert "/orders/" in directive.get_text()
    endpoint = paragraphs["Endpoint"].find("a")
    assert endpoint["href"] == "#" + directive["id"]
    fields = page.find("dl", class_="field-list")
    assert fields is not None
    assert "404 Not Found" in fields.get_text()
    assert "200 OK" in fields.get_text()


@pytest.mark.sphinx("html", testroot="httpdomain-absent")
def test_without_httpdomain(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    http = app.env.get_domain("http")
    assert type(http).__module__ == "sphinxcontrib_httpstatus.httpdomain"
    assert "status" in http.roles
    ref = html_of(app).find("a", class_="http-status")
    assert ref.get_text() == "404 Not Found"
    assert ref["href"] == f"{MDN}/404"


# -- parallel builds ----------------------------------------------------------------


def test_parallel_build_equals_serial(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, sphinx_test_tempdir: Path
) -> None:
    apps = {}
    for name, parallel in (("serial", 0), ("parallel", 2)):
        srcdir = copy_root(
            rootdir, sphinx_test_tempdir, "integration-parallel", f"parallel-{name}"
        )
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        app.cleanup()  # reset docutils' global registries before the next app
        apps[name] = app
    serial, parallel = apps["serial"], apps["parallel"]
    # It really ran in parallel: chunks of documents were read and written by
    # worker processes (Sphinx reports each chunk as "first .. last").
    assert parallel.is_parallel_allowed("read")
    assert parallel.is_parallel_allowed("write")
    status = re.sub(r"\x1b\[[0-9;]*m", "", parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. .*\w \.\. \w", status), status
    assert re.search(r"writing output\.\.\. .*\w \.\. \w", status), status

    docnames = sorted(serial.env.found_docs)
    assert docnames == sorted(parallel.env.found_docs)
    assert len(docnames) == 15
    for docname in docnames:
        assert body_of(parallel, docname) == body_of(serial, docname), docname
    # References link into the table across processes.
    page = html_of(parallel, "page08")
    linked = page.find("a", class_="http-status")
    assert linked.get_text() == "404 Not Found"
    assert linked["href"] == "table.html#http-status-404"
    # The same single warning, at the same place.
    for app in (serial, parallel):
        [line] = warnings_of(app.warning)
        assert re.search(
            r"notes\.md:5: WARNING: .*'999'.*\[httpstatus\.unknown\]", line
        )


# -- incremental builds -------------------------------------------------------------


def reading_recorder(app: Sphinx) -> list[str]:
    """Record the documents *app* (re-)reads."""
    read: list[str] = []

    def record(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        read.extend(docnames)

    app.connect("env-before-read-docs", record)
    return read


def test_incremental_rebuild(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, sphinx_test_tempdir: Path
) -> None:
    srcdir = copy_root(rootdir, sphinx_test_tempdir, "integration-incremental", "incr")

    first = make_app("html", srcdir=srcdir)
    read = reading_recorder(first)
    first.build()
    first.cleanup()  # reset docutils' global registries before the next app
    assert sorted(read) == ["alpha", "beta", "index"]
    before = {doc: body_of(first, doc) for doc in ("index", "alpha", "beta")}
    assert html_of(first, "alpha").find(class_="http-status").get_text() == (
        "404 Not Found"
    )

    # Nothing changed: nothing is read again.
    again = make_app("html", srcdir=srcdir)
    read = reading_recorder(again)
    again.build()
    again.cleanup()
    assert read == []

    # Edit one page: only that page is read again.
    alpha = srcdir / "alpha.rst"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("`404`", "`410`"), encoding="utf-8"
    )
    mtime = alpha.stat().st_mtime + 10
    os.utime(alpha, (mtime, mtime))
    edited = make_app("html", srcdir=srcdir)
    read = reading_recorder(edited)
    edited.build()
    assert read == ["alpha"]
    status = re.sub(r"\x1b\[[0-9;]*m", "", edited.status.getvalue())
    # Progress lines end in "\n" or, on a colour terminal, in padding and "\r".
    assert re.search(r"reading sources\.\.\. \[100%\] alpha\s", status), status
    # The extension leaves the configuration alone (sphinx.testing itself
    # swaps html_theme, so that one may be reported).
    assert "html_static_path" not in status, status
    assert "0 added, 1 changed, 0 removed" in status

    ref = html_of(edited, "alpha").find(class_="http-status")
    assert ref.get_text() == "410 Gone"
    assert ref["href"] == f"{MDN}/410"
    assert described_by(ref) == bundled()[410].description("en")
    assert body_of(edited, "beta") == before["beta"]
    assert body_of(edited, "index") == before["index"]
    assert warnings_of(edited.warning) == []


def test_incremental_rebuild_after_config_change(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, sphinx_test_tempdir: Path
) -> None:
    # httpstatus_* values are "env" values: changing one re-reads everything,
    # so no page keeps output from the old setting.
    srcdir = copy_root(
        rootdir, sphinx_test_tempdir, "integration-incremental", "incr-config"
    )
    first = make_app("html", srcdir=srcdir)
    first.build()
    first.cleanup()
    changed: Any = make_app(
        "html", srcdir=srcdir, confoverrides={"httpstatus_format": "{code}"}
    )
    read = reading_recorder(changed)
    changed.build()
    assert sorted(read) == ["alpha", "beta", "index"]
    assert html_of(changed, "alpha").find(class_="http-status").get_text() == "404"
    assert html_of(changed, "beta").find(class_="http-status").get_text() == "503"
