"""Where a status reference links to: the ``httpstatus_link`` modes and their fallbacks.

The kinds of page, in the order ``"auto"`` tries them:

``table``  the row of the project's own indexed status table (resolved by the domain)
``url``    the project's own page for a code (``httpstatus_custom[code]["url"]``)
``mdn``    MDN's reference page in the build's language
``spec``   the defining section of the RFC

``"mdn"``, ``"spec"`` and ``"table"`` try their own kind first, then the rest in
that order; a URL template (``"https://example.org/status/{code}"``) gives every
code a page, after a project's own ``url``. Class references (``4xx``) link to
the class's heading in the table, MDN's overview section or RFC 9110's section.
"""

from __future__ import annotations

from typing import Final

from .dataset import StatusClass, StatusCode, mdn_locale

AUTO_ORDER: Final = ("table", "url", "mdn", "spec")

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


def external_url(
    entry: StatusCode | StatusClass, kind: str, mode: str, locale: str
) -> str | None:
    """The URL of *entry*'s page of *kind* (not ``table``), or ``None``."""
    if isinstance(entry, StatusClass):
        if kind == "mdn":
            return (
                f"https://developer.mozilla.org/{mdn_locale(locale)}"
                f"/docs/Web/HTTP/Reference/Status#{_MDN_CLASS_ANCHORS[entry.key]}"
            )
        if kind == "spec":
            section = _SPEC_CLASS_SECTIONS[entry.key]
            return f"https://www.rfc-editor.org/rfc/rfc9110.html#section-{section}"
        return None
    if kind == "url":
        return entry.url
    if kind == "mdn":
        return entry.mdn_url(locale)
    if kind == "spec":
        return entry.spec_url
    if kind == "template":
        return mode.format(code=entry.code)
    return None
