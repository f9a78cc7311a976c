"""How a code or class looks wherever it appears: text, CSS classes, tooltip, anchor.

Shared by the role (:mod:`.role`), the table (:mod:`.table`) and the domain
(:mod:`.domain`), and owned by none of them, so that a reference and a table
row of the same code always agree.
"""

from __future__ import annotations

from collections.abc import Mapping

from .dataset import StatusClass, StatusCode


def anchor(key: str) -> str:
    """The HTML id of the table row for a code or class key: ``http-status-404``."""
    return f"http-status-{key}"


def css_classes(entry: StatusCode | StatusClass) -> list[str]:
    """The CSS classes of a reference: ``http-status http-status-4xx [...]``."""
    if isinstance(entry, StatusClass):
        return ["http-status", f"http-status-{entry.key}"]
    classes = ["http-status", f"http-status-{entry.status_class}"]
    if entry.state != "permanent":
        classes.append(f"http-status-{entry.state}")
    return classes


def tooltip(
    entry: StatusCode | StatusClass, language: str, words: Mapping[str, str]
) -> str:
    """The tooltip text: the description, after a note on a code's state
    (in *words*, the labels of *language*)."""
    description = entry.description(language)
    if isinstance(entry, StatusClass):
        return description
    note = ""
    if entry.state == "unofficial":
        note = words["tooltip_unofficial"].format(software=entry.software)
    elif entry.state in ("unused", "obsoleted", "temporary"):
        note = words[f"tooltip_{entry.state}"]
    if not description:
        return note or entry.phrase
    return f"{note} {description}" if note else description


def label(entry: StatusCode | StatusClass, template: str, language: str) -> str:
    """The text of a reference without an explicit title.

    A code follows *template* (``httpstatus_format``); a class reads
    ``4xx Client Error`` in *language*.
    """
    if isinstance(entry, StatusClass):
        return f"{entry.key} {entry.name(language)}"
    return template.format(
        code=entry.code, phrase=entry.phrase, **{"class": entry.status_class}
    )
