"""Markup that used to go wrong around the role and the table directive.

Each test pins a fixed defect by building a real project and reading its
output and warnings:

* MyST's own links (``[x](#section)``, ``[x](label)``, ``<project:doc.md>``)
  in a project with no status markup build without "has not implemented a
  resolve_any_xref method" warnings, with and without sphinxcontrib-httpdomain
  (``markup-myst-links``);
* the table directive's options in MyST's YAML form: flags as ``true`` and
  ``false``, lists in brackets, quoted items (``markup-myst-yaml``);
* the table directive used as a substitution: one ``httpstatus.context``
  warning per definition and no docutils error (``markup-substitution``);
* a status table in a table cell: nested in HTML and Texinfo, a list with one
  ``httpstatus.nested`` warning in text, man and LaTeX (``markup-nested``);
* ``latex_show_urls`` and ``epub_show_urls`` print the URL of an external
  status link as they do for any external link, and none for an internal one
  (``markup-show-urls``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib.util import find_spec
from typing import TYPE_CHECKING

import pytest
from bs4.element import Tag
from conftest import html_of, soup_of, text_of, variant, warnings_of

if TYPE_CHECKING:
    from io import StringIO

    from bs4 import BeautifulSoup
    from sphinx.application import Sphinx

MDN_413 = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/413"
ORDINARY = "https://example.org"

needs_myst = pytest.mark.skipif(
    find_spec("myst_parser") is None, reason="needs myst-parser"
)


def plain(text: str) -> str:
    return " ".join(text.split())


def layout(table: Tag) -> list[str]:
    """The rows of a status table: a class key for a heading row, else the code."""
    rows = []
    for tr in table.select("tbody > tr"):
        if "http-status-group" in tr["class"]:
            (key,) = (c for c in tr["class"] if re.fullmatch(r"http-status-\dxx", c))
            rows.append(key.removeprefix("http-status-"))
        else:
            rows.append(tr.select("th, td")[0].get_text(strip=True))
    return rows


def one(page: BeautifulSoup | Tag, selector: str) -> Tag:
    found = page.select(selector)
    assert len(found) == 1, f"{len(found)} x {selector}"
    return found[0]


# -- 1. MyST's links -------------------------------------------------------------


@needs_myst
@pytest.mark.parametrize(
    "extensions",
    [
        pytest.param(
            ["myst_parser", "sphinxcontrib_httpstatus"],
            marks=variant("markup-myst-links", "markup-myst-links-alone"),
            id="alone",
        ),
        pytest.param(
            ["myst_parser", "sphinxcontrib.httpdomain", "sphinxcontrib_httpstatus"],
            marks=[
                pytest.mark.skipif(
                    find_spec("sphinxcontrib.httpdomain") is None,
                    reason="needs sphinxcontrib-httpdomain",
                ),
                variant(
                    "markup-myst-links",
                    "markup-myst-links-httpdomain",
                    extensions=[
                        "myst_parser",
                        "sphinxcontrib.httpdomain",
                        "sphinxcontrib_httpstatus",
                    ],
                ),
            ],
            id="httpdomain",
        ),
    ],
)
def test_myst_links_resolve_without_domain_warnings(
    app: Sphinx, warning: StringIO, extensions: list[str]
) -> None:
    assert list(app.config.extensions) == extensions
    app.build()
    # Before the fix: "Domain ...::httpstatus has not implemented a
    # `resolve_any_xref` method [myst.domains]" (and the same for ``http``).
    assert warnings_of(warning) == []
    links = {a.get_text(): a["href"] for a in html_of(app).select("div.body p a[href]")}
    assert links == {
        "the section": "#section",
        "the label": "other.html#label",
        "Other": "other.html",
        "other": "other.html",
    }
    back = {
        a.get_text(): a["href"] for a in html_of(app, "other").select("div.body p a")
    }
    assert back == {"home": "index.html", "the section": "index.html#section"}


# -- 2. MyST's YAML options --------------------------------------------------------


@needs_myst
@pytest.mark.sphinx("html", testroot="markup-myst-yaml")
def test_myst_yaml_options(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    page = html_of(app)
    assert len(page.select("table.http-status-table")) == 3
    # codes: [201, 202] and group: true
    grouped = one(page, "table.t-grouped")
    assert layout(grouped) == ["2xx", "201", "202"]
    assert [tr["id"] for tr in grouped.select("tbody > tr")] == [
        "http-status-2xx",
        "http-status-201",
        "http-status-202",
    ]
    # group: false is no heading row; no-index: true is no anchors
    flat = one(page, "table.t-flat")
    assert layout(flat) == ["201", "202"]
    assert not flat.select("tr.http-status-group")
    assert not flat.select("tr[id]")
    # quoted list items, and a list of columns
    quoted = one(page, "table.t-quoted")
    assert [th.get_text(strip=True) for th in quoted.select("thead th")] == [
        "Code",
        "Phrase",
    ]
    assert layout(quoted) == ["404", "410"]


# -- 3. The table as a substitution ------------------------------------------------


@pytest.mark.sphinx("html", testroot="markup-substitution")
def test_table_as_substitution_warns_once_at_its_line(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    found = warnings_of(warning)
    assert len(found) == 2, "\n".join(found)
    for line, name in [(4, "|t|"), (7, "|c|")]:
        (message,) = [w for w in found if f"index.rst:{line}: WARNING: " in w]
        assert name in message
        assert "cannot be a substitution" in message
        assert message.endswith("[httpstatus.context]"), message
    # docutils says nothing of its own about the definitions
    assert not any(":alt:" in w or "Substitution definition" in w for w in found)
    page = html_of(app)
    assert not page.select("table")
    # the substitution stands for its caption, or else its name
    assert plain(one(page, "div.body p").get_text()) == (
        "The table: t. With a caption: Our codes."
    )


# -- 4. A status table in a table cell ---------------------------------------------

NESTED_LINE = 10


def nested(buildername: str) -> pytest.MarkDecorator:
    marker: pytest.MarkDecorator = variant(
        "markup-nested", f"markup-nested-{buildername}", buildername
    )
    return marker


@nested("html")
def test_nested_table_in_html(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    outer = one(html_of(app), "div.body table:not(.http-status-table)")
    inner = one(outer, "td table.http-status-table")
    assert layout(inner) == ["200", "404"]


def cells_of_text_table(output: str) -> str:
    """The second column of the text builder's grid table (its heading, the
    line under it, the cell), as one line."""
    parts = [line.split("|") for line in output.splitlines() if line.startswith("|")]
    return plain(" ".join(p[2] for p in parts if len(p) == 4))


@pytest.mark.parametrize(
    ("buildername", "output"),
    [
        pytest.param("text", "index.txt", marks=nested("text"), id="text"),
        pytest.param("man", "nested.1", marks=nested("man"), id="man"),
        pytest.param("latex", "nested.tex", marks=nested("latex"), id="latex"),
    ],
)
def test_nested_table_as_a_list(
    app: Sphinx, warning: StringIO, buildername: str, output: str
) -> None:
    app.build()
    (message,) = warnings_of(warning)
    assert f"index.rst:{NESTED_LINE}: WARNING: " in message
    assert f"by the {buildername} builder" in message
    assert message.endswith("[httpstatus.nested]"), message
    written = text_of(app, output)
    assert "404" in written
    assert "Not Found" in written
    assert "Phrase" not in written  # no heading row: not a table
    if buildername == "text":
        cell = cells_of_text_table(written)
        pattern = r"Answers =+ \* 200 — OK — .* \* 404 — Not Found — .*"
        assert re.fullmatch(pattern, cell), cell
    elif buildername == "man":
        assert written.count(".TS") == 1
        assert ".IP \\(bu 2\n200 — OK — " in written
        assert ".IP \\(bu 2\n404 — Not Found — " in written
    else:
        tables = re.findall(r"\\begin\{(?:tabular|tabulary|longtable)\}", written)
        assert len(tables) == 1  # the outer one
        assert written.count(r"\begin{itemize}") == 1
        item = r"\\item \{\} \n\\sphinxAtStartPar\n404 — Not Found — "
        assert re.search(item, written)


@nested("texinfo")
def test_nested_table_in_texinfo(app: Sphinx, warning: StringIO) -> None:
    # Texinfo nests @multitable: the table is kept, with no warning.
    app.build()
    assert warnings_of(warning) == []
    texi = text_of(app, "nested.texi")
    assert texi.count("@multitable") == 2
    assert texi.count("@end multitable") == 2
    inner = texi[texi.index("@multitable", texi.index("GET /orders")) :]
    assert "@anchor{index http-status-404}" in inner
    assert "\nNot Found\n" in inner
    if shutil.which("makeinfo"):  # and makeinfo reads it
        result = subprocess.run(
            ["makeinfo", "--no-split", "-o", "-", "nested.texi"],
            cwd=app.outdir,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert "Not Found" in result.stdout


# -- 5. latex_show_urls and epub_show_urls -----------------------------------------


def latex_shows(tex: str, url: str, text: str, mode: str) -> bool:
    """Whether *tex* links *text* to *url* and prints *url* as *mode* says."""
    href = re.escape(rf"\sphinxhref{{{url}}}{{{text}}}")
    if mode == "inline":
        shown = re.escape(f" ({url})")
    else:
        shown = r"%\n\\begin\{footnote\}\[\d+\]\\sphinxAtStartFootnote\n" + re.escape(
            rf"\sphinxnolinkurl{{{url}}}"
        )
    return re.search(href + shown, tex.replace(r"\sphinxhyphen{}", "-")) is not None


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param(
            mode,
            marks=variant(
                "markup-show-urls",
                f"markup-show-urls-latex-{mode}",
                "latex",
                latex_show_urls=mode,
            ),
            id=mode,
        )
        for mode in ["footnote", "inline"]
    ],
)
def test_latex_show_urls(app: Sphinx, warning: StringIO, mode: str) -> None:
    app.build()
    assert warnings_of(warning) == []
    tex = text_of(app, "showurls.tex")
    # as Sphinx prints an ordinary link's URL ...
    assert latex_shows(tex, ORDINARY, "x", mode)
    # ... it prints an external status link's
    assert latex_shows(tex, MDN_413, "413 Content Too Large", mode)
    # and none for a link into a status table
    internal = r"{\hyperref[\detokenize{index:http-status-404}]"
    assert f"{internal}{{\\sphinxcrossref{{404 Not Found}}}}}}.\n" in tex
    assert r"\label{\detokenize{index:http-status-404}}" in tex


def epub_shows(page: BeautifulSoup, link: Tag, url: str, mode: str) -> bool:
    """Whether *link* goes to *url* and is followed by *url* as *mode* says."""
    after = link.next_sibling
    if link.get("href") != url or not isinstance(after, Tag):
        return False
    if mode == "inline":
        return (
            after.name == "span"
            and after.get("class") == ["link-target"]
            and after.get_text() == f" [{url}]"
        )
    if "footnote-reference" not in after.get_attribute_list("class"):
        return False
    note = page.find(id=str(after["href"]).removeprefix("#"))
    return isinstance(note, Tag) and note.select("p")[0].get_text() == url


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param(
            mode,
            marks=variant(
                "markup-show-urls",
                f"markup-show-urls-epub-{mode}",
                "epub",
                epub_show_urls=mode,
            ),
            id=mode,
        )
        for mode in ["inline", "footnote"]
    ],
)
def test_epub_show_urls(app: Sphinx, warning: StringIO, mode: str) -> None:
    app.build()
    assert warnings_of(warning) == []
    page = soup_of(app, "index.xhtml")
    paragraphs = page.select("div.body p")
    (ordinary,) = paragraphs[0].find_all("a", href=ORDINARY)
    assert epub_shows(page, ordinary, ORDINARY, mode)
    external = one(paragraphs[1], "a.http-status")
    assert epub_shows(page, external, MDN_413, mode)
    # still a status reference, with its tooltip
    assert external.get_text() == "413 Content Too Large"
    assert "http-status-4xx" in external["class"]
    assert external.get("title")
    internal = one(paragraphs[2], "a.http-status")
    assert internal["href"] == "#http-status-404"
    assert str(internal.next_sibling) == "."
    assert plain(paragraphs[2].get_text()) == "Internal: 404 Not Found."
