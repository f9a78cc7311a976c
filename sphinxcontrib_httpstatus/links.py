"""Every URL the extension makes, and the order the ``httpstatus_link`` modes try them.

The kinds of page, in the order ``"auto"`` tries them:

``table``  the row of the project's own indexed status table (resolved by the domain)
``url``    the project's own page for a code (``httpstatus_custom[code]["url"]``)
``mdn``    MDN's reference page, in the build's language where MDN has one
``spec``   the defining section of the RFC

``"mdn"``, ``"spec"`` and ``"table"`` try their own kind first, then the rest in
that order; a URL template (``"https://example.org/status/{code}"``) gives every
code a page, after a project's own ``url``. Class references (``4xx``) link to
the class's heading in the table, MDN's overview section or RFC 9110's section.

The dataset holds a code's defining document and section; ``data/mdn-pages.json``
(made by ``scripts/mdn_pages.py`` from MDN's repositories) holds, per MDN
locale, the codes that have a page there and the ids of the overview page's
class headings. This module turns them into URLs::

    spec_url(registry[404])         # 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5'
    mdn_url(registry[404], "zh_CN") # '.../zh-CN/docs/Web/HTTP/Reference/Status/404'
    mdn_url(registry[204], "es")    # '.../en-US/docs/...': no Spanish page
    mdn_url(registry.classes["4xx"], "fr")  # '.../fr/docs/...#r%C3%A9ponses_...'

An MDN link goes to the build language's locale where that locale has the
page (MDN answers 404 for a missing translation), else to en-US; a code with
no en-US page gets no MDN link. A class links to its section of the locale's
overview page by that page's own heading id, percent-encoded (the same id to a
browser; plain ASCII for LaTeX and the other builders).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final, NamedTuple
from urllib.parse import quote

from . import languages
from .dataset import DEFAULT_LANGUAGE, StatusClass, StatusCode

AUTO_ORDER: Final = ("table", "url", "mdn", "spec")

_MDN: Final = "https://developer.mozilla.org"
_MDN_STATUS: Final = "docs/Web/HTTP/Reference/Status"
_MDN_DEFAULT: Final = "en-US"
MDN_PAGES_FILE: Final = Path(__file__).with_name("data") / "mdn-pages.json"
_RFC: Final = "https://www.rfc-editor.org/rfc"
_RFC_RE: Final = re.compile(r"RFC([0-9]{1,5})", re.ASCII)

#: MDN's locales, keyed by the language they are written in.
MDN_LOCALES: Final = {
    "en": "en-US",
    "zh_CN": "zh-CN",
    "zh_TW": "zh-TW",
    "ja": "ja",
    "ko": "ko",
    "fr": "fr",
    "de": "de",
    "es": "es",
    "ru": "ru",
    "pt_BR": "pt-BR",
}
#: RFC 9110 sections introducing each class.
_SPEC_CLASS_SECTIONS: Final = {
    "1xx": "15.2",
    "2xx": "15.3",
    "3xx": "15.4",
    "4xx": "15.5",
    "5xx": "15.6",
}


def order(mode: str) -> tuple[str, ...]:
    """The kinds of page to try, in order, for a link mode (not ``"none"``)."""
    if mode in ("auto", "table"):
        return AUTO_ORDER
    if mode in ("mdn", "spec"):
        return (mode, *(kind for kind in AUTO_ORDER if kind != mode))
    # A URL template: a project's own page first, then the template.
    return ("url", "template", *(kind for kind in AUTO_ORDER if kind != "url"))


def mdn_locale(language: str | None) -> str:
    """The MDN locale for a language tag (``en-US`` when MDN has none)."""
    return MDN_LOCALES[languages.match(language, MDN_LOCALES) or DEFAULT_LANGUAGE]


class MdnLocale(NamedTuple):
    """What one MDN locale has: code pages, and its class headings' ids."""

    codes: frozenset[int]
    classes: Mapping[str, str]


@cache
def mdn_pages() -> Mapping[str, MdnLocale]:
    """``data/mdn-pages.json`` by MDN locale (read once, on first use)."""
    data: dict[str, Any] = json.loads(MDN_PAGES_FILE.read_text(encoding="utf-8"))
    return {
        locale: MdnLocale(frozenset(pages["codes"]), pages["classes"])
        for locale, pages in data["locales"].items()
    }


def mdn_url(entry: StatusCode | StatusClass, language: str | None) -> str | None:
    """MDN's page for a code or section for a class, in the language's locale
    where it has one, else in en-US; ``None`` where en-US has none either."""
    pages = mdn_pages()
    for locale in dict.fromkeys((mdn_locale(language), _MDN_DEFAULT)):
        have = pages.get(locale)
        if have is None:
            continue
        if isinstance(entry, StatusClass):
            if entry.key in have.classes:
                fragment = quote(have.classes[entry.key])
                return f"{_MDN}/{locale}/{_MDN_STATUS}#{fragment}"
        elif entry.code in have.codes:
            return f"{_MDN}/{locale}/{_MDN_STATUS}/{entry.code}"
    return None


def spec_url(entry: StatusCode | StatusClass) -> str | None:
    """The URL of the defining section, or of the defining document."""
    if isinstance(entry, StatusClass):
        return f"{_RFC}/rfc9110.html#section-{_SPEC_CLASS_SECTIONS[entry.key]}"
    if entry.document is None:
        return None
    rfc = _RFC_RE.fullmatch(entry.document)
    if rfc is None:
        return f"https://datatracker.ietf.org/doc/{entry.document}/"
    url = f"{_RFC}/rfc{rfc.group(1)}.html"
    return f"{url}#section-{entry.section}" if entry.section else url


def spec_label(entry: StatusCode | StatusClass) -> str | None:
    """A short citation of the defining section, such as ``"RFC 9110 §15.5.5"``."""
    if isinstance(entry, StatusClass):
        return f"RFC 9110 §{_SPEC_CLASS_SECTIONS[entry.key]}"
    if entry.document is None:
        return None
    rfc = _RFC_RE.fullmatch(entry.document)
    label = f"RFC {rfc.group(1)}" if rfc else entry.document
    return f"{label} §{entry.section}" if entry.section else label


def external_url(
    entry: StatusCode | StatusClass, kind: str, mode: str, language: str
) -> str | None:
    """The URL of *entry*'s page of *kind* (not ``table``), or ``None``."""
    if kind == "mdn":
        return mdn_url(entry, language)
    if kind == "spec":
        return spec_url(entry)
    if isinstance(entry, StatusClass):
        return None
    if kind == "url":
        return entry.url
    if kind == "template":
        return mode.format(code=entry.code)
    return None
