"""Smart quotes treat a status reference as the prose it is.

References whose text has nothing to educate are marked so that Sphinx's
``SmartQuotes`` transform passes them by (a measurable saving on large builds);
these tests pin down that nothing a reader sees changes because of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import html_of, shown_text, variant, warnings_of

from sphinxcontrib_httpstatus.role import needs_smartquotes

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

ROOT = "role-smartquotes"
LEFT, RIGHT = "\N{LEFT DOUBLE QUOTATION MARK}", "\N{RIGHT DOUBLE QUOTATION MARK}"
APOSTROPHE = "\N{RIGHT SINGLE QUOTATION MARK}"


def _texts(app: SphinxTestApp) -> list[str]:
    body = html_of(app).find("div", class_="body")
    assert body is not None
    return [ref.get_text() for ref in body.find_all(class_="http-status")]


@pytest.mark.sphinx("html", testroot=ROOT)
def test_reference_text_is_educated_where_it_has_quotes(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert _texts(app) == [
        f"418 I{APOSTROPHE}m a teapot",
        f"the {LEFT}missing{RIGHT} page",
        "gone \N{EN DASH} for good\N{HORIZONTAL ELLIPSIS}",
        "404 Not Found",
        "404 Not Found",
        "404 Not Found",
        "400 Bad Request",
    ]


@pytest.mark.sphinx("html", testroot=ROOT)
def test_quotes_around_a_reference_still_pair_up(app: SphinxTestApp) -> None:
    app.build()
    body = html_of(app).find("div", class_="body")
    assert body is not None
    paragraph = shown_text(body.find_all("p")[-1])
    assert paragraph == (
        f"{LEFT}Quoted 404 Not Found{RIGHT} around a reference, and "
        "\N{LEFT SINGLE QUOTATION MARK}single 400 Bad Request"
        f"{APOSTROPHE}."
    )


@variant(ROOT, "role-smartquotes-off", smartquotes=False)
def test_smartquotes_off_leaves_every_quote_straight(app: SphinxTestApp) -> None:
    app.build()
    texts = _texts(app)
    assert texts[:3] == [
        "418 I'm a teapot",
        'the "missing" page',
        "gone -- for good...",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("404 Not Found", False),
        ("203 Non-Authoritative Information", False),
        ("v1.2 status", False),
        ("418 I'm a teapot", True),
        ('the "missing" page', True),
        ("``quoted''", True),
        ("gone -- for good", True),
        ("and so on...", True),
        ("and so on. . .", True),
        ("a\\b", True),
    ],
)
def test_needs_smartquotes(text: str, expected: bool) -> None:
    assert needs_smartquotes(text) is expected
