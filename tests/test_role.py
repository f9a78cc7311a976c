"""The ``:http:status:`` role: its syntax in reST and MyST, its links, its bad input.

Tooltips are compared with the dataset API rather than with hard-coded text, so
the tests hold whatever the descriptions say.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import pytest
from conftest import described_by, html_of, references, variant, warnings_of
from sphinx.cmd.build import build_main

from sphinxcontrib_httpstatus import links
from sphinxcontrib_httpstatus.dataset import StatusClass, StatusCode, bundled

if TYPE_CHECKING:
    from io import StringIO

    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
MDN_ZH = "https://developer.mozilla.org/zh-CN/docs/Web/HTTP/Reference/Status"
RFC9110 = "https://www.rfc-editor.org/rfc/rfc9110.html"


def entry(key: int | str) -> StatusCode | StatusClass:
    registry = bundled()
    return registry.classes[key] if isinstance(key, str) else registry[key]


def class_of(key: int | str) -> str:
    return key if isinstance(key, str) else f"{key // 100}xx"


def assert_reference(
    ref: Tag,
    *,
    text: str,
    key: int | str,
    href: str | None,
    title: str | None,
) -> None:
    """One rendered reference: its element, text, classes, link and tooltip."""
    assert ref.get_text() == text
    assert ref["class"][:2] == ["http-status", f"http-status-{class_of(key)}"]
    if href is None:
        assert ref.name == "span"
        assert not ref.has_attr("href")
    else:
        assert ref.name == "a"
        assert ref["href"] == href
    if title is None:
        assert not ref.has_attr("title")
        assert described_by(ref) is None
    else:
        assert described_by(ref) == title


def located_warnings(warning: StringIO) -> list[tuple[str, int, str, str]]:
    """``(file name, line, message, type)`` of each warning; all must be located."""
    result = []
    for line in warnings_of(warning):
        match = re.fullmatch(r"(.+?):(\d+): WARNING: (.*) \[([\w.]+)\]", line)
        assert match, line
        path, lineno, message, kind = match.groups()
        result.append((Path(path).name, int(lineno), message, kind))
    return result


def line_of(app: SphinxTestApp, filename: str, needle: str) -> int:
    """The 1-based line of *filename* holding *needle*."""
    lines = (Path(app.srcdir) / filename).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# -- the syntax table, in reStructuredText and in MyST ---------------------------

#: (source target, rendered text, code or class, linked) for each list item of
#: rst_syntax.rst and myst_syntax.md, in order.
SYNTAX: list[tuple[str, str, int | str, bool]] = [
    ("404", "404 Not Found", 404, True),
    ("404 Not Found", "404 Not Found", 404, True),
    ("404 nOT fOUND", "404 Not Found", 404, True),
    ("not found", "404 Not Found", 404, True),
    ("Payload Too Large", "413 Content Too Large", 413, True),
    ("413 payload too large", "413 Content Too Large", 413, True),
    ("the missing page <404>", "the missing page", 404, True),
    ("4xx", "4xx Client Error", "4xx", True),
    ("!404", "404 Not Found", 404, False),
    ("!the missing page <404>", "the missing page", 404, False),
    ("499", "499 Client Closed Request", 499, False),  # no page anywhere
    ("404 Gone", "404 Not Found", 404, True),
]
SYNTAX_PAGES = [("rst_syntax", "rst_syntax.rst"), ("myst_syntax", "myst_syntax.md")]


def test_syntax_pages_list_the_table(rootdir: Path) -> None:
    # Both pages hold exactly the targets of SYNTAX, in order.
    for _, filename in SYNTAX_PAGES:
        text = (rootdir / "test-role-syntax" / filename).read_text(encoding="utf-8")
        found = re.findall(r"^\* (?::http:status:|\{http:status\})`(.*)`$", text, re.M)
        assert found == [source for source, *_ in SYNTAX]


def check_syntax_page(app: SphinxTestApp, docname: str, language: str) -> None:
    mdn = MDN if language == "en" else MDN_ZH
    refs = references(app, docname)
    assert len(refs) == len(SYNTAX)
    for ref, (source, text, key, linked) in zip(refs, SYNTAX, strict=True):
        target = entry(key)
        description = target.description(language)
        if key == 499:
            # Unofficial: resolves silently, has no page anywhere (so no link),
            # and says so in its tooltip.
            assert ref.name == "span", source
            assert ref.get_text() == text
            assert ref["class"] == [
                "http-status",
                "http-status-4xx",
                "http-status-unofficial",
            ]
            assert description in described_by(ref)
            assert "nginx" in described_by(ref)
            assert ("Unofficial" if language == "en" else "非官方") in described_by(ref)
            continue
        if isinstance(key, str):
            if language != "en":  # class names are translated, phrases are not
                text = f"4xx {bundled().classes['4xx'].name(language)}"
                assert text != "4xx Client Error"
            # MDN's own heading id, percent-encoded by links.mdn_url.
            anchor = "client_error_responses" if language == "en" else "客户端错误响应"
            href = f"{mdn}#{quote(anchor)}"
        else:
            href = f"{mdn}/{key}"
        assert_reference(
            ref, text=text, key=key, href=href if linked else None, title=description
        )


@pytest.mark.sphinx("html", testroot="role-syntax")
def test_syntax_english(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    entry_499 = bundled()[499]
    assert (entry_499.state, entry_499.mdn, links.spec_url(entry_499)) == (
        "unofficial",
        False,
        None,
    )
    for docname, _ in SYNTAX_PAGES:
        check_syntax_page(app, docname, "en")
    # Only the wrong phrase warns: once per page, at its line.
    problems = located_warnings(warning)
    assert sorted((name, line, kind) for name, line, _, kind in problems) == sorted(
        (filename, line_of(app, filename, "`404 Gone`"), "httpstatus.phrase")
        for _, filename in SYNTAX_PAGES
    )
    for *_, message, _ in problems:
        assert message.startswith("'Gone' is not the phrase of 404")
        assert "Not Found" in message


@pytest.mark.sphinx(
    "html",
    testroot="role-syntax",
    srcdir="role-syntax-zh",
    confoverrides={"language": "zh_CN"},
)
def test_syntax_chinese(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert bundled()[404].description("zh_CN") != bundled()[404].description("en")
    for docname, _ in SYNTAX_PAGES:
        check_syntax_page(app, docname, "zh_CN")
    assert [kind for *_, kind in located_warnings(warning)] == ["httpstatus.phrase"] * 2


# -- link modes ---------------------------------------------------------------------

URL_299 = "https://example.com/codes/299"
#: The items of test-role-links/index.rst: 404, 4xx, 499 (unofficial: no MDN
#: page, no spec), 299 (custom, with a url), 298 (custom, no url), !404.
LINK_KEYS: list[int | str] = [404, "4xx", 499, 299, 298, 404]
#: Expected href of each item per httpstatus_link (None: an unlinked span).
LINKS: dict[str, list[str | None]] = {
    "auto": [f"{MDN}/404", f"{MDN}#client_error_responses", None, URL_299, None, None],
    "mdn": [f"{MDN}/404", f"{MDN}#client_error_responses", None, URL_299, None, None],
    "spec": [
        f"{RFC9110}#section-15.5.5",
        f"{RFC9110}#section-15.5",
        None,
        URL_299,
        None,
        None,
    ],
    "none": [None] * 6,
    "https://example.org/status/{code}": [
        "https://example.org/status/404",
        # A class has no code: it falls back as "auto" does.
        f"{MDN}#client_error_responses",
        "https://example.org/status/499",
        URL_299,  # a project's own page comes first
        "https://example.org/status/298",
        None,
    ],
}


def check_links(app: SphinxTestApp, expected: list[str | None]) -> None:
    refs = references(app)
    assert [ref.get("href") for ref in refs] == expected
    for ref, key, href in zip(refs, LINK_KEYS, expected, strict=True):
        assert ref.name == ("span" if href is None else "a")
        assert ref["class"][:2] == ["http-status", f"http-status-{class_of(key)}"]
        if key in (404, "4xx"):
            assert described_by(ref) == entry(key).description("en")
    assert refs[3].get_text() == "299 Custom Accepted"
    assert "http-status-custom" in refs[3]["class"]
    assert refs[4].get_text() == "298 Unpublished"


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param(
            mode, marks=variant("role-links", f"role-links-{i}", httpstatus_link=mode)
        )
        for i, mode in enumerate(LINKS)
    ],
)
def test_link_modes(app: SphinxTestApp, warning: StringIO, mode: str) -> None:
    app.build()
    assert app.config.httpstatus_link == mode
    check_links(app, LINKS[mode])
    assert warnings_of(warning) == []


@pytest.mark.parametrize(
    ("overrides", "locale", "anchor"),
    [
        pytest.param(
            {"language": "zh_CN"},
            "zh-CN",
            "客户端错误响应",
            marks=variant("role-links", "role-links-zh", language="zh_CN"),
        ),
        pytest.param(
            {"httpstatus_language": "zh_CN"},
            "zh-CN",
            "客户端错误响应",
            marks=variant(
                "role-links", "role-links-hl-zh", httpstatus_language="zh_CN"
            ),
        ),
        pytest.param(
            {"language": "fr"},
            "fr",
            "réponses_derreur_côté_client",
            marks=variant("role-links", "role-links-fr", language="fr"),
        ),
    ],
)
def test_mdn_links_follow_the_language(
    app: SphinxTestApp,
    warning: StringIO,
    overrides: dict[str, str],
    locale: str,
    anchor: str,
) -> None:
    app.build()
    mdn = f"https://developer.mozilla.org/{locale}/docs/Web/HTTP/Reference/Status"
    refs = references(app)
    assert refs[0]["href"] == f"{mdn}/404"
    # The class's heading in the locale's own overview page, by its own id.
    assert unquote(str(refs[1]["href"])) == f"{mdn}#{anchor}"
    assert warnings_of(warning) == []


@pytest.mark.sphinx(
    "html",
    testroot="role-links",
    srcdir="role-links-table",
    confoverrides={"httpstatus_link": "table"},
)
def test_link_mode_table_without_a_table(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    # Falls back as "auto" does ...
    check_links(app, LINKS["auto"])
    # ... with one warning per reference that found no row and linked elsewhere.
    problems = located_warnings(warning)
    assert [(name, line, kind) for name, line, _, kind in problems] == [
        (
            "index.rst",
            line_of(app, "index.rst", f":http:status:`{key}`"),
            "httpstatus.link",
        )
        for key in (404, "4xx", 299)
    ]
    for (*_, message, _), url in zip(
        problems, [f"{MDN}/404", f"{MDN}#client_error_responses", URL_299], strict=True
    ):
        assert "table" in message
        assert url in message


def no_mdn_page() -> StatusCode:
    """A registered code that MDN has no page for but a specification defines."""
    return next(c for c in bundled() if c.official and not c.mdn and links.spec_url(c))


@pytest.mark.parametrize(
    "mode",
    [
        pytest.param(
            mode,
            marks=variant("role-links", f"role-links-fb-{mode}", httpstatus_link=mode),
        )
        for mode in ("auto", "mdn", "spec", "table")
    ],
)
def test_fallback_when_a_code_has_no_page_of_the_kind(
    app: SphinxTestApp, warning: StringIO, mode: str
) -> None:
    no_mdn = no_mdn_page()
    (Path(app.srcdir) / "fallback.rst").write_text(
        ":orphan:\n\nFallback\n========\n\n"
        f"* :http:status:`{no_mdn.code}`\n"  # no MDN page -> spec
        "* :http:status:`499`\n"  # no MDN page, no spec -> unlinked
        "* :http:status:`299`\n"  # custom with a url -> the url
        "* :http:status:`298`\n",  # custom without -> unlinked
        encoding="utf-8",
    )
    app.build()
    refs = references(app, "fallback")
    assert [ref.get("href") for ref in refs] == [
        links.spec_url(no_mdn),
        None,
        URL_299,
        None,
    ]
    assert [ref.name for ref in refs] == ["a", "span", "a", "span"]
    assert described_by(refs[0]) == no_mdn.description("en")
    assert refs[0].get_text() == f"{no_mdn.code} {no_mdn.phrase}"
    if mode != "table":
        assert warnings_of(warning) == []


# -- bad input ----------------------------------------------------------------------

LONG = ("Not Found " * 500).strip()
#: (the line's marker in index.rst, the role's text, what the warning quotes)
BAD = [
    ("Unknown code", "999", "'999'"),
    ("Too short", "42", "'42'"),
    ("Not a code", "abc", "'abc'"),
    ("Escaped space", None, "empty target"),
    ("Bang only", "!", "empty target"),
    ("Explicit title, no target", "a title <>", "empty target"),
    ("Class with a tail", "4xx5", "'4xx5'"),
    ("Code twice", "404 404", "'404 404'"),
    ("Full-width digits", "４０４", "'４０４'"),
    ("Angle brackets only", "<404>", "'<404>'"),
    ("Double bang", "!!404", "'!404'"),
    ("Very long", LONG, LONG[:20]),
]
BAD_MYST = [("Unknown code", "999", "'999'"), ("Not a code", "abc", "'abc'")]


def check_bad_page(
    app: SphinxTestApp,
    problems: list[tuple[str, int, str, str]],
    docname: str,
    filename: str,
    cases: list[tuple[str, str | None, str]],
) -> None:
    mine = [p for p in problems if p[0] == filename]
    assert [(line, kind) for _, line, _, kind in mine] == [
        (line_of(app, filename, marker), "httpstatus.unknown") for marker, *_ in cases
    ]
    for (*_, message, _), (_, _, quoted) in zip(mine, cases, strict=True):
        assert quoted in message
        assert "expected a code (404)" in message
        assert len(message) < 300  # a long target is not repeated in full
    body = html_of(app, docname).find("div", class_="body")
    problematic = body.find_all(class_="problematic")
    assert len(problematic) == len(cases)
    for node, (_, text, _) in zip(problematic, cases, strict=True):
        # The source text, or the whole markup for an empty target.
        assert node.get_text() == (text if text is not None else ":http:status:`\\ `")
        assert "http-status" not in node["class"]
    # The build went on: the good reference after them renders.
    good = body.find_all(class_="http-status")
    assert [ref.get_text() for ref in good] == ["404 Not Found"]


@pytest.mark.sphinx("html", testroot="role-bad")
def test_bad_targets(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    problems = located_warnings(warning)
    assert len(problems) == len(BAD) + len(BAD_MYST)
    check_bad_page(app, problems, "index", "index.rst", BAD)
    check_bad_page(app, problems, "bad_myst", "bad_myst.md", BAD_MYST)


def run_sphinx_build(src: Path, out: Path, *args: str) -> int:
    """Run ``sphinx-build`` in this process; return its exit status."""
    return build_main(
        [
            "-q",
            "-E",
            "-b",
            "html",
            "-d",
            str(out / ".doctrees"),
            *args,
            str(src),
            str(out),
        ]
    )


def test_warnings_are_errors_with_dash_w(rootdir: Path, tmp_path: Path) -> None:
    src = rootdir / "test-role-bad"
    assert run_sphinx_build(src, tmp_path / "plain") == 0
    assert (tmp_path / "plain" / "index.html").is_file()
    assert run_sphinx_build(src, tmp_path / "strict", "-W") != 0


@pytest.mark.parametrize("suppressed", ["httpstatus", "httpstatus.unknown"])
def test_suppress_warnings(
    rootdir: Path, tmp_path: Path, suppressed: str, capsys: Any
) -> None:
    src = rootdir / "test-role-bad"
    status = run_sphinx_build(
        src, tmp_path, "-W", "-D", f"suppress_warnings={suppressed}"
    )
    assert status == 0
    assert "httpstatus" not in capsys.readouterr().err
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count('class="problematic"') == len(BAD)


@pytest.mark.sphinx(
    "html",
    testroot="role-bad",
    srcdir="role-bad-suppressed",
    confoverrides={"suppress_warnings": ["httpstatus"]},
)
def test_suppress_warnings_in_conf(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert len(html_of(app).find_all(class_="problematic")) == len(BAD)


@pytest.mark.sphinx(
    "html",
    testroot="role-syntax",
    srcdir="role-syntax-suppressed",
    confoverrides={"suppress_warnings": ["httpstatus.unknown"]},
)
def test_suppressing_a_subtype_keeps_the_others(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    kinds = [kind for *_, kind in located_warnings(warning)]
    assert kinds == ["httpstatus.phrase"] * 2
