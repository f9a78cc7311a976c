"""Translations: gettext catalogs of the descriptions and every reader-visible word.

The English texts are the message ids: descriptions and class names come from
``data/status-codes.json``, the words around them from ``labels.py``. Each
other language has a catalog, ``locale/<lang>/LC_MESSAGES/
sphinxcontrib-httpstatus.po``, compiled to the ``.mo`` beside it. A message's
context says what it belongs to: the code (``404``), the class (``4xx``), a
class's name (``4xx name``) or a label (``label code``). Entries marked fuzzy
(their English text changed since they were translated) are not compiled, so
readers get English until a translator has reviewed them.

A project adds or corrects a language with a catalog of the same name in one of
its ``locale_dirs`` (``locales/pl/LC_MESSAGES/sphinxcontrib-httpstatus.po``).
It is read here, with Babel, whatever the build's language: Sphinx compiles a
project's catalogs for the build's language only, and a table may be in
another. Its entries win over ours, message by message.

Catalogs are not loaded through ``sphinx.locale``, which keeps one
translator per catalog name for the whole process (the first language loaded
would win for every table and every later build in the process).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Final, Protocol

DOMAIN: Final = "sphinxcontrib-httpstatus"
LOCALE_DIR: Final = Path(__file__).with_name("locale")


class Messages(Protocol):
    """What a catalog answers: the translation of *message* in *context*, or
    *message* itself where it has none."""

    def pgettext(self, context: str, message: str) -> str: ...


def description_context(key: str) -> str:
    """The context of a code's or a class's description: ``"404"``, ``"4xx"``."""
    return key


def class_name_context(key: str) -> str:
    """The context of a class's name: ``"4xx name"``."""
    return f"{key} name"


def label_context(key: str) -> str:
    """The context of one of :mod:`.labels`' words: ``"label code"``."""
    return f"label {key}"


@cache
def bundled_languages() -> tuple[str, ...]:
    """The languages we ship a compiled catalog for, besides English."""
    return tuple(
        sorted(
            path.parent.parent.name
            for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
        )
    )


@cache
def bundled(language: str) -> Messages:
    """Our catalog for *language* (a catalog that translates nothing if none)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


class POMessages:
    """A project's ``.po`` catalog, read with Babel; fuzzy and empty entries
    are left out, as a compiled catalog leaves them out."""

    def __init__(self, path: Path) -> None:
        from babel.messages.pofile import read_po

        with path.open("rb") as handle:
            catalog = read_po(handle)
        self.path = path
        self._messages: dict[tuple[str | None, str], str] = {
            (message.context, message.id): message.string
            for message in catalog
            if isinstance(message.id, str)
            and message.id
            and isinstance(message.string, str)
            and message.string
            and not message.fuzzy
        }

    def __len__(self) -> int:
        return len(self._messages)

    def pgettext(self, context: str, message: str) -> str:
        return self._messages.get((context, message), message)


def project_catalogs(directories: Iterable[Path]) -> dict[str, POMessages]:
    """The project's catalogs of our domain, by language directory name, from
    each of *directories* (a project's ``locale_dirs``); the first wins."""
    found: dict[str, POMessages] = {}
    for directory in directories:
        for path in sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            found.setdefault(path.parent.parent.name, POMessages(path))
    return found


class Layered:
    """Several catalogs asked in order: the first that translates wins."""

    def __init__(self, *layers: Messages) -> None:
        self.layers = layers

    def pgettext(self, context: str, message: str) -> str:
        for layer in self.layers:
            text = layer.pgettext(context, message)
            if text != message:
                return text
        return message


def translate(
    texts: Mapping[str, str], context: str, catalogs: Mapping[str, Messages]
) -> dict[str, str]:
    """*texts* (``{language: text}``, English included) with the translation
    of the English text added for each language in *catalogs* that has one."""
    english = texts.get("en")
    result = dict(texts)
    if not english:
        return result
    for language, catalog in catalogs.items():
        text = catalog.pgettext(context, english)
        if text != english:
            result[language] = text
    return result
