"""The description card of a status reference in HTML, and its printed list.

With ``httpstatus_tooltips = True`` every reference in an HTML page is written
inside a wrapper that also holds its card (:func:`card`)::

    <span class="http-status-ref">
      <a class="http-status http-status-4xx reference internal" href="…"
         aria-describedby="http-status-card-404">404 Not Found</a>
      <span class="http-status-card http-status-4xx">
        <span class="http-status-card-head">404 Not Found · 4xx Client Error</span>
        <span class="http-status-card-text" id="http-status-card-404">The server…</span>
        <span class="http-status-card-links"><a href="…">RFC 9110 §15.5.5</a>
          <a href="#http-status-404">In the status table</a></span>
      </span>
    </span>

Every byte of a card is written once per reference (and Sphinx handles a
page's body several times over), so the card carries no class that the
stylesheet can do without: its links are plain ``<a href>``.

The stylesheet shows the card while the wrapper is hovered or holds keyboard
focus (no script needed); ``sphinxcontrib-httpstatus.js`` adds Escape and a
first tap on touch screens. The card is a sibling of the link, never inside it
(links cannot nest), and holds phrasing content only, as references sit in
paragraphs.

The description span of a code's first card on a page carries the id every
reference to that code on the page names in ``aria-describedby``: the
accessible name stays the reference's text ("404 Not Found"), the
description is the card's text, announced once.

The page's distinct cards are also listed once at its end
(:func:`print_list`), hidden on screen and shown in print, where no card can
open.
"""

from __future__ import annotations

from html import escape
from typing import Final, NamedTuple

from . import links
from .dataset import StatusClass, StatusCode, StatusRegistry
from .presentation import tooltip

#: The class of the element holding a reference and its card.
WRAPPER_CLASS: Final = "http-status-ref"
#: The id of the element holding a code's description on a page.
CARD_ID_PREFIX: Final = "http-status-card-"
_TEXT_TAG: Final = '<span class="http-status-card-text">'


class Card(NamedTuple):
    """A card's HTML, as written after the reference's own end tag."""

    #: The card element, its description span without an id.
    html: str
    #: The page's printed entry for the same code.
    printed: str

    def with_id(self, key: str) -> str:
        """The card, its description span carrying *key*'s id."""
        return self.html.replace(
            _TEXT_TAG,
            f'<span class="http-status-card-text" id="{card_id(key)}">',
            1,
        )


def card_id(key: str) -> str:
    """The id of the description of *key* (``"404"``, ``"4xx"``) on a page."""
    return CARD_ID_PREFIX + key


def entry_of(registry: StatusRegistry, key: str) -> StatusCode | StatusClass | None:
    """The code or class a reference's key names."""
    if key in registry.classes:
        return registry.classes[key]
    return registry.get(int(key)) if key.isdigit() else None


def _title(entry: StatusCode | StatusClass, language: str) -> str:
    if isinstance(entry, StatusClass):
        return f"{entry.key} {entry.name(language)}"
    return f"{entry.code} {entry.phrase}"


def _source(
    entry: StatusCode | StatusClass, words: dict[str, str]
) -> tuple[str, str] | None:
    """The link to what defines *entry*, as the table's specification column
    gives it: the RFC section, or the software using an unofficial code."""
    if isinstance(entry, StatusCode) and entry.state == "unofficial":
        if entry.url is None:
            return None
        return entry.url, words["used_by"].format(software=entry.software)
    url = links.spec_url(entry) or (
        entry.url if isinstance(entry, StatusCode) else None
    )
    if url is None:
        return None
    return url, links.spec_label(entry) or url


def card(
    entry: StatusCode | StatusClass,
    registry: StatusRegistry,
    language: str,
    words: dict[str, str],
    table_href: str | None,
) -> Card:
    """The card of *entry* in *language*; *table_href* is the reference's
    link to the project's status table, if it links there."""
    title = escape(_title(entry, language), quote=False)
    head = title
    if isinstance(entry, StatusCode):
        cls = registry.classes[entry.status_class]
        head += (
            ' <span class="http-status-card-class">'
            f"\N{MIDDLE DOT} {escape(_title(cls, language), quote=False)}</span>"
        )
    text = escape(tooltip(entry, language, words), quote=False)
    source = _source(entry, words)
    anchors = []
    if source is not None:
        url, label = source
        anchors.append(f'<a href="{escape(url)}">{escape(label, quote=False)}</a>')
    if table_href is not None:
        anchors.append(
            f'<a href="{escape(table_href)}">'
            f"{escape(words['in_table'], quote=False)}</a>"
        )
    classes = "http-status-card http-status-" + (
        entry.key if isinstance(entry, StatusClass) else entry.status_class
    )
    html = (
        f'<span class="{classes}">'
        f'<span class="http-status-card-head">{head}</span>'
        f"{_TEXT_TAG}{text}</span>"
        + (
            f'<span class="http-status-card-links">{" ".join(anchors)}</span>'
            if anchors
            else ""
        )
        + "</span>"
    )
    cited = f" ({escape(source[1], quote=False)})" if source else ""
    printed = f"<dt>{title}</dt><dd>{text}{cited}</dd>"
    return Card(html, printed)


def print_list(heading: str, printed: list[str]) -> str:
    """The page's cards, listed once, for print (hidden on screen)."""
    return (
        '<aside class="http-status-print">'
        f'<strong class="http-status-print-heading">{escape(heading, quote=False)}'
        "</strong>"
        f"<dl>{''.join(printed)}</dl></aside>\n"
    )
