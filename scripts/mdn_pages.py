"""Regenerate ``sphinxcontrib_httpstatus/data/mdn-pages.json`` from MDN's sources.

The file says, for each MDN locale, which status codes have a page there and
the id of each class heading (``1xx`` ... ``5xx``) of the locale's overview
page, ``Web/HTTP/Reference/Status``. :mod:`sphinxcontrib_httpstatus.links`
links a code to its page in the build's locale when that locale has one, else
to en-US, and a class to its heading in the locale's overview::

    python scripts/mdn_pages.py CONTENT TRANSLATED TRANSLATED_DE \\
        -o sphinxcontrib_httpstatus/data/mdn-pages.json
    python scripts/mdn_pages.py --from-csv mdn-http-status-pages.csv -o ...

``CONTENT``, ``TRANSLATED`` and ``TRANSLATED_DE`` are clones of
``mdn/content``, ``mdn/translated-content`` and ``mdn/translated-content-de``:
each a checkout that has ``files/`` or a git directory (a bare clone is enough;
its ``HEAD`` is read with ``git ls-tree`` and ``git cat-file``). When two
repositories have the same locale, the later one wins (``files/de`` of
translated-content is an old, removed locale; German is served from
translated-content-de).

Rules:

* A locale has a page for a code when
  ``files/<locale>/web/http/reference/status/<code>/index.md`` exists. The
  page's slug is its front matter's ``slug`` (``Web/HTTP/Reference/Status/<code>``
  for a stub without one); a page whose slug is another URL is left out.
* A translated page whose en-US page does not exist is an orphan (MDN removes
  them): it is left out and named on stderr.
* A class section of ``.../status/index.md`` is the ``##`` section whose first
  listed code has the class's first digit. Its id is MDN's (``anchorize`` in
  mdn/rari): the heading's text lower-cased, each space replaced with ``_``,
  every character of ``<>"$#%&+,/:;=?@[]^`{|}~')(\\`` deleted, ``sect1`` if
  nothing is left. Hyphens, accents and CJK letters stay.

stderr reports, per locale, each class heading and its id (and whether a link
of the page itself, ``[...](#id)``, confirms it), and the codes missing
compared with en-US. ``--from-csv`` converts the CSV snapshot that these rules
produced (columns ``locale,kind,key,slug_or_anchor``) instead.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

DEFAULT_LOCALE = "en-US"
CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")
STATUS_DIR = "web/http/reference/status"
SLUG = "Web/HTTP/Reference/Status"
COMMENT = (
    "MDN pages for HTTP status codes: per MDN locale, the codes that have a page "
    f"({SLUG}/<code>) and the id of each class heading of the overview page "
    f"({SLUG}#<id>). Made by scripts/mdn_pages.py; do not edit by hand."
)

_CODE = re.compile(r"[1-5][0-9]{2}")
_REJECTED = re.compile(r"""[<>"$#%&+,/:;=?@\[\]^`{|}~')(\\]""")
_HEADING = re.compile(r"##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
#: A list item that starts with a code: ``- {{HTTPStatus(404, "...")}}``,
#: ``- `305 Use Proxy```, ``- [404 Not Found](...)``, ``- 404 ...``.
_LISTED_CODE = re.compile(
    r"[ \t]*[-*+][ \t]+(?:\{\{\s*HTTPStatus\(\s*[\"']?|`|\[`?|\*\*)?"
    r"([1-5][0-9]{2})(?![0-9])",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"[ \t]*[-*+][ \t]+(?!:)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"\*+")


def anchorize(text: str) -> str:
    """MDN's id for a heading whose text is *text* (mdn/rari's ``anchorize``)."""
    anchor = _REJECTED.sub("", text.lower().replace(" ", "_"))
    return anchor or "sect1"


def heading_text(markdown: str) -> str:
    """The text a heading's inline Markdown renders to (links, tags, emphasis)."""
    return _EMPHASIS.sub("", _TAG.sub("", _LINK.sub(r"\1", markdown))).strip()


def url_locale(directory: str) -> str:
    """MDN's URL locale for a ``files/`` directory: ``zh-cn`` -> ``zh-CN``."""
    language, _, region = directory.partition("-")
    return f"{language}-{region.upper()}" if region else language


def front_matter(markdown: str) -> dict[str, str]:
    """The ``key: value`` lines of a page's front matter (quotes removed)."""
    lines = markdown.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    found: dict[str, str] = {}
    for line in lines[1:]:
        if line.strip() == "---":
            return found
        key, colon, value = line.partition(":")
        if colon and key and not key[0].isspace():
            found[key.strip()] = value.strip().strip("\"'")
    return {}  # not closed: no front matter


@dataclass
class Section:
    """A ``##`` section of an overview page."""

    heading: str
    first_code: int | None = None

    @property
    def anchor(self) -> str:
        return anchorize(heading_text(self.heading))


def sections(markdown: str) -> list[Section]:
    """The ``##`` sections of *markdown*, each with the first code it lists."""
    found: list[Section] = []
    fence: str | None = None
    for line in markdown.splitlines():
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0]:
                fence = None if len(opening.group(1)) >= len(fence) else fence
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            found.append(Section(heading.group(1)))
            continue
        if found and found[-1].first_code is None and _LIST_ITEM.match(line):
            listed = _LISTED_CODE.match(line)
            if listed:
                found[-1].first_code = int(listed.group(1))
    return found


def class_anchors(markdown: str) -> tuple[dict[str, str], list[str]]:
    """The id of each class's section of an overview page, and a report."""
    anchors: dict[str, str] = {}
    report: list[str] = []
    for section in sections(markdown):
        if section.first_code is None:
            continue
        key = f"{section.first_code // 100}xx"
        if key in anchors:
            report.append(f"  {key}: another section, {section.heading!r}: ignored")
            continue
        anchors[key] = section.anchor
        confirmed = f"](#{section.anchor})" in markdown
        report.append(
            f"  {key}: {section.heading!r} -> #{section.anchor}"
            f" ({'confirmed' if confirmed else 'not confirmed'} by an in-page link)"
        )
    for key in CLASSES:
        if key not in anchors:
            report.append(f"  {key}: no section (class links use en-US)")
    return {key: anchors[key] for key in CLASSES if key in anchors}, report


# -- reading the repositories --------------------------------------------------


class Repository(Protocol):
    """The ``files/`` tree of one of MDN's repositories."""

    name: str

    def locales(self) -> list[str]:
        """The directories under ``files/`` (``en-us``, ``zh-cn``...)."""
        ...

    def status_pages(self, locale: str) -> list[str]:
        """The paths under ``files/<locale>/web/http/reference/status/``."""
        ...

    def read(self, locale: str, path: str) -> str | None:
        """A file under the status directory of *locale*, if it exists."""
        ...


class Checkout:
    """A checkout on disk: ``<root>/files/<locale>/...``."""

    def __init__(self, root: Path) -> None:
        self.name = str(root)
        self.files = root / "files"

    def locales(self) -> list[str]:
        return sorted(p.name for p in self.files.iterdir() if p.is_dir())

    def status_pages(self, locale: str) -> list[str]:
        base = self.files / locale / STATUS_DIR
        if not base.is_dir():
            return []
        return sorted(p.relative_to(base).as_posix() for p in base.rglob("index.md"))

    def read(self, locale: str, path: str) -> str | None:
        file = self.files / locale / STATUS_DIR / path
        return file.read_text(encoding="utf-8") if file.is_file() else None


class GitDirectory:
    """A git directory (bare or not), read at ``HEAD``."""

    def __init__(self, git_dir: Path) -> None:
        self.name = str(git_dir)
        self.git_dir = git_dir

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout

    def locales(self) -> list[str]:
        listing = self._git("ls-tree", "-d", "--name-only", "HEAD", "files/")
        return sorted(line.removeprefix("files/") for line in listing.splitlines())

    def status_pages(self, locale: str) -> list[str]:
        base = f"files/{locale}/{STATUS_DIR}/"
        listing = self._git("ls-tree", "-r", "--name-only", "HEAD", "--", base)
        return sorted(
            line.removeprefix(base)
            for line in listing.splitlines()
            if line.endswith("/index.md")
        )

    def read(self, locale: str, path: str) -> str | None:
        try:
            return self._git(
                "cat-file", "blob", f"HEAD:files/{locale}/{STATUS_DIR}/{path}"
            )
        except subprocess.CalledProcessError:
            return None


def open_repository(path: Path) -> Repository:
    """A checkout (a directory with ``files/``) or a git directory."""
    if (path / "files").is_dir():
        return Checkout(path)
    for git_dir in (path, path / ".git"):
        if (git_dir / "HEAD").is_file() and (git_dir / "objects").is_dir():
            return GitDirectory(git_dir)
    raise SystemExit(f"{path}: neither a checkout with files/ nor a git directory")


# -- collecting and writing ----------------------------------------------------


@dataclass
class Locale:
    """What one locale has: code pages (code -> slug) and class heading ids."""

    codes: dict[int, str] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)


def _slug_fits(code: int, slug: str, report: list[str]) -> bool:
    """Whether a page's slug is the URL links.py makes for *code*."""
    expected = f"{SLUG}/{code}"
    if slug.lower() == expected.lower():  # MDN's URLs ignore case
        return True
    report.append(f"  {code}: slug {slug!r} is not {expected!r}: left out")
    return False


def read_locale(repository: Repository, directory: str, report: list[str]) -> Locale:
    """The pages of one locale directory of *repository*."""
    locale = Locale()
    for path in repository.status_pages(directory):
        if path == "index.md":
            continue
        code, _, rest = path.partition("/")
        if rest != "index.md" or not _CODE.fullmatch(code):
            continue
        text = repository.read(directory, path) or ""
        slug = front_matter(text).get("slug") or f"{SLUG}/{code}"
        if _slug_fits(int(code), slug, report):
            locale.codes[int(code)] = slug
    overview = repository.read(directory, "index.md")
    if overview is None:
        report.append("  no overview page (class links use en-US)")
    else:
        locale.classes, lines = class_anchors(overview)
        report.extend(lines)
    return locale


def from_repositories(paths: Iterable[Path], report: list[str]) -> dict[str, Locale]:
    """Every locale of the repositories at *paths* (a later one wins a locale)."""
    where: dict[str, tuple[Repository, str]] = {}
    for path in paths:
        repository = open_repository(path)
        for directory in repository.locales():
            name = url_locale(directory)
            if name in where:
                report.append(
                    f"{name}: from {repository.name}, not {where[name][0].name}"
                )
            where[name] = (repository, directory)
    found: dict[str, Locale] = {}
    for name, (repository, directory) in where.items():
        lines: list[str] = []
        found[name] = read_locale(repository, directory, lines)
        report.append(f"{name} ({repository.name}):")
        report.extend(lines)
    return found


def from_csv(path: Path, report: list[str]) -> dict[str, Locale]:
    """The locales of the snapshot CSV (``locale,kind,key,slug_or_anchor``)."""
    found: dict[str, Locale] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            locale = found.setdefault(row["locale"], Locale())
            kind, key, value = row["kind"], row["key"], row["slug_or_anchor"]
            if kind == "page" and _CODE.fullmatch(key):
                if _slug_fits(int(key), value, report):
                    locale.codes[int(key)] = value
            elif kind == "class" and key in CLASSES:
                locale.classes[key] = value
            else:
                raise SystemExit(f"{path}: unexpected row {row}")
    return found


def finish(locales: dict[str, Locale], report: list[str]) -> dict[str, Locale]:
    """Leave out orphans (no en-US page) and report what each locale lacks."""
    if DEFAULT_LOCALE not in locales:
        raise SystemExit(f"no {DEFAULT_LOCALE} locale: give mdn/content first")
    english = set(locales[DEFAULT_LOCALE].codes)
    for name in sorted(locales, key=_locale_order):
        locale = locales[name]
        orphans = sorted(set(locale.codes) - english)
        for code in orphans:
            del locale.codes[code]
        missing = sorted(english - set(locale.codes))
        report.append(
            f"{name}: {len(locale.codes)} code pages"
            + (f"; orphans left out: {_codes(orphans)}" if orphans else "")
            + (f"; missing compared with en-US: {_codes(missing)}" if missing else "")
        )
    return locales


def _codes(codes: Iterable[int]) -> str:
    return " ".join(map(str, codes))


def _locale_order(name: str) -> tuple[bool, str]:
    return (name != DEFAULT_LOCALE, name)


def render(locales: dict[str, Locale]) -> str:
    """The JSON file: readable, one line per locale's code list."""
    parts = []
    for name in sorted(locales, key=_locale_order):
        locale = locales[name]
        classes = ",\n".join(
            f"        {json.dumps(key)}: {json.dumps(anchor, ensure_ascii=False)}"
            for key, anchor in sorted(locale.classes.items())
        )
        classes = f"{{\n{classes}\n      }}" if classes else "{}"
        parts.append(
            f"    {json.dumps(name)}: {{\n"
            f'      "classes": {classes},\n'
            f'      "codes": {json.dumps(sorted(locale.codes))}\n'
            "    }"
        )
    body = ",\n".join(parts)
    return (
        f'{{\n  "comment": {json.dumps(COMMENT)},\n  "locales": {{\n{body}\n  }}\n}}\n'
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "repositories",
        nargs="*",
        type=Path,
        metavar="REPOSITORY",
        help="mdn/content, then mdn/translated-content, mdn/translated-content-de",
    )
    parser.add_argument("--from-csv", type=Path, metavar="CSV")
    parser.add_argument("-o", "--output", type=Path, help="default: stdout")
    args = parser.parse_args(argv)
    if bool(args.repositories) == bool(args.from_csv):
        parser.error("give either the repositories or --from-csv CSV")
    report: list[str] = []
    if args.from_csv:
        locales = from_csv(args.from_csv, report)
    else:
        locales = from_repositories(args.repositories, report)
    text = render(finish(locales, report))
    print("\n".join(report), file=sys.stderr)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
