"""The few user-facing words the extension writes itself, per language.

Descriptions come from the dataset; these are the table headers, markers and
tooltip prefixes around them. A table can be in another language than the
build (its ``:language:`` option), so they are looked up per table rather than
through Sphinx's build-wide message catalogs. To add a language, add a mapping
with every key of ``LABELS["en"]`` (a test checks the keys match).
"""

from __future__ import annotations

from typing import Final

from . import languages
from .dataset import DEFAULT_LANGUAGE

LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "code": "Code",
        "phrase": "Phrase",
        "description": "Description",
        "spec": "Specification",
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
    },
    "zh_CN": {
        "code": "状态码",
        "phrase": "原因短语",
        "description": "说明",
        "spec": "规范",
        "temporary": "临时",
        "unused": "未使用",
        "obsoleted": "已废弃",
        "unofficial": "非官方",
        "custom": "项目自定义",
        "used_by": "使用方：{software}",
        "tooltip_unofficial": "非官方状态码，由 {software} 使用。",
        "tooltip_unused": "保留的未使用状态码。",
        "tooltip_obsoleted": "已废弃的状态码。",
        "tooltip_temporary": "临时注册的状态码。",
    },
}


def labels(language: str | None) -> dict[str, str]:
    """The labels for *language*, falling back to English."""
    found = LABELS.get(language) if language else None
    if found is None:
        found = LABELS[languages.match(language, LABELS) or DEFAULT_LANGUAGE]
    return found
