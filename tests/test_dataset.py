"""The bundled dataset against its oracles, and the typed API over it."""

from __future__ import annotations

import csv
import dataclasses
import http
import json
import re
import sys
import time
from pathlib import Path

import pytest

from sphinxcontrib_httpstatus import dataset, languages, links
from sphinxcontrib_httpstatus.dataset import (
    DatasetError,
    StatusClass,
    StatusCode,
    bundled,
    load,
)

HERE = Path(__file__).parent
#: The IANA registry as shipped in ../shared (the project's oracle); the copy
#: under tests/data keeps the test runnable from an sdist.
SHARED_CSV = HERE.parent.parent / "shared" / "reference" / "iana-http-status-codes.csv"
VENDORED_CSV = HERE / "data" / "iana-http-status-codes.csv"

#: The only names that differ from the registry's, on purpose: the registry
#: calls both "(Unused)", readers know them by these names.
DISPLAY_NAMES = {306: "Switch Proxy", 418: "I'm a teapot"}
CJK = re.compile(r"[\u4e00-\u9fff]")
SPEC_URL = re.compile(
    r"https://www\.rfc-editor\.org/rfc/rfc[1-9][0-9]{3,4}\.html#section-[0-9]+(\.[0-9]+)*"
    r"|https://datatracker\.ietf\.org/doc/draft-[a-z0-9-]+/"
)


def iana_rows() -> list[dict[str, str]]:
    with VENDORED_CSV.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_vendored_registry_matches_shared_copy() -> None:
    if not SHARED_CSV.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SHARED_CSV.read_bytes() == VENDORED_CSV.read_bytes()


def test_registered_codes_equal_the_iana_registry() -> None:
    registry = bundled()
    rows = iana_rows()
    registered = {s.code for s in registry if s.official}
    assert registered == {int(r["code"]) for r in rows}
    for row in rows:
        entry = registry[int(row["code"])]
        expected_name = DISPLAY_NAMES.get(entry.code, row["name"])
        assert entry.phrase == expected_name, entry.code
        assert entry.state == row["state"], entry.code
        assert entry.document == row["reference"], entry.code
        assert (entry.section or "") == row["section"], entry.code
        if entry.code in DISPLAY_NAMES:
            assert entry.registered_name == row["name"] == "(Unused)"
        else:
            assert entry.registered_name is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        (413, "Content Too Large"),
        (414, "URI Too Long"),
        (416, "Range Not Satisfiable"),
        (422, "Unprocessable Content"),
    ],
)
def test_rfc9110_names_are_current(code: int, name: str) -> None:
    assert bundled()[code].phrase == name


def test_every_entry_has_english_and_chinese_descriptions() -> None:
    registry = bundled()
    entries: list[StatusCode | StatusClass] = [*registry, *registry.classes.values()]
    for language in ("en", "zh_CN"):
        seen: dict[str, object] = {}
        for entry in entries:
            text = entry.descriptions.get(language, "")
            assert text.strip(), (entry, language)
            assert text == text.strip(), (entry, language)
            assert text not in seen, f"{entry} repeats the description of {seen[text]}"
            seen[text] = entry
            if language == "zh_CN":
                assert CJK.search(text), entry
            else:
                assert not CJK.search(text), entry


def test_seed_codes_have_chinese_descriptions_at_least_as_long_as_a_sentence() -> None:
    # The seed lists these codes; 203 and 402 are empty there, 417 garbled.
    seed_codes = [100, 101, *range(200, 207), *range(300, 306), 307, 308]
    seed_codes += [*range(400, 418), *range(500, 506)]
    for code in seed_codes:
        text = bundled()[code].description("zh_CN")
        assert len(text) >= 15, (code, text)
        assert text.endswith(("。", "！", "）")), (code, text)


#: Where the running Python's http.HTTPStatus and the dataset differ, and why.
HTTPSTATUS_DIFFERENCES = {
    # Python capitalises "Teapot"; RFC 2324 and the registry's history say teapot.
    418: "I'm a Teapot",
}
if sys.version_info < (3, 13):
    # Python < 3.13 still uses the pre-RFC 9110 names (they are our aliases).
    HTTPSTATUS_DIFFERENCES.update(
        {
            413: "Request Entity Too Large",
            414: "Request-URI Too Long",
            416: "Requested Range Not Satisfiable",
            422: "Unprocessable Entity",
        }
    )


def test_phrases_agree_with_python_http_status() -> None:
    registry = bundled()
    for status in http.HTTPStatus:
        entry = registry[status.value]
        if status.value in HTTPSTATUS_DIFFERENCES:
            assert status.phrase == HTTPSTATUS_DIFFERENCES[status.value]
            assert registry.lookup(status.phrase) is entry  # still resolves
        else:
            assert entry.phrase == status.phrase, status


def test_aliases_are_unique_and_never_shadow_a_phrase() -> None:
    registry = bundled()
    phrases = {dataset.normalize_phrase(s.phrase): s.code for s in registry}
    assert len(phrases) == len(registry), "two codes share a phrase"
    owners: dict[str, int] = {}
    for entry in registry:
        for alias in entry.aliases:
            key = dataset.normalize_phrase(alias)
            assert key not in phrases, f"{entry.code} alias {alias!r} is a phrase"
            assert key not in owners, f"{alias!r} on {owners.get(key)} and {entry.code}"
            owners[key] = entry.code
            assert registry.lookup(alias) is entry


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("Request Entity Too Large", 413),
        ("Payload Too Large", 413),
        ("Request-URI Too Long", 414),
        ("Requested Range Not Satisfiable", 416),
        ("Unprocessable Entity", 422),
        ("Non Authoritative Information", 203),
        ("Multi Status", 207),
        ("Moved Temporarily", 302),
        # spellings other libraries use (Werkzeug, Microsoft's MS-WDV)
        ("Request URI Too Long", 414),
        ("Network Authentication Failed", 511),
        ("Reply With", 449),
    ],
)
def test_former_names_resolve(alias: str, code: int) -> None:
    entry = bundled().lookup(alias)
    assert isinstance(entry, StatusCode)
    assert entry.code == code


def test_spec_urls_are_well_formed() -> None:
    for entry in bundled():
        if entry.official:
            assert links.spec_url(entry) is not None
            assert SPEC_URL.fullmatch(links.spec_url(entry) or ""), entry
        else:
            assert links.spec_url(entry) is None
    assert links.spec_url(bundled()[404]) == (
        "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5"
    )
    assert (
        links.spec_url(bundled()[103])
        == "https://www.rfc-editor.org/rfc/rfc8297.html#section-2"
    )
    assert links.spec_label(bundled()[404]) == "RFC 9110 §15.5.5"


REQUIRED_UNOFFICIAL = {
    419: "Laravel",
    420: "Twitter",
    444: "nginx",
    494: "nginx",
    495: "nginx",
    496: "nginx",
    497: "nginx",
    499: "nginx",
    509: "cPanel",
    **dict.fromkeys((*range(520, 527), 530), "Cloudflare"),
    598: "",
    599: "",
}


def test_unofficial_codes_carry_their_software() -> None:
    registry = bundled()
    for code, software in REQUIRED_UNOFFICIAL.items():
        entry = registry[code]
        assert entry.state == "unofficial"
        assert entry.software
        assert software in entry.software
    for entry in registry.select(states={"unofficial"}):
        assert entry.software
        assert not entry.official
        assert not entry.mdn
        assert entry.code not in {int(r["code"]) for r in iana_rows()}


def test_classes() -> None:
    classes = bundled().classes
    assert list(classes) == ["1xx", "2xx", "3xx", "4xx", "5xx"]
    assert classes["4xx"].name() == "Client Error"
    assert classes["2xx"].name("en") == "Successful"
    assert CJK.search(classes["5xx"].name("zh_CN"))


# -- the API -------------------------------------------------------------------


@pytest.mark.parametrize("query", [404, "404", " 404 ", "Not Found", "  not   FOUND "])
def test_lookup_forms(query: int | str) -> None:
    assert bundled().lookup(query) is bundled()[404]


@pytest.mark.parametrize("query", ["4xx", "4XX", " 4xx "])
def test_lookup_class(query: str) -> None:
    assert bundled().lookup(query) is bundled().classes["4xx"]


@pytest.mark.parametrize(
    "query", ["", "999", "42", "abc", "4xx5", "６００", "４０４", "6xx", 999]
)
def test_lookup_misses(query: int | str) -> None:
    assert bundled().lookup(query) is None


def test_typographic_apostrophe() -> None:
    assert bundled().lookup("I’m a teapot") is bundled()[418]


def test_iteration_and_selection() -> None:
    registry = bundled()
    codes = [s.code for s in registry]
    assert codes == sorted(codes)
    assert len(registry) == len(codes)
    client = registry.select(classes={"4xx"})
    assert client
    assert all(400 <= s.code < 500 for s in client)
    permanent = registry.select(states={"permanent"})
    assert 104 not in {s.code for s in permanent}
    assert {s.code for s in registry.select(states={"unused"})} == {306, 418}
    assert {s.code for s in registry.select(states={"obsoleted"})} == {510}
    assert [s.code for s in registry.select(classes=["1xx"], states=["temporary"])] == [
        104
    ]


@pytest.mark.parametrize(
    "tag", ["zh_CN", "zh-CN", "zh_Hans", "zh-Hans-CN", "zh", "ZH-cn", "zh_SG"]
)
def test_simplified_chinese_tags(tag: str) -> None:
    assert languages.match(tag, bundled().languages) == "zh_CN"
    assert bundled()[404].description(tag) == bundled()[404].descriptions["zh_CN"]


@pytest.mark.parametrize("tag", ["pl", "sv_SE", "tlh", "zh_Latn", None, "", "!!"])
def test_other_languages_fall_back_to_english(tag: str | None) -> None:
    assert bundled()[404].description(tag) == bundled()[404].descriptions["en"]


def test_records_are_immutable() -> None:
    entry = bundled()[404]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.phrase = "Lost"  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.descriptions["en"] = "changed"  # type: ignore[index]


def test_custom_entries_add_and_override() -> None:
    base = bundled()
    merged = base.with_custom(
        {
            299: {"phrase": "Partially Cached", "description": "Served from a cache."},
            "404": {"description": {"en": "No such order.", "zh_CN": "订单不存在。"}},
            413: {"phrase": "Upload Too Big"},
            418: {"url": "https://example.org/teapot"},
        }
    )
    assert base.get(299) is None, "the bundled registry is unchanged"
    assert merged[299].phrase == "Partially Cached"
    assert merged[299].state == "custom"
    assert merged[299].description("zh_CN") == "Served from a cache."
    assert merged.lookup("partially cached") is merged[299]
    assert merged[404].description("en") == "No such order."
    assert merged[404].description("zh-CN") == "订单不存在。"
    assert merged[404].phrase == "Not Found"
    assert merged[413].phrase == "Upload Too Big"
    assert merged.lookup("Content Too Large") is merged[413], (
        "old phrase still resolves"
    )
    assert merged[413].description("en") == base[413].description("en")
    assert merged[418].url == "https://example.org/teapot"


@pytest.mark.parametrize(
    ("custom", "message"),
    [
        ({"abc": {"phrase": "X"}}, "key 'abc'"),
        ({700: {"phrase": "X"}}, "key 700"),
        ({True: {"phrase": "X"}}, "key True"),
        ({299: "Partially Cached"}, "httpstatus_custom[299]: expected a mapping"),
        ({299: {"description": "no phrase"}}, "httpstatus_custom[299]: 'phrase'"),
        ({404: {"phrase": ""}}, "httpstatus_custom[404]: 'phrase'"),
        ({404: {"colour": "red"}}, "unknown field 'colour'"),
        ({404: {"description": 5}}, "httpstatus_custom[404]: 'description'"),
        ({404: {"description": {"en": ""}}}, "description[en]"),
        ({404: {"description": {"!!": "x"}}}, "invalid language key '!!'"),
        ({404: {"url": 5}}, "'url'"),
        ({404: {"aliases": "Lost"}}, "'aliases' must be a list"),
    ],
)
def test_bad_custom_entries_name_entry_and_field(custom: dict, message: str) -> None:
    with pytest.raises(DatasetError, match=re.escape(message)):
        bundled().with_custom(custom)


# -- the data file itself ------------------------------------------------------


def corrupt(tmp_path: Path, change: object) -> Path:
    data = json.loads(dataset.DATA_FILE.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "status-codes.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _code(data: dict, code: int) -> dict:
    return next(e for e in data["codes"] if e["code"] == code)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _code(d, 404).pop("phrase"), "code 404: missing field 'phrase'"),
        (lambda d: _code(d, 404).update(phrase=7), "code 404: 'phrase' must be"),
        (lambda d: _code(d, 404).update(state="gone"), "code 404: 'state' must be"),
        (lambda d: _code(d, 404).update(section="x.y"), "code 404: 'section'"),
        (lambda d: _code(d, 404).pop("description"), "code 404: missing field 'desc"),
        (lambda d: _code(d, 404).update(description={"en": ""}), "code 404: 'desc"),
        (lambda d: _code(d, 404).update(mdn="yes"), "code 404: 'mdn'"),
        (lambda d: _code(d, 499).pop("software"), "code 499: 'software' is required"),
        (lambda d: _code(d, 404).update(code=404.5), "codes["),
        (lambda d: d["codes"].append(dict(_code(d, 404))), "code 404: listed twice"),
        (lambda d: d["classes"].pop(), "'classes' must hold 1xx to 5xx"),
        (lambda d: d.pop("codes"), "missing field 'codes'"),
    ],
)
def test_corrupted_data_file_names_entry_and_field(
    tmp_path: Path, change: object, message: str
) -> None:
    path = corrupt(tmp_path, change)
    with pytest.raises(DatasetError, match=re.escape(message)):
        load(path)


def test_invalid_json_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "status-codes.json"
    path.write_text('{\n  "codes": [\n  }\n', encoding="utf-8")
    with pytest.raises(
        DatasetError, match=r"status-codes\.json: not valid JSON: .* \(line 3\)"
    ):
        load(path)


def test_missing_data_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot be read"):
        load(tmp_path / "nope.json")


def test_loading_is_fast() -> None:
    # The budget is 5 ms (see docs/performance.rst); this only guards against
    # an accidental order-of-magnitude regression on a slow CI machine.
    best = min(_time_load() for _ in range(5))
    assert best < 0.05, f"loading took {best * 1000:.1f} ms"


def _time_load() -> float:
    start = time.perf_counter()
    load()
    return time.perf_counter() - start


def test_unordered_collection_is_not_too_early() -> None:
    # An abandoned WebDAV draft's name for an unrelated status, not 425's.
    assert bundled().lookup("Unordered Collection") is None
