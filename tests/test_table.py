"""The ``.. http-status-table::`` directive: options, HTML output and bad input.

Every option is exercised by one page of the ``table-options`` root (built once
and shared by the tests below); bad input lives in ``table-bad``, the build
language in ``table-zh``. Expected rows come from the dataset API, never from
hard-coded description texts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from typing import TYPE_CHECKING

import pytest
from conftest import html_of, shared_build, text_of, warnings_of

from sphinxcontrib_httpstatus import links
from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from io import StringIO
    from pathlib import Path

    from bs4 import BeautifulSoup
    from bs4.element import Tag
    from sphinx.application import Sphinx

ENGLISH_HEADERS = ["Code", "Phrase", "Description", "Specification"]
CHINESE_HEADERS = ["状态码", "原因短语", "说明", "规范"]
_TYPOGRAPHY = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2026": "..."}
)


options_build = shared_build("table-options")
bad_build = shared_build("table-bad")
zh_build = shared_build("table-zh")


# -- helpers -------------------------------------------------------------------


def plain(text: str) -> str:
    """*text* with white space collapsed and smart quotes made straight."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


def table(soup: BeautifulSoup, css_class: str | None = None) -> Tag:
    """The one status table of a page, or the one with *css_class*."""
    selector = "table.http-status-table"
    if css_class:
        selector += f".{css_class}"
    found = soup.select(selector)
    assert len(found) == 1, f"expected one {selector}, found {len(found)}"
    return found[0]


def headers(tbl: Tag) -> list[str]:
    return [th.get_text(strip=True) for th in tbl.select("thead th")]


def code_rows(tbl: Tag) -> list[Tag]:
    """The rows of codes (not the class headings), in order."""
    return [
        tr
        for tr in tbl.select("tbody > tr")
        if "http-status-group" not in tr.get("class", [])
    ]


def group_rows(tbl: Tag) -> list[Tag]:
    return tbl.select("tbody > tr.http-status-group")


def cell(tbl: Tag, row: Tag, header: str) -> Tag:
    """The cell of *row* in the column headed *header*."""
    cells = row.find_all(["th", "td"], recursive=False)
    return cells[headers(tbl).index(header)]


def codes(tbl: Tag, header: str = "Code") -> list[int]:
    """The codes *tbl* lists, in row order, read from the code column."""
    return [int(cell(tbl, tr, header).get_text(strip=True)) for tr in code_rows(tbl)]


def row_of(tbl: Tag, code: int, header: str = "Code") -> Tag:
    column = headers(tbl).index(header)
    rows = [
        tr
        for tr in code_rows(tbl)
        if tr.find_all(["th", "td"], recursive=False)[column].get_text(strip=True)
        == str(code)
    ]
    assert len(rows) == 1, f"{code} is listed {len(rows)} times"
    return rows[0]


def shown(*, unofficial: bool = False) -> list[int]:
    """The codes a default table lists (with *unofficial*: every code)."""
    return [e.code for e in bundled() if unofficial or e.state != "unofficial"]


def in_class(key: str, *, unofficial: bool = False) -> list[int]:
    return [c for c in shown(unofficial=unofficial) if f"{c // 100}xx" == key]


def class_of(row: Tag) -> str:
    """The status class (``4xx``) of a row, from its CSS classes."""
    (key,) = (c for c in row["class"] if re.fullmatch(r"http-status-[1-5]xx", c))
    return key.removeprefix("http-status-")


def layout(tbl: Tag) -> list[str]:
    """The rows of *tbl*: a class key for a heading row, else the code."""
    return [
        class_of(tr)
        if "http-status-group" in tr["class"]
        else tr.find(["th", "td"]).get_text(strip=True)
        for tr in tbl.select("tbody > tr")
    ]


def marker(row: Tag) -> str | None:
    """The text of the row's state marker, if it has one."""
    found = row.select(".http-status-marker")
    assert len(found) <= 1
    return found[0].get_text(strip=True) if found else None


# -- the default table -------------------------------------------------------------


@options_build
def test_options_root_builds_without_warnings(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []


@options_build
def test_default_table_lists_every_registered_code_in_code_order(
    app: Sphinx,
) -> None:
    app.build()
    tbl = table(html_of(app, "default"))
    expected = shown()
    assert len(expected) > 60
    assert codes(tbl) == sorted(expected)
    assert [tr["id"] for tr in code_rows(tbl)] == [f"http-status-{c}" for c in expected]
    assert headers(tbl) == ENGLISH_HEADERS
    assert group_rows(tbl) == []
    # no unofficial row unless asked for
    assert 499 not in codes(tbl)
    assert not tbl.select(".http-status-unofficial")


@options_build
def test_default_table_rows(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "default"))
    registry = bundled()
    for tr in code_rows(tbl):
        entry = registry[int(cell(tbl, tr, "Code").get_text(strip=True))]
        classes = tr["class"]
        assert f"http-status-{entry.status_class}" in classes
        # the code cell is a permalink to its row
        code_links = cell(tbl, tr, "Code").find_all("a")
        assert [a["href"] for a in code_links] == [f"#http-status-{entry.code}"]
        assert plain(cell(tbl, tr, "Phrase").get_text(" ")).startswith(
            plain(entry.phrase)
        )
        assert plain(cell(tbl, tr, "Description").get_text()) == plain(
            entry.description("en")
        )
        spec = cell(tbl, tr, "Specification").find_all("a")
        assert [a["href"] for a in spec] == [links.spec_url(entry)]
        if entry.state == "permanent":
            assert marker(tr) is None
            assert not {c for c in classes if c.endswith(("unused", "obsoleted"))}


@options_build
def test_default_table_marks_unused_obsoleted_and_temporary_codes(
    app: Sphinx,
) -> None:
    app.build()
    tbl = table(html_of(app, "default"))
    for code, state in [
        (306, "unused"),
        (418, "unused"),
        (510, "obsoleted"),
        (104, "temporary"),
    ]:
        assert bundled()[code].state == state
        tr = row_of(tbl, code)
        assert f"http-status-{state}" in tr["class"]
        assert marker(tr) == state
        # the marker is part of the phrase cell, after the phrase and a
        # separator a screen reader reads and the screen does not show
        separator = tr.select_one(".http-status-separator")
        assert separator.get_text() == ", "
        assert separator.find_next_sibling(class_="http-status-marker")
        separator.extract()
        phrase_cell = plain(cell(tbl, tr, "Phrase").get_text(" "))
        assert phrase_cell == f"{plain(bundled()[code].phrase)} {state}"
    assert marker(row_of(tbl, 404)) is None
    assert tbl.select("tr.http-status-unused") == [row_of(tbl, 306), row_of(tbl, 418)]


@options_build
def test_spec_cell_links_to_the_defining_section(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "default"))

    def spec_link(code: int) -> Tag:
        found = cell(tbl, row_of(tbl, code), "Specification").find_all("a")
        assert len(found) == 1
        return found[0]

    assert (
        spec_link(404)["href"]
        == "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"
    )
    assert spec_link(404).get_text() == "RFC 9110 §15.5.5"
    assert (
        spec_link(103)["href"]
        == "https://www.rfc-editor.org/rfc/rfc8297.html#section-2"
    )
    draft = bundled()[104].document
    assert draft is not None
    assert draft.startswith("draft-")
    assert spec_link(104)["href"] == f"https://datatracker.ietf.org/doc/{draft}/"


@options_build
def test_table_markup(app: Sphinx) -> None:
    app.build()
    soup = html_of(app, "default")
    tbl = table(soup)
    assert tbl.find("thead") is not None
    assert tbl.find("tbody") is not None
    assert tbl.find("caption") is None  # no caption unless one is given
    assert "http-status-indexed" in row_of(tbl, 404)["class"]
    # every row id is unique in the page
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


# -- unofficial codes --------------------------------------------------------------


@options_build
def test_unofficial_flag_adds_marked_unofficial_rows(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "unofficial"), "t-all-unofficial")
    assert codes(tbl) == shown(unofficial=True)
    unofficial = [e for e in bundled() if e.state == "unofficial"]
    assert len(unofficial) > 5
    for entry in unofficial:
        tr = row_of(tbl, entry.code)
        assert "http-status-unofficial" in tr["class"]
        assert marker(tr) == "unofficial"
        assert cell(tbl, tr, "Specification").get_text(strip=True) == (
            f"Used by {entry.software}"
        )
    assert cell(tbl, row_of(tbl, 499), "Specification").get_text() == "Used by nginx"


@options_build
def test_explicitly_listed_unofficial_code_is_shown(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "unofficial"), "t-listed")
    assert codes(tbl) == [499]
    assert marker(row_of(tbl, 499)) == "unofficial"


@options_build
def test_classes_and_ranges_leave_out_unofficial_codes_without_the_flag(
    app: Sphinx,
) -> None:
    app.build()
    soup = html_of(app, "unofficial")
    assert codes(table(soup, "t-class-range")) == in_class("4xx")
    assert 499 not in in_class("4xx")
    with_flag = codes(table(soup, "t-class-unofficial"))
    assert with_flag == in_class("4xx", unofficial=True)
    assert 499 in with_flag


# -- :codes: -----------------------------------------------------------------------


@options_build
def test_codes_selection(app: Sphinx) -> None:
    app.build()
    soup = html_of(app, "selection")
    in_range = [c for c in shown() if 301 <= c <= 304]
    assert in_range == [301, 302, 303, 304]
    # "200, 301-304, 4xx"
    assert codes(table(soup, "t-mixed")) == [200, *in_range, *in_class("4xx")]
    # "404 201 200": space separated, listed out of order
    assert codes(table(soup, "t-spaces")) == [200, 201, 404]
    # "404,200,,  201 ," + "404, 4XX 400-404" on a second line: duplicates once
    assert codes(table(soup, "t-duplicates")) == [200, 201, *in_class("4xx")]
    # a range includes the unused 306
    assert codes(table(soup, "t-range")) == [c for c in shown() if 300 <= c <= 308]
    assert 306 in codes(table(soup, "t-range"))
    # codes in every state, listed out of order
    states = table(soup, "t-states")
    assert codes(states) == [104, 306, 418, 510]
    assert [marker(tr) for tr in code_rows(states)] == [
        "temporary",
        "unused",
        "unused",
        "obsoleted",
    ]


# -- :columns: ---------------------------------------------------------------------


@options_build
def test_columns_choose_and_order_the_columns(app: Sphinx) -> None:
    app.build()
    soup = html_of(app, "columns")
    spec_code = table(soup, "t-spec-code")
    assert headers(spec_code) == ["Specification", "Code"]
    assert len(spec_code.select("col")) == 2
    for tr in code_rows(spec_code):
        cells = tr.find_all(["th", "td"], recursive=False)
        assert len(cells) == 2
        assert cells[0].find("a")["href"].startswith("https://www.rfc-editor.org/")
    assert codes(spec_code) == [404, 500]

    phrase_description = table(soup, "t-phrase-description")
    assert headers(phrase_description) == ["Phrase", "Description"]
    (tr,) = code_rows(phrase_description)
    assert [plain(td.get_text()) for td in tr.find_all(["th", "td"])] == [
        "Not Found",
        plain(bundled()[404].description("en")),
    ]

    # "Code code phrase": case-insensitive, a repeated column is shown once
    assert headers(table(soup, "t-repeated")) == ["Code", "Phrase"]


# -- :group: -----------------------------------------------------------------------


@options_build
def test_group_adds_a_heading_row_per_class(app: Sphinx) -> None:
    app.build()
    soup = html_of(app, "group")
    tbl = table(soup, "t-group")
    assert layout(tbl) == ["2xx", "200", "201", "4xx", "404", "5xx", "500"]
    for tr in group_rows(tbl):
        cls = bundled().classes[class_of(tr)]
        (td,) = tr.find_all(["th", "td"])
        assert td["colspan"] == "4"
        assert td.find("strong").get_text() == f"{cls.key} {cls.name('en')}"
        assert plain(cls.description("en")) in plain(td.get_text())
        assert not tr.get("id")  # the table is :no-index:

    narrow = table(soup, "t-group-narrow")
    assert layout(narrow) == ["2xx", "200", "4xx", "404"]
    assert [td["colspan"] for td in narrow.select("tr.http-status-group > th")] == [
        "2",
        "2",
    ]


# -- :language: --------------------------------------------------------------------


@options_build
@pytest.mark.parametrize("css_class", ["t-zh-underscore", "t-zh-hyphen", "t-zh"])
def test_language_option_translates_the_table(app: Sphinx, css_class: str) -> None:
    app.build()
    tbl = table(html_of(app, "language"), css_class)
    registry = bundled()
    assert registry[404].description("zh_CN") != registry[404].description("en")
    assert headers(tbl) == CHINESE_HEADERS
    assert layout(tbl) == ["4xx", "404", "418"]
    (heading,) = group_rows(tbl)
    cls = registry.classes["4xx"]
    assert heading.find("strong").get_text() == f"4xx {cls.name('zh_CN')}"
    assert plain(cls.description("zh_CN")) in plain(heading.get_text())
    assert plain(cell(tbl, row_of(tbl, 404, "状态码"), "说明").get_text()) == plain(
        registry[404].description("zh_CN")
    )
    assert marker(row_of(tbl, 418, "状态码")) == "未使用"
    # phrases are the registry's, not translated
    assert cell(tbl, row_of(tbl, 404, "状态码"), "原因短语").get_text() == "Not Found"


@options_build
def test_language_option_en(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "language"), "t-en")
    assert headers(tbl) == ENGLISH_HEADERS
    (heading,) = group_rows(tbl)
    assert heading.find("strong").get_text() == "4xx Client Error"
    assert plain(cell(tbl, row_of(tbl, 404), "Description").get_text()) == plain(
        bundled()[404].description("en")
    )
    assert marker(row_of(tbl, 418)) == "unused"


@zh_build
def test_build_language_translates_tables(app: Sphinx, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    soup = html_of(app)
    registry = bundled()
    zh, en = soup.select("table.http-status-table")
    assert "t-en" in en["class"]
    assert headers(zh) == CHINESE_HEADERS
    (heading,) = group_rows(zh)
    assert (
        heading.find("strong").get_text()
        == f"4xx {registry.classes['4xx'].name('zh_CN')}"
    )
    assert plain(cell(zh, row_of(zh, 404, "状态码"), "说明").get_text()) == plain(
        registry[404].description("zh_CN")
    )
    assert marker(row_of(zh, 418, "状态码")) == "未使用"
    # an explicit :language: wins over the build's language
    assert headers(en) == ENGLISH_HEADERS
    assert plain(cell(en, row_of(en, 404), "Description").get_text()) == plain(
        registry[404].description("en")
    )


# -- :no-index: --------------------------------------------------------------------


@options_build
@pytest.mark.parametrize("css_class", ["t-no-index", "t-noindex"])
def test_no_index_rows_are_not_link_targets(app: Sphinx, css_class: str) -> None:
    app.build()
    tbl = table(html_of(app, "noindex"), css_class)
    rows = tbl.select("tbody > tr")
    assert 404 in codes(tbl)
    assert rows
    for tr in rows:
        assert not tr.get("id")
        assert "http-status-indexed" not in tr["class"]
        # no permalink to a row that has no id
        assert tr.find(["th", "td"]).find("a") is None
    assert not tbl.find_all(id=True)


# -- caption, :name:, :class: ------------------------------------------------------


@options_build
def test_caption_name_and_class(app: Sphinx) -> None:
    app.build()
    tbl = table(html_of(app, "caption"), "my-class")
    assert {"http-status-table", "my-class", "other-class"} <= set(tbl["class"])
    assert tbl["id"] == "api-codes"
    caption = tbl.find("caption")
    assert caption is not None
    assert caption.find(class_="caption-number").get_text(strip=True) == "Table 1"
    assert caption.find(class_="caption-text").get_text() == "Codes of this API"
    assert caption.find("em").get_text() == "this"  # inline markup is parsed
    assert codes(tbl) == [200, 404]

    # :numref: from another page
    (link,) = html_of(app, "index").select("a[href$='#api-codes']")
    assert link["href"] == "caption.html#api-codes"
    assert link.get_text() == "Table 1"


# -- stylesheet --------------------------------------------------------------------


@options_build
def test_stylesheet_is_shipped_with_row_rules(app: Sphinx) -> None:
    app.build()
    css = text_of(app, "_static/sphinxcontrib-httpstatus.css")
    assert re.search(r"tr:target\b", css)
    for state in ("unused", "obsoleted"):
        assert f"tr.http-status-{state}" in css
    assert ".http-status-marker" in css
    for digit in "12345":
        assert f"tr.http-status-{digit}xx" in css
    sheets = html_of(app, "default").select("link[rel=stylesheet]")
    assert any(
        link["href"].startswith("_static/sphinxcontrib-httpstatus.css")
        for link in sheets
    )


# -- bad input ---------------------------------------------------------------------

#: directive line -> (warning subtype, texts the message must contain)
BAD_INPUT = {
    4: ("columns", ["'colour'", "code, phrase, description, spec"]),
    9: ("codes", ["999", "accepted"]),
    14: ("codes", ["'abc'", "accepted", "404", "4xx", "400-417"]),
    19: ("codes", ["'4xx5'", "accepted"]),
    24: ("codes", ["500-400", "400-500"]),
    29: ("language", ["'klingon'", "en, de, es, fr, ja, ko, pt_BR, ru, zh_CN, zh_TW"]),
    35: ("empty", ["no status codes"]),
    40: ("option", [":colour:", ":codes:", ":columns:", ":no-index:"]),
    46: ("option", [":group:", "'yes'"]),
    52: ("option", [":class:", "!!!"]),
    57: ("codes", ["600-650", "no status code"]),
    62: ("empty", [":codes: is empty"]),
    67: ("codes", ["490-499", "add :unofficial:"]),
}


@bad_build
def test_bad_input_warns_once_each_at_the_directive(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    found = warnings_of(warning)
    assert len(found) == len(BAD_INPUT), "\n".join(found)
    for line, (subtype, texts) in BAD_INPUT.items():
        (message,) = [w for w in found if f"index.rst:{line}: WARNING: " in w]
        assert message.endswith(f"[httpstatus.{subtype}]"), message
        for text in texts:
            assert text in message, message
    assert not any("Traceback" in w or "Exception" in w for w in found)


@bad_build
def test_bad_input_renders_what_is_valid(app: Sphinx) -> None:
    app.build()
    soup = html_of(app)
    assert headers(table(soup, "t-columns")) == ["Code", "Phrase"]
    assert codes(table(soup, "t-unknown-code")) == [200, 201]
    assert codes(table(soup, "t-malformed")) == [200]
    assert codes(table(soup, "t-class-suffix")) == [200]
    assert codes(table(soup, "t-reversed")) == [200]
    language = table(soup, "t-language")
    assert headers(language) == ENGLISH_HEADERS
    assert plain(cell(language, row_of(language, 404), "Description").get_text()) == (
        plain(bundled()[404].description("en"))
    )
    # an empty selection renders nothing at all
    assert not soup.select("table.t-empty")
    assert [
        e.code for e in bundled() if 419 <= e.code <= 420 and e.state != "unofficial"
    ] == []
    assert codes(table(soup, "t-option")) == [404]
    # a flag given a value still counts as the flag
    assert layout(table(soup, "t-flag")) == ["4xx", "404"]
    assert codes(table(soup, "t-bad-class")) == [404]
    assert codes(table(soup, "t-empty-range")) == [200]
    assert not soup.select("table.t-empty-codes")
    assert codes(table(soup, "t-hidden-range")) == [200]
    assert len(soup.select("table.http-status-table")) == len(BAD_INPUT) - 2


def test_bad_input_fails_a_build_with_w(rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-table-bad", srcdir)
    args = ["-W", "-q", "-b", "html", str(srcdir), str(tmp_path / "out")]
    # in a process of its own, as a user runs it
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert re.search(
        r"index\.rst:4: ?(WARNING: )?unknown column 'colour'", result.stderr
    )
    assert "Traceback" not in result.stderr


# -- MyST ----------------------------------------------------------------------


@pytest.mark.skipif(find_spec("myst_parser") is None, reason="needs myst-parser")
@pytest.mark.sphinx("html", testroot="table-myst")
def test_myst_table(app: Sphinx, warning: StringIO) -> None:
    app.build()
    (message,) = warnings_of(warning)
    assert "index.md:10: WARNING: " in message
    assert "999" in message
    assert message.endswith("[httpstatus.codes]")
    soup = html_of(app)
    tbl = table(soup, "t-myst")
    assert tbl.select_one("caption em").get_text() == "this"
    assert headers(tbl) == ["Code", "Phrase"]
    assert layout(tbl) == ["2xx", "200", "4xx", *map(str, in_class("4xx"))]
    assert tbl.select_one("tr#http-status-404") is not None
    assert codes(table(soup, "t-bad")) == [200]
    hrefs = [a["href"] for a in soup.select("p a.http-status")]
    assert hrefs == ["#http-status-404", "#http-status-4xx"]
