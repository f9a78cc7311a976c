"""Status references in the copies Sphinx makes of section titles.

Sphinx copies each section title into the table of contents, the page's
``<title>``, the previous/next links, the search index and the JSON builders'
context. A reference kept as a link there would be a link inside a link (the
toctree entry, the "next" link) and would be resolved, and warned about, once
per copy. So, once a document is read, every status reference in those copies
becomes plain text, its code and phrase: no link, no colour, no tooltip. The
heading in the page itself keeps the full reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .nodes import STATUS_NODES

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _flatten(tree: nodes.Node | None) -> None:
    if tree is None:
        return
    for node in list(tree.findall(nodes.Element)):
        if isinstance(node, STATUS_NODES) and node.parent is not None:
            node.parent.replace(node, nodes.Text(node.astext()))


def flatten_title_copies(app: Sphinx, doctree: nodes.document) -> None:
    """At ``doctree-read``, after Sphinx's collectors made the copies."""
    env = app.env
    docname = env.docname
    _flatten(env.titles.get(docname))
    _flatten(env.longtitles.get(docname))
    _flatten(env.tocs.get(docname))


def setup_titles(app: Sphinx) -> None:
    # Sphinx's title and toctree collectors listen at the default priority, 500.
    app.connect("doctree-read", flatten_title_copies, priority=900)
