"""sphinxcontrib-httpdomain's status fields and roles, rendered by the extension.

The test project (``test-httpdomain-fields``) is a small API reference written
for httpdomain alone: 22 resources in seven kinds of directive, every field
name (``:statuscode:``, ``:status:``, ``:code:``) with and without a phrase
typed after the code (as written, in lower case, hyphenated, a former name),
the ``:http:statuscode:`` role and the bare ``:statuscode:`` under
``.. default-domain:: http``, and a status table. Tooltips are compared with
the reviewed English texts in ``tests/data/golden/en.json``.
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
from bs4 import BeautifulSoup
from conftest import described_by, html_of, shown_text, warnings_of
from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from io import StringIO

    from bs4.element import Tag
    from sphinx.application import Sphinx

HERE = Path(__file__).parent
GOLDEN = json.loads((HERE / "data" / "golden" / "en.json").read_text(encoding="utf-8"))
PAGES = ("orders", "users", "payments")
FIELD = re.compile(r":(?:statuscode|status|code) ([0-9]{3})")
PHRASES = {
    200: "OK",
    201: "Created",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Content Too Large",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def field_codes(srcdir: Path, page: str) -> list[int]:
    """The codes of the status fields of *page*, in source order."""
    text = (srcdir / f"{page}.rst").read_text(encoding="utf-8")
    return [int(code) for code in FIELD.findall(text)]


def field_items(soup: BeautifulSoup) -> list[Tag]:
    """The status field items of a page: one list item (or paragraph) each."""
    items = []
    for field in soup.select("dl.field-list > dt"):
        if field.get_text(strip=True).startswith("Status Codes"):
            body = field.find_next_sibling("dd")
            assert body is not None
            items += body.select("li") or body.select("p")
    return items


def check_rendered(soup: BeautifulSoup, codes: list[int]) -> None:
    items = field_items(soup)
    assert len(items) == len(codes)
    for item, code in zip(items, codes, strict=True):
        (ref,) = item.select(".http-status")
        assert ref.get_text() == f"{code} {PHRASES[code]}"
        assert f"http-status-{code // 100}xx" in ref["class"]
        assert described_by(ref) == GOLDEN["codes"][str(code)]
        assert ref.name == "a"
        assert ref["href"] == f"codes.html#http-status-{code}"


@pytest.mark.sphinx("html", testroot="httpdomain-fields")
def test_every_field_goes_through_our_renderer(app: Sphinx, warning: StringIO) -> None:
    app.build()
    srcdir = Path(app.srcdir)
    for page in PAGES:
        check_rendered(html_of(app, page), field_codes(srcdir, page))
    assert sum(len(field_codes(srcdir, page)) for page in PAGES) == 63
    prose = html_of(app, "prose")
    refs = [
        (a.get_text(), a.get("href"))
        for a in prose.select("p > .http-status-ref > .http-status")
    ]
    assert refs == [
        ("404 Not Found", "codes.html#http-status-404"),
        ("409 Conflict", "codes.html#http-status-409"),
        ("201 Created", "codes.html#http-status-201"),
        ("503 Service Unavailable", "codes.html#http-status-503"),
    ]
    items = [plain(shown_text(item)) for item in field_items(prose)]
    assert items == [
        "200 OK – healthy",
        "413 Content Too Large – a former name",
        "422 Unprocessable Content – another former name",
        "404 Not Found – a phrase of another code",
        "299 – a code nobody registered",
        "2xx Successful – any success",
        "default – anything else",
        "x-rate-limited – an extension key",
    ]
    plain_items = field_items(prose)[-2:]
    assert not any(item.select("a, .http-status") for item in plain_items)
    # One warning per mistake, each at its own field's line.
    found = warnings_of(warning)
    assert len(found) == 2, "\n".join(found)
    (phrase,) = [w for w in found if w.endswith("[httpstatus.phrase]")]
    assert "prose.rst:15: WARNING: 'Gone' is not the phrase of 404" in phrase
    (unknown,) = [w for w in found if w.endswith("[httpstatus.unknown]")]
    assert "prose.rst:16: WARNING: unknown HTTP status '299'" in unknown


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().replace(" -- ", " – ")


@pytest.mark.sphinx(
    "html",
    testroot="httpdomain-fields",
    srcdir="httpdomain-fields-lenient",
    confoverrides={"http_strict_mode": False},
)
def test_strict_mode_off_reports_nothing_for_unknown_codes(
    app: Sphinx, warning: StringIO
) -> None:
    app.build()
    found = warnings_of(warning)
    # httpdomain says nothing; we say nothing of 299, and still of the phrase
    # that names another code.
    assert len(found) == 1, "\n".join(found)
    assert found[0].endswith("[httpstatus.phrase]")
    items = field_items(html_of(app, "prose"))
    assert plain(items[4].get_text()) == "299 – a code nobody registered"
    assert not items[4].select(".problematic, .http-status, a")


@pytest.mark.sphinx(
    "html",
    testroot="httpdomain-fields",
    srcdir="httpdomain-fields-reversed",
    confoverrides={
        "extensions": ["sphinxcontrib_httpstatus", "sphinxcontrib.httpdomain"]
    },
)
def test_either_extension_order(app: Sphinx) -> None:
    app.build()
    srcdir = Path(app.srcdir)
    for page in PAGES:
        check_rendered(html_of(app, page), field_codes(srcdir, page))


def bodies(outdir: Path) -> dict[str, str]:
    """Each page's main content, as written."""
    found = {}
    for path in sorted(outdir.glob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        body = soup.find("div", class_="body")
        if body is not None:
            found[path.stem] = str(body)
    return found


def test_parallel_equals_serial(make_app: Any, rootdir: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs in (1, 2):
        srcdir = tmp_path / f"src-{jobs}"
        shutil.copytree(rootdir / "test-httpdomain-fields", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=jobs)
        app.build()
        outputs.append(bodies(Path(app.outdir)))
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) >= {*PAGES, "prose", "codes"}


def build_in_process(srcdir: Path, outdir: Path, *settings: str) -> None:
    """A fresh ``sphinx-build``: httpdomain's field types belong to the
    process, and so must each build compared."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-E"]
    for setting in settings:
        command += ["-D", setting]
    subprocess.run([*command, str(srcdir), str(outdir)], check=True)


def test_switched_off_is_byte_identical_to_httpdomain_alone(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(HERE / "roots" / "test-httpdomain-fields", srcdir)
    (srcdir / "codes.rst").write_text("Status codes\n============\n", encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text('extensions = ["sphinxcontrib.httpdomain"]\n', encoding="utf-8")
    build_in_process(srcdir, tmp_path / "alone")
    conf.write_text(
        'extensions = ["sphinxcontrib.httpdomain", "sphinxcontrib_httpstatus"]\n'
        "httpstatus_httpdomain = False\n",
        encoding="utf-8",
    )
    build_in_process(srcdir, tmp_path / "off")
    alone, off = bodies(tmp_path / "alone"), bodies(tmp_path / "off")
    assert alone == off
    assert "http-status" not in "".join(off.values())  # and it is httpdomain's
    # httpdomain's own links: MDN with httpdomain 2, RFC 2616 with 1.8
    assert re.search(
        r'<a class="reference external" href="https?://[^"]+">200 OK</a>', off["orders"]
    )


@pytest.mark.sphinx("html", testroot="httpdomain-fields", srcdir="httpdomain-xref")
def test_httpdomains_cross_reference_path(app: Sphinx, warning: StringIO) -> None:
    """A field turned into a pending cross-reference (Sphinx's Field.make_xref
    without an inliner) is resolved by httpdomain, which asks our role."""
    app.build()
    env = app.env
    domain = env.get_domain("http")

    def resolve(target: str) -> nodes.Node | None:
        contnode = addnodes.literal_strong(target, target)
        node = addnodes.pending_xref(
            "", contnode, refdomain="http", reftype="statuscode", reftarget=target
        )
        node.source, node.line = str(Path(app.srcdir, "orders.rst")), 7
        return domain.resolve_xref(
            env, "orders", app.builder, "statuscode", target, node, contnode
        )

    found = resolve("404 not found")
    assert found is not None
    assert found.astext() == "404 Not Found"
    assert found["target"] == "404"
    assert "http-status-4xx" in found["classes"]
    assert found["tooltip"] == GOLDEN["codes"]["404"]
    default = resolve("default")
    assert default is not None
    assert default.astext() == "default"
    start = len(warning.getvalue())
    wrong = resolve("404 Gone")
    assert wrong is not None
    assert wrong.astext() == "404 Not Found"
    (message,) = warnings_of(StringIOSlice(warning, start))
    assert "orders.rst:7: WARNING: 'Gone' is not the phrase of 404" in message


class StringIOSlice:
    """The part of a warning stream written after *start*."""

    def __init__(self, stream: StringIO, start: int) -> None:
        self.text = stream.getvalue()[start:]

    def getvalue(self) -> str:
        return self.text
