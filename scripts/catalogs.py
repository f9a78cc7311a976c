"""Keep the translation catalogs in step with the English texts.

The English texts are the message ids: the descriptions and class names in
``sphinxcontrib_httpstatus/data/status-codes.json`` and the words in
``sphinxcontrib_httpstatus/labels.py``. Each language has a catalog,
``sphinxcontrib_httpstatus/locale/<lang>/LC_MESSAGES/sphinxcontrib-httpstatus.po``,
compiled to a ``.mo`` beside it (flit does not compile them, so both are
committed; ``tests/test_catalogs.py`` checks that they agree)::

    python scripts/catalogs.py            # extract, update and compile
    python scripts/catalogs.py --check    # exit 1 if anything is out of date

*Extract* writes the template (``sphinxcontrib-httpstatus.pot``) from the
English texts. *Update* merges it into every ``.po`` with Babel, as
``msgmerge`` would: a message whose English text changed keeps its old
translation marked ``fuzzy``, for a translator to review; a message that is
gone is dropped. *Compile* writes each ``.mo`` without the fuzzy entries, so
a stale translation is never shown: readers get the English text until the
translation is reviewed.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sphinxcontrib_httpstatus import catalogs  # noqa: E402
from sphinxcontrib_httpstatus.dataset import load  # noqa: E402
from sphinxcontrib_httpstatus.labels import ENGLISH, LABEL_COMMENTS  # noqa: E402

HEADER = "Descriptions and reader-visible words of sphinxcontrib-httpstatus."
#: A fixed date in the headers, so that regenerating unchanged catalogs
#: changes no byte (and ``--check`` can tell what is really out of date).
DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def template() -> Catalog:
    """The catalog of every English text, with its context and a comment."""
    pot = Catalog(
        project="sphinxcontrib-httpstatus",
        header_comment=f"# {HEADER}\n# The English texts are the message ids.",
        fuzzy=False,
        creation_date=DATE,
        revision_date=DATE,
    )
    registry = load()
    for cls in registry.classes.values():
        pot.add(
            cls.name("en"),
            context=catalogs.class_name_context(cls.key),
            auto_comments=[f"Name of the class {cls.key}"],
        )
        pot.add(
            cls.description("en"),
            context=catalogs.description_context(cls.key),
            auto_comments=[f"Description of the class {cls.key} {cls.name('en')}"],
        )
    for entry in registry:
        where = f"{entry.code} {entry.phrase}"
        if entry.software:
            where += f" (unofficial: {entry.software})"
        pot.add(
            entry.description("en"),
            context=catalogs.description_context(str(entry.code)),
            auto_comments=[where],
        )
    for key, text in ENGLISH.items():
        pot.add(
            text,
            context=catalogs.label_context(key),
            auto_comments=[LABEL_COMMENTS[key]],
        )
    return pot


def merge(catalog: Catalog, pot: Catalog) -> None:
    """Make *catalog* hold exactly the messages of *pot*, in its order.

    A message keeps its translation while its English text is unchanged. When
    the English text changed, the translation of the same context (the same
    code, class or label) is kept but marked ``fuzzy``: it needs review, and
    is not compiled until then. Messages no longer in the template go.
    """
    old = [m for m in catalog if m.id]
    by_key = {(m.id, m.context): m for m in old}
    by_context = {m.context: m for m in old}
    for message in old:
        catalog.delete(message.id, context=message.context)
    for message in pot:
        if not message.id:
            continue
        found = by_key.get((message.id, message.context))
        flags = set(found.flags) if found else set()
        if found is None:
            found = by_context.get(message.context)
            if found is not None and found.string:
                flags = {"fuzzy"}
        catalog.add(
            message.id,
            found.string if found is not None else "",
            context=message.context,
            auto_comments=message.auto_comments,
            user_comments=found.user_comments if found is not None else [],
            flags=flags,
        )


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, sort_output=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def run(check: bool) -> list[Path]:
    """Bring every file up to date (or, with *check*, only list the stale)."""
    stale: list[Path] = []

    def put(path: Path, data: bytes) -> None:
        if path.exists() and path.read_bytes() == data:
            return
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

    pot = template()
    pot_bytes = _po_bytes(pot)
    put(catalogs.LOCALE_DIR / f"{catalogs.DOMAIN}.pot", pot_bytes)
    for po_path in sorted(
        catalogs.LOCALE_DIR.glob(f"*/LC_MESSAGES/{catalogs.DOMAIN}.po")
    ):
        language = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        merge(catalog, pot)
        catalog.creation_date = catalog.revision_date = DATE
        put(po_path, _po_bytes(catalog))
        put(po_path.with_suffix(".mo"), _mo_bytes(catalog))
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing")
    args = parser.parse_args(argv)
    stale = run(args.check)
    for path in stale:
        print(
            ("out of date: " if args.check else "wrote ") + str(path.relative_to(ROOT))
        )
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
