"""The words the extension writes itself around the descriptions, per language.

The table's headers, the state badges, the tooltip's notes and the card's
link to the table. English is
written here and is the message id of each word in the translation catalogs
(:mod:`.catalogs`); a table can be in another language than the build (its
``:language:`` option), so words are looked up per language, not through
Sphinx's build-wide message catalogs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from . import catalogs

#: Each word in English, by key; ``{software}`` is filled in.
ENGLISH: Final[Mapping[str, str]] = {
    "code": "Code",
    "phrase": "Phrase",
    "description": "Description",
    "spec": "Specification",
    "endpoints": "Returned by",
    "temporary": "temporary",
    "unused": "unused",
    "obsoleted": "obsoleted",
    "unofficial": "unofficial",
    "custom": "project-specific",
    "used_by": "Used by {software}",
    "tooltip_unofficial": "Unofficial code, used by {software}.",
    "tooltip_unused": "Reserved, unused code.",
    "tooltip_obsoleted": "Obsoleted code.",
    "tooltip_temporary": "Provisionally registered code.",
    "in_table": "In the status table",
    "print_heading": "Status codes on this page",
}

#: What each word is, for translators (the catalogs' extracted comments).
LABEL_COMMENTS: Final[Mapping[str, str]] = {
    "code": "Status table: header of the column of codes (404)",
    "phrase": "Status table: header of the column of reason phrases (Not Found)",
    "description": "Status table: header of the column of descriptions",
    "spec": "Status table: header of the column of specification links",
    "endpoints": "Status table: header of the column listing the API endpoints "
    "(GET /orders) whose documented responses include the row's code",
    "temporary": "Badge beside a provisionally registered code's phrase",
    "unused": "Badge beside a reserved, unused code's phrase (306, 418)",
    "obsoleted": "Badge beside an obsoleted code's phrase (510)",
    "unofficial": "Badge beside an unofficial code's phrase (nginx's 499)",
    "custom": "Badge beside a code the project defines itself",
    "used_by": "Specification column of an unofficial code; {software} is a "
    "product name such as nginx",
    "tooltip_unofficial": "Start of an unofficial code's tooltip; {software} is "
    "a product name",
    "tooltip_unused": "Start of the tooltip of 306 and 418",
    "tooltip_obsoleted": "Start of the tooltip of an obsoleted code",
    "tooltip_temporary": "Start of the tooltip of a provisionally registered code",
    "in_table": "Link in a reference's description card to the code's row in "
    "the project's own status table",
    "print_heading": "Heading of the list of the page's status codes and their "
    "descriptions, printed at the end of a page",
}


def labels(
    language: str | None, catalog: catalogs.Messages | None = None
) -> dict[str, str]:
    """The words in *language* (one of the dataset's languages), from
    *catalog* if given, else from ours; English where neither has a word."""
    if not language or language == "en":
        return dict(ENGLISH)
    source = catalog if catalog is not None else catalogs.bundled(language)
    return {
        key: source.pgettext(catalogs.label_context(key), text)
        for key, text in ENGLISH.items()
    }
