"""The doctree node for an unlinked status reference, and how each format renders it.

Linked references become ordinary ``reference`` nodes (their tooltip is the
``reftitle``, which HTML writes as ``title``). Unlinked ones, from ``!404``,
``httpstatus_link = "none"`` or a code with no page anywhere, are a
:class:`status_text` node: HTML writes it as a ``<span>`` with the same classes
and ``title``; for every other format :class:`SimplifyForOtherFormats` turns it
into a plain ``inline`` before writing, so no builder ever meets a node it does
not know.

The same post-transform moves the ids of indexed table rows into a target in
the row's first cell for non-HTML formats, whose writers make link targets
(LaTeX labels, Texinfo anchors) from targets, not from table rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
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


class SimplifyForOtherFormats(SphinxPostTransform):
    """Make our nodes plain docutils for every non-HTML writer."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        if self.app.builder.format == "html":
            return
        for node in list(self.document.findall(status_text)):
            node.replace_self(
                nodes.inline(
                    node.rawsource, "", *node.children, classes=node["classes"]
                )
            )
        for row in list(self.document.findall(nodes.row)):
            if "http-status-indexed" not in row["classes"] or not row["ids"]:
                continue
            first = row.next_node(nodes.paragraph)
            if first is not None:
                first.insert(0, nodes.target("", "", ids=row["ids"]))
                row["ids"] = []


def setup_nodes(app: Sphinx) -> None:
    """Register the node (HTML visitors only) and the post-transform."""
    app.add_node(status_text, html=(visit_status_text_html, depart_status_text_html))
    app.add_post_transform(SimplifyForOtherFormats)
