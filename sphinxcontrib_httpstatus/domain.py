"""Cross-document state: the indexed table rows codes link to, and link resolution.

The ``httpstatus`` domain keeps, per document, the rows of its indexed status
tables (``data["targets"]``) and whether it references status codes
(``data["referrers"]``). ``clear_doc`` and ``merge_domaindata`` keep both right
under incremental and parallel builds. After reading, :func:`update_links` picks
the row each code links to (the first indexed table in document order) and,
when that choice changed since the last build, asks Sphinx to rewrite every
referring document, so no stale link survives a removed or ``:no-index:`` table.

References are ``status_reference`` nodes (:mod:`.nodes`) whose destination
is looked up at write time with :meth:`HTTPStatusDomain.destination`,
following :mod:`.links`: once per code and build, not once per reference.

The role itself lives in the ``http`` domain. When ``sphinxcontrib-httpdomain``
is loaded, it owns that domain and we add our role to it; otherwise
:class:`HTTPDomain` provides a minimal one.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from sphinx.domains import Domain
from sphinx.util import logging

from . import links
from .config import settings

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

DOMAIN: Final = "httpstatus"


class Destination(NamedTuple):
    """Where a reference links: a row of an indexed table, or a URL."""

    row: Target | None = None
    url: str | None = None
    #: ``httpstatus_link = "table"`` found no row, so this is the fallback.
    fallback_from_table: bool = False


class Target(NamedTuple):
    """An indexed table row: where it is and its HTML anchor."""

    docname: str
    #: Line of the table directive: identifies the table within its document.
    table_line: int
    anchor: str


def anchor(key: str) -> str:
    """The HTML id of the row for a code or class key: ``http-status-404``."""
    return f"http-status-{key}"


class HTTPStatusDomain(Domain):
    """Holds the indexed table rows and resolves status references."""

    name = DOMAIN
    label = "HTTP status"
    initial_data: Final[dict[str, Any]] = {  # type: ignore[misc]
        # key ("404", "4xx") -> every indexed row for it, in reading order
        "targets": {},
        # documents holding at least one linked status reference
        "referrers": set(),
        # key -> the Target references link to (computed after reading)
        "winners": {},
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # key -> Destination, filled while writing; emptied after each read.
        self._destinations: dict[tuple[str, bool], Destination | None] = {}

    @property
    def targets(self) -> dict[str, list[Target]]:
        result: dict[str, list[Target]] = self.data["targets"]
        return result

    @property
    def referrers(self) -> set[str]:
        result: set[str] = self.data["referrers"]
        return result

    def note_target(self, key: str, target: Target) -> None:
        """Record an indexed row for *key* (a code or class)."""
        self.targets.setdefault(key, []).append(target)

    def note_referrer(self, docname: str) -> None:
        """Record that *docname* holds a linked status reference."""
        self.referrers.add(docname)

    def clear_doc(self, docname: str) -> None:
        for key, entries in list(self.targets.items()):
            kept = [t for t in entries if t.docname != docname]
            if kept:
                self.targets[key] = kept
            else:
                del self.targets[key]
        self.referrers.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, entries in otherdata["targets"].items():
            mine = self.targets.setdefault(key, [])
            mine.extend(t for t in entries if t.docname in docnames)
        self.referrers.update(d for d in otherdata["referrers"] if d in docnames)

    def winners(self) -> dict[str, Target]:
        """The row each key links to: the first in document order."""
        rank = self._document_order()
        return {
            key: min(
                entries,
                key=lambda t: (rank.get(t.docname, len(rank)), t.docname, t.table_line),
            )
            for key, entries in self.targets.items()
        }

    def _document_order(self) -> dict[str, int]:
        """Each document's place in reading order: the toctree from the root
        document, depth first, then the documents outside it by name."""
        includes = self.env.toctree_includes
        order: dict[str, int] = {}
        stack = [self.env.config.root_doc]
        while stack:
            docname = stack.pop()
            if docname not in order:
                order[docname] = len(order)
                stack.extend(reversed(includes.get(docname, [])))
        for docname in sorted(self.env.all_docs):
            order.setdefault(docname, len(order))
        return order

    def check_consistency(self) -> None:
        # One warning per pair of tables, not per code: a full table pasted
        # twice is one mistake.
        winners = self.winners()
        clashes: dict[tuple[Target, Target], list[str]] = {}
        for key, entries in self.targets.items():
            first = winners[key]
            for entry in entries:
                if (entry.docname, entry.table_line) != (
                    first.docname,
                    first.table_line,
                ):
                    table = entry._replace(anchor="")
                    clashes.setdefault((table, first._replace(anchor="")), []).append(
                        key
                    )
        for (table, first), keys in sorted(clashes.items()):
            shown = ", ".join(sorted(keys)[:8]) + (" ..." if len(keys) > 8 else "")
            where = self.env.doc2path(first.docname)
            logger.warning(
                "status table lists %d code(s) already indexed by the table at "
                "%s:%d (%s); references link to the first. Add :no-index: to "
                "one of them.",
                len(keys),
                where,
                first.table_line,
                shown,
                location=(table.docname, table.table_line),
                type="httpstatus",
                subtype="duplicate",
            )

    def destination(
        self, key: str, location: Element, *, tables: bool = True
    ) -> Destination | None:
        """Where a reference to *key* (``"404"``, ``"4xx"``) links, in link-mode order.

        The answer does not depend on the referring page, so it is worked out
        once per key and build; only the ``httpstatus.link`` warning, which
        names the reference's own place, is given every time. With
        ``tables=False``, table rows are passed over (for an output that
        leaves the table's page out, such as one LaTeX document of several).
        """
        try:
            found = self._destinations[key, tables]
        except KeyError:
            found = self._destinations[key, tables] = self._find(key, tables)
        if found is not None and found.fallback_from_table:
            logger.warning(
                "httpstatus_link is 'table' but no indexed status table lists %s; "
                "linking to %s",
                key,
                found.url,
                location=location,
                type="httpstatus",
                subtype="link",
            )
        return found

    def forget_write_caches(self) -> None:
        """Drop what the last write phase worked out: rows may have moved."""
        self._destinations.clear()

    def _find(self, key: str, tables: bool) -> Destination | None:
        config = settings(self.env.config)
        entry = config.registry.lookup(key)
        if entry is None:  # a custom code removed since the page was read
            return None
        winner: Target | None = self.data["winners"].get(key) if tables else None
        for kind in links.order(config.link):
            if kind == "table":
                if winner is not None:
                    return Destination(row=winner)
                continue
            url = links.external_url(entry, kind, config.link, config.locale)
            if url:
                fallback = config.link == "table" and tables
                return Destination(url=url, fallback_from_table=fallback)
        return None


class HTTPDomain(Domain):
    """A minimal ``http`` domain, for projects without sphinxcontrib-httpdomain."""

    name = "http"
    label = "HTTP"

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # holds no data; Sphinx refuses parallel reads without this


def update_links(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """After reading: fix each code's link target; rewrite referrers if it moved."""
    domain: HTTPStatusDomain = env.domains[DOMAIN]  # type: ignore[assignment]
    domain.forget_write_caches()
    winners = domain.winners()
    if winners == domain.data["winners"]:
        return []
    domain.data["winners"] = winners
    return sorted(domain.referrers)


def attach_role(app: Sphinx, config: Config) -> None:
    """Put ``:http:status:`` into the ``http`` domain, whoever provides it.

    Runs at ``config-inited``, once every extension's ``setup()`` has run, so
    the order of ``extensions`` does not matter.
    """
    from .role import StatusRole

    if not app.registry.has_domain("http"):
        app.add_domain(HTTPDomain)
    app.add_role_to_domain("http", "status", StatusRole(), override=True)


def setup_domain(app: Sphinx) -> None:
    """Register the domain, the role attachment and the link bookkeeping."""
    app.add_domain(HTTPStatusDomain)
    app.connect("config-inited", attach_role)
    app.connect("env-updated", update_links)
