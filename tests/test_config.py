"""The ``httpstatus_*`` configuration values: their effect, and their bad forms.

Every bad value must give exactly one warning (type ``httpstatus.config``) that
names the config key, and the build must go on with the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from conftest import (
    check_config_page,
    config_warnings,
    described_by,
    html_of,
    references,
    variant,
    warnings_of,
)

from sphinxcontrib_httpstatus.dataset import bundled

if TYPE_CHECKING:
    from io import StringIO

    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp

MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"


def cases(root: str, prefix: str, values: list[Any], **fixed: Any) -> list[Any]:
    """One ``pytest.param`` per value of a config key, each on its own copy."""
    key = fixed.pop("key")
    return [
        pytest.param(
            value,
            marks=variant(root, f"{prefix}-{i}", **{key: value}, **fixed),
            id=repr(value),
        )
        for i, value in enumerate(values)
    ]


def check_default_page(app: SphinxTestApp, language: str = "en") -> None:
    """test-config/index.rst rendered as with no httpstatus_* setting at all."""
    check_config_page(app, language)
    refs = references(app)
    assert refs[0]["href"].endswith("/docs/Web/HTTP/Reference/Status/404")
    for ref in refs:
        assert ref["class"][:2] == ["http-status", "http-status-4xx"]


@pytest.mark.sphinx("html", testroot="config")
def test_defaults(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert app.config.httpstatus_language is None
    assert app.config.httpstatus_link == "auto"
    assert app.config.httpstatus_format == "{code} {phrase}"
    assert app.config.httpstatus_tooltips is True
    assert app.config.httpstatus_custom == {}
    check_default_page(app)
    assert refs_href(app) == f"{MDN}/404"
    assert warnings_of(warning) == []


def refs_href(app: SphinxTestApp) -> str:
    return str(references(app)[0]["href"])


# -- httpstatus_language ----------------------------------------------------------


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-sphinx-zh",
    confoverrides={"language": "zh_CN"},
)
def test_language_follows_sphinx(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert bundled()[404].description("zh_CN") != bundled()[404].description("en")
    check_default_page(app, "zh_CN")
    assert warnings_of(warning) == []


@pytest.mark.parametrize(
    "language",
    cases(
        "config",
        "config-lang",
        ["zh_CN", "zh-CN", "zh_Hans", "zh", "zh-Hans-CN", "ZH_cn"],
        key="httpstatus_language",
    ),
)
def test_chinese_language_tags(
    app: SphinxTestApp, warning: StringIO, language: str
) -> None:
    app.build()
    assert app.config.language in (None, "en")
    check_default_page(app, "zh_CN")
    assert warnings_of(warning) == []


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-lang-override",
    confoverrides={"language": "zh_CN", "httpstatus_language": "en"},
)
def test_language_overrides_sphinx(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    check_default_page(app, "en")
    assert warnings_of(warning) == []


@pytest.mark.parametrize(
    ("language", "sphinx_language"),
    [
        pytest.param(
            "xx",
            None,
            marks=variant("config", "config-lang-bad-0", httpstatus_language="xx"),
        ),
        pytest.param(
            "klingon!",
            None,
            marks=variant(
                "config", "config-lang-bad-1", httpstatus_language="klingon!"
            ),
        ),
        pytest.param(
            "pl",
            "zh_CN",
            marks=variant(
                "config",
                "config-lang-bad-2",
                httpstatus_language="pl",
                language="zh_CN",
            ),
        ),
    ],
)
def test_unknown_language_warns_once_and_uses_english(
    app: SphinxTestApp, warning: StringIO, language: str, sphinx_language: str | None
) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1
    assert messages[0].startswith("httpstatus_language:")
    assert repr(language) in messages[0]
    check_default_page(app, "en")


# -- httpstatus_format ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        pytest.param(
            "{code}",
            "404",
            marks=variant("config", "config-format-0", httpstatus_format="{code}"),
        ),
        pytest.param(
            "{phrase} ({code})",
            "Not Found (404)",
            marks=variant(
                "config", "config-format-1", httpstatus_format="{phrase} ({code})"
            ),
        ),
        pytest.param(
            "HTTP {code} [{class}]",
            "HTTP 404 [4xx]",
            marks=variant(
                "config", "config-format-2", httpstatus_format="HTTP {code} [{class}]"
            ),
        ),
    ],
)
def test_format(app: SphinxTestApp, warning: StringIO, fmt: str, expected: str) -> None:
    app.build()
    refs = references(app)
    assert refs[0].get_text() == expected
    assert refs[2].get_text() == expected  # unlinked ones too
    assert refs[1].get_text().startswith("4xx ")  # classes keep their name
    assert warnings_of(warning) == []


BAD_FORMATS = [
    "{nope}",
    "{",
    "}",
    5,
    None,
    "",
    "   ",
    "{code!x}",
    "{phrase:d}",
    "{0}",
    "{}",
]


@pytest.mark.parametrize(
    "fmt", cases("config", "config-format-bad", BAD_FORMATS, key="httpstatus_format")
)
def test_bad_format(app: SphinxTestApp, warning: StringIO, fmt: Any) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1
    assert messages[0].startswith("httpstatus_format:")
    assert "'{code} {phrase}'" in messages[0]  # the default used
    check_default_page(app)


# -- httpstatus_tooltips ----------------------------------------------------------


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-tooltips-off",
    confoverrides={"httpstatus_tooltips": False},
)
def test_tooltips_off(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    refs = references(app)
    assert [ref.name for ref in refs] == ["a", "a", "span", "a"]
    for ref in refs:
        assert not ref.has_attr("title")
        assert described_by(ref) is None
        assert not ref.has_attr("tabindex")
        assert ref.parent.name == "p"  # no card wrapper
        assert ref["class"][:2] == ["http-status", "http-status-4xx"]
    page = html_of(app)
    assert not page.select(".http-status-card, .http-status-print")
    assert "sphinxcontrib-httpstatus.js" not in str(page)
    assert warnings_of(warning) == []


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-tooltips-title",
    confoverrides={"httpstatus_tooltips": "title"},
)
def test_tooltips_as_titles(app: SphinxTestApp, warning: StringIO) -> None:
    """ "title" keeps the description in the title attribute, and no card."""
    app.build()
    refs = references(app)
    registry = bundled()
    assert [ref["title"] for ref in refs] == [
        registry[404].description("en"),
        registry.classes["4xx"].description("en"),
        registry[404].description("en"),
        registry[413].description("en"),
    ]
    for ref in refs:
        assert not ref.has_attr("aria-describedby")
        assert not ref.has_attr("tabindex")
    page = html_of(app)
    assert not page.select(".http-status-card, .http-status-print")
    assert "sphinxcontrib-httpstatus.js" not in str(page)
    assert warnings_of(warning) == []


@pytest.mark.parametrize(
    "value",
    cases(
        "config",
        "config-tooltips-bad",
        [1, None, [True], "card", "Title", ""],
        key="httpstatus_tooltips",
    ),
)
def test_bad_tooltips(app: SphinxTestApp, warning: StringIO, value: Any) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1
    if isinstance(value, str):
        assert messages[0] == (
            f"httpstatus_tooltips: {value!r} is not one of True, False or "
            "'title'; using the default True"
        )
    else:
        assert messages[0].startswith("httpstatus_tooltips: expected bool or str")
    check_default_page(app)  # with cards


# -- httpstatus_link (modes are in test_role.py) ----------------------------------


@pytest.mark.parametrize(
    "value",
    cases(
        "config",
        "config-link-bad",
        [
            "bogus",
            "",
            5,
            None,
            "https://example.org/{nope}/{code}",
            "https://example.org/{code!x}",
            "https://example.org/{code:s}/{code}",
        ],
        key="httpstatus_link",
    ),
)
def test_bad_link(app: SphinxTestApp, warning: StringIO, value: Any) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1
    assert messages[0].startswith("httpstatus_link:")
    assert "'auto'" in messages[0]
    check_default_page(app)
    assert refs_href(app) == f"{MDN}/404"


# -- httpstatus_custom ------------------------------------------------------------


def custom_refs(app: SphinxTestApp) -> dict[str, Tag]:
    keys = [
        "299",
        "custom accepted",
        "299 Custom Accepted",
        "298",
        "404",
        "410",
        "401",
        "297",
        "I'm a teapot",
    ]
    refs = references(app)
    assert len(refs) == len(keys)
    return dict(zip(keys, refs, strict=True))


@pytest.mark.sphinx("html", testroot="config-custom")
def test_custom_codes(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    refs = custom_refs(app)
    # A new code, by code and by phrase (any case, with its code).
    for key in ("299", "custom accepted", "299 Custom Accepted"):
        ref = refs[key]
        assert ref.name == "a"
        assert ref.get_text() == "299 Custom Accepted"
        assert ref["href"] == "https://example.com/codes/299"
        assert described_by(ref) == "Accepted by the gateway; processed later."
        assert ref["class"][:3] == [
            "http-status",
            "http-status-2xx",
            "http-status-custom",
        ]
    # No url, no MDN page, no spec: unlinked, with its tooltip.
    assert refs["298"].name == "span"
    assert refs["298"].get_text() == "298 Queued Elsewhere"
    assert described_by(refs["298"]) == "Queued in another region."
    # Overridden descriptions keep the dataset's phrase and link.
    assert refs["404"].get_text() == "404 Not Found"
    assert refs["404"]["href"] == f"{MDN}/404"
    assert described_by(refs["404"]) == "No order has this number."
    assert described_by(refs["410"]) == "The order was deleted."
    assert refs["410"]["href"] == f"{MDN}/410"
    # An overridden phrase: the old one still resolves.
    assert refs["I'm a teapot"].get_text() == "418 Teapot Refused"


@pytest.mark.sphinx(
    "html",
    testroot="config-custom",
    srcdir="config-custom-zh",
    confoverrides={"language": "zh_CN"},
)
def test_custom_codes_in_chinese(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    assert warnings_of(warning) == []
    refs = custom_refs(app)
    assert described_by(refs["298"]) == "已在其他区域排队。"
    assert described_by(refs["410"]) == "订单已被删除。"
    # A plain string is the description in every language.
    assert described_by(refs["404"]) == "No order has this number."
    # Codes the project did not touch stay translated.
    assert bundled()[418].description("zh_CN") in described_by(refs["I'm a teapot"])


@pytest.mark.sphinx("html", testroot="config-custom", srcdir="config-custom-escape")
def test_custom_text_is_escaped(app: SphinxTestApp) -> None:
    app.build()
    source = str(html_of(app).find("div", class_="body"))
    assert "<script>" not in source
    assert "<b>Bold</b>" not in source
    refs = custom_refs(app)
    # The parser gives back exactly the text that was configured.
    assert described_by(refs["401"]) == '"><script>alert(1)</script>'
    assert refs["297"].get_text() == "297 <b>Bold</b> & <i>Co</i>"
    assert refs["297"].find("b") is None
    assert refs["297"]["href"] == "https://example.com/codes/297"


BAD_CUSTOM: list[tuple[Any, str]] = [
    ([(299, "Custom")], "httpstatus_custom: expected dict"),
    (5, "httpstatus_custom: expected dict"),
    ({"abc": {"phrase": "Letters"}}, "httpstatus_custom: key 'abc'"),
    ({700: {"phrase": "Too Big"}}, "httpstatus_custom: key 700"),
    ({99: {"phrase": "Too Small"}}, "httpstatus_custom: key 99"),
    ({True: {"phrase": "Boolean"}}, "httpstatus_custom: key True"),
    ({404: "Not Found"}, "httpstatus_custom[404]: expected a mapping"),
    ({404: {"colour": "red"}}, "httpstatus_custom[404]: unknown field 'colour'"),
    ({299: {"phrase": ""}}, "httpstatus_custom[299]: 'phrase'"),
    ({299: {"description": "No phrase"}}, "httpstatus_custom[299]: 'phrase'"),
    ({404: {"description": 5}}, "httpstatus_custom[404]: 'description'"),
    ({404: {"description": {}}}, "httpstatus_custom[404]: 'description'"),
    ({404: {"description": {"en": ""}}}, "httpstatus_custom[404]: 'description[en]'"),
    ({404: {"url": ""}}, "httpstatus_custom[404]: 'url'"),
]


@pytest.mark.parametrize(
    ("value", "start"),
    [
        pytest.param(
            value,
            start,
            marks=variant("config", f"config-custom-bad-{i}", httpstatus_custom=value),
            id=start.split(":")[0] + f"-{i}",
        )
        for i, (value, start) in enumerate(BAD_CUSTOM)
    ],
)
def test_bad_custom(
    app: SphinxTestApp, warning: StringIO, value: Any, start: str
) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 1
    assert messages[0].startswith(start)
    check_default_page(app)


@pytest.mark.sphinx(
    "html",
    testroot="config",
    srcdir="config-custom-mixed",
    confoverrides={
        "httpstatus_custom": {
            "abc": {"phrase": "Bad Key"},
            404: {"description": "Good override."},
            410: {"phrase": ""},
        }
    },
)
def test_bad_custom_entries_do_not_spoil_good_ones(
    app: SphinxTestApp, warning: StringIO
) -> None:
    app.build()
    messages = config_warnings(warning)
    assert len(messages) == 2
    assert messages[0].startswith("httpstatus_custom: key 'abc'")
    assert messages[1].startswith("httpstatus_custom[410]")
    assert described_by(references(app)[0]) == "Good override."


# -- every value of the wrong type at once, from conf.py -----------------------------


@pytest.mark.sphinx("html", testroot="config-badtypes")
def test_wrong_types_in_conf_py(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    messages = config_warnings(warning)
    assert sorted(message.split(":")[0] for message in messages) == [
        "httpstatus_custom",
        "httpstatus_format",
        "httpstatus_language",
        "httpstatus_link",
        "httpstatus_tooltips",
    ]
    for message in messages:
        assert "expected" in message
        assert "using the default" in message
    assert app.config.httpstatus_language is None
    assert app.config.httpstatus_link == "auto"
    assert app.config.httpstatus_format == "{code} {phrase}"
    assert app.config.httpstatus_tooltips is True
    assert app.config.httpstatus_custom == {}
    check_default_page(app)
