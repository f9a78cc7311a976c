"""Links from ``:http:status:`` references to the rows of an indexed status table.

Covers html, dirhtml and singlehtml links from other documents, class
references, ``httpstatus_link = "table"`` fallbacks, duplicate tables, and
incremental and parallel builds, always by reading the written pages.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import (
    build_again,
    documents_read,
    edit_source,
    html_of,
    html_pages,
    serial_and_parallel,
    shared_build,
    soup_of,
    warnings_of,
)

from sphinxcontrib_httpstatus import links
from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org/"


def refs(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    """The status references of a page outside tables: (text, href or None)."""
    return [
        (node.get_text(), node.get("href") if node.name == "a" else None)
        for node in soup.select(".http-status")
        if node.find_parent("table") is None
    ]


def mdn(code: int) -> str:
    url = links.mdn_url(bundled()[code], "en")
    assert url is not None
    assert url.startswith(MDN)
    return url


def ids_of(soup: BeautifulSoup) -> list[str]:
    return [str(tag["id"]) for tag in soup.find_all(id=True)]


# -- html, dirhtml, singlehtml -------------------------------------------------------


def usage_refs(reference: str) -> list[tuple[str, str | None]]:
    """What usage.rst of ``table-links`` must link to, with *reference* the
    URI of the table page as seen from the usage page."""
    mdn_classes = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
    return [
        ("404 Not Found", f"{reference}#http-status-404"),
        # with :group:, a class links to its heading row
        ("4xx Client Error", f"{reference}#http-status-4xx"),
        ("201 Created", f"{reference}#http-status-201"),
        # without it, the class has no target in the table: "auto" goes to MDN
        ("2xx Successful", f"{mdn_classes}#successful_responses"),
        ("503 Service Unavailable", f"{reference}#http-status-503"),
        # in no table: "auto" falls back to MDN
        ("302 Found", mdn(302)),
        ("3xx Redirection", f"{mdn_classes}#redirection_messages"),
        ("the missing page", f"{reference}#http-status-404"),
        ("404 Not Found", None),  # !404
    ]


@shared_build("table-links")
def test_html_links_to_rows_on_another_page(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert refs(html_of(app, "usage")) == usage_refs("reference.html")
    assert refs(html_of(app, "index")) == [
        ("404 Not Found", "reference.html#http-status-404")
    ]
    reference = html_of(app, "reference")
    # a reference on the table's own page
    assert refs(reference) == [("404 Not Found", "#http-status-404")]
    # every link lands on a row of the table
    for anchor in ("404", "4xx", "201", "200", "503"):
        (row,) = reference.select(f"#http-status-{anchor}")
        assert row.name == "tr"
    assert "http-status-group" in reference.select_one("#http-status-4xx")["class"]
    assert "http-status-group" not in reference.select_one("#http-status-200")["class"]
    assert not reference.select("#http-status-2xx")


@shared_build("table-links", "dirhtml")
def test_dirhtml_links_are_relative(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert refs(soup_of(app, "usage/index.html")) == usage_refs("../reference/")
    assert refs(soup_of(app, "index.html")) == [
        ("404 Not Found", "reference/#http-status-404")
    ]
    reference = soup_of(app, "reference/index.html")
    assert reference.select_one("#http-status-404").name == "tr"
    assert reference.select_one("#http-status-4xx").name == "tr"


@shared_build("table-links", "singlehtml")
def test_singlehtml_links_are_fragments(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    soup = soup_of(app, "index.html")
    found = refs(soup)
    # the toctree (usage, reference) is inlined before the rest of index
    assert found == [
        *usage_refs(""),
        ("404 Not Found", "#http-status-404"),  # reference
        ("404 Not Found", "#http-status-404"),  # index
    ]
    ids = ids_of(soup)
    for _text, href in found:
        if href and href.startswith("#"):
            assert ids.count(href[1:]) == 1, href
            assert soup.select_one(href).name == "tr"


# -- httpstatus_link = "table" and :no-index: ---------------------------------------


@shared_build("table-fallback")
def test_link_table_falls_back_with_a_warning(app: Sphinx, warning: StringIO) -> None:
    app.build()
    soup = html_of(app)
    mdn_5xx = (
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
        "#server_error_responses"
    )
    assert refs(soup) == [
        ("404 Not Found", "reference.html#http-status-404"),
        ("200 OK", mdn(200)),
        # 500 is only in a :no-index: table, which is no link target
        ("500 Internal Server Error", mdn(500)),
        ("4xx Client Error", "reference.html#http-status-4xx"),
        ("5xx Server Error", mdn_5xx),
        ("200 OK", mdn(200)),
    ]
    # One warning per occurrence, each at its own line: a target rendered
    # before still warns where it is written again.
    found = warnings_of(warning)
    assert len(found) == 4, "\n".join(found)
    for line, target, url in [
        (9, "200", mdn(200)),
        (10, "500", mdn(500)),
        (12, "5xx", mdn_5xx),
        (14, "200", mdn(200)),
    ]:
        (message,) = [w for w in found if f"index.rst:{line}: WARNING: " in w]
        assert message.endswith("[httpstatus.link]"), message
        assert f" {target};" in message, message
        assert url in message, message
    reference = html_of(app, "reference")
    assert reference.select_one("#http-status-404") is not None
    assert reference.select_one("#http-status-500") is None


# -- duplicates ----------------------------------------------------------------------


@shared_build("table-duplicate")
def test_duplicate_tables_warn_once_per_pair(app: Sphinx, warning: StringIO) -> None:
    app.build()
    found = warnings_of(warning)
    assert len(found) == 2, "\n".join(found)
    assert all(w.endswith("[httpstatus.duplicate]") for w in found), found
    # same document: the second table names the first
    (same,) = [w for w in found if "errors.rst:7: WARNING: " in w]
    assert re.search(r"errors\.rst:4\b", same), same
    assert "404" in same
    # another document, later in the toctree, though first in name order
    (other,) = [w for w in found if "appendix.rst:4: WARNING: " in w]
    assert re.search(r"errors\.rst:4\b", other), other
    assert "404" in other
    assert "503" not in other  # only appendix.rst lists 503: no clash


@shared_build("table-duplicate")
def test_duplicate_first_table_in_document_order_wins(app: Sphinx) -> None:
    app.build()
    assert refs(html_of(app, "usage")) == [
        ("404 Not Found", "errors.html#http-status-404"),
        ("500 Internal Server Error", "errors.html#http-status-500"),
        ("503 Service Unavailable", "appendix.html#http-status-503"),
        (
            "418 I\N{RIGHT SINGLE QUOTATION MARK}m a teapot",
            "errors.html#http-status-418",
        ),
        # a class links to a table only where its heading row is (:group:)
        ("4xx Client Error", "errors.html#http-status-4xx"),
        (
            "5xx Server Error",
            "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
            "#server_error_responses",
        ),
    ]
    errors = html_of(app, "errors")
    first, second = errors.select("table.http-status-table")
    # one id per page: the second table's 404 row is not a target...
    assert ids_of(errors).count("http-status-404") == 1
    assert first.select_one("#http-status-404") is not None
    assert second.select_one("#http-status-404") is None
    # ...but its code cell still leads to the row that is
    assert second.select_one("a[href='#http-status-404']") is not None
    assert second.select_one("#http-status-418") is not None


# -- incremental builds --------------------------------------------------------------

INDEX_WITHOUT_TABLE = "API\n===\n\n.. toctree::\n\n   usage\n"
MDN_4XX = (
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
    "#client_error_responses"
)


def copy_root(rootdir: Path, name: str, srcdir: Path) -> Path:
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return srcdir


def links_to_table(reference: str = "reference.html") -> list[tuple[str, str | None]]:
    return [
        ("404 Not Found", f"{reference}#http-status-404"),
        ("4xx Client Error", f"{reference}#http-status-4xx"),
    ]


def links_to_mdn() -> list[tuple[str, str | None]]:
    return [("404 Not Found", mdn(404)), ("4xx Client Error", MDN_4XX)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_removing_the_table_page_relinks_unchanged_pages(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, jobs: int
) -> None:
    srcdir = copy_root(rootdir, "table-incremental", tmp_path / "src")
    first = build_again(make_app, srcdir, parallel=jobs)
    assert refs(html_of(first, "usage")) == links_to_table()

    (srcdir / "reference.rst").unlink()
    edit_source(srcdir / "index.rst", INDEX_WITHOUT_TABLE)
    second = build_again(make_app, srcdir, parallel=jobs)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {"index"}  # usage.rst was not read again...
    usage = html_of(second, "usage")
    assert refs(usage) == links_to_mdn()  # ...but its links were rewritten
    assert "reference.html#http-status-" not in str(usage)


def test_no_index_on_the_table_relinks_unchanged_pages(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    srcdir = copy_root(rootdir, "table-incremental", tmp_path / "src")
    first = build_again(make_app, srcdir)
    assert refs(html_of(first, "usage")) == links_to_table()

    reference = srcdir / "reference.rst"
    edit_source(reference, reference.read_text(encoding="utf-8") + "   :no-index:\n")
    second = build_again(make_app, srcdir)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {"reference"}
    usage = html_of(second, "usage")
    assert refs(usage) == links_to_mdn()
    assert "reference.html#http-status-" not in str(usage)
    assert not html_of(second, "reference").select("[id^=http-status-]")


def test_adding_a_table_page_links_unchanged_pages_to_it(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    srcdir = copy_root(rootdir, "table-incremental", tmp_path / "src")
    table_page = (srcdir / "reference.rst").read_text(encoding="utf-8")
    index = (srcdir / "index.rst").read_text(encoding="utf-8")
    (srcdir / "reference.rst").unlink()
    (srcdir / "index.rst").write_text(INDEX_WITHOUT_TABLE, encoding="utf-8")
    first = build_again(make_app, srcdir)
    assert refs(html_of(first, "usage")) == links_to_mdn()

    edit_source(srcdir / "reference.rst", table_page)
    edit_source(srcdir / "index.rst", index)
    second = build_again(make_app, srcdir)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {"index", "reference"}
    assert refs(html_of(second, "usage")) == links_to_table()


# -- parallel builds -----------------------------------------------------------------


def test_parallel_build_equals_serial_build(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    apps = serial_and_parallel(make_app, rootdir / "test-table-parallel", tmp_path)
    pages = {jobs: html_pages(app) for jobs, app in apps.items()}
    for app in apps.values():
        for page in range(1, 9):
            found = dict(refs(html_of(app, f"page-{page}")))
            assert found["404 Not Found"] == "reference.html#http-status-404"
            assert found["4xx Client Error"] == "reference.html#http-status-4xx"
            assert found["499 Client Closed Request"] == (
                "reference.html#http-status-499"
            )
    assert {f"page-{n}.html" for n in range(1, 9)} <= set(pages[2])
    assert pages[2] == pages[1]
