"""Page weight: how many bytes does a status reference add to an HTML page?

Builds one page of ``--refs`` references in sentences, cycling through
``--codes`` distinct codes (the common ones of a REST API first), and the same
page with nothing but the sentences, once per way of writing a reference:

``plain``   a plain link, ```404 Not Found <https://developer.mozilla.org/…>`_``
``none``    ``:http:status:`404``` with ``httpstatus_tooltips = False``
``title``   the same with ``httpstatus_tooltips = "title"``
``card``    the same with the default description cards

and reports, for each, the bytes per reference the page's ``<body>`` grows by
over the page without references, raw and compressed (gzip -9, as a server
would send it; the page's repeated cards compress to little)::

    python benchmarks/page_weight.py --refs 50 --codes 10
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

#: The codes an API reference mentions most, in that order.
COMMON = (200, 201, 204, 400, 401, 403, 404, 409, 422, 500, 502, 503, 301, 304)
PHRASES = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    304: "Not Modified",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    422: "Unprocessable Content",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}
MODES = ("plain", "none", "title", "card")
_MDN = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status"
_BODY = re.compile(
    r'<div class="body" role="main">(.*?)<div class="sphinxsidebar"', re.S
)


def reference(mode: str, code: int) -> str:
    if mode == "plain":
        return f"`{code} {PHRASES[code]} <{_MDN}/{code}>`_"
    return f":http:status:`{code}`"


def page(mode: str | None, refs: int, codes: int) -> str:
    lines = ["Orders", "======", ""]
    for index in range(refs):
        code = COMMON[index % codes]
        ref = reference(mode, code) if mode else "a response"
        lines.append(f"Sentence {index}: the endpoint answers {ref} here.")
        lines.append("")
    return "\n".join(lines)


def body_of(mode: str | None, refs: int, codes: int, work: Path) -> bytes:
    """The ``<body>`` content Sphinx writes for the page in *mode*."""
    name = mode or "empty"
    src = work / name
    src.mkdir()
    conf = (
        "" if mode in (None, "plain") else 'extensions = ["sphinxcontrib_httpstatus"]\n'
    )
    if mode == "none":
        conf += "httpstatus_tooltips = False\n"
    elif mode == "title":
        conf += 'httpstatus_tooltips = "title"\n'
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text(page(mode, refs, codes), encoding="utf-8")
    out = work / f"{name}-out"
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        check=True,
    )
    html = (out / "index.html").read_text(encoding="utf-8")
    found = _BODY.search(html)
    if found is None:
        raise RuntimeError("no page body found: has the basic theme changed?")
    return found.group(1).encode("utf-8")


def measure(refs: int, codes: int) -> dict[str, dict[str, float]]:
    """Bytes per reference over the page without references, by mode."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty = body_of(None, refs, codes, work)
        result = {}
        for mode in MODES:
            body = body_of(mode, refs, codes, work)
            result[mode] = {
                "raw": (len(body) - len(empty)) / refs,
                "gzip": (len(gzip.compress(body, 9)) - len(gzip.compress(empty, 9)))
                / refs,
            }
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refs", type=int, default=50)
    parser.add_argument("--codes", type=int, default=10, choices=range(1, 15))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    figures = measure(args.refs, args.codes)
    print(f"{args.refs} references to {args.codes} codes; bytes per reference:")
    print(f"{'':8}{'raw':>8}{'gzip':>8}")
    for mode, sizes in figures.items():
        print(f"{mode:8}{sizes['raw']:8.0f}{sizes['gzip']:8.1f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
