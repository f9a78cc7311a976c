"""The doctree nodes of status references.

:class:`status_reference` is a linked reference: the role records the code or
class it names (``target``), its CSS classes and its ``tooltip``; where it
links is decided only when a page is written (:mod:`.domain`), and how each
output format writes it is :mod:`.writers`' business. :class:`status_text` is
an unlinked one (``!404``, ``httpstatus_link = "none"``).

:class:`status_endpoints` stands in a status table's ``endpoints`` cell for the
list of httpdomain resources that return the row's code: the list depends on
other pages, so it is made only when the table's page is written
(:mod:`.writers`), and the page need not be read again when it changes.
"""

from __future__ import annotations

from docutils import nodes


class status_text(nodes.Inline, nodes.TextElement):
    """An unlinked status reference: text with classes and a ``tooltip``."""


class status_reference(nodes.Inline, nodes.TextElement):
    """A linked status reference to ``target`` (``"404"``, ``"4xx"``)."""


class status_endpoints(nodes.General, nodes.Element):
    """The endpoints cell of a status table row, for the code or class ``key``."""


#: Both kinds of status reference.
STATUS_NODES = (status_text, status_reference)

#: Attributes of a node whose warning is due once the document is parsed, at
#: a line the role could not know (a status field of sphinxcontrib-httpdomain:
#: Sphinx names the group's first field as the place of every item).
DEFERRED_SUBTYPE = "httpstatus-warning-subtype"
DEFERRED_MESSAGE = "httpstatus-warning-message"

#: The attribute of a reference made for a status field of an httpdomain
#: resource (``:statuscode 404:``): the code or class it names, linked or not.
#: The domain reads it, with the resource, once the document is parsed.
FIELD_STATUS = "httpstatus-field"
