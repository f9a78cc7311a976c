"""The bundled HTTP status code dataset and a small typed API over it.

The facts and descriptions live in ``data/status-codes.json`` (one object per
code, readable and editable without knowing Python). This module loads that
file once, lazily, and answers the questions the role and the table ask::

    from sphinxcontrib_httpstatus.dataset import bundled

    registry = bundled()
    registry.lookup("404").phrase            # 'Not Found'
    registry.lookup("payload too large")     # StatusCode(code=413, ...)
    registry.lookup("4xx").name("zh_CN")     # '客户端错误'
    registry[404].description("zh_CN")       # the Simplified Chinese text
    [s.code for s in registry.select(classes={"2xx"}, states={"permanent"})]

A project's own entries (the ``httpstatus_custom`` config value) are merged on
top with :meth:`StatusRegistry.with_custom`, which returns a new registry.

The dataset holds facts and texts only: URLs are made from them by
:mod:`.links`, and language tags are matched by :mod:`.languages`. Nothing
here imports Sphinx: the module is cheap to import and usable on its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, cast

from . import catalogs, languages

__all__ = [
    "DEFAULT_LANGUAGE",
    "STATES",
    "DatasetError",
    "State",
    "StatusClass",
    "StatusCode",
    "StatusRegistry",
    "bundled",
    "load",
    "normalize_phrase",
    "quote",
]

#: The language every description exists in, and the fallback for all others.
DEFAULT_LANGUAGE: Final = "en"

#: Where a code stands: the IANA registry's states, plus ``unofficial`` for
#: codes some software sends without registration and ``custom`` for codes a
#: project adds itself.
State = Literal["permanent", "temporary", "unused", "obsoleted", "unofficial", "custom"]
STATES: Final[tuple[State, ...]] = (
    "permanent",
    "temporary",
    "unused",
    "obsoleted",
    "unofficial",
    "custom",
)

DATA_FILE: Final = Path(__file__).with_name("data") / "status-codes.json"

_CODE_RE: Final = re.compile(r"[1-5][0-9]{2}", re.ASCII)
_CLASS_RE: Final = re.compile(r"([1-5])xx", re.ASCII | re.IGNORECASE)
_SPACE_RE: Final = re.compile(r"\s+")
_SECTION_RE: Final = re.compile(r"[0-9]+(?:\.[0-9]+)*", re.ASCII)


class DatasetError(ValueError):
    """A dataset file or a custom entry is malformed.

    The message names the source, the entry and the field, e.g.
    ``status-codes.json: code 404: 'phrase' must be a non-empty string``.
    """


def quote(value: object, width: int = 60) -> str:
    """*value* as messages show it: ``repr``, cut to *width* with an ellipsis
    that stays inside the quotes."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > width:
        text = text[: width - 1] + "\u2026"
    return repr(text) if isinstance(value, str) else text


def normalize_phrase(text: str) -> str:
    """Return *text* in the form phrases are compared in.

    Case-insensitive, surrounding white space ignored, inner white space
    collapsed, typographic apostrophes treated as ``'``.
    """
    return _SPACE_RE.sub(" ", text.replace("\u2019", "'")).strip().casefold()


def _pick(texts: Mapping[str, str], language: str | None) -> str:
    """The text for *language* from a ``{language: text}`` mapping, with fallback.

    The build asks in a language it has already matched (``zh_CN``), which is
    found at once; any other tag (``zh-Hans``) is matched by :mod:`.languages`.
    """
    if language is not None:
        text = texts.get(language)
        if text is not None:
            return text
        key = languages.match(language, texts)
        if key is not None:
            return texts[key]
    if DEFAULT_LANGUAGE in texts:
        return texts[DEFAULT_LANGUAGE]
    return next(iter(texts.values()), "")


@dataclass(frozen=True)
class StatusClass:
    """One of the five classes of status codes, e.g. ``4xx`` Client Error."""

    #: ``"1xx"`` to ``"5xx"``.
    key: str
    names: Mapping[str, str] = field(repr=False)
    descriptions: Mapping[str, str] = field(repr=False)

    @property
    def digit(self) -> int:
        """The leading digit shared by the class's codes."""
        return int(self.key[0])

    def name(self, language: str | None = None) -> str:
        """The class name (``"Client Error"``) in *language*, or English."""
        return _pick(self.names, language)

    def description(self, language: str | None = None) -> str:
        """What the class means, in *language* or English."""
        return _pick(self.descriptions, language)


@dataclass(frozen=True)
class StatusCode:
    """One status code: its phrase, state, specification and descriptions."""

    code: int
    #: The reason phrase to display: the IANA registry's current name, or the
    #: well-known name for the unused codes (306 Switch Proxy, 418 I'm a teapot).
    phrase: str
    state: State
    #: Former and alternative names that still resolve to this code.
    aliases: tuple[str, ...] = ()
    #: Defining document: ``"RFC9110"``, a draft name, or ``None``.
    document: str | None = None
    #: Section of :attr:`document` that defines the code, e.g. ``"15.5.5"``.
    section: str | None = None
    #: The registry's own name when it differs from :attr:`phrase` ("(Unused)").
    registered_name: str | None = None
    #: For unofficial codes: the software known to send them.
    software: str | None = None
    #: Whether MDN has a reference page for the code.
    mdn: bool = False
    #: A project-specific link target (from ``httpstatus_custom``).
    url: str | None = None
    descriptions: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), repr=False
    )

    @property
    def status_class(self) -> str:
        """The class key, ``"1xx"`` to ``"5xx"``."""
        return f"{self.code // 100}xx"

    @property
    def official(self) -> bool:
        """Whether the code is in the IANA registry (in any state)."""
        return self.state not in ("unofficial", "custom")

    def description(self, language: str | None = None) -> str:
        """What the code means, in *language* or English."""
        return _pick(self.descriptions, language)


class StatusRegistry:
    """An immutable, code-ordered collection of status codes and classes.

    ``registry[404]`` returns a :class:`StatusCode` (``KeyError`` if unknown);
    :meth:`lookup` is the forgiving form the role uses. Iteration yields codes
    in numeric order.
    """

    __slots__ = ("_by_code", "_by_phrase", "_clashes", "_classes", "languages")

    def __init__(
        self,
        codes: Iterable[StatusCode],
        classes: Iterable[StatusClass],
        languages: Iterable[str] = (DEFAULT_LANGUAGE,),
    ) -> None:
        by_code = {entry.code: entry for entry in sorted(codes, key=_code_of)}
        self._by_code: Mapping[int, StatusCode] = MappingProxyType(by_code)
        self._classes: Mapping[str, StatusClass] = MappingProxyType(
            {cls.key: cls for cls in sorted(classes, key=lambda c: c.key)}
        )
        #: Languages the descriptions are written in, ``en`` first.
        self.languages: tuple[str, ...] = tuple(languages)
        # Which code a phrase names when several claim it: a current phrase
        # before an alias, a bundled code before a project's new one, then the
        # lower code. The order codes were given in plays no part.
        claims: dict[str, list[tuple[tuple[int, bool, int], StatusCode]]] = {}
        for entry in by_code.values():
            new = entry.state == "custom"
            for rank, text in [(1, a) for a in entry.aliases] + [(0, entry.phrase)]:
                claims.setdefault(normalize_phrase(text), []).append(
                    ((rank, new, entry.code), entry)
                )
        phrases: dict[str, StatusCode] = {}
        clashes: dict[str, tuple[StatusCode, ...]] = {}
        for text, claimants in claims.items():
            ranked = [entry for _, entry in sorted(claimants, key=lambda c: c[0])]
            phrases[text] = ranked[0]
            claiming = dict.fromkeys(entry.code for entry in ranked)
            if len(claiming) > 1:
                clashes[text] = tuple(by_code[code] for code in claiming)
        self._by_phrase: Mapping[str, StatusCode] = MappingProxyType(phrases)
        self._clashes: Mapping[str, tuple[StatusCode, ...]] = MappingProxyType(clashes)

    def __getitem__(self, code: int) -> StatusCode:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[StatusCode]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def classes(self) -> Mapping[str, StatusClass]:
        """The five classes, keyed ``"1xx"`` to ``"5xx"``."""
        return self._classes

    def get(self, code: int) -> StatusCode | None:
        """The entry for *code*, or ``None``."""
        return self._by_code.get(code)

    def by_phrase(self, phrase: str) -> StatusCode | None:
        """The code whose current phrase or alias is *phrase* (any case)."""
        return self._by_phrase.get(normalize_phrase(phrase))

    def phrase_clashes(self) -> Mapping[str, tuple[StatusCode, ...]]:
        """Phrases and aliases claimed by more than one code, keyed by their
        normalized text: the codes claiming each, the one it resolves to first."""
        return self._clashes

    def lookup(self, query: int | str) -> StatusCode | StatusClass | None:
        """Find a code or class by ``404``, ``"404"``, a phrase, an alias or ``"4xx"``.

        Returns ``None`` when nothing matches. Only ASCII digits count as a code.
        """
        if isinstance(query, int):
            return self._by_code.get(query)
        text = query.strip()
        if _CODE_RE.fullmatch(text):
            return self._by_code.get(int(text))
        cls = _CLASS_RE.fullmatch(text)
        if cls is not None:
            return self._classes.get(f"{cls.group(1)}xx")
        return self.by_phrase(text)

    def select(
        self,
        classes: Iterable[str] | None = None,
        states: Iterable[str] | None = None,
    ) -> list[StatusCode]:
        """The codes in the given classes (``"4xx"``) and states, in code order."""
        class_set = None if classes is None else {c.lower() for c in classes}
        state_set = None if states is None else set(states)
        return [
            entry
            for entry in self._by_code.values()
            if (class_set is None or entry.status_class in class_set)
            and (state_set is None or entry.state in state_set)
        ]

    def with_translations(
        self, translations: Mapping[str, catalogs.Messages]
    ) -> StatusRegistry:
        """Return a new registry whose texts are also in the languages of
        *translations* (``{language: catalog}``), where a catalog translates
        them. A catalog's text replaces one this registry already has."""
        codes = [
            replace(
                entry,
                descriptions=MappingProxyType(
                    catalogs.translate(
                        entry.descriptions,
                        catalogs.description_context(str(entry.code)),
                        translations,
                    )
                ),
            )
            for entry in self
        ]
        classes = [
            replace(
                cls,
                names=MappingProxyType(
                    catalogs.translate(
                        cls.names, catalogs.class_name_context(cls.key), translations
                    )
                ),
                descriptions=MappingProxyType(
                    catalogs.translate(
                        cls.descriptions,
                        catalogs.description_context(cls.key),
                        translations,
                    )
                ),
            )
            for cls in self._classes.values()
        ]
        added = [lang for lang in translations if lang not in self.languages]
        return StatusRegistry(codes, classes, (*self.languages, *added))

    def with_custom(
        self, custom: Mapping[Any, Any], source: str = "httpstatus_custom"
    ) -> StatusRegistry:
        """Return a new registry with a project's own entries merged on top.

        *custom* maps a code (``299`` or ``"299"``) to a mapping with an optional
        ``phrase`` (required for a new code), ``description`` (a string for
        every language, or a ``{language: text}`` mapping over the bundled
        texts), ``aliases`` and
        ``url``. Overriding a phrase keeps the old one resolvable as an alias.
        Raises :class:`DatasetError` naming the entry and field at fault.
        """
        merged = dict(self._by_code)
        for key, fields in custom.items():
            code = _custom_code(key, source)
            merged[code] = _merge_custom(
                merged.get(code), code, fields, source, self.languages
            )
        return StatusRegistry(merged.values(), self._classes.values(), self.languages)


def _code_of(entry: StatusCode) -> int:
    return entry.code


def _custom_code(key: object, source: str) -> int:
    # int() first: an int subclass such as http.HTTPStatus prints its name on
    # some Python versions, and its value on others.
    if isinstance(key, int) and not isinstance(key, bool):
        text = str(int(key))
    else:
        text = str(key).strip() if isinstance(key, str) else ""
    if not _CODE_RE.fullmatch(text):
        msg = f"{source}: key {key!r}: a status code must be a number from 100 to 599"
        raise DatasetError(msg)
    return int(text)


def _merge_custom(
    base: StatusCode | None,
    code: int,
    fields: object,
    source: str,
    known_languages: Iterable[str],
) -> StatusCode:
    where = f"{source}[{code}]"
    if not isinstance(fields, Mapping):
        msg = (
            f"{where}: expected a mapping with 'phrase', 'description' and/or "
            f"'url', got {type(fields).__name__}"
        )
        raise DatasetError(msg)
    unknown = sorted(str(k) for k in fields if k not in _CUSTOM_FIELDS)
    if unknown:
        msg = (
            f"{where}: unknown field {unknown[0]!r} "
            f"(expected one of: {', '.join(_CUSTOM_FIELDS)})"
        )
        raise DatasetError(msg)
    phrase = fields.get("phrase")
    if phrase is not None or base is None:
        phrase = _text(phrase, where, "phrase")
    aliases = _texts(fields.get("aliases", ()), where, "aliases")
    url = fields.get("url")
    if url is not None:
        url = _text(url, where, "url")
    description = fields.get("description")
    descriptions = None
    if description is not None:
        descriptions = _descriptions(
            description, where, allow_plain=True, known_languages=known_languages
        )
    if base is None:
        return StatusCode(
            code=code,
            phrase=cast(str, phrase),
            state="custom",
            aliases=aliases,
            url=url,
            descriptions=descriptions or MappingProxyType({}),
        )
    if descriptions is not None and not isinstance(description, str):
        # A mapping replaces the languages it names; the others keep the
        # bundled text (a zh_TW text must not stand in for zh_CN or en).
        descriptions = MappingProxyType({**base.descriptions, **descriptions})
    new_aliases = list(base.aliases) + list(aliases)
    if phrase is not None and normalize_phrase(phrase) != normalize_phrase(base.phrase):
        new_aliases.append(base.phrase)
    return replace(
        base,
        phrase=phrase if phrase is not None else base.phrase,
        aliases=tuple(dict.fromkeys(new_aliases)),
        url=url if url is not None else base.url,
        descriptions=descriptions if descriptions is not None else base.descriptions,
    )


_CUSTOM_FIELDS: Final = ("phrase", "description", "aliases", "url")


def _text(value: object, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        msg = f"{where}: {name!r} must be a non-empty string, got {quote(value)}"
        raise DatasetError(msg)
    return value.strip()


def _texts(value: object, where: str, name: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        msg = f"{where}: {name!r} must be a list of strings, got {quote(value)}"
        raise DatasetError(msg)
    return tuple(_text(item, where, name) for item in value)


def _descriptions(
    value: object,
    where: str,
    *,
    allow_plain: bool = False,
    known_languages: Iterable[str] = (),
) -> Mapping[str, str]:
    """A ``{language: text}`` mapping, checked; keys that name one of
    *known_languages* by another tag (``zh``, ``zh-Hans``) are stored under
    that language's own key (``zh_CN``), as ``httpstatus_language`` would
    select it."""
    if allow_plain and isinstance(value, str):
        return MappingProxyType({DEFAULT_LANGUAGE: _text(value, where, "description")})
    if not isinstance(value, Mapping) or not value:
        expected = "a string or a non-empty mapping" if allow_plain else "a mapping"
        msg = f"{where}: 'description' must be {expected} of language to text"
        raise DatasetError(msg)
    known = tuple(known_languages)
    texts: dict[str, str] = {}
    for language, text in value.items():
        if not languages.is_well_formed(language):
            msg = f"{where}: 'description' has an invalid language key {language!r}"
            raise DatasetError(msg)
        key = str(language).replace("-", "_")
        if known:  # a project's key: stored under the language it selects
            key = languages.match(language, known) or key
        if key in texts:
            msg = (
                f"{where}: 'description' has two texts for {key!r} "
                f"(one keyed {language!r})"
            )
            raise DatasetError(msg)
        texts[key] = _text(text, where, f"description[{language}]")
    return MappingProxyType(texts)


def _require(entry: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return entry[key]
    except KeyError:
        raise DatasetError(f"{where}: missing field {key!r}") from None


def _optional_text(entry: Mapping[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    return None if value is None else _text(value, where, key)


def _parse_code(entry: object, source: str, index: int) -> StatusCode:
    where = f"{source}: codes[{index}]"
    if not isinstance(entry, Mapping):
        raise DatasetError(f"{where}: expected an object")
    code = _require(entry, "code", where)
    if isinstance(code, bool) or not isinstance(code, int) or not 100 <= code <= 599:
        raise DatasetError(f"{where}: 'code' must be a number from 100 to 599")
    where = f"{source}: code {code}"
    state = _require(entry, "state", where)
    if state not in STATES or state == "custom":
        allowed = ", ".join(s for s in STATES if s != "custom")
        raise DatasetError(f"{where}: 'state' must be one of {allowed}, got {state!r}")
    document = _optional_text(entry, "document", where)
    section = _optional_text(entry, "section", where)
    if section is not None and not _SECTION_RE.fullmatch(section):
        raise DatasetError(f"{where}: 'section' must look like 15.5.5, got {section!r}")
    software = _optional_text(entry, "software", where)
    if state == "unofficial" and software is None:
        raise DatasetError(f"{where}: 'software' is required for unofficial codes")
    if state != "unofficial" and document is None:
        raise DatasetError(f"{where}: 'document' is required for registered codes")
    mdn = entry.get("mdn", False)
    if not isinstance(mdn, bool):
        raise DatasetError(f"{where}: 'mdn' must be true or false")
    return StatusCode(
        code=code,
        phrase=_text(_require(entry, "phrase", where), where, "phrase"),
        state=cast(State, state),
        aliases=_texts(entry.get("aliases", []), where, "aliases"),
        document=document,
        section=section,
        registered_name=_optional_text(entry, "registered_name", where),
        software=software,
        mdn=mdn,
        descriptions=_descriptions(_require(entry, "description", where), where),
    )


def _parse_class(entry: object, source: str, index: int) -> StatusClass:
    where = f"{source}: classes[{index}]"
    if not isinstance(entry, Mapping):
        raise DatasetError(f"{where}: expected an object")
    key = _require(entry, "class", where)
    if not isinstance(key, str) or not _CLASS_RE.fullmatch(key):
        raise DatasetError(f"{where}: 'class' must be one of 1xx to 5xx")
    where = f"{source}: class {key}"
    names = _descriptions(_require(entry, "name", where), where)
    return StatusClass(
        key=key.lower(),
        names=names,
        descriptions=_descriptions(_require(entry, "description", where), where),
    )


def parse(data: object, source: str = DATA_FILE.name) -> StatusRegistry:
    """Build a registry from the decoded JSON of a dataset file."""
    if not isinstance(data, Mapping):
        raise DatasetError(f"{source}: the top level must be an object")
    codes_data = _require(data, "codes", source)
    classes_data = _require(data, "classes", source)
    if not isinstance(codes_data, list) or not isinstance(classes_data, list):
        raise DatasetError(f"{source}: 'codes' and 'classes' must be lists")
    codes = [_parse_code(e, source, i) for i, e in enumerate(codes_data)]
    seen: set[int] = set()
    for entry in codes:
        if entry.code in seen:
            raise DatasetError(f"{source}: code {entry.code}: listed twice")
        seen.add(entry.code)
    classes = [_parse_class(e, source, i) for i, e in enumerate(classes_data)]
    if sorted(c.key for c in classes) != ["1xx", "2xx", "3xx", "4xx", "5xx"]:
        raise DatasetError(f"{source}: 'classes' must hold 1xx to 5xx once each")
    languages = data.get("languages", [DEFAULT_LANGUAGE])
    if not isinstance(languages, list) or DEFAULT_LANGUAGE not in languages:
        raise DatasetError(f"{source}: 'languages' must be a list including 'en'")
    return StatusRegistry(codes, classes, languages)


def load(path: str | Path = DATA_FILE) -> StatusRegistry:
    """Read and validate a dataset file. Raises :class:`DatasetError`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        msg = f"{path.name}: not valid JSON: {exc.msg} (line {exc.lineno})"
        raise DatasetError(msg) from None
    except OSError as exc:
        raise DatasetError(f"{path}: cannot be read: {exc.strerror}") from None
    return parse(data, path.name)


@cache
def bundled() -> StatusRegistry:
    """The dataset shipped with the package, with the translations we ship,
    loaded on first use."""
    return load(DATA_FILE).with_translations(
        {
            language: catalogs.bundled(language)
            for language in catalogs.bundled_languages()
        }
    )
