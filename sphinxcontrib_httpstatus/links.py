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

The dataset holds facts (a code's defining document and section, whether MDN
has a page for it); this module turns them into URLs::

    spec_url(registry[404])         # 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5'
    mdn_url(registry[404], "zh_CN") # 'https://developer.mozilla.org/zh-CN/docs/...'
"""

from __future__ import annotations

import re
from typing import Final

from . import languages
from .dataset import DEFAULT_LANGUAGE, StatusClass, StatusCode

AUTO_ORDER: Final = ("table", "url", "mdn", "spec")

_MDN: Final = "https://developer.mozilla.org"
_MDN_STATUS: Final = "docs/Web/HTTP/Reference/Status"
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
_MDN_CLASS_ANCHORS: Final = {
    "1xx": "informational_responses",
    "2xx": "successful_responses",
    "3xx": "redirection_messages",
    "4xx": "client_error_responses",
    "5xx": "server_error_responses",
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


def mdn_url(entry: StatusCode | StatusClass, language: str | None) -> str | None:
    """MDN's page for a code (if MDN has one), or its section for a class."""
    locale = mdn_locale(language)
    if isinstance(entry, StatusClass):
        return f"{_MDN}/{locale}/{_MDN_STATUS}#{_MDN_CLASS_ANCHORS[entry.key]}"
    if not entry.mdn:
        return None
    return f"{_MDN}/{locale}/{_MDN_STATUS}/{entry.code}"


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


def spec_label(entry: StatusCode) -> str | None:
    """A short citation of the defining section, such as ``"RFC 9110 §15.5.5"``."""
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
