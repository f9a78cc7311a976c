"""Regression tests for fixed defects in the ``httpstatus_*`` configuration.

Each test pins one fixed behaviour, on a real build:

* ``httpstatus_custom`` values that cannot be pickled (a ``MappingProxyType``,
  a ``str`` subclass) build, and build again incrementally from the pickled
  environment;
* a format spec in ``httpstatus_format`` or a ``httpstatus_link`` template
  (``{code:>999999999999}``, ``{code:{code}}``) warns once and falls back,
  instead of running out of memory;
* custom descriptions keyed ``zh``, ``zh_Hans`` or ``zh-CN`` serve a ``zh_CN``
  build, and ones keyed ``zh_TW`` do not;
* a custom phrase or alias that another code already has warns once, and the
  bundled code keeps it;
* an ``http.HTTPStatus`` key in ``httpstatus_custom`` means its code on every
  Python version;
* ``httpstatus_language = ""`` means "not set";
* MDN links take their locale from every form of language tag.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pytest
from conftest import (
    check_config_page,
    config_warnings,
    described_by,
    references,
    variant,
    warnings_of,
)

from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from collections.abc import Callable
    from io import StringIO

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org"
MDN_STATUS = "docs/Web/HTTP/Reference/Status"


def reading_recorder(app: Sphinx) -> list[str]:
    """Record the documents *app* (re-)reads."""
    read: list[str] = []

    def record(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        read.extend(docnames)

    app.connect("env-before-read-docs", record)
    return read


# -- 1. values that cannot be pickled ------------------------------------------------


def check_unpicklable_page(app: SphinxTestApp) -> None:
    """test-config-defects-unpicklable/index.rst, with its custom texts."""
    refs = references(app)
    assert [ref.get_text() for ref in refs] == [
        "299 Custom",
        "298 Subclassed",
        "298 Subclassed",
        "297 Proxied",
        "297 Proxied",
    ]
    assert described_by(refs[0]) == "Text"
    assert described_by(refs[1]) == "Sub text"
    assert described_by(refs[2]) == "Sub text"


def test_unpicklable_custom_values_build_and_rebuild(
    make_app: Callable[..., SphinxTestApp], rootdir: Path, sphinx_test_tempdir: Path
) -> None:
    srcdir = sphinx_test_tempdir / "config-defects-unpicklable-incr"
    if srcdir.exists():
        shutil.rmtree(srcdir)
    shutil.copytree(rootdir / "test-config-defects-unpicklable", srcdir)

    first = make_app("html", srcdir=srcdir)
    first.build()
    first.cleanup()  # reset docutils' global registries before the next app
    assert warnings_of(first.warning) == []
    check_unpicklable_page(first)
    assert (Path(first.doctreedir) / "environment.pickle").exists()

    # The pickled environment loads, its config compares equal to the one
    # conf.py gives again, so nothing is read again and the page stays.
    again = make_app("html", srcdir=srcdir)
    read = reading_recorder(again)
    again.build()
    again.cleanup()
    assert read == []
    assert warnings_of(again.warning) == []
    check_unpicklable_page(again)


# -- 2. format specs ---------------------------------------------------------------

DEFAULTS = {"httpstatus_format": "{code} {phrase}", "httpstatus_link": "auto"}
HUGE = "{code:>999999999999}"
HUGE_FORMAT = f"{HUGE} {{phrase}}"
HUGE_LINK = f"https://x/{HUGE}"


@pytest.mark.parametrize(
    ("key", "value", "spec"),
    [
        pytest.param(
            "httpstatus_format",
            HUGE_FORMAT,
            "'>999999999999'",
            marks=variant(
                "config",
                "config-defects-spec-0",
                httpstatus_format=HUGE_FORMAT,
            ),
            id="format-width",
        ),
        pytest.param(
            "httpstatus_link",
            HUGE_LINK,
            "'>999999999999'",
            marks=variant("config", "config-defects-spec-1", httpstatus_link=HUGE_LINK),
            id="link-width",
        ),
        pytest.param(
            "httpstatus_link",
            "https://x/{code:{code}}",
            "'{code}'",
            marks=variant(
                "config",
                "config-defects-spec-2",
                httpstatus_link="https://x/{code:{code}}",
            ),
            id="link-nested",
        ),
    ],
)
def test_format_spec_warns_once_and_falls_back(
    app: SphinxTestApp, warning: StringIO, key: str, value: str, spec: str
) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{key}: ")
    assert f"format spec {spec}" in messages[0]
    assert messages[0].endswith(f"; using the default {DEFAULTS[key]!r}")
    assert getattr(app.config, key) == DEFAULTS[key]
    check_config_page(app)
    assert references(app)[0]["href"] == f"{MDN}/en-US/{MDN_STATUS}/404"


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-defects-conversion",
    confoverrides={
        "httpstatus_format": "{code} {phrase!s}",
        "httpstatus_link": "https://x/{code}",
    },
)
def test_conversion_without_spec_is_accepted(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert app.config.httpstatus_format == "{code} {phrase!s}"
    refs = references(app)
    assert refs[0].get_text() == "404 Not Found"
    assert refs[3].get_text() == "413 Content Too Large"
    assert refs[0]["href"] == "https://x/404"


# -- 3. custom descriptions under Chinese tags ---------------------------------------


@pytest.mark.sphinx("html", testroot="config-defects-zh-keys")
def test_simplified_chinese_keys_serve_zh_cn(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    titles = [described_by(ref) for ref in references(app)]
    assert titles[:3] == ["Z404", "Z410", "Z413"]
    assert titles[5] == "Z299"
    # Traditional Chinese is not Simplified: the bundled zh_CN text stays.
    assert titles[3] == bundled()[500].description("zh_CN")
    assert titles[4] == bundled()[503].description("zh_CN")
    assert "T500" not in titles
    assert "T503" not in titles


@pytest.mark.sphinx(
    "html",
    testroot="config-defects-zh-keys",
    srcdir="config-defects-zh-keys-en",
    confoverrides={"language": "en"},
)
def test_chinese_keys_in_an_english_build(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    assert warnings_of(warning) == []
    titles = [described_by(ref) for ref in references(app)]
    assert titles[:3] == ["E404", "E410", "E413"]
    assert titles[3] == bundled()[500].description("en")
    assert titles[4] == "E503"
    assert titles[5] == "E299"


# -- 4. a phrase or alias two codes claim ------------------------------------------


@pytest.mark.sphinx(
    "html",
    testroot="config-defects-clash",
    confoverrides={
        "httpstatus_custom": {
            599: {"phrase": "Not Found"},
            598: {"phrase": "Other", "aliases": ["Gone"]},
        }
    },
)
def test_phrase_and_alias_clashes_warn_once_each(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 2, messages
    gone, not_found = messages  # in the order of the clashing text
    assert not_found.startswith("httpstatus_custom: 'not found' ")
    assert "of 404 and of 599" in not_found
    assert "keeps naming 404" in not_found
    assert gone.startswith("httpstatus_custom: 'gone' ")
    assert "of 410 and of 598" in gone
    assert "keeps naming 410" in gone
    refs = references(app)
    assert [ref.get_text() for ref in refs] == [
        "404 Not Found",
        "599 Not Found",
        "404 Not Found",
        "410 Gone",
        "598 Other",
        "598 Other",
    ]
    assert refs[0]["href"] == f"{MDN}/en-US/{MDN_STATUS}/404"
    assert refs[3]["href"] == f"{MDN}/en-US/{MDN_STATUS}/410"


@pytest.mark.parametrize(
    ("text", "keeper", "other"),
    [
        pytest.param(
            "not found",
            404,
            599,
            marks=variant(
                "config",
                "config-defects-clash-0",
                httpstatus_custom={599: {"phrase": "Not Found"}},
            ),
            id="phrase",
        ),
        pytest.param(
            "gone",
            410,
            598,
            marks=variant(
                "config",
                "config-defects-clash-1",
                httpstatus_custom={598: {"phrase": "Other", "aliases": ["Gone"]}},
            ),
            id="alias",
        ),
    ],
)
def test_one_clash_warns_once(
    app: SphinxTestApp, warning: StringIO, text: str, keeper: int, other: int
) -> None:
    app.build()
    assert config_warnings(warning) == [
        f"httpstatus_custom: {text!r} is a phrase or alias of {keeper} and of "
        f"{other}; it keeps naming {keeper} in role targets (write the code to "
        "reach the other)"
    ]
    check_config_page(app)


@pytest.mark.parametrize(
    "custom",
    [
        pytest.param(
            {},
            marks=variant("config", "config-defects-noclash-0", httpstatus_custom={}),
            id="empty",
        ),
        pytest.param(
            {413: {"phrase": "Payload Too Large"}, 404: {"aliases": ["Not Found"]}},
            marks=variant(
                "config",
                "config-defects-noclash-1",
                httpstatus_custom={
                    413: {"phrase": "Payload Too Large"},
                    404: {"aliases": ["Not Found"]},
                },
            ),
            id="same-code",
        ),
    ],
)
def test_no_clash_warning_without_a_clash(
    app: SphinxTestApp, warning: StringIO, custom: dict[int, Any]
) -> None:
    app.build()
    assert warnings_of(warning) == []
    refs = references(app)
    assert refs[0].get_text() == "404 Not Found"
    assert refs[3].get_text().startswith("413 ")


# -- 5. an http.HTTPStatus key -------------------------------------------------------


@pytest.mark.sphinx("html", testroot="config-defects-enum")
def test_http_status_enum_key(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert list(app.config.httpstatus_custom) == [404]
    assert type(next(iter(app.config.httpstatus_custom))) is int
    refs = references(app)
    assert [ref.get_text() for ref in refs] == [
        "404 Not Found",
        "404 Not Found",
        "410 Gone",
    ]
    assert [described_by(ref) for ref in refs] == [
        "Ours",
        "Ours",
        bundled()[410].description("en"),
    ]
    assert refs[0]["href"] == f"{MDN}/en-US/{MDN_STATUS}/404"


# -- 6. an empty httpstatus_language -------------------------------------------------


@pytest.mark.parametrize(
    ("value", "language"),
    [
        pytest.param(
            "",
            "zh_CN",
            marks=variant(
                "config",
                "config-defects-lang-empty-0",
                httpstatus_language="",
                language="zh_CN",
            ),
            id="empty-zh_CN",
        ),
        pytest.param(
            "  ",
            "zh_CN",
            marks=variant(
                "config",
                "config-defects-lang-empty-1",
                httpstatus_language="  ",
                language="zh_CN",
            ),
            id="blank-zh_CN",
        ),
        pytest.param(
            "",
            "en",
            marks=variant(
                "config", "config-defects-lang-empty-2", httpstatus_language=""
            ),
            id="empty-en",
        ),
    ],
)
def test_empty_language_means_unset(
    app: SphinxTestApp, warning: StringIO, value: str, language: str
) -> None:
    app.build()
    assert warnings_of(warning) == []
    assert app.config.httpstatus_language is None
    check_config_page(app, language)
    locale = {"en": "en-US", "zh_CN": "zh-CN"}[language]
    assert references(app)[0]["href"] == f"{MDN}/{locale}/{MDN_STATUS}/404"


# -- 7. MDN locales from language tags ---------------------------------------------

MDN_CASES = [
    ("zh_TW", "zh-TW"),
    ("zh-TW", "zh-TW"),
    ("zh_Hant_TW", "zh-TW"),
    ("zh-Hant-TW", "zh-TW"),
    ("zh_HK", "zh-TW"),
    ("pt", "pt-BR"),
    ("pt-BR", "pt-BR"),
    ("ja_JP", "ja"),
    ("en_GB", "en-US"),
]
#: Per MDN locale: the language of the descriptions, and the id of the 4xx
#: heading on MDN's overview page in that locale.
LOCALE_FACTS = {
    "zh-TW": ("zh_TW", "用戶端錯誤回應"),
    "pt-BR": ("pt_BR", "respostas_de_erro_do_cliente"),
    "ja": ("ja", "クライアントエラーレスポンス"),
    "en-US": ("en", "client_error_responses"),
}


def check_mdn_links(app: SphinxTestApp, locale: str) -> None:
    """Every linked reference of test-config goes to MDN in *locale*, with the
    locale's own 4xx heading id, and the tooltips are in its language."""
    language, class_id = LOCALE_FACTS[locale]
    refs = references(app)
    assert refs[0]["href"] == f"{MDN}/{locale}/{MDN_STATUS}/404"
    assert unquote(refs[1]["href"]) == f"{MDN}/{locale}/{MDN_STATUS}#{class_id}"
    assert refs[3]["href"] == f"{MDN}/{locale}/{MDN_STATUS}/413"
    check_config_page(app, language)


@pytest.mark.parametrize(
    ("tag", "locale"),
    [
        pytest.param(
            tag,
            locale,
            marks=variant("config", f"config-defects-mdn-{i}", language=tag),
            id=tag,
        )
        for i, (tag, locale) in enumerate(MDN_CASES)
    ],
)
def test_mdn_locale_follows_sphinx_language(
    app: SphinxTestApp, warning: StringIO, tag: str, locale: str
) -> None:
    app.build()
    # Docutils has no localisation for some tags (zh_HK, pt) and says so; we
    # have nothing to say, as the language is not ours to check.
    assert [line for line in warnings_of(warning) if "[docutils]" not in line] == []
    check_mdn_links(app, locale)


@pytest.mark.parametrize(
    ("tag", "locale"),
    [
        pytest.param(
            tag,
            locale,
            marks=variant(
                "config", f"config-defects-mdn-own-{i}", httpstatus_language=tag
            ),
            id=tag,
        )
        for i, (tag, locale) in enumerate(MDN_CASES)
    ],
)
def test_mdn_locale_follows_httpstatus_language(
    app: SphinxTestApp, warning: StringIO, tag: str, locale: str
) -> None:
    app.build()
    # Every tag names a language we ship (or English): nothing to warn about.
    assert config_warnings(warning) == []
    assert app.config.httpstatus_language == tag
    check_mdn_links(app, locale)
