"""Every builder renders every form of the role, with links where it has links.

test-builders-all/index.rst holds one reference of each kind; codes.rst holds
an indexed table (201, 404, 5xx) that the first three link into.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import described_by, text_of, warnings_of

from sphinxcontrib_httpstatus import __version__
from sphinxcontrib_httpstatus.extension import ENV_VERSION, setup

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

MDN_413 = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/413"
#: The rendered text of each reference in index.rst.
TEXTS = [
    "201 Created",  # linked to the table row
    "the missing page",  # explicit title, linked to the row of 404
    "5xx Server Error",  # class, linked to its first row
    "410 Gone",  # !410: unlinked
    "499 Client Closed Request",  # unofficial: no page anywhere
    "413 Content Too Large",  # by former name; MDN (413 is not in the table)
]
#: (text, the row it links to) of the internal links.
INTERNAL = [
    ("201 Created", "http-status-201"),
    ("the missing page", "http-status-404"),
    ("5xx Server Error", "http-status-5xx"),
]
HTML_BUILDERS = ["html", "dirhtml", "singlehtml", "epub"]
OTHER_BUILDERS = ["latex", "text", "man", "texinfo"]


def builder(name: str) -> Any:
    return pytest.param(
        name,
        marks=pytest.mark.sphinx(
            name, testroot="builders-all", srcdir=f"builders-{name}"
        ),
    )


def html_pages(
    app: SphinxTestApp, name: str
) -> tuple[BeautifulSoup, BeautifulSoup, str]:
    """(the page of index.rst, the page of codes.rst, index's href to codes)."""

    def soup(path: str) -> BeautifulSoup:
        return BeautifulSoup(text_of(app, path), "html.parser")

    if name == "html":
        return soup("index.html"), soup("codes.html"), "codes.html"
    if name == "dirhtml":
        return soup("index.html"), soup("codes/index.html"), "codes/"
    if name == "epub":
        return soup("index.xhtml"), soup("codes.xhtml"), "codes.xhtml"
    page = soup("index.html")  # singlehtml: one page
    return page, page, ""


@pytest.mark.parametrize("name", [builder(name) for name in HTML_BUILDERS])
def test_html_builders(app: SphinxTestApp, warning: StringIO, name: str) -> None:
    app.build()
    assert warnings_of(warning) == []
    index, codes, codes_href = html_pages(app, name)
    refs = index.find_all(class_="http-status")
    assert [ref.get_text() for ref in refs] == TEXTS
    for ref in refs:
        if name == "epub":  # EPUB readers have no hover: the title serves
            assert ref["title"]
            assert not ref.has_attr("aria-describedby")
        else:
            assert described_by(ref)
        assert re.fullmatch(r"http-status-[1-5]xx", ref["class"][1])
    for ref, (_, anchor) in zip(refs, INTERNAL, strict=False):
        assert ref.name == "a"
        assert ref["href"] == f"{codes_href}#{anchor}"
        assert codes.find(id=anchor) is not None
    assert [ref.name for ref in refs[3:]] == ["span", "span", "a"]
    assert refs[5]["href"] == MDN_413
    # The stylesheet is shipped and linked.
    assert (app.outdir / "_static" / "sphinxcontrib-httpstatus.css").is_file()
    stylesheets = [link["href"] for link in index.find_all("link", rel="stylesheet")]
    assert any(
        href.split("?")[0].endswith("_static/sphinxcontrib-httpstatus.css")
        for href in stylesheets
    ), stylesheets


def all_output(app: SphinxTestApp) -> str:
    """Every text file the builder wrote, concatenated."""
    texts = []
    for path in sorted(app.outdir.rglob("*")):
        if path.is_file() and path.suffix in {".tex", ".txt", ".1", ".texi"}:
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("name", [builder(name) for name in OTHER_BUILDERS])
def test_other_builders(app: SphinxTestApp, warning: StringIO, name: str) -> None:
    app.build()
    assert warnings_of(warning) == []
    output = all_output(app)
    flat = re.sub(r"\s+", " ", output)
    for text in TEXTS:
        assert text in flat, text
    # No stylesheet outside HTML.
    assert not list(app.outdir.rglob("sphinxcontrib-httpstatus.css"))
    if name == "latex":
        for text, anchor in INTERNAL:
            assert (
                rf"\hyperref[\detokenize{{codes:{anchor}}}]{{\sphinxcrossref{{{text}}}}}"
                in output
            )
            assert rf"\label{{\detokenize{{codes:{anchor}}}}}" in output
        assert rf"\sphinxhref{{{MDN_413}}}{{413 Content Too Large}}" in output
        # The unlinked one keeps its classes as a role (combined in docutils < 0.22).
        assert re.search(r"\\DUrole\{http-status[,}].*\{410 Gone\}", output)
    elif name == "texinfo":
        for text, anchor in INTERNAL:
            number = re.search(rf"@anchor{{codes {anchor}}}@anchor{{(\w+)}}", output)
            assert number, anchor
            assert f"@ref{{{number.group(1)},,{text}}}" in output
        assert f"413 Content Too Large@footnote{{{MDN_413}}}" in output
    elif name == "man":
        assert "413 Content Too Large" in output
        assert re.sub(r"\\[:%&]", "", output).count(MDN_413) >= 1


def test_setup_metadata() -> None:
    class FakeApp:
        def __getattr__(self, name: str) -> Any:
            return lambda *args, **kwargs: None

    metadata = setup(FakeApp())  # type: ignore[arg-type]
    assert metadata == {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
    assert isinstance(ENV_VERSION, int)


@pytest.mark.sphinx("html", testroot="builders-all", srcdir="builders-metadata")
def test_metadata_seen_by_sphinx(app: SphinxTestApp) -> None:
    extension = app.extensions["sphinxcontrib_httpstatus"]
    assert extension.version == __version__
    assert extension.metadata["env_version"] == ENV_VERSION
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
