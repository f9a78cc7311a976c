"""The doctree node for an unlinked status reference, and how each format renders it.

Linked references become ordinary ``reference`` nodes (their tooltip is the
``reftitle``, which HTML writes as ``title``). Unlinked ones, from ``!404``,
``httpstatus_link = "none"`` or a code with no page anywhere, are a
:class:`status_text` node: HTML writes it as a ``<span>`` with the same classes
and ``title``; Sphinx's other writers (LaTeX, text, man, Texinfo) write its
text. For any other builder, :func:`adapt_for_format` turns it into a
plain ``inline`` before writing, so no writer meets a node it does not know.
(Titles copied into a resolved toctree are not in the resolved doctree; the
built-in writers' visitors cover those.)

The same handler adapts status tables to non-HTML writers: it puts a
row's state marker in parentheses, as there is no badge to set it apart; it
moves the ids of indexed rows into a target in the row's first cell, since
LaTeX labels and Texinfo anchors are made from targets, not table rows; and for
man pages, whose tables cannot span columns, it splits a class heading row into
cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import SphinxTranslator
    from sphinx.writers.html5 import HTML5Translator


class status_text(nodes.Inline, nodes.TextElement):
    """An unlinked status reference: text with classes and a ``tooltip``."""


def visit_status_text_html(self: HTML5Translator, node: status_text) -> None:
    attributes: dict[str, Any] = {}
    if node.get("tooltip"):
        attributes["title"] = node["tooltip"]
    self.body.append(self.starttag(node, "span", "", **attributes))


def depart_status_text_html(self: HTML5Translator, node: status_text) -> None:
    self.body.append("</span>")


def _write_children(self: SphinxTranslator, node: status_text) -> None:
    """Visitor and departure for writers with no tooltips: the text is enough."""


def adapt_for_format(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """At ``doctree-resolved``: make our nodes plain docutils for non-HTML writers."""
    output_format = app.builder.format
    if output_format == "html":
        return
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
    """Register the node, its visitors and the per-format adaptation."""
    plain = (_write_children, _write_children)
    app.add_node(
        status_text,
        html=(visit_status_text_html, depart_status_text_html),
        latex=plain,
        text=plain,
        man=plain,
        texinfo=plain,
    )
    # doctree-resolved runs after the post-transforms that resolve references
    # (which may produce status_text) and before the writer.
    app.connect("doctree-resolved", adapt_for_format)
