"""How status references and tables are written, per output format.

**HTML** (html, dirhtml, singlehtml, epub and the other HTML-format builders):
:func:`visit_status_html` writes a reference straight as one ``<a>`` (or a
``<span>`` where there is nowhere to link), without Sphinx's generic
cross-reference machinery: that is most of what makes a reference cheap.
With ``httpstatus_tooltips = True`` the reference is followed by its
description card, both in a wrapper (:mod:`.card`); the page's cards are
listed once at its end, for print (:class:`.status_card_list`). EPUB gets
the ``title`` attribute instead. A reference inside another link (a title in
the ``.. contents::`` list) is written unlinked, without a card. A status
table's row header cells become ``<th scope="row">`` and each class heading
row starts a ``<tbody>`` of its own. Where EPUB shows URLs
(``epub_show_urls``), external status links become plain references first,
so that EPUB adds their URLs as it does for every other link.

**Every other format**: :func:`adapt_for_format` (at ``doctree-resolved``)
turns our nodes into plain docutils nodes (a ``reference`` or an ``inline``),
so no writer meets a node it does not know; LaTeX gets its external links
earlier, from :class:`LaTeXExternalLinks`, so that ``latex_show_urls`` sees
them. Status tables are adapted too: a row's state marker goes in parentheses,
as there is no badge to set it apart; the ids of indexed rows move into a
target in the row's first cell, since LaTeX labels and Texinfo anchors are
made from targets, not table rows; man pages, whose tables cannot span
columns, get a class heading row split into cells; and writers that cannot
nest tables (text, man, LaTeX) get a status table inside a table cell as a
list, with a warning at its line.

**Every format, HTML included**: the ``endpoints`` cells of status tables
(:class:`.status_endpoints`) are filled at ``doctree-resolved`` with the
resources that return each code, one per line, each linked to its resource
with :func:`~sphinx.util.nodes.make_refnode` (as text where the builder has no
link to the resource's page: a LaTeX document that leaves it out). HTML
shows a long list's first lines and folds the rest into a ``<details>``
element, every other format shows it whole (see :func:`_endpoints_content`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .card import WRAPPER_CLASS, Card, card, card_id, entry_of, print_list
from .config import Settings, settings
from .dataset import StatusClass, StatusCode
from .domain import DOMAIN, INDEXED_CLASS, EndpointLink, status_tables
from .memo import Memo
from .nodes import (
    SEPARATOR_CLASS,
    STATUS_NODES,
    status_card_list,
    status_class_row,
    status_endpoints,
    status_reference,
    status_row_header,
    status_text,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.util.docutils import SphinxTranslator
    from sphinx.writers.html5 import HTML5Translator

    from .domain import Destination, HTTPStatusDomain

logger = logging.getLogger(__name__)

#: Output formats whose writers cannot put a table inside a table cell.
_NO_NESTED_TABLES: Final = frozenset({"text", "man", "latex"})
#: An endpoints cell lists up to this many resources in full; in HTML, a
#: longer list shows the first ``_ENDPOINTS_SHOWN`` and folds the rest.
_ENDPOINTS_LISTED: Final = 6
_ENDPOINTS_SHOWN: Final = 5


def _domain(env: Any) -> HTTPStatusDomain:
    domain: HTTPStatusDomain = env.get_domain(DOMAIN)
    return domain


def _in_link(node: nodes.Node) -> bool:
    """Whether *node* sits inside a link already (a title in a contents list).

    Only inline ancestors can be a link around it, so the walk stops at the
    first block-level one: for a reference in a paragraph, that is its parent.
    """
    parent: nodes.Element | None = node.parent
    while isinstance(parent, nodes.Inline):
        if isinstance(parent, nodes.reference):
            return True
        parent = parent.parent
    return False


# -- HTML ----------------------------------------------------------------------


#: What a kind of reference is written as: its start tag, its end tag, the
#: end tag of the page's first reference to its code (whose card holds the
#: description's id), and its card (``None`` without one).
_Tags = tuple[str, str, str, "Card | None"]

#: Where a card goes in a page's body until the page is handed to its
#: template (see :func:`insert_cards`): an HTML comment, so that a body no
#: one fills in still shows every reference, only without cards.
_INSERT = re.compile(r"<!--http-status-card ([0-9]+)-->")


class _Page:
    """What the HTML translator of one page keeps about its references."""

    __slots__ = ("described", "mode", "printed", "tags")

    def __init__(self, mode: str) -> None:
        #: ``"card"``, ``"title"`` or ``"none"``, for this builder.
        self.mode = mode
        #: The start and end tags of each distinct reference, and its card
        #: (Memo's rule).
        self.tags: Memo[tuple[object, ...], _Tags] = Memo()
        #: The codes and classes whose description has its id on the page.
        self.described: set[str] = set()
        #: The printed entries of the page's cards, in order of appearance.
        self.printed: list[str] = []


def _page(self: HTML5Translator) -> _Page:
    """This page's :class:`_Page`, kept by the page's translator."""
    page: _Page | None = self.__dict__.get("_httpstatus_page")
    if page is None:
        mode = settings(self.builder.config).tooltips
        if mode == "card" and self.builder.name == "epub":
            # EPUB readers mostly have no hover: the title is what they show.
            mode = "title"
        page = self.__dict__["_httpstatus_page"] = _Page(mode)
    return page


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


class _Inserts:
    """The HTML that fills the card markers of this build's pages."""

    __slots__ = ("html", "index")

    def __init__(self) -> None:
        self.html: list[str] = []
        self.index: dict[str, int] = {}

    def marker(self, html: str) -> str:
        """The marker that stands for *html* in a page's body."""
        found = self.index.get(html)
        if found is None:
            found = self.index[html] = len(self.html)
            self.html.append(html)
        return f"<!--http-status-card {found}-->"


def _inserts(builder: Builder) -> _Inserts:
    inserts: _Inserts | None = builder.__dict__.get("_httpstatus_inserts")
    if inserts is None:
        inserts = builder.__dict__["_httpstatus_inserts"] = _Inserts()
    return inserts


def insert_cards(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """At ``html-page-context``: put the cards in the page's body.

    The translator writes a marker where each card goes, and the cards go in
    only here: Sphinx logs every event with a ``repr()`` of its arguments,
    the whole page body included, and a card is several hundred bytes that
    would otherwise go through it (and through docutils' copies of the body)
    once per reference. Connected early, so other listeners see the cards.
    """
    inserts: _Inserts | None = app.builder.__dict__.get("_httpstatus_inserts")
    body = context.get("body")
    if inserts is None or not isinstance(body, str):
        return
    html = inserts.html
    context["body"] = _INSERT.sub(lambda found: html[int(found.group(1))], body)


def _written(builder: Builder) -> Memo[tuple[object, ...], _Tags]:
    """What each kind of reference is written as in this build, by its
    ``href``: kept by the builder, so pages that link alike share it."""
    written: Memo[tuple[object, ...], _Tags] | None
    written = builder.__dict__.get("_httpstatus_written")
    if written is None:
        written = builder.__dict__["_httpstatus_written"] = Memo()
    return written


def visit_status_html(self: HTML5Translator, node: nodes.Element) -> None:
    """The start tag of a reference of either kind: ``<a>`` where it links,
    ``<span>`` where it does not (``status_text``, or nowhere to link); with
    cards, inside the wrapper that also holds the card (see :mod:`.card`)."""
    page = _page(self)
    in_link = _in_link(node)
    linked = isinstance(node, status_reference) and not in_link
    with_card = page.mode == "card" and not in_link and bool(node.get("tooltip"))
    key = node["target"] if isinstance(node, status_reference) else node["status"]
    # Thousands of references on a page share a handful of kinds: each kind
    # is worked out once per page (and written once per build, see _tags).
    kind = (key, linked, with_card, node.get("tooltip", ""), *node["classes"])
    if node["ids"]:  # an id makes the tag unique
        tags = _tags(self, page, node, key, kind, linked, with_card)[0]
    else:
        try:
            tags = page.tags[kind]
        except KeyError:
            tags, warned = _tags(self, page, node, key, kind, linked, with_card)
            page.tags.remember(kind, tags, warned=warned)
    start, end, end_described, card = tags
    if card is not None and key not in page.described:
        # The page's first card of this code holds the description that
        # every reference to it names in aria-describedby.
        page.described.add(key)
        end = end_described
        page.printed.append(card.printed)
    self.body.append(start)
    self.context.append(end)


def _tags(
    self: HTML5Translator,
    page: _Page,
    node: nodes.Element,
    key: str,
    kind: tuple[object, ...],
    linked: bool,
    with_card: bool,
) -> tuple[_Tags, bool]:
    """The start and end tags of *node* (of *kind*) and its card, if it has
    one; and whether working them out warned.

    Where it links is looked up for each page; what it is written as, once
    per build for each ``href``, as pages at the same depth link alike.
    """
    destination = None
    if linked:
        destination = _domain(self.builder.env).destination(node["target"], node)
    warned = destination is not None and destination.fallback_from_table
    href = None
    if destination is not None:
        href = _href(self.builder, self.builder.current_docname, destination)
    if node["ids"]:
        return _write(self, page, node, key, destination, href, with_card), warned
    written = _written(self.builder)
    build_key = (*kind, page.mode, href or "")
    tags = written.get(build_key)
    if tags is None:
        tags = _write(self, page, node, key, destination, href, with_card)
        written.remember(build_key, tags, warned=warned)
    return tags, warned


def _write(
    self: HTML5Translator,
    page: _Page,
    node: nodes.Element,
    key: str,
    destination: Destination | None,
    href: str | None,
    with_card: bool,
) -> _Tags:
    """The start and end tags of *node*, linking to *href*, and its card."""
    attributes: dict[str, Any] = {}
    tooltip = node.get("tooltip")
    if tooltip and page.mode == "title":
        attributes["title"] = tooltip
    config = settings(self.builder.config)
    entry = entry_of(config.registry, key) if with_card else None
    if entry is not None:
        attributes["aria-describedby"] = card_id(key)
    if destination is None:
        if entry is not None:
            # Unlinked references are reachable by keyboard, to open the card;
            # as a term (its card the definition), a focused one is announced
            # by its text, which a focusable generic span would not be.
            attributes["tabindex"] = "0"
            attributes["role"] = "term"
        start = self.starttag(node, "span", "", **attributes)
        end = "</span>"
    else:
        kind = "external" if destination.row is None else "internal"
        attributes.update(href=href, **{"class": f"reference {kind}"})
        start = self.starttag(node, "a", "", **attributes)
        end = "</a>"
    if entry is None:
        return start, end, end, None
    to_table = href if destination is not None and destination.row else None
    card = card_of(entry, config, to_table)
    inserts = _inserts(self.builder)
    return (
        f'<span class="{WRAPPER_CLASS}">{start}',
        f"{end}{inserts.marker(card.html)}</span>",
        f"{end}{inserts.marker(card.with_id(key))}</span>",
        card,
    )


def card_of(
    entry: StatusCode | StatusClass, config: Settings, table_href: str | None
) -> Card:
    """*entry*'s card in the build's language."""
    return card(
        entry,
        config.registry,
        config.language,
        config.words(config.language),
        table_href,
    )


def depart_status_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.context.pop())


def visit_card_list_html(self: HTML5Translator, node: nodes.Element) -> None:
    """The page's cards, listed once at its end for print."""
    page = _page(self)
    if page.printed:
        config = settings(self.builder.config)
        heading = config.words(config.language)["print_heading"]
        listed = print_list(heading, page.printed)
        self.body.append(_inserts(self.builder).marker(listed))
    raise nodes.SkipNode


def visit_class_row_html(self: HTML5Translator, node: nodes.Element) -> None:
    """A class heading row starts its class's own row group (``<tbody>``),
    but for the first row of the body, whose group is open already."""
    if node.parent is not None and node.parent.children[0] is not node:
        self.body.append("</tbody>\n<tbody>\n")
    self.visit_row(node)


def depart_class_row_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.depart_row(cast(nodes.row, node))


def visit_row_header_html(self: HTML5Translator, node: nodes.Element) -> None:
    """A row's header cell, ``<th scope="row">``; a class heading's cell
    heads its row group, ``<th scope="rowgroup">``."""
    self.visit_entry(cast(nodes.entry, node))
    tag = self.body[-1]
    if tag.startswith("<td"):
        scope = "rowgroup" if isinstance(node.parent, status_class_row) else "row"
        self.body[-1] = f'<th scope="{scope}"{tag[3:]}'
        self.context[-1] = self.context[-1].replace("</td>", "</th>", 1)


def depart_row_header_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.depart_entry(cast(nodes.entry, node))


# -- other formats -------------------------------------------------------------


def _write_children(self: SphinxTranslator, node: nodes.Element) -> None:
    """Visitor and departure for writers with no tooltips: the text is enough."""


def _skip(self: SphinxTranslator, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _plain_inline(node: nodes.Element) -> nodes.inline:
    return nodes.inline(node.rawsource, "", *node.children, classes=node["classes"])


def _external(node: status_reference, url: str) -> nodes.reference:
    ref = nodes.reference(node.rawsource, "", *node.children, refuri=url)
    ref["internal"] = False
    ref["classes"] = list(node["classes"])
    if node.get("tooltip"):
        ref["reftitle"] = node["tooltip"]
    return ref


def _as_docutils(
    builder: Builder, docname: str, node: status_reference
) -> nodes.Element:
    """A linked reference as the plain node non-HTML writers know."""
    if _in_link(node):
        return _plain_inline(node)
    domain = _domain(builder.env)
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
            ref["classes"] = list(node["classes"])
            return ref
    if destination is None or destination.url is None:
        return _plain_inline(node)
    return _external(node, destination.url)


class LaTeXExternalLinks(SphinxPostTransform):
    """Make LaTeX's external status links plain references before Sphinx's
    ``ShowUrlsTransform`` (priority 400) looks for the URLs to print."""

    default_priority = 390
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        links = list(self.document.findall(status_reference))
        if links:
            present = {self.document.get("docname")} | {
                n["docname"] for n in self.document.findall(addnodes.start_of_file)
            }
            _external_links(_domain(self.env), links, present)


def adapt_for_format(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """At ``doctree-resolved``: fill the endpoints cells of status tables, and
    make our nodes plain docutils for non-HTML writers."""
    builder = app.builder
    _fill_endpoints(builder, doctree, docname)
    if builder.format == "html":
        if builder.name != "epub" and settings(app.config).tooltips == "card":
            # At the end of the page: its cards listed once, for print.
            doctree += status_card_list()
        if builder.name == "epub" and app.config.epub_show_urls != "no":
            _external_links(
                _domain(builder.env), list(doctree.findall(status_reference))
            )
        if docname in _domain(builder.env).shared_anchor_docs:
            _drop_repeated_row_ids(doctree)
        return
    for link in list(doctree.findall(status_reference)):
        link.replace_self(_as_docutils(builder, docname, link))
    for node in list(doctree.findall(status_text)):
        node.replace_self(_plain_inline(node))
    _drop_repeated_row_ids(doctree)
    for table in list(status_tables(doctree)):
        if builder.format in _NO_NESTED_TABLES and _in_table(table):
            table.replace_self(_as_list(table, builder.format))
        else:
            _adapt_table(table, builder.format)


def _fill_endpoints(builder: Builder, doctree: nodes.document, docname: str) -> None:
    """Put in each endpoints cell the resources that return its row's code."""
    domain = _domain(builder.env)
    tables = domain.endpoint_tables
    if not tables:
        return
    # A page of its own is looked at only if it has a cell; a document made
    # of several pages (single-page HTML, LaTeX, Texinfo) always.
    one_page = builder.format == "html" and builder.name != "singlehtml"
    if one_page and docname not in tables:
        return
    lists = domain.endpoint_lists
    for cell in list(doctree.findall(status_endpoints)):
        found = lists.get(cell["key"], ())
        cell.replace_self(_endpoints_content(builder, docname, found))


def _endpoints_content(
    builder: Builder, docname: str, found: tuple[EndpointLink, ...]
) -> list[nodes.Node]:
    """An endpoints cell: a dash for none, else a line per resource.

    In HTML, a list longer than ``_ENDPOINTS_LISTED`` shows its first
    ``_ENDPOINTS_SHOWN`` lines, then a ``<details>`` element whose summary
    counts the rest ("+7") and which holds them. The text writer wraps a
    table cell's lines into one paragraph, so there the resources are
    separated by commas.
    """
    if not found:
        return [nodes.paragraph("", "\N{EM DASH}")]
    links = [_endpoint_link(builder, docname, link) for link in found]
    if builder.format == "text":
        para = nodes.paragraph()
        for index, link in enumerate(links):
            para += [nodes.Text(", "), link] if index else [link]
        return [para]
    lines = [nodes.line("", "", link) for link in links]
    if builder.format != "html" or len(lines) <= _ENDPOINTS_LISTED:
        return [_line_block(lines)]
    shown, rest = lines[:_ENDPOINTS_SHOWN], lines[_ENDPOINTS_SHOWN:]
    return [
        _line_block(shown),
        nodes.raw(
            "",
            '<details class="http-status-endpoints-more">'
            f"<summary>+{len(rest)}</summary>",
            format="html",
        ),
        _line_block(rest),
        nodes.raw("", "</details>", format="html"),
    ]


def _line_block(lines: list[nodes.line]) -> nodes.line_block:
    return nodes.line_block("", *lines, classes=["http-status-endpoints"])


def _endpoint_link(builder: Builder, docname: str, link: EndpointLink) -> nodes.Node:
    """``GET /orders``, linked to the resource where it has an anchor."""
    text = nodes.Text(link.text)
    if link.docname is None or link.anchor is None:
        return text
    try:
        ref = make_refnode(builder, docname, link.docname, link.anchor, text)
    except NoUri:  # the resource's page is not part of this output
        return text
    uri = ref.get("refuri", "")
    if uri.count("#") > 1:  # single-page HTML's "#document-<doc>#<anchor>"
        ref["refuri"] = uri[uri.rindex("#") :]
    return ref


def _external_links(
    domain: HTTPStatusDomain,
    links: list[status_reference],
    present: set[str] | None = None,
) -> None:
    """Make each of *links* that goes to a URL a plain reference, which the
    builder's own show-URLs step then sees. Links into a table row stay ours
    (adapt_for_format or the HTML visitor writes them), unless *present*, the
    pages of this output, leaves the row's page out: then the URL serves."""
    for node in links:
        if _in_link(node):
            continue
        destination = domain.destination(node["target"], node)
        if destination is not None and destination.row is not None:
            if present is None or destination.row.docname in present:
                continue
            destination = domain.destination(node["target"], node, tables=False)
        if destination is not None and destination.url is not None:
            node.replace_self(_external(node, destination.url))


def _drop_repeated_row_ids(doctree: nodes.document) -> None:
    """Keep each row anchor on its first row in the output only.

    Tables in ``.. only::`` branches may each hold the anchor, since only one
    branch is written; two tables both written hold it once (the first), as
    references link to the first, and the duplicate is warned about.
    """
    seen: set[tuple[str, str]] = set()
    for table in status_tables(doctree):
        source = table.source or ""
        for row in table.findall(nodes.row):
            if INDEXED_CLASS not in row["classes"]:
                continue
            for row_id in list(row["ids"]):
                if (source, row_id) in seen:
                    row["ids"].remove(row_id)
                seen.add((source, row_id))


def _in_table(node: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.table):
            return True
        parent = parent.parent
    return False


def _as_list(table: nodes.table, output_format: str) -> nodes.Element:
    """A status table as a bullet list, one item per row, for a writer that
    cannot put it inside the table cell it sits in."""
    logger.warning(
        "a status table inside a table cell cannot be written by the %s "
        "builder; writing it as a list",
        output_format,
        location=table,
        type="httpstatus",
        subtype="nested",
    )
    result = nodes.bullet_list(classes=["http-status-table"])
    body = next(iter(table.findall(nodes.tbody)), None)
    for row in body.findall(nodes.row) if body is not None else ():
        texts = [entry.astext().strip() for entry in row.findall(nodes.entry)]
        item = nodes.list_item()
        item += nodes.paragraph("", " \N{EM DASH} ".join(t for t in texts if t))
        result += item
    title = next(iter(table.findall(nodes.title)), None)
    if title is None:
        return result
    container = nodes.container()
    container += nodes.paragraph("", "", *title.children)
    container += result
    return container


def _adapt_table(table: nodes.table, output_format: str) -> None:
    """A status table for a writer other than HTML's: markers in parentheses,
    row ids on targets, and, for man pages, no cell spanning columns."""
    for marker in list(table.findall(nodes.inline)):
        if SEPARATOR_CLASS in marker["classes"]:
            # (replace_self() would refuse: the Text cannot keep the classes)
            marker.parent.replace(marker, nodes.Text(" "))
        elif "http-status-marker" in marker["classes"]:
            # Without HTML's badge, a bare "unused" reads as part of the phrase.
            text = marker.astext()
            marker.clear()
            marker += nodes.Text(f"({text})")
    for row in table.findall(nodes.row):
        if INDEXED_CLASS in row["classes"] and row["ids"]:
            first = row.next_node(nodes.paragraph)
            if first is not None:
                first.insert(0, nodes.target("", "", ids=row["ids"]))
                row["ids"] = []
        if output_format == "man" and "http-status-group" in row["classes"]:
            for cell in list(row.children):
                spans = cast(nodes.entry, cell).attributes.pop("morecols", 0)
                at = row.index(cell) + 1
                for _ in range(spans):
                    row.insert(at, nodes.entry())


def setup_writers(app: Sphinx) -> None:
    """Register the nodes with their visitors, and the per-format adaptation."""
    plain = (_write_children, _write_children)
    html = (visit_status_html, depart_status_html)
    for node in STATUS_NODES:
        app.add_node(node, html=html, latex=plain, text=plain, man=plain, texinfo=plain)
    # Filled at doctree-resolved; one left over (a builder that wrote a
    # doctree without resolving it) is left out.
    skip = (_skip, _write_children)
    app.add_node(
        status_endpoints, html=skip, latex=skip, text=skip, man=skip, texinfo=skip
    )
    # The table's class heading rows and row header cells: HTML writes them
    # its own way, every other writer as the row and cell they are.
    app.add_node(status_class_row, html=(visit_class_row_html, depart_class_row_html))
    app.add_node(
        status_row_header, html=(visit_row_header_html, depart_row_header_html)
    )
    app.add_node(status_card_list, html=(visit_card_list_html, _write_children))
    app.add_post_transform(LaTeXExternalLinks)
    # doctree-resolved runs after references are resolved and before the writer.
    app.connect("doctree-resolved", adapt_for_format)
    app.connect("html-page-context", insert_cards, priority=100)
