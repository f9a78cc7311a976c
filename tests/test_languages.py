"""Ten languages: every reader-visible word in the build's language.

The expected texts are the reviewed golden copies in ``tests/data/golden/``
(one file per language: the class names and descriptions, every code's
description and the labels), not the catalogs under test: a text swapped
between two codes, a lost translation or a catalog that stopped loading fails
here. When a translation is corrected on purpose, its golden copy is corrected
with it, in the same review.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import described_by, html_of, warnings_of
from terminology import problems

if TYPE_CHECKING:
    from io import StringIO

    from bs4.element import Tag
    from sphinx.application import Sphinx

HERE = Path(__file__).parent
ROOT = HERE.parent
GOLDEN = HERE / "data" / "golden"
LOCALE = ROOT / "sphinxcontrib_httpstatus" / "locale"
LANGUAGES = ["en", "zh_CN", "zh_TW", "ja", "ko", "fr", "es", "de", "pt_BR", "ru"]
SOFTWARE_499 = "nginx"
STATES = ("temporary", "unused", "obsoleted", "unofficial")


def golden(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (GOLDEN / f"{language}.json").read_text(encoding="utf-8")
    )
    return data


def body(app: Sphinx) -> Tag:
    found = html_of(app).find("div", class_="body")
    assert found is not None
    return found


#: Sphinx's smart quotes turn the catalogs' quotes into each language's own.
_QUOTES = re.compile(
    "[\"'\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d]"
)


def plain(text: str) -> str:
    """*text* with white space collapsed and every quotation mark alike."""
    return _QUOTES.sub("'", re.sub(r"\s+", " ", text)).strip()


def check_page(soup: Tag, words: dict[str, Any]) -> None:
    """Every word of the page against the golden copy *words*."""
    labels, codes, classes = words["labels"], words["codes"], words["classes"]
    refs = soup.select("li .http-status")
    assert [described_by(r) for r in refs] == [
        codes["404"],
        labels["tooltip_unofficial"].format(software=SOFTWARE_499) + " " + codes["499"],
        labels["tooltip_unused"] + " " + codes["418"],
        classes["4xx"][1],
    ]
    assert refs[3].get_text() == f"4xx {classes['4xx'][0]}"
    # Each reference's card: its code, class name and the link to the table.
    heads = [plain(r.find_next_sibling().select_one("span").get_text()) for r in refs]
    assert heads[0] == plain(f"404 Not Found \N{MIDDLE DOT} 4xx {classes['4xx'][0]}")
    assert heads[3] == plain(f"4xx {classes['4xx'][0]}")
    for ref in refs:
        card = ref.find_next_sibling(class_="http-status-card")
        to_table = card.select(".http-status-card-links > a")[-1]
        assert (to_table.get_text(), to_table["href"]) == (
            labels["in_table"],
            ref["href"],
        )
    printed = soup.select_one(".http-status-print-heading")
    assert printed.get_text() == labels["print_heading"]
    (table,) = soup.select("table.http-status-table")
    assert [plain(th.get_text()) for th in table.select("thead th")] == [
        labels["code"],
        labels["phrase"],
        labels["description"],
        labels["spec"],
    ]
    seen = set()
    for row in table.select("tbody tr"):
        cells = row.find_all(["td", "th"])
        if "http-status-group" in row["class"]:
            key = next(
                c for c in row["class"] if re.fullmatch(r"http-status-[1-5]xx", c)
            )
            key = key.removeprefix("http-status-")
            name, description = classes[key]
            heading = f"{key} {name} \N{EM DASH} {description}"
            assert plain(cells[0].get_text()) == plain(heading)
            seen.add(key)
            continue
        code = plain(cells[0].get_text())
        seen.add(code)
        assert plain(cells[2].get_text()) == plain(codes[code]), code
        marker = cells[1].select_one(".http-status-marker")
        states = [
            s
            for s in ("temporary", "unused", "obsoleted", "unofficial")
            if f"http-status-{s}" in row["class"]
        ]
        if states:
            assert marker is not None, code
            assert marker.get_text() == labels[states[0]], code
        else:
            assert marker is None, code
        if "unofficial" in states:
            assert plain(cells[3].get_text()).startswith(
                labels["used_by"].split("{software}")[0].strip()
            ), code
    assert seen == set(codes) | set(classes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_in_the_build_language(
    make_app: Any, rootdir: Path, tmp_path: Path, language: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-languages", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"language": language})
    app.build()
    assert warnings_of(app.warning) == []
    check_page(body(app), golden(language))


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("zh-Hant-TW", "zh_TW"),
        ("zh_Hant_TW", "zh_TW"),
        ("zh-TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh-Hans", "zh_CN"),
        ("pt", "pt_BR"),
        ("pt-BR", "pt_BR"),
        ("ja_JP", "ja"),
        ("de_DE", "de"),
        ("ru-RU", "ru"),
    ],
)
def test_tag_forms_select_a_language(
    make_app: Any, rootdir: Path, tmp_path: Path, tag: str, language: str
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-languages", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"httpstatus_language": tag})
    app.build()
    assert warnings_of(app.warning) == []
    check_page(body(app), golden(language))


# -- a language we do not ship ---------------------------------------------------


@pytest.mark.sphinx(
    "html",
    testroot="languages",
    srcdir="languages-polish",
    confoverrides={"language": "pl"},
)
def test_an_unshipped_build_language_is_english_without_a_warning(
    app: Sphinx, warning: StringIO, status: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []  # a -W build passes
    messages = [
        line
        for line in status.getvalue().splitlines()
        if "no descriptions in 'pl'" in line
    ]
    assert len(messages) == 1, messages
    check_page(body(app), golden("en"))


@pytest.mark.sphinx(
    "html",
    testroot="languages",
    srcdir="languages-explicit-polish",
    confoverrides={"httpstatus_language": "pl"},
)
def test_an_unshipped_explicit_language_warns_once(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    (message,) = warnings_of(warning)
    assert "httpstatus_language: no descriptions in 'pl'" in message
    assert message.endswith("[httpstatus.config]")
    check_page(body(app), golden("en"))


# -- a project's own catalogs ----------------------------------------------------------

PL_404 = (
    "Serwer nie ma bieżącej reprezentacji zasobu docelowego albo nie chce "
    "zdradzić, że taka istnieje."
)


@pytest.mark.sphinx("html", testroot="languages-project")
def test_a_project_adds_polish_and_corrects_german(
    app: Sphinx, warning: StringIO, status: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert "no descriptions in" not in status.getvalue()
    soup = body(app)
    english = golden("en")
    refs = soup.select("li .http-status")
    # Polish where the project's catalog has it...
    assert described_by(refs[0]) == PL_404
    assert refs[2].get_text() == "4xx Błędy klienta"
    # ...English where it has nothing, or an entry for another English text
    assert described_by(refs[1]) == english["codes"]["410"]
    polish, german = soup.select("table.http-status-table")
    # a fuzzy entry is not used: "Phrase" stays English
    assert [th.get_text() for th in polish.select("thead th")] == [
        "Kod",
        "Phrase",
        "Description",
    ]
    # The German table: the project's house style for 404 wins over ours.
    assert [th.get_text() for th in german.select("thead th")] == [
        golden("de")["labels"]["code"],
        golden("de")["labels"]["description"],
    ]
    (row,) = german.select("tbody tr")
    assert plain(row.find_all(["th", "td"])[1].get_text()) == (
        "Unter dieser Adresse gibt es nichts (Hausstil dieses Projekts)."
    )


@pytest.mark.sphinx(
    "html",
    testroot="languages-project",
    srcdir="languages-project-table",
    confoverrides={"language": "en"},
)
def test_a_project_catalog_serves_a_table_in_another_language(
    app: Sphinx, warning: StringIO
) -> None:
    # Sphinx compiles a project's catalogs for the build's language only; ours
    # are read whatever the build's language.
    Path(app.srcdir, "index.rst").write_text(
        "Tables\n======\n\n.. http-status-table::\n   :codes: 404\n"
        "   :columns: code description\n   :language: pl\n",
        encoding="utf-8",
    )
    app.build()
    assert warnings_of(warning) == []
    (table,) = body(app).select("table.http-status-table")
    assert [th.get_text() for th in table.select("thead th")] == ["Kod", "Description"]
    assert plain(table.select("tbody tr > *")[1].get_text()) == PL_404


# -- the catalogs themselves ---------------------------------------------------------


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_translation_terminology(language: str) -> None:
    po = LOCALE / language / "LC_MESSAGES" / "sphinxcontrib-httpstatus.po"
    assert problems(language, po, LOCALE / "sphinxcontrib-httpstatus.pot") == []


def test_catalogs_are_up_to_date() -> None:
    """The template holds every English text, each .po every message of the
    template, and each committed .mo is its .po compiled."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_changed_english_text_makes_its_translation_fuzzy() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import catalogs as tool  # the script, not the package's module
    finally:
        sys.path.pop(0)
    from babel.messages.catalog import Catalog

    old = Catalog(locale="fr")
    old.add("Old English text.", "Ancien texte.", context="404")
    old.add("Kept.", "Gardé.", context="410")
    old.add("Gone from the template.", "Parti.", context="999")
    template = Catalog()
    template.add("New English text.", context="404")
    template.add("Kept.", context="410")
    tool.merge(old, template)
    messages = {m.context: m for m in old if m.id}
    assert set(messages) == {"404", "410"}
    assert messages["404"].id == "New English text."
    assert messages["404"].string == "Ancien texte."
    assert messages["404"].fuzzy
    assert not messages["410"].fuzzy
    mo = tool._mo_bytes(old)
    assert b"Ancien texte." not in mo  # fuzzy: not compiled
    assert "Gardé.".encode() in mo
