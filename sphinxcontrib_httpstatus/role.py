"""The ``:http:status:`` role.

Accepted targets, in reStructuredText and in MyST (``{http:status}`404```):

=======================================  ================================
``404``                                  404 Not Found
``404 Not Found``                        the phrase is checked (any case)
``not found``, ``Payload Too Large``     any current phrase or former name
``the missing page <404>``               explicit title
``4xx``                                  a class: 4xx Client Error
``!404``                                 not linked, tooltip kept
=======================================  ================================

A target that does not resolve gets one warning (``httpstatus.unknown``) at
its line and renders as a problematic node; a phrase that does not belong to
its code warns (``httpstatus.phrase``) and renders the dataset's phrase.

The role makes nodes (:mod:`.nodes`) and nothing else: which pages refer to
which codes is read off the doctree by the domain, and where a reference links
is decided when the page is written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from .config import Settings, settings
from .dataset import StatusClass, StatusCode, normalize_phrase, quote
from .memo import Memo
from .nodes import status_reference, status_text
from .presentation import css_classes, label, tooltip

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils.nodes import Node, system_message
    from docutils.parsers.rst.states import Inliner

logger = logging.getLogger(__name__)

_CODE_AND_PHRASE: Final = re.compile(r"([0-9]{3})\s+(\S.*)", re.ASCII | re.DOTALL)
_EXPECTED: Final = (
    "expected a code (404), a class (4xx), a phrase or former name (Not Found), "
    "or a code and its phrase (404 Not Found)"
)


def needs_smartquotes(text: str) -> bool:
    """Whether smart quotes could change *text*: quotes, ``--``, ``...``, escapes.

    "404 Not Found" has nothing to educate, so its node can tell Sphinx's
    ``SmartQuotes`` transform to pass it by; "418 I'm a teapot" has.
    """
    return any(c in text for c in "'\"`\\\x00") or any(
        s in text for s in ("--", "..", ". .")
    )


def _fold(phrase: str) -> str:
    """*phrase* as typed phrases are compared: any case and spacing, and a
    hyphen the same as a space ("Non Authoritative", "Request-URI")."""
    return normalize_phrase(phrase.replace("-", " "))


class Rendering(NamedTuple):
    """What a role target renders as: text, link key, classes and tooltip."""

    content: str
    #: The code or class to link to; ``None`` for an unlinked reference.
    key: str | None
    classes: tuple[str, ...]
    tooltip: str
    #: Whether the content has anything for smart quotes to change.
    smartquotes: bool
    #: The code or class rendered, linked or not (``"404"``, ``"4xx"``).
    status: str = ""


class StatusRole(SphinxRole):
    """``:http:status:`404```: a linked, tooltipped status code reference.

    One object serves a whole build (it is made at ``config-inited``), so its
    memo of what each target renders as lives exactly as long as the settings
    it was worked out from.
    """

    def __init__(self) -> None:
        super().__init__()
        self._memo: Memo[str, Rendering] = Memo()

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[Node], list[system_message]]:
        # A project writes the same few targets thousands of times: what a
        # target renders as is worked out once per build (in run()), and a
        # target seen before skips the role's general set-up altogether.
        rendering = self._memo.get(text)
        if rendering is None:
            self._raw_text = text
            return super().__call__(
                name, rawtext, text, lineno, inliner, options, content
            )
        node = self._node(rawtext, rendering)
        # As set_source_info() would, for the reporter's view of *lineno*.
        where: tuple[str, int] = inliner.reporter.get_source_and_line(lineno)  # type: ignore[assignment]
        node.source, node.line = where
        return [node], []

    def run(self) -> tuple[list[Node], list[system_message]]:
        config = settings(self.config)
        rendering = self._render(config)
        if rendering is None:
            # An empty target (:http:status:`\ `) shows its whole markup,
            # so the reader still sees where the mistake is.
            shown = self.text if self.text.strip() else self.rawtext
            return [nodes.problematic(self.rawtext, shown)], []
        node = self._node(self.rawtext, rendering)
        self.set_source_info(node)
        return [node], []

    def _node(self, rawtext: str, rendering: Rendering) -> nodes.Element:
        """The doctree node of a reference rendered as *rendering*."""
        content, key = rendering.content, rendering.key
        node: nodes.Element
        if key is None:
            node = status_text(rawtext, content)
            # What the description card of an unlinked reference is about.
            node["status"] = rendering.status
        else:
            node = status_reference(rawtext, content)
            node["target"] = key
        # Set item by item rather than as keyword arguments, which docutils
        # lower-cases into a new string per key and node, kept all build:
        # about 180 bytes per reference.
        node["classes"].extend(rendering.classes)
        node["tooltip"] = rendering.tooltip
        if not rendering.smartquotes:
            # Text with nothing for smart quotes to change is marked so, which
            # spares Sphinx's SmartQuotes transform thousands of references.
            node["support_smartquotes"] = False
        return node

    def _render(self, config: Settings) -> Rendering | None:
        """Resolve this role's text: its rendering, or ``None`` after a warning."""
        return self._render_text(self.text, config, self._raw_text)

    def _render_text(
        self,
        text: str,
        config: Settings,
        memo_key: str | None = None,
        location: Node | None = None,
    ) -> Rendering | None:
        """Resolve *text*: its rendering, or ``None`` after a warning (given at
        *location*, by default the role's own).

        The rendering is remembered by the target as written (*memo_key*),
        under the rule of :mod:`.memo`.
        """
        linked = not text.startswith("!")
        if not linked:
            text = text[1:]
        has_title, title, target = split_explicit_title(text)
        target = target.strip()
        entry, clean = self._resolve(target, config, location)
        if entry is None:
            return None
        key = entry.key if isinstance(entry, StatusClass) else str(entry.code)
        content = title if has_title else label(entry, config.format, config.language)
        rendering = Rendering(
            content=content,
            key=key if linked and config.link != "none" else None,
            classes=tuple(css_classes(entry)),
            tooltip=(
                tooltip(entry, config.language, config.words(config.language))
                if config.tooltips != "none"
                else ""
            ),
            smartquotes=needs_smartquotes(content),
            status=key,
        )
        return self._memo.remember(memo_key or text, rendering, warned=not clean)

    def _resolve(
        self, target: str, config: Settings, location: Node | None = None
    ) -> tuple[StatusCode | StatusClass | None, bool]:
        """Find the entry for *target*, warning when it does not resolve cleanly.

        Returns the entry (``None`` if there is none) and whether it resolved
        without a warning.
        """
        registry = config.registry
        entry = registry.lookup(target) if target else None
        if entry is not None:
            return entry, True
        match = _CODE_AND_PHRASE.fullmatch(target)
        # Only words count as a phrase: "404 Gone" is a wrong phrase, "404 404"
        # or "404 4xx" no phrase at all.
        if match is not None and match.group(2)[0].isalpha():
            code = registry.get(int(match.group(1)))
            if code is not None:
                phrase = _fold(match.group(2))
                known = {_fold(p) for p in (code.phrase, *code.aliases)}
                if phrase in known:
                    return code, True
                self._warn(
                    "phrase",
                    f"{quote(match.group(2).strip())} is not the phrase of "
                    f"{code.code}; rendering {code.code} {code.phrase!r}",
                    location,
                )
                return code, False
        what = "empty target" if not target else f"unknown HTTP status {quote(target)}"
        self._warn("unknown", f"{what}: {_EXPECTED}", location)
        return None, False

    def _warn(self, subtype: str, message: str, location: Node | None = None) -> None:
        logger.warning(
            "%s [%s]",
            message,
            self.name if location is None else "http:statuscode",
            location=self.get_location() if location is None else location,
            type="httpstatus",
            subtype=subtype,
        )
