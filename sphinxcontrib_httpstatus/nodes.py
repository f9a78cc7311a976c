"""The doctree nodes of status references, and how each format renders them.

:class:`status_reference` is a linked reference: the role records the code
(``target``), CSS classes and ``tooltip``; where it links is decided only when
the page is written, by the ``httpstatus`` domain (a table row of this project,
or a URL). The HTML writer turns it straight into one ``<a>`` (or a ``<span>``
when there is nowhere to link), without going through Sphinx's generic
cross-reference machinery: that is most of what makes a reference cheap.
:class:`status_text` is an unlinked one (``!404``, ``httpstatus_link =
"none"``): a ``<span>`` with the same classes and ``title``.

For every other format, :func:`adapt_for_format` (at ``doctree-resolved``)
turns both into plain docutils nodes (a ``reference`` or an ``inline``), so no
writer meets a node it does not know; Sphinx's own non-HTML writers also get
visitors that write the text, for titles copied into a resolved toctree.

The same handler adapts status tables to non-HTML writers: it puts a row's
state marker in parentheses, as there is no badge to set it apart; it moves the
ids of indexed rows into a target in the row's first cell, since LaTeX labels
and Texinfo anchors are made from targets, not table rows; and for man pages,
whose tables cannot span columns, it splits a class heading row into cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from .domain import DOMAIN

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.util.docutils import SphinxTranslator
    from sphinx.writers.html5 import HTML5Translator

    from .domain import Destination, HTTPStatusDomain


class status_text(nodes.Inline, nodes.TextElement):
    """An unlinked status reference: text with classes and a ``tooltip``."""


class status_reference(nodes.Inline, nodes.TextElement):
    """A linked status reference to ``target`` (``"404"``, ``"4xx"``)."""


def _domain(builder: Builder) -> HTTPStatusDomain:
    domain: HTTPStatusDomain = builder.env.get_domain(DOMAIN)  # type: ignore[assignment]
    return domain


def _attributes(node: nodes.Element) -> dict[str, Any]:
    tooltip = node.get("tooltip")
    return {"title": tooltip} if tooltip else {}


def _href(builder: Builder, docname: str, destination: Destination) -> str:
    """The ``href`` of *destination* from page *docname*, as make_refnode would."""
    if destination.row is None:
        return destination.url or ""
    anchor = destination.row.anchor
    if destination.row.docname == docname:
        return "#" + anchor
    uri = builder.get_relative_uri(docname, destination.row.docname)
    # singlehtml points at "#document-<doc>": there, the row id alone is right.
    return "#" + anchor if "#" in uri else f"{uri}#{anchor}"


def _in_link(node: nodes.Node) -> bool:
    """Whether *node* sits inside a link already (a title in a toctree entry).

    Only inline ancestors can be a link around it, so the walk stops at the
    first block-level one: for a reference in a paragraph, that is its parent.
    """
    parent: nodes.Element | None = node.parent
    while isinstance(parent, nodes.Inline):
        if isinstance(parent, nodes.reference):
            return True
        parent = parent.parent
    return False


def visit_status_html(self: HTML5Translator, node: nodes.Element) -> None:
    """The start tag of a reference of either kind: ``<a>`` where it links,
    ``<span>`` where it does not (``status_text``, or nowhere to link)."""
    linked = isinstance(node, status_reference) and not _in_link(node)
    if node["ids"]:  # an id makes the tag unique
        start, end, _ = _tags(self, node, linked=linked)
    else:
        # Thousands of references on a page share a handful of tags: each
        # pair is built once per page, and kept by the page's translator.
        tags: dict[tuple[str, ...], tuple[str, str]]
        tags = self.__dict__.setdefault("_httpstatus_tags", {})
        target = node["target"] if linked else ""
        key = (target, node.get("tooltip", ""), *node["classes"])
        try:
            start, end = tags[key]
        except KeyError:
            start, end, warned = _tags(self, node, linked=linked)
            if not warned:  # a warning is due at every occurrence
                tags[key] = start, end
    self.body.append(start)
    self.context.append(end)


def _tags(
    self: HTML5Translator, node: nodes.Element, *, linked: bool
) -> tuple[str, str, bool]:
    """The start and end tags of *node*, and whether working them out warned."""
    attributes = _attributes(node)
    destination = None
    if linked:
        destination = _domain(self.builder).destination(node["target"], node)
    if destination is None:
        return self.starttag(node, "span", "", **attributes), "</span>", False
    href = _href(self.builder, self.builder.current_docname, destination)
    kind = "external" if destination.row is None else "internal"
    attributes.update(href=href, **{"class": f"reference {kind}"})
    start = self.starttag(node, "a", "", **attributes)
    return start, "</a>", destination.fallback_from_table


def depart_status_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.context.pop())


def _write_children(self: SphinxTranslator, node: nodes.Element) -> None:
    """Visitor and departure for writers with no tooltips: the text is enough."""


def _as_docutils(
    builder: Builder, docname: str, node: status_reference
) -> nodes.Element:
    """A linked reference as the plain node non-HTML writers know."""
    domain = _domain(builder)
    classes = list(node["classes"])
    destination = domain.destination(node["target"], node)
    if destination is not None and destination.row is not None:
        try:
            ref = make_refnode(
                builder,
                docname,
                destination.row.docname,
                destination.row.anchor,
                list(node.children),
                node.get("tooltip", ""),
            )
        except NoUri:
            # The table's page is not part of this output (a LaTeX document
            # that leaves it out): link as if the project had no table.
            destination = domain.destination(node["target"], node, tables=False)
        else:
            ref["classes"] = classes
            return ref
    if destination is None or destination.url is None:
        return nodes.inline(node.rawsource, "", *node.children, classes=classes)
    ref = nodes.reference("", "", *node.children, refuri=destination.url)
    ref["internal"] = False
    ref["classes"] = classes
    return ref


def adapt_for_format(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """At ``doctree-resolved``: make our nodes plain docutils for non-HTML writers."""
    output_format = app.builder.format
    if output_format == "html":
        return
    for link in list(doctree.findall(status_reference)):
        link.replace_self(_as_docutils(app.builder, docname, link))
    for node in list(doctree.findall(status_text)):
        node.replace_self(
            nodes.inline(node.rawsource, "", *node.children, classes=node["classes"])
        )
    for table in doctree.findall(nodes.table):
        if "http-status-table" in table["classes"]:
            _adapt_table(table, output_format)


def _adapt_table(table: nodes.table, output_format: str) -> None:
    for marker in list(table.findall(nodes.inline)):
        if "http-status-marker" in marker["classes"]:
            # Without HTML's badge, a bare "unused" reads as part of the phrase.
            text = marker.astext()
            marker.clear()
            marker += nodes.Text(f"({text})")
    for row in table.findall(nodes.row):
        if "http-status-indexed" in row["classes"] and row["ids"]:
            first = row.next_node(nodes.paragraph)
            if first is not None:
                first.insert(0, nodes.target("", "", ids=row["ids"]))
                row["ids"] = []
        if output_format == "man" and "http-status-group" in row["classes"]:
            heading = cast(nodes.entry, row[0])
            for _ in range(heading.get("morecols", 0)):
                row += nodes.entry()
            heading.attributes.pop("morecols", None)


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes, their visitors and the per-format adaptation."""
    plain = (_write_children, _write_children)
    html = (visit_status_html, depart_status_html)
    for node in (status_text, status_reference):
        app.add_node(node, html=html, latex=plain, text=plain, man=plain, texinfo=plain)
    # doctree-resolved runs after references are resolved and before the writer.
    app.connect("doctree-resolved", adapt_for_format)
