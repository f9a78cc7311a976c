"""Cross-document state: which table row each code links to, and who refers to it.

The ``httpstatus`` domain reads every document once it is parsed
(:meth:`HTTPStatusDomain.process_doc`, as ``sphinx.ext.todo`` does) and keeps:

``data["targets"]``    per code or class key, every row of an indexed status
                       table that shows it, in reading order, with the ``only``
                       conditions around its table;
``data["referrers"]``  per key, the documents holding a linked reference to it;
``data["winners"]``    per key, the page and anchor references link to;
``data["endpoints"]``  per key, every httpdomain resource whose status fields
                       list it (:class:`Endpoint`);
``data["endpoint_tables"]``
                       the documents with an ``endpoints`` column;
``data["endpoint_lists"]``
                       per key, what that column lists (:class:`EndpointLink`),
                       as of the last build.

``clear_doc`` and ``merge_domaindata`` keep what is read off the documents
right under incremental and parallel builds. After reading,
:func:`update_links` picks, for the builder at hand, the row each key links
to: the first row in document order whose table the builder's tags keep (a
table in ``.. only:: latex`` is no target for HTML). When a key's page or
anchor changed since the last build, the documents referring to that key, and
only those, are written again. It also settles each key's list of endpoints
(:meth:`HTTPStatusDomain.settle_endpoints`): when any list changed, the
documents with an ``endpoints`` column are written again, not read (the
column's cells are filled in at writing, see :mod:`.writers`).

A reference's destination (a row, or a URL following :mod:`.links`) is asked
for when its page is written, through :meth:`HTTPStatusDomain.destination`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.util import logging

from . import links
from .config import settings
from .memo import Memo
from .nodes import (
    DEFERRED_MESSAGE,
    DEFERRED_SUBTYPE,
    FIELD_STATUS,
    STATUS_NODES,
    status_endpoints,
    status_reference,
)
from .presentation import anchor

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

logger = logging.getLogger(__name__)

DOMAIN: Final = "httpstatus"
#: The class of the table directive's tables, and of the rows it indexes.
TABLE_CLASS: Final = "http-status-table"
INDEXED_CLASS: Final = "http-status-indexed"
_PREFIX: Final = anchor("")


class Target(NamedTuple):
    """An indexed table row: where it is and its HTML anchor."""

    docname: str
    #: Line of the table directive: identifies the table within its document.
    table_line: int
    anchor: str
    #: The expressions of the ``only`` directives around the table.
    only: tuple[str, ...] = ()


class Endpoint(NamedTuple):
    """An httpdomain resource that lists a code or class in its status fields."""

    docname: str
    #: ``GET``, ``POST``...
    method: str
    #: As the directive's signature has it: ``/orders/(int:id)``.
    path: str
    #: The id of the resource's signature; ``None`` for a ``:noindex:`` one.
    anchor: str | None
    #: The resource's place among the page's resources with status fields.
    position: int


class EndpointLink(NamedTuple):
    """An entry of an ``endpoints`` cell: ``GET /orders``, and where it links
    (no page and anchor: written as text)."""

    text: str
    docname: str | None = None
    anchor: str | None = None


class Destination(NamedTuple):
    """Where a reference links: a row of an indexed table, or a URL."""

    row: Target | None = None
    url: str | None = None
    #: ``httpstatus_link = "table"`` found no row, so this is the fallback.
    fallback_from_table: bool = False


def status_tables(document: nodes.Node) -> Iterable[nodes.table]:
    """The tables made by ``http-status-table`` in *document*, in order."""
    for table in document.findall(nodes.table):
        if TABLE_CLASS in table["classes"]:
            yield table


def _ours(document: nodes.document) -> list[nodes.Element]:
    """The nodes of *document* the domain reads, in document order: status
    references, nodes with a warning or a field's mark on them, endpoints
    cells and status tables.

    One walk over the elements, by hand: a status reference holds only its
    text, so the walk does not go into it, nor into any text node, which
    makes it about three times as fast as ``findall`` with a condition (the
    domain reads every page of a project, thousands of references each).
    """
    found: list[nodes.Element] = []
    stack: list[nodes.Element] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, STATUS_NODES):
            found.append(node)
            continue
        attributes = node.attributes
        if (
            DEFERRED_SUBTYPE in attributes
            or FIELD_STATUS in attributes
            or isinstance(node, status_endpoints)
            or (isinstance(node, nodes.table) and TABLE_CLASS in attributes["classes"])
        ):
            found.append(node)
        stack.extend(
            child
            for child in reversed(node.children)
            if isinstance(child, nodes.Element)
        )
    return found


#: The resources of httpdomain: one object type per method, in the domain ``http``.
_HTTP_DOMAIN: Final = "http"


def _resource_of(
    node: nodes.Element, seen: dict[int, tuple[int, list[tuple[str, str, str | None]]]]
) -> tuple[int, list[tuple[str, str, str | None]]] | None:
    """The httpdomain resource whose description holds *node*: its place
    among the page's resources, and the method, path and anchor of each of
    its signatures (``None`` where the resource is ``:noindex:``, or has no
    id); ``None`` outside a resource. *seen* keeps the resources met so far.
    """
    desc = node.parent
    while desc is not None and not isinstance(desc, addnodes.desc):
        desc = desc.parent
    if desc is None or desc.get("domain") != _HTTP_DOMAIN:
        return None
    known = seen.get(id(desc))
    if known is not None:
        return known
    unindexed = bool(desc.get("noindex") or desc.get("no-index"))
    signatures = []
    for signature in desc.children:
        if not isinstance(signature, addnodes.desc_signature):
            continue
        method = str(signature.get("method") or desc.get("objtype", "")).upper()
        path = signature.get("path")
        if not path:  # not httpdomain's signature: its text after the method
            path = signature.astext().strip().removeprefix(method).strip()
        node_id = signature["ids"][0] if signature["ids"] and not unindexed else None
        signatures.append((method, str(path), node_id))
    found = seen[id(desc)] = (len(seen), signatures)
    return found


def _give_deferred_warning(
    docname: str, document: nodes.document, node: nodes.Element
) -> None:
    """The warning a status field's role could not give at the field's line.

    Sphinx makes each item of a field group into a paragraph holding the
    reference and the item's content, which keeps the item's own line. Fields
    that another extension generated (sphinxcontrib-openapi's come from
    ``<openapi>``) have no line in the page: the warning names the page, and
    the generated source and line in its message.
    """
    line: int | None = node.line
    where = ""
    paragraph = node.parent
    while paragraph is not None and not isinstance(paragraph, nodes.paragraph):
        paragraph = paragraph.parent
    for child in paragraph.children if paragraph is not None else ():
        if isinstance(child, nodes.Element) and child.get("translatable"):
            if child.source and child.source != document.get("source"):
                where = f" (in {child.source}, line {child.line})"
                line = None
            else:
                line = child.line or line
            break
    logger.warning(
        "%s%s [http:statuscode]",
        node.attributes.pop(DEFERRED_MESSAGE),
        where,
        location=(docname, line),
        type="httpstatus",
        subtype=node.attributes.pop(DEFERRED_SUBTYPE),
    )


def _endpoint_order(endpoint: Endpoint, rank: dict[str, int]) -> tuple[int, str, int]:
    """Reading order: the page's place in the project, then within the page."""
    return rank.get(endpoint.docname, len(rank)), endpoint.docname, endpoint.position


def _only_conditions(node: nodes.Element) -> tuple[str, ...]:
    found = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.only):
            found.append(parent["expr"])
        parent = parent.parent
    return tuple(found)


def _kept(target: Target, tags: Tags | None) -> bool:
    """Whether the builder's *tags* keep *target*'s table, as ``only`` would."""
    if tags is None:
        return True
    for expr in target.only:
        try:
            if not tags.eval_condition(expr):
                return False
        except Exception:  # Sphinx keeps the content then, and warns
            continue
    return True


class NoAnyXref:
    """For a domain whose objects no other kind of cross-reference can mean
    (MyST's ``[text](target)`` links and ``:any:`` ask every domain)."""

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []


class HTTPStatusDomain(NoAnyXref, Domain):
    """Holds the indexed table rows and resolves status references."""

    name = DOMAIN
    label = "HTTP status"
    initial_data: Final[dict[str, Any]] = {  # type: ignore[misc]
        "targets": {},
        "referrers": {},
        "winners": {},
        "endpoints": {},
        "endpoint_tables": set(),
        "endpoint_lists": {},
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # (key, whether table rows count) -> Destination; see memo.py.
        self._destinations: Memo[tuple[str, bool], Destination | None] = Memo()
        # The targets the current builder's tags keep, once update_links ran.
        self._kept: dict[str, list[Target]] | None = None
        #: Documents where two tables index the same key (only one of them
        #: may keep the anchor in an output; see writers.py).
        self.shared_anchor_docs: set[str] = set()

    @property
    def targets(self) -> dict[str, list[Target]]:
        result: dict[str, list[Target]] = self.data["targets"]
        return result

    @property
    def referrers(self) -> dict[str, set[str]]:
        result: dict[str, set[str]] = self.data["referrers"]
        return result

    @property
    def endpoints(self) -> dict[str, list[Endpoint]]:
        result: dict[str, list[Endpoint]] = self.data["endpoints"]
        return result

    @property
    def endpoint_tables(self) -> set[str]:
        """The documents with a status table that has an ``endpoints`` column."""
        result: set[str] = self.data["endpoint_tables"]
        return result

    @property
    def endpoint_lists(self) -> dict[str, tuple[EndpointLink, ...]]:
        """Per key, the resources an ``endpoints`` cell lists, in order."""
        result: dict[str, tuple[EndpointLink, ...]] = self.data["endpoint_lists"]
        return result

    # -- reading -------------------------------------------------------------

    def process_doc(
        self, env: BuildEnvironment, docname: str, document: nodes.document
    ) -> None:
        """Record the document's indexed rows, the keys it refers to, the
        resources that list each key in a status field, and whether it has an
        ``endpoints`` column."""
        anchors: dict[str, nodes.Element] = {}
        resources: dict[int, tuple[int, list[tuple[str, str, str | None]]]] = {}
        for node in _ours(document):
            if DEFERRED_SUBTYPE in node.attributes:
                _give_deferred_warning(docname, document, node)
            if FIELD_STATUS in node.attributes:
                self._note_endpoints(docname, node, resources)
            if isinstance(node, status_endpoints):
                self.endpoint_tables.add(docname)
                continue
            if isinstance(node, status_reference):
                self.referrers.setdefault(node["target"], set()).add(docname)
                continue
            if not isinstance(node, nodes.table):
                continue
            assert isinstance(node, nodes.table)
            only = _only_conditions(node)
            for row in node.findall(nodes.row):
                if INDEXED_CLASS in row["classes"] and row["ids"]:
                    row_anchor = row["ids"][0]
                    anchors.setdefault(row_anchor, node)
                    self.targets.setdefault(row_anchor[len(_PREFIX) :], []).append(
                        Target(docname, node.line or 0, row_anchor, only)
                    )
        if anchors:
            _warn_anchor_clashes(document, anchors)

    def _note_endpoints(
        self,
        docname: str,
        node: nodes.Element,
        resources: dict[int, tuple[int, list[tuple[str, str, str | None]]]],
    ) -> None:
        """Record the resource around a status field's reference *node*."""
        key: str = node.attributes.pop(FIELD_STATUS)
        resource = _resource_of(node, resources)
        if resource is None or not resource[1]:  # not httpdomain's resource
            return
        position, signatures = resource
        self.endpoints.setdefault(key, []).extend(
            Endpoint(docname, method, path, node_id, position)
            for method, path, node_id in signatures
        )

    def clear_doc(self, docname: str) -> None:
        for key, entries in list(self.targets.items()):
            kept = [t for t in entries if t.docname != docname]
            if kept:
                self.targets[key] = kept
            else:
                del self.targets[key]
        for key, docnames in list(self.referrers.items()):
            docnames.discard(docname)
            if not docnames:
                del self.referrers[key]
        for key, found in list(self.endpoints.items()):
            kept_endpoints = [e for e in found if e.docname != docname]
            if kept_endpoints:
                self.endpoints[key] = kept_endpoints
            else:
                del self.endpoints[key]
        self.endpoint_tables.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, entries in otherdata["targets"].items():
            mine = self.targets.setdefault(key, [])
            mine.extend(t for t in entries if t.docname in docnames)
        for key, others in otherdata["referrers"].items():
            self.referrers.setdefault(key, set()).update(
                d for d in others if d in docnames
            )
        for key, found in otherdata["endpoints"].items():
            mine_endpoints = [e for e in found if e.docname in docnames]
            if mine_endpoints:
                self.endpoints.setdefault(key, []).extend(mine_endpoints)
        self.endpoint_tables.update(
            d for d in otherdata["endpoint_tables"] if d in docnames
        )

    # -- after reading -------------------------------------------------------

    def settle(self, tags: Tags | None) -> set[str]:
        """Pick each key's row for a builder with *tags*; return the keys whose
        link (page and anchor) changed since the last build."""
        self._destinations.clear()
        rank = self._document_order()
        kept: dict[str, list[Target]] = {}
        for key, entries in self.targets.items():
            shown = [t for t in entries if _kept(t, tags)]
            if shown:
                kept[key] = sorted(
                    shown,
                    key=lambda t: (
                        rank.get(t.docname, len(rank)),
                        t.docname,
                        t.table_line,
                    ),
                )
        self._kept = kept
        self.shared_anchor_docs = {
            docname
            for entries in self.targets.values()
            for docname, count in Counter(t.docname for t in entries).items()
            if count > 1
        }
        winners = {key: (rows[0].docname, rows[0].anchor) for key, rows in kept.items()}
        old: dict[str, tuple[str, str]] = self.data["winners"]
        self.data["winners"] = winners
        return {
            key
            for key in winners.keys() | old.keys()
            if winners.get(key) != old.get(key)
        }

    def settle_endpoints(self) -> bool:
        """Work out each key's list of endpoints; return whether any list
        changed since the last build.

        A list holds the resources whose status fields name the key, in the
        project's reading order (:meth:`_document_order`) and then their order
        in the page, each ``METHOD /path`` once: linked to the first of its
        resources that has an anchor, else written as text. Lists are worked
        out only for a project with an ``endpoints`` column.
        """
        lists: dict[str, tuple[EndpointLink, ...]] = {}
        if self.endpoint_tables and self.endpoints:
            rank = self._document_order()
            for key, found in self.endpoints.items():
                ordered = sorted(found, key=lambda e: _endpoint_order(e, rank))
                by_text: dict[str, EndpointLink] = {}
                for endpoint in ordered:
                    text = f"{endpoint.method} {endpoint.path}"
                    link = by_text.get(text)
                    if link is None or (link.anchor is None and endpoint.anchor):
                        # A later anchored copy keeps the first one's place.
                        by_text[text] = EndpointLink(
                            text,
                            endpoint.docname if endpoint.anchor else None,
                            endpoint.anchor,
                        )
                lists[key] = tuple(by_text.values())
        changed = lists != self.endpoint_lists
        self.data["endpoint_lists"] = lists
        return changed

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
        if self._kept is None:
            self.settle(None)
        assert self._kept is not None
        clashes: dict[tuple[str, int, str, int], list[str]] = {}
        for key, rows in self._kept.items():
            first = rows[0]
            for row in rows[1:]:
                if (row.docname, row.table_line) != (first.docname, first.table_line):
                    pair = (
                        row.docname,
                        row.table_line,
                        first.docname,
                        first.table_line,
                    )
                    clashes.setdefault(pair, []).append(key)
        for (docname, line, first_doc, first_line), keys in sorted(clashes.items()):
            codes = [k for k in keys if "x" not in k]
            classes = [k for k in keys if "x" in k]
            what = " and ".join(
                f"{len(found)} {name}{'es' if name == 'class' else 's'}"
                if len(found) != 1
                else f"1 {name}"
                for found, name in ((codes, "code"), (classes, "class"))
                if found
            )
            shown = ", ".join(sorted(keys)[:8]) + (" ..." if len(keys) > 8 else "")
            logger.warning(
                "status table lists %s already indexed by the table at %s:%d (%s); "
                "references link to the first. Add :no-index: to one of them.",
                what,
                self.env.doc2path(first_doc),
                first_line,
                shown,
                location=(docname, line),
                type="httpstatus",
                subtype="duplicate",
            )

    # -- writing -------------------------------------------------------------

    def destination(
        self, key: str, location: Element, *, tables: bool = True
    ) -> Destination | None:
        """Where a reference to *key* (``"404"``, ``"4xx"``) links, in link-mode order.

        The answer does not depend on the referring page, so it is worked out
        once per key and build (see :mod:`.memo`). With ``tables=False``, table
        rows are passed over (for an output that leaves the table's page out,
        such as one LaTeX document of several).
        """
        try:
            return self._destinations[key, tables]
        except KeyError:
            pass
        found = self._find(key, tables)
        warned = found is not None and found.fallback_from_table
        if warned:
            logger.warning(
                "httpstatus_link is 'table' but no indexed status table lists %s; "
                "linking to %s",
                key,
                found.url,  # type: ignore[union-attr]
                location=location,
                type="httpstatus",
                subtype="link",
            )
        return self._destinations.remember((key, tables), found, warned=warned)

    def _find(self, key: str, tables: bool) -> Destination | None:
        config = settings(self.env.config)
        entry = config.registry.lookup(key)
        if entry is None:  # a custom code removed since the page was read
            return None
        rows = (self._kept or {}).get(key) if tables else None
        for kind in links.order(config.link):
            if kind == "table":
                if rows:
                    return Destination(row=rows[0])
                continue
            url = links.external_url(entry, kind, config.link, config.locale)
            if url:
                fallback = config.link == "table" and tables
                return Destination(url=url, fallback_from_table=fallback)
        return None


def _warn_anchor_clashes(
    document: nodes.document, anchors: dict[str, nodes.Element]
) -> None:
    """Warn where a section or target of *document* wanted a row's anchor.

    The row keeps its documented anchor (:mod:`.table` takes it over from an
    earlier section); the other element has another id, which its links use.
    """
    for node_id, node in list(document.ids.items()):
        if node_id in anchors:
            continue
        names: list[str] = [*node.get("names", ()), *node.get("dupnames", ())]
        for name in names:
            wanted = nodes.make_id(name)
            if wanted in anchors:
                table = anchors[wanted]
                kind = node.tagname
                if isinstance(node, nodes.section) and node.children:
                    kind, name = "section", node[0].astext()
                logger.warning(
                    "%s %r at line %s wants the id %r of a status table row "
                    "(table at line %s); the row keeps it, the %s gets %r. "
                    "Rename one of them to link to both.",
                    kind,
                    name,
                    _line_of(node),
                    wanted,
                    table.line,
                    kind,
                    node_id,
                    location=table,
                    type="httpstatus",
                    subtype="anchor",
                )
                break


def _line_of(node: nodes.Element) -> int | str:
    if node.line:
        return node.line
    first = node.children[0] if node.children else None
    return getattr(first, "line", None) or "?"


def update_links(app: Sphinx, env: BuildEnvironment) -> Iterable[str]:
    """After reading: pick each key's row; rewrite the pages whose links moved,
    and those with an ``endpoints`` column when a list of endpoints changed."""
    domain: HTTPStatusDomain = env.domains[DOMAIN]  # type: ignore[assignment]
    changed = domain.settle(app.tags)
    rewrite: set[str] = set()
    for key in changed:
        rewrite |= domain.referrers.get(key, set())
    if domain.settle_endpoints():
        rewrite |= domain.endpoint_tables
    return sorted(rewrite)


def setup_domain(app: Sphinx) -> None:
    """Register the domain and the link bookkeeping."""
    app.add_domain(HTTPStatusDomain)
    app.connect("env-updated", update_links)
