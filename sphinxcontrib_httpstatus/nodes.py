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

:class:`status_class_row` and :class:`status_row_header` are a status table's
class heading rows and row header cells, subclasses of the docutils nodes so
that every writer but HTML's handles them as those (Sphinx's translators look
visitors up along the class hierarchy).
"""

from __future__ import annotations

from docutils import nodes


class status_text(nodes.Inline, nodes.TextElement):
    """An unlinked status reference: text with classes and a ``tooltip``."""


class status_reference(nodes.Inline, nodes.TextElement):
    """A linked status reference to ``target`` (``"404"``, ``"4xx"``)."""


class status_endpoints(nodes.General, nodes.Element):
    """The endpoints cell of a status table row, for the code or class ``key``."""


class status_class_row(nodes.row):
    """A status table's class heading row (``:group:``): in HTML, it starts a
    new ``<tbody>`` and its cell is a header cell for the rows below it.
    Other writers know it as the row it is."""


class status_row_header(nodes.entry):
    """The cell naming a status table row (its code, else its phrase): in
    HTML, ``<th scope="row">``. Other writers know it as the cell it is."""


class status_card_list(nodes.General, nodes.Element):
    """Put at the end of an HTML page: the page's description cards, listed
    once for print (:mod:`.card`)."""


#: The class of the visually hidden ", " between a phrase and its state
#: badge in a status table (other writers put the state in parentheses).
SEPARATOR_CLASS = "http-status-separator"

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
