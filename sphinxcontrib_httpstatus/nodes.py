"""The doctree nodes of status references.

:class:`status_reference` is a linked reference: the role records the code or
class it names (``target``), its CSS classes and its ``tooltip``; where it
links is decided only when a page is written (:mod:`.domain`), and how each
output format writes it is :mod:`.writers`' business. :class:`status_text` is
an unlinked one (``!404``, ``httpstatus_link = "none"``).
"""

from __future__ import annotations

from docutils import nodes


class status_text(nodes.Inline, nodes.TextElement):
    """An unlinked status reference: text with classes and a ``tooltip``."""


class status_reference(nodes.Inline, nodes.TextElement):
    """A linked status reference to ``target`` (``"404"``, ``"4xx"``)."""


#: Both kinds of status reference.
STATUS_NODES = (status_text, status_reference)

#: Attributes of a node whose warning is due once the document is parsed, at
#: a line the role could not know (a status field of sphinxcontrib-httpdomain:
#: Sphinx names the group's first field as the place of every item).
DEFERRED_SUBTYPE = "httpstatus-warning-subtype"
DEFERRED_MESSAGE = "httpstatus-warning-message"
