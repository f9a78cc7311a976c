"""Which of the languages we have serves a language tag: the one owner of tag matching.

Tags arrive as Sphinx's ``language`` writes them (``zh_CN``, ``pt_BR``), as
BCP 47 tags (``zh-Hant-TW``), bare (``zh``, ``pt``) or with a region
(``ja_JP``, ``en_GB``). A tag that names one of the available languages
exactly (any case, ``-`` or ``_``) selects it. Otherwise the tag and each
available language are completed with CLDR's *likely subtags*, which Babel
ships and Sphinx already depends on (``zh`` → ``zh_Hans_CN``, ``zh_HK`` →
``zh_Hant_HK``, ``pt`` → ``pt_Latn_BR``), and the best candidate has the same
language and script, preferring the same region::

    >>> match("zh-Hans", ["en", "zh_CN"])
    'zh_CN'
    >>> match("zh_HK", ["en", "zh_CN", "zh_TW"])
    'zh_TW'
    >>> match("zh_TW", ["en", "zh_CN"]) is None  # Traditional is not Simplified
    True

Nothing is cached here: the build's language is matched once per build
(in ``config.py``), and a table's ``:language:`` once per table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from babel.core import get_global, parse_locale


class _Subtags(NamedTuple):
    language: str
    script: str | None
    territory: str | None


def _subtags(tag: str) -> _Subtags | None:
    """*tag*'s language, script and territory, completed with likely subtags."""
    try:
        language, territory, script, *_ = parse_locale(tag.replace("-", "_"))
    except ValueError:
        return None
    if len(language) < 2:
        return None
    language = language.lower()
    if script is None or territory is None:
        likely: Mapping[str, str] = get_global("likely_subtags")
        candidates = [f"{language}_{script}" if script else None, language]
        if territory:
            candidates.insert(0, f"{language}_{territory}")
        for candidate in filter(None, candidates):
            if candidate in likely:
                _, likely_territory, likely_script, *_ = parse_locale(likely[candidate])
                script = script or likely_script
                territory = territory or likely_territory
                break
    return _Subtags(language, script, territory)


def match(tag: str | None, available: Iterable[str]) -> str | None:
    """The member of *available* that serves *tag*, or ``None`` if none does."""
    if not tag or not tag.strip():
        return None
    wanted_key = tag.strip().replace("-", "_").lower()
    candidates = list(available)
    for key in candidates:
        if key.replace("-", "_").lower() == wanted_key:
            return key
    wanted = _subtags(tag.strip())
    if wanted is None:
        return None
    best: str | None = None
    best_score = 0
    for key in candidates:
        have = _subtags(key)
        if have is None or have.language != wanted.language:
            continue
        if have.script != wanted.script:
            continue
        score = 2 if have.territory == wanted.territory else 1
        if score > best_score:
            best, best_score = key, score
    return best


def is_well_formed(tag: object) -> bool:
    """Whether *tag* is a language tag Babel can read (``zh_Hans``, ``pt-BR``)."""
    if not isinstance(tag, str):
        return False
    try:
        language = parse_locale(tag.replace("-", "_"))[0]
    except ValueError:
        return False
    return len(language) >= 2
