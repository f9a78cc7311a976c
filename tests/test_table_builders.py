"""Every builder renders the status table, and links into it where it can.

The ``table-builders`` root has a full table (grouped, with the unofficial
codes: long enough for LaTeX's ``longtable``), a short one, and references to
its rows from another page. Each builder gets its own copy of the root, and
none may warn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import soup_of, text_of, warnings_of

from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from io import StringIO

    from bs4.element import Tag
    from sphinx.application import Sphinx


def builder(buildername: str) -> pytest.MarkDecorator:
    """Build ``table-builders`` with *buildername*, in a copy of its own."""
    return pytest.mark.sphinx(
        buildername, testroot="table-builders", srcdir=f"table-builders-{buildername}"
    )


def row_keys() -> list[str]:
    """The ids of the full table's rows: each class heading, then its codes."""
    keys: list[str] = []
    for entry in bundled():
        if entry.status_class not in keys:
            keys.append(entry.status_class)
        keys.append(str(entry.code))
    return keys


def full_table(page: BeautifulSoup) -> Tag:
    (table,) = [t for t in page.select("table.http-status-table") if t.select("tr[id]")]
    return table


def check_html_table(page: BeautifulSoup) -> None:
    """The full table, in any HTML format."""
    table = full_table(page)
    rows = table.select("tbody > tr")
    assert [tr["id"] for tr in rows] == [f"http-status-{key}" for key in row_keys()]
    assert "http-status-unofficial" in table.select_one("#http-status-499")["class"]
    assert "http-status-group" in table.select_one("#http-status-4xx")["class"]
    assert table.select_one("caption .caption-text").get_text() == "Every status code"
    assert table.select_one("a[href='#http-status-404']").get_text() == "404"


def check_html_refs(page: BeautifulSoup, reference: str) -> None:
    """The references of the usage page, with the table page at *reference*."""
    links = {
        a.get_text(): a["href"]
        for a in page.select("a.http-status")
        if a.find_parent("table") is None
    }
    assert links == {
        "404 Not Found": f"{reference}#http-status-404",
        "4xx Client Error": f"{reference}#http-status-4xx",
        "499 Client Closed Request": f"{reference}#http-status-499",
    }


# -- HTML formats ----------------------------------------------------------------


@builder("html")
def test_html(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    check_html_table(soup_of(app, "reference.html"))
    check_html_refs(soup_of(app, "usage.html"), "reference.html")


@builder("dirhtml")
def test_dirhtml(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    check_html_table(soup_of(app, "reference/index.html"))
    check_html_refs(soup_of(app, "usage/index.html"), "../reference/")


@builder("singlehtml")
def test_singlehtml(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    page = soup_of(app, "index.html")
    check_html_table(page)
    check_html_refs(page, "")


@builder("epub")
def test_epub(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    check_html_table(soup_of(app, "reference.xhtml"))
    check_html_refs(soup_of(app, "usage.xhtml"), "reference.xhtml")
    assert "tr:target" in text_of(app, "_static/sphinxcontrib-httpstatus.css")


# -- LaTeX -----------------------------------------------------------------------


@builder("latex")
def test_latex(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    tex = text_of(app, "statusapi.tex")
    # the long table breaks across pages; the short one does not
    assert tex.count(r"\begin{longtable}") == 1
    # given column widths: wrapping columns, the description the widest
    spec = re.search(r"\\begin\{longtable\}(?:\[\w\])?\{([^\n]*)\}\n", tex)
    assert spec is not None
    assert re.findall(r"\\X\{(\d+)\}\{100\}", spec.group(1)) == ["8", "24", "52", "16"]
    assert r"\sphinxthelongtablecaptionisattop" in tex
    assert r"\caption{Every status code" in tex
    # the class headings span the table
    assert tex.count(r"\sphinxstartmulticolumn{4}") == 5
    # every row is a label, and every reference lands on one
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    for key in row_keys():
        assert f"reference:http-status-{key}" in labels, key
    targets = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex)
    assert targets
    assert set(targets) <= labels
    for text, key in [
        ("404 Not Found", "404"),
        ("4xx Client Error", "4xx"),
        ("499 Client Closed Request", "499"),
    ]:
        link = (
            rf"\hyperref[\detokenize{{reference:http-status-{key}}}]"
            rf"{{\sphinxcrossref{{{text}}}}}"
        )
        assert link in tex
    # each code and its phrase; the states are visible
    assert "Not Found" in tex
    assert "Client Closed Request" in tex
    # with no badge to set it apart, a state marker is in parentheses
    assert r"Not Extended \DUrole{http-status-marker}{(obsoleted)}" in tex
    assert r"\DUrole{http-status-marker}{(unofficial)}" in tex
    assert "Used by nginx" in tex


# -- plain-text formats ----------------------------------------------------------


@builder("text")
def test_text(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    reference = text_of(app, "reference.txt")
    header = next(line for line in reference.splitlines() if "Code" in line)
    assert re.fullmatch(
        r"\|\s*Code\s*\|\s*Phrase\s*\|\s*Description\s*\|\s*Specification\s*\|",
        header,
    )
    for entry in bundled():
        assert re.search(rf"^\| {entry.code}\s+\| ", reference, re.MULTILINE), entry
    assert "| **4xx Client Error** " in reference
    assert "| Not Extended (obsoleted) " in reference
    assert "Used by nginx" in reference
    usage = " ".join(text_of(app, "usage.txt").split())
    assert "answer 404 Not Found; any 4xx Client Error means" in usage


@builder("man")
def test_man(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    page = text_of(app, "statusapi.1")
    assert page.count(".TS") == page.count(".TE") == 2
    # without font changes (links are italic with some docutils versions)
    plain = re.sub(r"\\f[BIPR]|\\%", "", page)
    for entry in bundled():
        assert re.search(rf"^T\{{\n{entry.code}\nT\}}", plain, re.MULTILINE), entry
    assert "4xx Client Error" in plain
    assert "404 Not Found" in plain
    assert "\nNot Extended (obsoleted)\n" in plain


@builder("texinfo")
def test_texinfo(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    texi = text_of(app, "statusapi.texi")
    # each row is an anchor, under its name and a short id @ref uses
    ids = dict(re.findall(r"@anchor\{reference ([\w-]+)\}@anchor\{(\w+)\}", texi))
    assert [key for key in ids if key.startswith("http-status-")] == [
        f"http-status-{key}" for key in row_keys()
    ]
    anchors = set(re.findall(r"@anchor\{([^}]*)\}", texi))
    refs = re.findall(r"@ref\{([^,}]*),", texi)
    assert refs
    assert set(refs) <= anchors
    for text, key in [
        ("404 Not Found", "404"),
        ("4xx Client Error", "4xx"),
        ("499 Client Closed Request", "499"),
    ]:
        assert f"@ref{{{ids[f'http-status-{key}']},,{text}}}" in texi
    assert "@multitable" in texi


@pytest.mark.sphinx("latex", testroot="table-latex-partial")
def test_latex_document_without_the_table_links_externally(
    app: Sphinx, warning: StringIO
) -> None:
    # The manual leaves the table's page out, so its rows have no label there:
    # references fall back to MDN instead of pointing nowhere (or crashing).
    app.build()
    assert warnings_of(warning) == []
    manual = text_of(app, "manual.tex")
    mdn = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404"
    assert rf"\sphinxhref{{{mdn}}}" in manual
    assert "http-status-404" not in manual
    # The document that holds the table links into it.
    reference = text_of(app, "reference.tex")
    assert r"\label{\detokenize{reference:http-status-404}}" in reference
    assert r"\hyperref[\detokenize{reference:http-status-404}]" in reference
