"""Where references link, and what the domain warns about, in the cases users hit.

Each test pins a defect found when the extension was tried as users would:
false duplicate warnings for tables that share no code, links nested in links
where Sphinx copies a section title, tables inside ``.. only::``, row anchors
taken by sections, and rewriting pages whose links did not change.
"""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_again, edit_source, html_of, text_of, warnings_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"


def hrefs(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    """(text, href) of each status reference in the page body, in order."""
    body = soup.find("div", class_="body") or soup
    return [(a.get_text(), a.get("href")) for a in body.select(".http-status")]


# -- tables that share no code ---------------------------------------------------


@pytest.mark.sphinx("html", testroot="domain-classes")
def test_tables_without_common_codes_do_not_clash(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert hrefs(html_of(app)) == [
        ("404 Not Found", "orders.html#http-status-404"),
        ("409 Conflict", "users.html#http-status-409"),
        # no table shows a 4xx heading row (:group:), so the class is no target
        ("4xx Client Error", f"{MDN}#client_error_responses"),
    ]
    for page in ("orders", "users"):
        assert not html_of(app, page).select("#http-status-4xx")


@pytest.mark.sphinx(
    "html",
    testroot="domain-classes",
    srcdir="domain-classes-grouped",
    confoverrides={"rst_prolog": ""},
)
def test_duplicate_message_counts_codes_and_classes(
    app: Sphinx, warning: StringIO
) -> None:
    srcdir = Path(app.srcdir)
    for page, codes in (("orders", "200 404"), ("users", "404 409")):
        title = page.capitalize()
        (srcdir / f"{page}.rst").write_text(
            f"{title}\n{'=' * len(title)}\n\n.. http-status-table::\n"
            f"   :codes: {codes}\n   :group:\n",
            encoding="utf-8",
        )
    app.build()
    (message,) = warnings_of(warning)
    assert "users.rst:4: WARNING: " in message, message
    assert "lists 1 code and 1 class already indexed" in message, message
    assert re.search(r"orders\.rst:4\b", message), message
    assert "(404, 4xx)" in message, message
    assert message.endswith("[httpstatus.duplicate]")


# -- references in section titles ------------------------------------------------


def no_status_markup(html: str) -> bool:
    return "http-status" not in html and "<a" not in html


@pytest.mark.sphinx("html", testroot="domain-titles")
def test_title_copies_hold_plain_text_in_html(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    plain = "Errors 404 Not Found and 418 I\N{RIGHT SINGLE QUOTATION MARK}m a teapot"
    # The heading itself keeps the references...
    errors = html_of(app, "errors")
    assert [t for t, _ in hrefs(errors.find("h1"))] == [
        "404 Not Found",
        "418 I\N{RIGHT SINGLE QUOTATION MARK}m a teapot",
    ]
    # ...every copy of it holds plain text: <title>, toctree, local toc,
    # previous/next links.
    assert errors.title is not None
    assert errors.title.get_text().startswith(plain)
    index = html_of(app)
    for entry in index.select("li.toctree-l1 > a"):
        assert not entry.find("a"), entry
        assert not entry.select(".http-status"), entry
    assert plain in [a.get_text() for a in index.select("li.toctree-l1 > a")]
    codes = html_of(app, "codes")
    (next_link,) = [a for a in codes.select("a") if a.get("title") == "next chapter"]
    assert next_link.get_text() == plain
    assert not next_link.find("a")
    assert codes.find("link", rel="next")["title"] == plain
    # the sub-section's title, in the page's own table of contents
    local = errors.select("div.sphinxsidebarwrapper a")
    assert "When 410 Gone comes back" in [a.get_text() for a in local]
    assert not any(a.find("a") for a in local)
    # the search index's titles
    searchindex = text_of(app, "searchindex.js")
    assert (
        plain.replace("\N{RIGHT SINGLE QUOTATION MARK}", "\\u2019") in (searchindex)
        or plain in searchindex
    )


@pytest.mark.sphinx("json", testroot="domain-titles", srcdir="domain-titles-json")
def test_title_copies_hold_plain_text_in_json(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    codes = json.loads(text_of(app, "codes.fjson"))
    assert codes["next"]["title"].startswith("Errors 404 Not Found and 418")
    assert no_status_markup(codes["next"]["title"])
    errors = json.loads(text_of(app, "errors.fjson"))
    assert no_status_markup(errors["title"])


@pytest.mark.sphinx("dirhtml", testroot="domain-titles", srcdir="domain-titles-dir")
def test_title_copies_hold_plain_text_in_dirhtml(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    codes = BeautifulSoup(text_of(app, "codes/index.html"), "html.parser")
    (next_link,) = [a for a in codes.select("a") if a.get("title") == "next chapter"]
    assert not next_link.find("a")


@pytest.mark.sphinx(
    "html",
    testroot="domain-titles",
    srcdir="domain-titles-table-mode",
    confoverrides={"httpstatus_link": "table"},
)
def test_a_mistake_in_a_title_warns_once(app: Sphinx, warning: StringIO) -> None:
    app.build()
    # 418 is in no table: one warning for the one place it is written, not
    # one per copy of the title.
    (message,) = warnings_of(warning)
    assert "errors.rst:1: WARNING: " in message, message
    assert " 418;" in message, message
    assert message.endswith("[httpstatus.link]"), message


# -- tables inside .. only:: -------------------------------------------------------


@pytest.mark.sphinx("html", testroot="domain-only")
def test_only_html_tables_are_html_targets(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert hrefs(html_of(app)) == [
        ("404 Not Found", "codes.html#http-status-404"),
        # codes.rst lists 503 for LaTeX only: HTML links to the appendix
        ("503 Service Unavailable", "appendix.html#http-status-503"),
    ]
    codes = html_of(app, "codes")
    (table,) = codes.select("table.http-status-table")
    assert table.select_one("#http-status-404") is not None
    assert len(codes.select("#http-status-404")) == 1


@pytest.mark.sphinx("latex", testroot="domain-only", srcdir="domain-only-latex")
def test_only_latex_tables_are_latex_targets(app: Sphinx, warning: StringIO) -> None:
    app.build()
    # For LaTeX, codes.rst's latex-only 503 table and the appendix's do clash.
    (message,) = warnings_of(warning)
    assert "appendix.rst:4: WARNING: " in message, message
    assert re.search(r"codes\.rst:18\b.*\(503\)", message), message
    (tex,) = Path(app.outdir).glob("*.tex")
    output = tex.read_text(encoding="utf-8")
    for anchor in ("codes:http-status-404", "codes:http-status-503"):
        assert rf"\hyperref[\detokenize{{{anchor}}}]" in output, anchor
        assert output.count(rf"\label{{\detokenize{{{anchor}}}}}") == 1, anchor


# -- row anchors and section ids ---------------------------------------------------


@pytest.mark.sphinx("html", testroot="domain-anchors")
def test_rows_keep_their_anchor_over_sections(app: Sphinx, warning: StringIO) -> None:
    app.build()
    found = warnings_of(warning)
    assert len(found) == 2, "\n".join(found)
    for title, line in (("HTTP Status 404", 5), ("HTTP Status 410", 13)):
        (message,) = [w for w in found if title in w]
        assert "index.rst:9: WARNING: " in message, message
        assert f"at line {line}" in message, message
        assert message.endswith("[httpstatus.anchor]"), message
    soup = html_of(app)
    for code in (404, 410):
        (row,) = soup.select(f"#http-status-{code}")
        assert row.name == "tr"
    # the references land on the rows; the section's own link follows it
    refs = hrefs(soup)
    assert refs == [
        ("404 Not Found", "#http-status-404"),
        ("410 Gone", "#http-status-410"),
    ]
    section_link = soup.find("a", string="HTTP Status 404", class_="reference")
    assert section_link is not None
    target = soup.find(id=section_link["href"][1:])
    assert target is not None
    assert target.name == "section"


# -- incremental builds ------------------------------------------------------------


def _stamps(outdir: Path) -> dict[str, int]:
    return {p.stem: p.stat().st_mtime_ns for p in outdir.glob("*.html")}


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_edit_above_the_table_rewrites_no_referrer(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, tmp_path: Path, jobs: int
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-table-incremental", srcdir)
    first = build_again(make_app, srcdir, parallel=jobs)
    before = _stamps(Path(first.outdir))
    reference = srcdir / "reference.rst"
    text = reference.read_text(encoding="utf-8")
    title_end = text.index("\n\n") + 2
    edit_source(
        reference,
        text[:title_end] + "Two new lines\nabove the table.\n\n" + text[title_end:],
    )
    second = build_again(make_app, srcdir, parallel=jobs)
    assert warnings_of(second.warning) == []
    # What plain Sphinx writes for the edit (the page and its toctree parent),
    # and not usage.rst: it links into the table, but its links did not move.
    after = _stamps(Path(second.outdir))
    pages = ("index", "usage", "reference")  # genindex and search: always
    written = {page for page in pages if after[page] != before[page]}
    assert written == {"reference", "index"}


# -- the stylesheet ------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="domain-own-css")
def test_a_project_stylesheet_of_the_old_name_survives(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert text_of(app, "_static/httpstatus.css").startswith("/* the project's own")
    assert "--http-status-4xx" in text_of(app, "_static/sphinxcontrib-httpstatus.css")
