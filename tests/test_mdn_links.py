"""MDN links exist in each locale: a code links to its page in the build's MDN
locale when that locale has one, else to en-US, and not to MDN at all when
en-US has none; a class links to the locale's own heading id.

The expectations are written out here from MDN's sources (the snapshot of
2026-08, ``mdn-http-status-pages.csv``), not read from the data under test.
``scripts/mdn_pages.py``, which makes ``data/mdn-pages.json``, runs on a small
copy of MDN's repositories in ``tests/data/mdn-fixture/``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from conftest import html_of, references, warnings_of

from sphinxcontrib_httpstatus import links
from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "mdn_pages.py"
FIXTURE = Path(__file__).parent / "data" / "mdn-fixture"
MDN = "https://developer.mozilla.org"
STATUS = "docs/Web/HTTP/Reference/Status"

#: Sphinx's language -> MDN's locale.
LOCALES = {
    "en": "en-US",
    "zh_CN": "zh-CN",
    "zh_TW": "zh-TW",
    "ja": "ja",
    "ko": "ko",
    "fr": "fr",
    "es": "es",
    "de": "de",
    "pt_BR": "pt-BR",
    "ru": "ru",
}

#: The ids of the 1xx ... 5xx headings of each locale's overview page.
CLASS_IDS = {
    "en-US": (
        "informational_responses",
        "successful_responses",
        "redirection_messages",
        "client_error_responses",
        "server_error_responses",
    ),
    "de": (
        "informationelle_antworten",
        "erfolgreiche_antworten",
        "umleitungsnachrichten",
        "client-fehlerantworten",
        "server-fehlerantworten",
    ),
    "es": (
        "respuestas_informativas",
        "respuestas_satisfactorias",
        "redirecciones",
        "errores_de_cliente",
        "errores_de_servidor",
    ),
    "fr": (
        "réponses_informatives",
        "réponses_de_succès",
        "messages_de_redirection",
        "réponses_derreur_côté_client",
        "réponses_derreur_côté_serveur",
    ),
    "ja": (
        "情報レスポンス",
        "成功レスポンス",
        "リダイレクトメッセージ",
        "クライアントエラーレスポンス",
        "サーバーエラーレスポンス",
    ),
    "ko": (
        "정보_응답",
        "성공_응답",
        "리다이렉션_메시지",
        "클라이언트_에러_응답",
        "서버_에러_응답",
    ),
    "pt-BR": (
        "respostas_informativas",
        "respostas_bem-sucedidas",
        "mensagens_de_redirecionamento",
        "respostas_de_erro_do_cliente",
        "respostas_de_erro_do_servidor",
    ),
    "ru": (
        "информационные_ответы",
        "успешные_ответы",
        "сообщения_о_перенаправлении",
        "ошибки_клиента",
        "ошибки_сервера",
    ),
    "zh-CN": ("信息响应", "成功响应", "重定向消息", "客户端错误响应", "服务端错误响应"),
    "zh-TW": (
        "資訊回應",
        "成功回應",
        "重新導向訊息",
        "用戶端錯誤回應",
        "伺服器錯誤回應",
    ),
}

CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


def codes(text: str) -> list[int]:
    """``"204 301"`` -> ``[204, 301]``."""
    return [int(code) for code in text.split()]


#: What the root test-mdn-links references, in order.
KEYS: list[int | str] = [
    *CLASSES,
    *codes("100 102 103 200 204 207 208 226 301 304 308 404 409 418 421 424"),
    *codes("429 451 500 506 511"),
]
#: Codes of KEYS without any MDN page (102 was removed from en-US).
NO_PAGE = {102}
#: Codes of KEYS with an en-US page but none in the locale: they link en-US.
MISSING = {
    "es": set(codes("103 204 207 208 226 301 308 409 421 424 429 451 506 511")),
    "ko": set(codes("207 208 226 421 451 506 511")),
    "pt-BR": set(codes("207 208 226 421 424")),
    "ru": set(codes("207 208 226 421 424 506")),
}


def expected_url(locale: str, key: int | str) -> str | None:
    """The MDN URL (unquoted) of *key* in a build for *locale*."""
    if isinstance(key, str):
        anchor = CLASS_IDS[locale][int(key[0]) - 1]
        return f"{MDN}/{locale}/{STATUS}#{anchor}"
    if key in NO_PAGE:
        return None
    if key in MISSING.get(locale, set()):
        locale = "en-US"
    return f"{MDN}/{locale}/{STATUS}/{key}"


def entry(key: int | str) -> Any:
    registry = bundled()
    return registry.classes[key] if isinstance(key, str) else registry[key]


# -- links.mdn_url --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "key", "url"),
    [
        ("es", 204, f"{MDN}/en-US/{STATUS}/204"),
        ("es", 404, f"{MDN}/es/{STATUS}/404"),
        ("es", "4xx", f"{MDN}/es/{STATUS}#errores_de_cliente"),
        ("zh_CN", "4xx", f"{MDN}/zh-CN/{STATUS}#客户端错误响应"),
        ("zh_CN", "5xx", f"{MDN}/zh-CN/{STATUS}#服务端错误响应"),
        ("zh_CN", 429, f"{MDN}/zh-CN/{STATUS}/429"),
        ("fr", "4xx", f"{MDN}/fr/{STATUS}#réponses_derreur_côté_client"),
        ("ko", 451, f"{MDN}/en-US/{STATUS}/451"),
        ("ko", 404, f"{MDN}/ko/{STATUS}/404"),
        ("pt_BR", 424, f"{MDN}/en-US/{STATUS}/424"),
        ("pt", "2xx", f"{MDN}/pt-BR/{STATUS}#respostas_bem-sucedidas"),
        ("ru", 506, f"{MDN}/en-US/{STATUS}/506"),
        ("ru", 505, f"{MDN}/ru/{STATUS}/505"),
        ("de", 506, f"{MDN}/de/{STATUS}/506"),
        ("de", "4xx", f"{MDN}/de/{STATUS}#client-fehlerantworten"),
        ("zh_Hant_TW", "4xx", f"{MDN}/zh-TW/{STATUS}#用戶端錯誤回應"),
        ("ja_JP", 418, f"{MDN}/ja/{STATUS}/418"),
        ("en_GB", "4xx", f"{MDN}/en-US/{STATUS}#client_error_responses"),
        (None, 404, f"{MDN}/en-US/{STATUS}/404"),
        ("nl", "1xx", f"{MDN}/en-US/{STATUS}#informational_responses"),
        ("ja", 102, None),
        ("en", 102, None),
        ("fr", 305, None),
        ("zh_CN", 499, None),
    ],
)
def test_mdn_url(language: str | None, key: int | str, url: str | None) -> None:
    found = links.mdn_url(entry(key), language)
    assert (unquote(found) if found else None) == url


@pytest.mark.parametrize("locale", list(CLASS_IDS))
def test_class_urls_are_ascii(locale: str) -> None:
    # Non-ASCII ids are percent-encoded: the same id to a browser, and a URL
    # every builder can write.
    language = next(lang for lang, loc in LOCALES.items() if loc == locale)
    for key, anchor in zip(CLASSES, CLASS_IDS[locale], strict=True):
        url = links.mdn_url(entry(key), language)
        assert url is not None
        assert url.isascii()
        assert unquote(url) == f"{MDN}/{locale}/{STATUS}#{anchor}"


# -- data/mdn-pages.json --------------------------------------------------------


def data() -> dict[str, Any]:
    text = links.MDN_PAGES_FILE.read_text(encoding="utf-8")
    locales: dict[str, Any] = json.loads(text)["locales"]
    return locales


def test_data_has_the_snapshot_facts() -> None:
    locales = data()
    assert list(locales) == [
        "en-US",
        "de",
        "es",
        "fr",
        "ja",
        "ko",
        "pt-BR",
        "ru",
        "zh-CN",
        "zh-TW",
    ]
    assert set(locales) == set(LOCALES.values()) == set(links.MDN_LOCALES.values())
    counts = {locale: len(pages["codes"]) for locale, pages in locales.items()}
    assert counts == {
        "en-US": 60,
        "de": 60,
        "es": 22,
        "fr": 60,
        "ja": 60,
        "ko": 45,
        "pt-BR": 54,
        "ru": 50,
        "zh-CN": 60,
        "zh-TW": 60,
    }
    assert locales["es"]["codes"] == codes(
        "100 101 200 201 202 203 206 302 304 400 401 403 404 405 408 413 418 500"
        " 502 503 504 505"
    )
    english = set(locales["en-US"]["codes"])
    assert {102, 104, 305, 306} & english == set()
    for locale, pages in locales.items():
        assert pages["codes"] == sorted(set(pages["codes"])), locale
        assert set(pages["codes"]) <= english, locale
        assert 102 not in pages["codes"], locale
        assert tuple(pages["classes"].values()) == CLASS_IDS[locale], locale
        assert tuple(pages["classes"]) == CLASSES
    assert sorted(english - set(locales["ko"]["codes"])) == codes(
        "207 208 226 402 407 417 421 423 428 451 506 507 508 510 511"
    )
    assert sorted(english - set(locales["pt-BR"]["codes"])) == codes(
        "207 208 226 421 423 424"
    )
    assert sorted(english - set(locales["ru"]["codes"])) == codes(
        "207 208 226 421 423 424 506 507 508 510"
    )


def test_dataset_mdn_flag_is_the_en_us_list() -> None:
    # status-codes.json says "MDN has an en-US page" per code; the two files
    # must not drift apart.
    flagged = sorted(code.code for code in bundled() if code.mdn)
    assert flagged == data()["en-US"]["codes"]


def test_links_read_the_data_once() -> None:
    assert links.mdn_pages() is links.mdn_pages()
    assert links.mdn_pages()["es"].codes == frozenset(data()["es"]["codes"])


# -- the Sphinx builds ------------------------------------------------------------


def test_root_lists_the_keys(rootdir: Path) -> None:
    text = (rootdir / "test-mdn-links" / "index.rst").read_text(encoding="utf-8")
    found = re.findall(r"^\* :http:status:`(.*)`$", text, re.MULTILINE)
    assert found == [str(key) for key in KEYS]


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        pytest.param(
            language,
            locale,
            marks=pytest.mark.sphinx(
                "html",
                testroot="mdn-links",
                srcdir=f"mdn-links-{language}",
                confoverrides={"language": language},
            ),
            id=language,
        )
        for language, locale in LOCALES.items()
    ],
)
def test_every_mdn_link_exists_in_its_locale(
    app: SphinxTestApp, warning: StringIO, language: str, locale: str
) -> None:
    app.build()
    assert [line for line in warnings_of(warning) if "[docutils]" not in line] == []
    refs = references(app)
    assert len(refs) == len(KEYS)
    for ref, key in zip(refs, KEYS, strict=True):
        href = ref.get("href")
        assert isinstance(href, str), key
        url = expected_url(locale, key)
        if url is None:  # no MDN page anywhere: the specification instead
            assert not href.startswith(MDN), key
            assert href.startswith("https://www.rfc-editor.org/"), key
        else:
            assert unquote(href) == url, key
    # And no other MDN URL anywhere on the page.
    mdn_urls = {
        unquote(str(a["href"]))
        for a in html_of(app).find_all("a", href=True)
        if str(a["href"]).startswith(MDN)
    }
    assert mdn_urls == {expected_url(locale, key) for key in KEYS} - {None}


# -- scripts/mdn_pages.py -------------------------------------------------------


@pytest.fixture(scope="module")
def script() -> ModuleType:
    if not SCRIPT.is_file():  # an sdist has no scripts/
        pytest.skip("scripts/mdn_pages.py is not here")
    spec = importlib.util.spec_from_file_location("mdn_pages", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mdn_pages"] = module
    spec.loader.exec_module(module)
    return module


#: What the script makes of tests/data/mdn-fixture: fr has no 301 page, its
#: 102 is an orphan (en-US has none) and its 418 a stub without a slug; es has
#: 404 and 500, and a 200 at an old slug; files/de of translated-content is
#: an old copy that translated-content-de replaces; a fenced block of the fr
#: overview holds a "## 500" line that is not a heading.
FIXTURE_EXPECTED = {
    "en-US": {
        "classes": {
            "1xx": "informational_responses",
            "2xx": "successful_responses",
            "3xx": "redirection_messages",
            "4xx": "client_error_responses",
            "5xx": "server_error_responses",
        },
        "codes": [100, 200, 204, 301, 404, 418, 500],
    },
    "de": {
        "classes": {
            "1xx": "informationelle_antworten",
            "2xx": "erfolgreiche_antworten",
            "3xx": "umleitungsnachrichten",
            "4xx": "client-fehlerantworten",
            "5xx": "server-fehlerantworten",
        },
        "codes": [100, 200, 204, 301, 404, 418, 500],
    },
    "es": {
        "classes": {
            "1xx": "respuestas_informativas",
            "2xx": "respuestas_satisfactorias",
            "3xx": "redirecciones",
            "4xx": "errores_de_cliente",
            "5xx": "errores_de_servidor",
        },
        "codes": [404, 500],
    },
    "fr": {
        "classes": {
            "1xx": "réponses_informatives",
            "2xx": "réponses_de_succès",
            "3xx": "messages_de_redirection",
            "4xx": "réponses_derreur_côté_client",
            "5xx": "réponses_derreur_côté_serveur",
        },
        "codes": [100, 200, 204, 404, 418, 500],
    },
}
REPOSITORIES = ("content", "translated-content", "translated-content-de")


def run_script(script: ModuleType, *args: str | Path) -> int:
    result: int = script.main([str(arg) for arg in args])
    return result


def test_script_on_checkouts(
    script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mdn-pages.json"
    paths = [FIXTURE / name for name in REPOSITORIES]
    assert run_script(script, *paths, "-o", out) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["locales"] == FIXTURE_EXPECTED
    assert list(written["locales"]) == ["en-US", "de", "es", "fr"]
    report = capsys.readouterr().err
    assert "fr: 6 code pages; orphans left out: 102" in report
    assert "missing compared with en-US: 301" in report
    assert (
        "es: 2 code pages; missing compared with en-US: 100 200 204 301 418" in report
    )
    assert "200: slug 'Web/HTTP/Status/200' is not" in report
    assert re.search(r"de: from \S*translated-content-de, not ", report)
    assert "4xx: 'Errores de cliente' -> #errores_de_cliente (not confirmed" in report
    assert (
        '4xx: "Réponses d\'erreur côté client" -> #réponses_derreur_côté_client'
        " (confirmed" in report
    )


def bare_clone(tree: Path, target: Path) -> Path:
    """A bare git repository whose HEAD holds *tree* (made with fast-import)."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(target.parent)}

    def git(*args: str, stdin: bytes | None = None) -> None:
        subprocess.run(
            ["git", f"--git-dir={target}", *args],
            input=stdin,
            check=True,
            capture_output=True,
            env=env,
        )

    subprocess.run(["git", "init", "-q", "--bare", str(target)], check=True, env=env)
    stream = [b"commit refs/heads/main", b"committer Test <test@example.org> 0 +0000"]
    stream += [b"data 7", b"fixture"]
    for file in sorted(tree.rglob("*")):
        if file.is_file():
            content = file.read_bytes()
            name = file.relative_to(tree).as_posix().encode()
            stream += [b"M 100644 inline " + name, b"data %d" % len(content), content]
    git("fast-import", "--quiet", stdin=b"\n".join([*stream, b""]))
    git("symbolic-ref", "HEAD", "refs/heads/main")
    return target


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_script_on_bare_git_directories(
    script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [
        bare_clone(FIXTURE / name, tmp_path / f"{name}.git") for name in REPOSITORIES
    ]
    out = tmp_path / "mdn-pages.json"
    assert run_script(script, *paths, "-o", out) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["locales"] == FIXTURE_EXPECTED
    assert "orphans left out: 102" in capsys.readouterr().err


def test_script_from_csv(
    script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "pages.csv"
    rows = ["locale,kind,key,slug_or_anchor"]
    for locale, ids in (("en-US", CLASS_IDS["en-US"]), ("ko", CLASS_IDS["ko"])):
        rows += [f"{locale},class,{n}xx,{anchor}" for n, anchor in enumerate(ids, 1)]
    rows += [
        f"en-US,page,{code},Web/HTTP/Reference/Status/{code}" for code in (404, 200)
    ]
    rows += ["ko,page,404,Web/HTTP/Reference/Status/404"]
    rows += ["ko,page,102,Web/HTTP/Reference/Status/102"]  # an orphan
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "mdn-pages.json"
    assert run_script(script, "--from-csv", csv, "-o", out) == 0
    written = json.loads(out.read_text(encoding="utf-8"))["locales"]
    assert written == {
        "en-US": {
            "classes": dict(zip(CLASSES, CLASS_IDS["en-US"], strict=True)),
            "codes": [200, 404],
        },
        "ko": {
            "classes": dict(zip(CLASSES, CLASS_IDS["ko"], strict=True)),
            "codes": [404],
        },
    }
    assert "ko: 1 code pages; orphans left out: 102" in capsys.readouterr().err


def test_checked_in_data_is_as_the_script_writes_it(script: ModuleType) -> None:
    # The checked-in file is the script's own output (converted from the CSV
    # snapshot): rendering what it holds gives it back byte for byte.
    text = links.MDN_PAGES_FILE.read_text(encoding="utf-8")
    locales = {
        name: script.Locale(
            codes={
                code: f"Web/HTTP/Reference/Status/{code}" for code in pages["codes"]
            },
            classes=pages["classes"],
        )
        for name, pages in json.loads(text)["locales"].items()
    }
    assert script.render(locales) == text


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        # The README's examples, confirmed by the pages' own in-page links.
        ("Client error responses", "client_error_responses"),
        ("Réponses d'erreur côté client", "réponses_derreur_côté_client"),
        ("Client-Fehlerantworten", "client-fehlerantworten"),
        ("Respostas bem-sucedidas", "respostas_bem-sucedidas"),
        ("客户端错误响应", "客户端错误响应"),
        ("クライアントエラーレスポンス", "クライアントエラーレスポンス"),
        ("클라이언트 에러 응답", "클라이언트_에러_응답"),
        ("Ошибки клиента", "ошибки_клиента"),
        # The rest of the rule.
        ("A (B) / C", "a_b__c"),
        ("`Code` & [a link](/x) **bold**", "code__a_link_bold"),
        ("?#%", "sect1"),
    ],
)
def test_anchorize(script: ModuleType, heading: str, anchor: str) -> None:
    assert script.anchorize(script.heading_text(heading)) == anchor


def test_checked_in_ids_are_mdn_ids(script: ModuleType) -> None:
    # An id is what anchorize leaves unchanged (lower case, no space, none of
    # the deleted characters).
    for locale, pages in data().items():
        for anchor in pages["classes"].values():
            assert script.anchorize(anchor) == anchor, locale
