"""The description card of each reference, as written in HTML, and the
markup that makes status tables readable by screen readers.

What a reader sees and hears in a real browser (hover, focus, Escape, touch,
the accessibility tree, contrast) is tested in test_browser.py; this file
checks the markup every theme gets: the card's content in the build's
language, one description id per code and page, what a reference inside a
link or an unlinked one gets, the page's printed list, and the table's
header cells and row groups. Expected texts come from the reviewed golden
copies and from facts written here, never from the package.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import described_by, html_of, text_of, warnings_of

if TYPE_CHECKING:
    from io import StringIO

    from bs4.element import Tag
    from sphinx.testing.util import SphinxTestApp

GOLDEN = Path(__file__).parent / "data" / "golden"
SCRIPT = (
    Path(__file__).parent.parent
    / "sphinxcontrib_httpstatus"
    / "static"
    / "sphinxcontrib-httpstatus.js"
)
RFC_9110 = "https://www.rfc-editor.org/rfc/rfc9110.html"


def golden(language: str) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(
        (GOLDEN / f"{language}.json").read_text(encoding="utf-8")
    )
    return data


def card_of(ref: Tag) -> Tag:
    """The card written right after *ref*, in the same wrapper."""
    assert ref.parent is not None
    assert ref.parent["class"] == ["http-status-ref"]
    card = ref.find_next_sibling()
    assert card is not None
    assert card["class"][0] == "http-status-card"
    return card


def links_of(card: Tag) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in card.select(".http-status-card-links a")]


def head_of(card: Tag) -> str:
    head = card.select_one(".http-status-card-head")
    assert head is not None
    return " ".join(head.get_text().split())


@pytest.mark.sphinx("html", testroot="card")
def test_each_reference_has_its_card(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    words = golden("en")
    page = html_of(app)
    assert "<!--http-status-card" not in str(page)  # every card put in
    title_ref = page.select_one("h2 .http-status")
    items = page.select("li > p > .http-status-ref > .http-status")
    assert [ref.get_text() for ref in items] == [
        "404 Not Found",
        "404 Not Found",
        "410 Gone",
        "4xx Client Error",
        "499 Client Closed Request",
        "Missing",
    ]
    first, again, gone, cls, unofficial, titled = items

    # The page's first card of 404 (in the section title) holds the
    # description every 404 reference on the page names.
    assert title_ref is not None
    assert page.select("[id='http-status-card-404']") == [
        card_of(title_ref).select_one(".http-status-card-text")
    ]
    for ref in (title_ref, first, again, titled):
        assert ref["aria-describedby"] == "http-status-card-404"
        assert described_by(ref) == words["codes"]["404"]
        assert head_of(card_of(ref)) == "404 Not Found \N{MIDDLE DOT} 4xx Client Error"
        assert links_of(card_of(ref)) == [
            ("RFC 9110 §15.5.5", f"{RFC_9110}#section-15.5.5"),
            ("In the status table", "#http-status-404"),
        ]
    assert first.name == "a"
    assert not first.has_attr("tabindex")  # a link is focusable already

    # Unlinked: focusable, described, and its card has no link to the table.
    assert gone.name == "span"
    assert gone["tabindex"] == "0"
    assert gone["role"] == "term"
    assert described_by(gone) == words["codes"]["410"]
    assert links_of(card_of(gone)) == [
        ("RFC 9110 §15.5.11", f"{RFC_9110}#section-15.5.11"),
    ]

    # A class: its name, description and RFC 9110 section.
    assert head_of(card_of(cls)) == "4xx Client Error"
    assert described_by(cls) == words["classes"]["4xx"][1]
    assert links_of(card_of(cls)) == [
        ("RFC 9110 §15.5", f"{RFC_9110}#section-15.5"),
        ("In the status table", "#http-status-4xx"),
    ]

    # An unofficial code: its state and software first; no RFC to cite, and
    # no row in this table.
    note = words["labels"]["tooltip_unofficial"].format(software="nginx")
    assert described_by(unofficial) == f"{note} {words['codes']['499']}"
    assert links_of(card_of(unofficial)) == []


@pytest.mark.sphinx("html", testroot="card")
def test_a_reference_inside_a_link_has_no_card(app: SphinxTestApp) -> None:
    app.build()
    contents = html_of(app).select_one("nav.contents, div.contents, .topic")
    assert contents is not None
    (ref,) = contents.select(".http-status")
    assert ref.name == "span"
    assert ref.find_parent("a") is not None
    assert ref.parent.name == "a"  # no wrapper: a card's links cannot nest
    assert not ref.has_attr("aria-describedby")
    assert not ref.has_attr("tabindex")
    assert not contents.select(".http-status-card")


@pytest.mark.sphinx("html", testroot="card")
def test_the_page_lists_its_cards_once_for_print(app: SphinxTestApp) -> None:
    app.build()
    words = golden("en")["codes"]
    page = html_of(app)
    (printed,) = page.select("aside.http-status-print")
    assert printed.find_previous("section") is not None
    heading = printed.select_one(".http-status-print-heading")
    assert heading is not None
    assert heading.get_text() == "Status codes on this page"
    terms = [dt.get_text() for dt in printed.select("dt")]
    assert terms == [
        "404 Not Found",
        "410 Gone",
        "4xx Client Error",
        "499 Client Closed Request",
    ]
    texts = [dd.get_text() for dd in printed.select("dd")]
    assert texts[0] == f"{words['404']} (RFC 9110 §15.5.5)"
    assert texts[1] == f"{words['410']} (RFC 9110 §15.5.11)"
    # A page without references has no list.
    assert not html_of(app, "genindex").select(".http-status-print")


@pytest.mark.sphinx("html", testroot="card")
def test_each_page_has_its_own_description_ids(app: SphinxTestApp) -> None:
    app.build()
    more = html_of(app, "more")
    refs = more.select("p .http-status")
    assert [ref["aria-describedby"] for ref in refs] == [
        "http-status-card-404",
        "http-status-card-404",
        "http-status-card-418",
    ]
    # The first card of 404 on this page is the unlinked one's; the linked
    # reference after it still has its own card, with the table's link.
    (described,) = more.select("[id='http-status-card-404']")
    assert described.find_parent(class_="http-status-card") is card_of(refs[0])
    links = [links_of(card_of(ref))[-1][0] for ref in refs]
    assert links == ["RFC 9110 §15.5.5", "In the status table", "In the status table"]
    assert links_of(card_of(refs[2]))[-1][1] == "index.html#http-status-418"


@pytest.mark.sphinx("singlehtml", testroot="card")
def test_one_description_id_per_code_in_a_single_page(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app)
    assert "<!--http-status-card" not in str(page)
    for key in ("404", "418", "410", "4xx", "499"):
        assert len(page.select(f"[id='http-status-card-{key}']")) == 1, key
    refs = page.select(".http-status-ref > .http-status")
    assert refs
    for ref in refs:
        assert described_by(ref)
    assert len(page.select("aside.http-status-print")) == 1


@pytest.mark.sphinx("json", testroot="card")
def test_serialized_pages_have_their_cards(app: SphinxTestApp) -> None:
    """The JSON builder hands the page body on as data: cards included."""
    app.build()
    body = json.loads(text_of(app, "index.fjson"))["body"]
    assert "<!--http-status-card" not in body
    assert body.count('class="http-status-card ') == 7
    assert body.count('id="http-status-card-404"') == 1
    assert '<aside class="http-status-print">' in body


@pytest.mark.sphinx("html", testroot="card", confoverrides={"language": "zh_CN"})
def test_the_card_is_in_the_build_language(app: SphinxTestApp) -> None:
    app.build()
    words = golden("zh_CN")
    page = html_of(app)
    ref = page.select_one("li > p > .http-status-ref > .http-status")
    assert ref is not None
    class_name = words["classes"]["4xx"][0]
    assert head_of(card_of(ref)) == f"404 Not Found \N{MIDDLE DOT} 4xx {class_name}"
    assert described_by(ref) == words["codes"]["404"]
    assert links_of(card_of(ref))[-1] == (
        words["labels"]["in_table"],
        "#http-status-404",
    )
    heading = page.select_one(".http-status-print-heading")
    assert heading is not None
    assert heading.get_text() == words["labels"]["print_heading"]


@pytest.mark.sphinx("html", testroot="card")
def test_the_script_is_small_and_deferred(app: SphinxTestApp) -> None:
    app.build()
    page = html_of(app)
    (script,) = page.select("script[src*='sphinxcontrib-httpstatus.js']")
    assert script.has_attr("defer")
    shipped = Path(app.outdir, "_static", "sphinxcontrib-httpstatus.js")
    assert shipped.read_bytes() == SCRIPT.read_bytes()
    assert len(SCRIPT.read_bytes()) <= 2048


@pytest.mark.sphinx("text", testroot="card")
def test_other_formats_have_no_card(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    text = text_of(app, "index.txt")
    assert "* 499 Client Closed Request" in text
    assert golden("en")["codes"]["499"].split(":")[0] not in text
    assert "In the status table" not in text
    assert "Status codes on this page" not in text


# -- the status table's semantics ----------------------------------------------------


@pytest.mark.sphinx("html", testroot="card")
def test_table_header_cells_and_row_groups(app: SphinxTestApp) -> None:
    app.build()
    (table,) = html_of(app).select("table.http-status-table")
    bodies = table.find_all("tbody", recursive=False)
    groups = [
        [tr["id"].removeprefix("http-status-") for tr in body.find_all("tr")]
        for body in bodies
    ]
    assert groups == [["2xx", "200"], ["4xx", "404", "410", "418"], ["5xx", "503"]]
    heading = table.select_one("tr.http-status-group > *")
    assert heading is not None
    assert (heading.name, heading["scope"], heading["colspan"]) == (
        "th",
        "rowgroup",
        "4",
    )
    for tr in table.select("tbody > tr:not(.http-status-group)"):
        cells = tr.find_all(["th", "td"], recursive=False)
        assert [c.name for c in cells] == ["th", "td", "td", "td"]
        assert cells[0]["scope"] == "row"
    # "418 I'm a teapot, unused": the comma is read, not shown.
    teapot = table.select_one("tr#http-status-418 .http-status-separator")
    assert teapot is not None
    assert teapot.get_text() == ", "
    assert teapot.find_next_sibling()["class"] == ["http-status-marker"]
