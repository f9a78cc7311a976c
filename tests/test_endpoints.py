"""The ``endpoints`` column of status tables: which resources return each code.

The test project (``test-endpoints``) documents an API with
sphinxcontrib-httpdomain over four pages, read in toctree order (users before
orders, against their names' order): a resource that lists a code twice, one
listed again on another page with ``:noindex:`` (listed once, linked to its
page), one only ``:noindex:`` (listed as text), ``4XX`` and ``5XX`` ranges (the
class heading rows), ``default`` and ``x-...`` responses (listed nowhere),
eight resources returning 429 (a long list), and codes named only in prose
(listed for no resource). ``errors.rst`` holds the table. Every builder's
output is read back; incremental and parallel builds are checked the way
``test_table_links.py`` checks links.
"""

from __future__ import annotations

import importlib.util
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
    text_of,
    variant,
    warnings_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from bs4.element import Tag
    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp

#: A listed resource: its text, and its link's href (None: not linked).
Entry = tuple[str, str | None]

#: Per row (code or class), the resources listed: text and anchor (None: text).
EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "2xx": [],
    "200": [
        ("GET /users", "users#get--users"),
        ("GET /orders/(int:order_id)", None),
        ("GET /orders", "orders#get--orders"),
    ],
    "201": [("POST /users", "users#post--users")],
    "204": [("DELETE /users/(int:user_id)", "users#delete--users-(int-user_id)")],
    "4xx": [("POST /users", "users#post--users")],
    "404": [
        ("GET /users", "users#get--users"),
        ("DELETE /users/(int:user_id)", "users#delete--users-(int-user_id)"),
        ("GET /orders/(int:order_id)", None),
    ],
    "409": [
        ("POST /users", "users#post--users"),
        ("PUT /orders/(int:order_id)", "orders#put--orders-(int-order_id)"),
    ],
    "410": [],  # only in prose
    "412": [("PUT /orders/(int:order_id)", "orders#put--orders-(int-order_id)")],
    "429": [(f"GET /limits/{n}", f"limits#get--limits-{n}") for n in range(1, 9)],
    "5xx": [("GET /orders", "orders#get--orders")],
    "503": [],  # only in prose
}


def expected(href: Callable[[str, str], str]) -> dict[str, list[Entry]]:
    """:data:`EXPECTED` with each ``page#anchor`` made an href by *href*."""
    return {
        key: [
            (text, None if target is None else href(*target.split("#")))
            for text, target in entries
        ]
        for key, entries in EXPECTED.items()
    }


def endpoint_cells(soup: BeautifulSoup) -> dict[str, Tag]:
    """Each row's endpoints cell (the last), by the row's code or class."""
    (table,) = soup.select("table.http-status-table")
    cells = {}
    for row in table.select("tbody > tr"):
        key = row["id"].removeprefix("http-status-")  # type: ignore[union-attr]
        cells[key] = row.find_all(["th", "td"], recursive=False)[-1]
    return cells


def listed(cell: Tag) -> list[Entry]:
    """The resources in an endpoints cell, in order: text and href."""
    lines = cell.select("div.line")
    if not lines:
        assert cell.get_text(strip=True) == "\N{EM DASH}", cell
        return []
    found = []
    for line in lines:
        link = line.find("a")
        found.append((line.get_text(strip=True), link["href"] if link else None))
    return found  # type: ignore[return-value]


def endpoints_of(soup: BeautifulSoup) -> dict[str, list[Entry]]:
    return {key: listed(cell) for key, cell in endpoint_cells(soup).items()}


# -- HTML ----------------------------------------------------------------------------


@shared_build("endpoints")
def test_html_lists_each_codes_resources_in_reading_order(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    soup = html_of(app, "errors")
    (table,) = soup.select("table.http-status-table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Code", "Phrase", "Returned by"]
    assert endpoints_of(soup) == expected(lambda page, anchor: f"{page}.html#{anchor}")


@shared_build("endpoints")
def test_default_and_extension_responses_are_listed_nowhere(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    found = endpoints_of(html_of(app, "errors"))
    rows_of = {
        text: sorted(key for key, entries in found.items() if (text, href) in entries)
        for key, entries in found.items()
        for text, href in entries
    }
    # Both declare a range and `default`; the orders list also x-rate-limited.
    assert rows_of["POST /users"] == ["201", "409", "4xx"]
    assert rows_of["GET /orders"] == ["200", "5xx"]
    assert not any("default" in text or "x-" in text for text in rows_of)


@shared_build("endpoints")
def test_every_link_lands_on_its_resource(app: Sphinx, warning: StringIO) -> None:
    app.build()
    for entries in endpoints_of(html_of(app, "errors")).values():
        for text, href in entries:
            if href is None:
                continue
            page, anchor = href.split("#")
            (signature,) = html_of(app, page.removesuffix(".html")).select(
                f"[id='{anchor}']"
            )
            assert signature.name == "dt"
            assert signature.get_text(" ", strip=True).startswith(text.split()[0])


@shared_build("endpoints")
def test_a_long_list_folds_its_rest_in_html(app: Sphinx, warning: StringIO) -> None:
    app.build()
    cell = endpoint_cells(html_of(app, "errors"))["429"]
    shown, folded = cell.select(":scope > div.line-block, details > div.line-block")
    assert len(shown.select("div.line")) == 5
    details = cell.find("details")
    assert details is not None
    assert details.find("summary").get_text() == "+3"
    assert [line.get_text() for line in folded.select("div.line")] == [
        "GET /limits/6",
        "GET /limits/7",
        "GET /limits/8",
    ]
    # A short list is never folded.
    assert not endpoint_cells(html_of(app, "errors"))["404"].find("details")


@shared_build("endpoints", "dirhtml")
def test_dirhtml_links_relative_to_the_table_page(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    soup = soup_of(app, "errors/index.html")
    assert endpoints_of(soup) == expected(lambda page, anchor: f"../{page}/#{anchor}")


@shared_build("endpoints", "singlehtml")
def test_singlehtml_links_within_the_page(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    soup = soup_of(app, "index.html")
    assert endpoints_of(soup) == expected(lambda page, anchor: f"#{anchor}")
    for entries in endpoints_of(soup).values():
        for _, href in entries:
            if href is not None:  # (httpdomain 2.2 gives :noindex: copies the id too)
                assert soup.select(f"dt[id='{href[1:]}']"), href


# -- other builders ------------------------------------------------------------------


def _label(page: str, anchor: str) -> str:
    return rf"\hyperref[\detokenize{{{page}:{anchor}}}]"


def _latex(text: str) -> str:
    return text.replace("_", r"\_")


@shared_build("endpoints", "latex")
def test_latex_links_where_the_resource_is_in_the_document(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    manual = text_of(app, "manual.tex")
    table = manual[manual.index("Who returns what") :]
    for entries in EXPECTED.values():
        for text, target in entries:
            if target is not None:
                link = _label(*target.split("#")) + r"{\sphinxcrossref{"
                assert link + _latex(text) + "}}" in table
    # the :noindex: resource is text, at the start of its line
    assert r"\item[] GET /orders/(int:order\_id)" in table
    # ...and every resource of a long list is there: no folding but in HTML
    assert all(_label("limits", f"get--limits-{n}") in table for n in range(1, 9))
    # The second document holds the table's page and no resource: text only.
    errors = text_of(app, "errors.tex")
    assert r"\hyperref[\detokenize{users:" not in errors
    assert r"\item[] GET /users" in errors
    assert r"\item[] GET /limits/8" in errors


def text_cells(text: str, table_title: str) -> dict[str, str]:
    """The last column of each body row of the text table after *table_title*,
    its wrapped lines joined, by the row's first cell's first word."""
    lines = text[text.index(table_title) :].splitlines()
    cells: dict[str, str] = {}
    key, parts = "", []
    for line in lines[lines.index(next(ln for ln in lines if "=" * 5 in ln)) + 1 :]:
        if not line.startswith(("|", "+")):
            break
        if line.startswith("+"):
            cells[key] = " ".join(p for p in parts if p)
            key, parts = "", []
            continue
        columns = line.strip("|").split("|")
        if not key:
            key = columns[0].strip().strip("*").split(" ")[0]
        parts.append(columns[-1].strip())
    return cells


@shared_build("endpoints", "text")
def test_text_lists_resources_separated_by_commas(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    cells = text_cells(text_of(app, "errors.txt"), "Who returns what")
    for key, entries in EXPECTED.items():
        shown = ", ".join(text for text, _ in entries) or "\N{EM DASH}"
        assert cells[key] == shown, key


@pytest.mark.parametrize("builder", ["man", "texinfo", "xml"])
def test_other_builders_write_the_resources(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, builder: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-endpoints", srcdir)
    app = make_app(builder, srcdir=srcdir, warning=StringIO())
    app.build()
    assert warnings_of(app.warning) == []
    written = "".join(
        path.read_text(encoding="utf-8")
        for path in Path(app.outdir).rglob("*")
        if path.suffix in {".1", ".texi", ".xml"}
    )
    # (Texinfo writes a link's ":" as ";")
    assert "DELETE /users/(int" in written
    assert all(f"GET /limits/{n}" in written for n in range(1, 9))
    assert "status_endpoints" not in written


# -- the column's layout -------------------------------------------------------------


@variant("endpoints", "endpoints-middle")
def test_a_class_heading_takes_the_wider_side_of_the_endpoints_cell(
    app: Sphinx, warning: StringIO
) -> None:
    Path(app.srcdir, "errors.rst").write_text(
        "Errors\n======\n\n.. http-status-table::\n   :codes: 404 500\n"
        "   :columns: code endpoints phrase description\n   :group:\n",
        encoding="utf-8",
    )
    app.build()
    assert warnings_of(warning) == []
    soup = html_of(app, "errors")
    heading = soup.select_one("tr#http-status-4xx")
    assert heading is not None
    cells = heading.find_all(["th", "td"], recursive=False)
    assert [c.get("colspan") for c in cells] == [None, None, "2"]
    assert cells[0].get_text(strip=True) == ""
    assert listed(cells[1]) == [("POST /users", "users.html#post--users")]
    assert cells[2].get_text().startswith("4xx Client Error")
    row = soup.select_one("tr#http-status-404")
    assert row is not None
    code, endpoints, phrase, _ = row.find_all(["th", "td"], recursive=False)
    assert (code.get_text(strip=True), phrase.get_text(strip=True)) == (
        "404",
        "Not Found",
    )
    assert listed(endpoints)[0] == ("GET /users", "users.html#get--users")


@pytest.mark.skipif(
    importlib.util.find_spec("sphinxcontrib.openapi") is None,
    reason="sphinxcontrib-openapi is not installed (it needs Python 3.11)",
)
@variant("openapi", "openapi-endpoints")
def test_openapi_responses_count_as_status_fields(
    app: Sphinx, warning: StringIO
) -> None:
    Path(app.srcdir, "codes.rst").write_text(
        "Codes\n=====\n\n.. http-status-table::\n   :codes: 201 404 409\n"
        "   :columns: code endpoints\n   :group:\n",
        encoding="utf-8",
    )
    app.build()
    assert warnings_of(warning) == []
    # The spec, rendered twice (both renderers): GET /pets, listed once.
    pets = [("GET /pets", "index.html#get--pets")]
    assert endpoints_of(html_of(app, "codes")) == {
        "2xx": pets,  # its 2XX response
        "201": pets,
        "4xx": pets,
        "404": pets,
        "409": [],
    }


# -- bad input -----------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="endpoints-absent")
def test_without_httpdomain_the_column_shows_dashes_and_warns_once_per_table(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    found = warnings_of(warning)
    assert len(found) == 2, "\n".join(found)
    for line, message in zip((4, 9), found, strict=True):
        assert f"index.rst:{line}: WARNING: the endpoints column needs " in message
        assert "sphinxcontrib-httpdomain" in message
        assert message.endswith("[httpstatus.columns]")
    first, second = html_of(app).select("table.http-status-table")
    assert [listed(cell) for cell in endpoint_cells_of(first)] == [[], [], []]
    assert [listed(cell) for cell in endpoint_cells_of(second, first=True)] == [[]]


def endpoint_cells_of(table: Tag, *, first: bool = False) -> list[Tag]:
    return [
        row.find_all(["th", "td"], recursive=False)[0 if first else -1]
        for row in table.select("tbody > tr")
    ]


@variant("endpoints", "endpoints-ours-off", httpstatus_httpdomain=False)
def test_with_httpdomains_own_rendering_the_column_shows_dashes_and_warns(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    # (and httpdomain's own errors for 4XX, 5XX, default and x-rate-limited)
    (message,) = [w for w in warnings_of(warning) if "[httpstatus" in w]
    assert "errors.rst:4: WARNING: the endpoints column needs " in message
    assert "httpstatus_httpdomain = False" in message
    assert message.endswith("[httpstatus.columns]")
    assert all(
        entries == [] for entries in endpoints_of(html_of(app, "errors")).values()
    )


@variant("endpoints", "endpoints-bad-column")
def test_an_unknown_column_names_endpoints_among_the_accepted(
    app: Sphinx, warning: StringIO
) -> None:
    Path(app.srcdir, "errors.rst").write_text(
        "Errors\n======\n\n.. http-status-table::\n   :codes: 404\n"
        "   :columns: code callers\n",
        encoding="utf-8",
    )
    app.build()
    (message,) = warnings_of(warning)
    assert (
        "unknown column 'callers' in :columns: "
        "(accepted: code, phrase, description, spec, endpoints)"
    ) in message


# -- incremental and parallel builds ---------------------------------------------


def _stamps(outdir: Path) -> dict[str, int]:
    return {p.stem: p.stat().st_mtime_ns for p in outdir.glob("*.html")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_new_field_rewrites_the_table_page_without_reading_it(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, jobs: int
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-endpoints", srcdir)
    first = build_again(make_app, srcdir, parallel=jobs)
    assert endpoints_of(html_of(first, "errors"))["503"] == []
    before = _stamps(Path(first.outdir))

    orders = srcdir / "orders.rst"
    text = orders.read_text(encoding="utf-8")
    edit_source(
        orders,
        text.replace(
            "   :statuscode 5XX:",
            "   :statuscode 503: down for maintenance\n   :statuscode 5XX:",
        ),
    )
    second = build_again(make_app, srcdir, parallel=jobs)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {
        "orders"
    }  # the table's page was not read again...
    found = endpoints_of(html_of(second, "errors"))  # ...but written again
    assert found["503"] == [("GET /orders", "orders.html#get--orders")]
    assert {k: v for k, v in found.items() if k != "503"} == {
        k: v for k, v in endpoints_of(html_of(first, "errors")).items() if k != "503"
    }
    after = _stamps(Path(second.outdir))
    written = {
        page for page in ("users", "limits", "prose") if after[page] != before[page]
    }
    assert written == set()


def test_an_edit_that_changes_no_list_leaves_the_table_page_alone(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-endpoints", srcdir)
    first = build_again(make_app, srcdir)
    before = _stamps(Path(first.outdir))
    users = srcdir / "users.rst"
    text = users.read_text(encoding="utf-8")
    title_end = text.index("\n\n") + 2
    edit_source(
        users,
        text[:title_end] + "Two new lines\nabove the resources.\n\n" + text[title_end:],
    )
    second = build_again(make_app, srcdir)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {"users"}
    after = _stamps(Path(second.outdir))
    assert after["errors"] == before["errors"]
    assert after["users"] != before["users"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_removing_a_page_removes_its_resources(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, jobs: int
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-endpoints", srcdir)
    build_again(make_app, srcdir, parallel=jobs)

    (srcdir / "orders.rst").unlink()
    index = srcdir / "index.rst"
    edit_source(index, index.read_text(encoding="utf-8").replace("   orders\n", ""))
    second = build_again(make_app, srcdir, parallel=jobs)
    assert warnings_of(second.warning) == []
    assert documents_read(second) == {"index"}
    found = endpoints_of(html_of(second, "errors"))
    assert "orders.html" not in str(html_of(second, "errors"))
    assert found["200"] == [("GET /users", "users.html#get--users")]
    assert found["409"] == [("POST /users", "users.html#post--users")]
    assert found["404"] == [
        ("GET /users", "users.html#get--users"),
        ("DELETE /users/(int:user_id)", "users.html#delete--users-(int-user_id)"),
    ]
    assert found["412"] == found["5xx"] == []


def test_reordering_the_toctree_reorders_the_lists(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-endpoints", srcdir)
    build_again(make_app, srcdir)
    index = srcdir / "index.rst"
    text = index.read_text(encoding="utf-8")
    edit_source(index, text.replace("   users\n   orders\n", "   orders\n   users\n"))
    second = build_again(make_app, srcdir)
    assert documents_read(second) == {"index"}
    assert endpoints_of(html_of(second, "errors"))["409"] == [
        ("PUT /orders/(int:order_id)", "orders.html#put--orders-(int-order_id)"),
        ("POST /users", "users.html#post--users"),
    ]


def test_parallel_build_equals_serial_build(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path
) -> None:
    apps = serial_and_parallel(make_app, rootdir / "test-endpoints", tmp_path)
    for app in apps.values():
        assert endpoints_of(html_of(app, "errors")) == expected(
            lambda page, anchor: f"{page}.html#{anchor}"
        )
    assert html_pages(apps[2]) == html_pages(apps[1])
