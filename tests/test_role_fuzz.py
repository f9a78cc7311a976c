"""Property test: whatever text ``:http:status:`` is given, it never raises.

Building a project per example would be far too slow, so one Sphinx app is set
up per module and the real role is called on a real docutils inliner bound to
that app's environment: the same code path a build takes (lookup, warnings,
node construction), followed by link resolution in the domain.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING, Any

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.parsers.rst.states import Inliner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import new_document

from sphinxcontrib_httpstatus.dataset import bundled
from sphinxcontrib_httpstatus.domain import DOMAIN, Destination
from sphinxcontrib_httpstatus.nodes import status_reference, status_text
from sphinxcontrib_httpstatus.role import StatusRole

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


class RoleHarness:
    """Calls the role as docutils would, and collects the warnings it logs."""

    def __init__(self, app: SphinxTestApp) -> None:
        self.app = app
        app.env.prepare_settings("index")
        doc_settings: Any = get_default_settings(RSTParser)
        doc_settings.env = app.env
        doc_settings.report_level = 5  # docutils' own reporter stays quiet
        self.document = new_document("index.rst", doc_settings)
        self.document.reporter.get_source_and_line = lambda lineno=None: (  # type: ignore[attr-defined]
            "index.rst",
            lineno,
        )
        self.inliner = Inliner()
        self.inliner.init_customizations(doc_settings)
        self.inliner.document = self.document  # type: ignore[attr-defined]
        self.inliner.reporter = self.document.reporter  # type: ignore[attr-defined]
        self.inliner.parent = nodes.paragraph()  # type: ignore[attr-defined]
        self.role = StatusRole()

    def call(self, text: str) -> tuple[list[nodes.Node], list[str]]:
        """Run the role on *text*; return its nodes and the warnings it logged."""
        stream = self.app.warning
        start = len(stream.getvalue())
        rawtext = f":http:status:`{text}`"
        result, messages = self.role("http:status", rawtext, text, 7, self.inliner)
        assert messages == []
        logged = _ESCAPES.sub("", stream.getvalue()[start:])
        return result, [line for line in logged.splitlines() if line]

    def resolve(self, node: status_reference) -> Destination | None:
        """Where *node* links, as the writers are told."""
        domain = self.app.env.get_domain(DOMAIN)
        return domain.destination(node["target"], node)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def harness(
    rootdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RoleHarness]:
    srcdir = tmp_path_factory.mktemp("fuzz") / "src"
    shutil.copytree(rootdir / "test-role-syntax", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()  # a real, finished environment
        yield RoleHarness(app)
    finally:
        app.cleanup()


PHRASES = sorted(
    {c.phrase for c in bundled()} | {a for c in bundled() for a in c.aliases}
)


def _mixed_case(text: str, flips: list[bool]) -> str:
    return "".join(
        ch.swapcase() if flip else ch
        for ch, flip in zip(text, flips + [False] * len(text), strict=False)
    )


SPECIAL = st.sampled_from([*"`<>!\\:_*|[]{}() \t\n\u3000０４", "xx", "\x00", "\u200b"])
targets = st.one_of(
    # Anything at all.
    st.text(),
    # Text made mostly of the characters that matter to the role and to reST.
    st.lists(st.one_of(SPECIAL, st.characters()), max_size=40).map("".join),
    # Near misses of valid targets.
    st.builds(
        lambda bang, code, sep, rest: f"{bang}{code}{sep}{rest}",
        st.sampled_from(["", "!", "!!"]),
        st.integers(min_value=0, max_value=1000).map(str),
        st.sampled_from(["", " ", "  ", "\n", "xx", "-"]),
        st.one_of(st.sampled_from(PHRASES), st.text(max_size=20)),
    ),
    st.builds(
        _mixed_case,
        st.sampled_from(PHRASES),
        st.lists(st.booleans(), max_size=40),
    ),
    # Explicit titles around anything.
    st.builds(
        lambda title, target: f"{title} <{target}>",
        st.text(max_size=20),
        st.one_of(st.text(max_size=20), st.integers(100, 599).map(str)),
    ),
    # Very long input.
    st.builds(
        lambda unit, n: unit * n,
        st.text(min_size=1, max_size=5),
        st.integers(1000, 6000),
    ),
)


def _stripped_target(text: str) -> str:
    from sphinx.util.nodes import split_explicit_title

    body = text[1:] if text.startswith("!") else text
    return split_explicit_title(body)[2].strip()


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=targets)
def test_role_never_raises(harness: RoleHarness, text: str) -> None:
    result, warnings = harness.call(text)
    assert len(result) == 1
    [node] = result
    assert len(warnings) <= 1
    kinds = [re.search(r"\[(httpstatus\.\w+)\]$", w) for w in warnings]
    assert all(kinds), warnings
    kind = kinds[0].group(1) if kinds and kinds[0] else None
    if isinstance(node, nodes.problematic):
        # Unresolved: exactly one "unknown" warning, at the role's line.
        assert kind == "httpstatus.unknown"
        assert warnings[0].startswith("index.rst:7: WARNING: ")
        # docutils drops its escape marker (NUL) from text, as in a build.
        shown = (text, f":http:status:`{text}`")
        assert node.astext() in {nodes.unescape(t) for t in shown}
        assert bundled().lookup(_stripped_target(text)) is None
        return
    # Resolved: a reference with our classes, at most a phrase warning.
    assert kind in (None, "httpstatus.phrase")
    assert isinstance(node, (status_reference, status_text))
    assert node["classes"][0] == "http-status"
    assert re.fullmatch(r"http-status-[1-5]xx", node["classes"][1])
    if bundled().lookup(_stripped_target(text)) is not None:
        assert kind is None
    if isinstance(node, status_reference):
        destination = harness.resolve(node)
        entry = bundled().lookup(node["target"])
        assert entry is not None
        # Without a table in this project, every registered code has a page.
        if destination is None:
            assert not getattr(entry, "official", False)
        else:
            assert destination.url
            assert destination.url.startswith("https://")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("404", "404 Not Found"),
        ("!404", "404 Not Found"),
        ("the page <404>", "the page"),
        ("4XX", "4xx Client Error"),
        ("NOT FOUND", "404 Not Found"),
        ("404 Gone", "404 Not Found"),
    ],
)
def test_harness_runs_the_real_role(
    harness: RoleHarness, text: str, expected: str
) -> None:
    # The harness is only worth something if it renders like a build does.
    [node], warnings = harness.call(text)
    assert node.astext() == expected
    assert not isinstance(node, nodes.problematic)
    assert len(warnings) == (1 if text == "404 Gone" else 0)


@pytest.mark.parametrize(
    "text", ["", "999", "`", "<404>", "４０４", "404 404", "!", "x" * 5000]
)
def test_harness_reports_bad_targets(harness: RoleHarness, text: str) -> None:
    [node], warnings = harness.call(text)
    assert isinstance(node, nodes.problematic)
    assert len(warnings) == 1
    assert warnings[0].endswith("[httpstatus.unknown]")
