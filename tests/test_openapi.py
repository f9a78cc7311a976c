"""OpenAPI responses rendered through sphinxcontrib-openapi and the extension.

Two specs of the same API, OpenAPI 3.0 and 3.1, with every form of response
key those specifications allow: a code, a range (``1XX`` to ``5XX``),
``default``, and a specification extension (``x-...``). The 3.0 spec goes
through sphinxcontrib-openapi's default renderer (``:status NNN:`` fields), the
3.1 spec through its httpdomain renderer (``:statuscode NNN:``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import described_by, html_of, warnings_of

if TYPE_CHECKING:
    from io import StringIO

    from sphinx.application import Sphinx

pytest.importorskip("sphinxcontrib.openapi")

HERE = Path(__file__).parent
GOLDEN = json.loads((HERE / "data" / "golden" / "en.json").read_text(encoding="utf-8"))
MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
CLASSES = {key: description for key, (_, description) in GOLDEN["classes"].items()}

#: (text, href, description) of each response, in the spec's order.
EXPECTED = [
    ("100 Continue", f"{MDN}/100", GOLDEN["codes"]["100"]),
    ("201 Created", "codes.html#http-status-201", GOLDEN["codes"]["201"]),
    ("304 Not Modified", f"{MDN}/304", GOLDEN["codes"]["304"]),
    ("404 Not Found", "codes.html#http-status-404", GOLDEN["codes"]["404"]),
    ("503 Service Unavailable", "codes.html#http-status-503", GOLDEN["codes"]["503"]),
    (
        "1xx Informational",
        f"{MDN}#informational_responses",
        CLASSES["1xx"],
    ),
    ("2xx Successful", "codes.html#http-status-2xx", CLASSES["2xx"]),
    ("3xx Redirection", f"{MDN}#redirection_messages", CLASSES["3xx"]),
    ("4xx Client Error", "codes.html#http-status-4xx", CLASSES["4xx"]),
    ("5xx Server Error", "codes.html#http-status-5xx", CLASSES["5xx"]),
]


@pytest.mark.sphinx("html", testroot="openapi")
def test_every_response_key_form(app: Sphinx, warning: StringIO) -> None:
    app.build()
    # default and x-... keys used to be an ERROR each in httpdomain's strict
    # mode: they name no status, and are not mistakes.
    assert warnings_of(warning) == []
    soup = html_of(app)
    resources = soup.select("dl.http")
    assert len(resources) == 2  # one per spec, per renderer
    for resource in resources:
        items = resource.select("dl.field-list li")
        refs = [item.select_one(".http-status") for item in items]
        rendered = [
            (ref.get_text(), ref.get("href"), described_by(ref))
            for ref in refs
            if ref is not None
        ]
        assert rendered == EXPECTED
        plain = [item for item, ref in zip(items, refs, strict=True) if ref is None]
        assert [item.get_text().split(" ")[0] for item in plain] == [
            "default",
            "x-internal",
        ]
        for item in plain:
            assert not item.select("a, .problematic, em")
