"""The ``.. http-status-table::`` directive.

::

    .. http-status-table:: Optional caption
       :codes: 200, 301-304, 4xx
       :columns: code phrase description spec endpoints
       :group:
       :unofficial:
       :language: zh_CN
       :no-index:
       :name: status-table
       :class: my-class

It builds a real docutils table, so every builder renders it. Indexed rows
(the default) carry the id ``http-status-<code>`` (a class heading row,
``http-status-4xx``) and the class ``http-status-indexed``; the domain
(:mod:`.domain`) finds them there once the document is read, so that
``:http:status:`` references anywhere in the project link to them. A row keeps
its documented id even where a section before the table made the same id from
its title: the section gets another. Every bad option value warns once at the
directive's line (type ``httpstatus``) and the table renders what is valid.

The ``endpoints`` column (not shown by default) lists, per row, the
sphinxcontrib-httpdomain resources whose status fields name the code (a class
heading row: the class, ``4XX``). The directive writes a placeholder there
(:class:`.status_endpoints`): the list comes from other pages, and is filled
in when the page is written (:mod:`.writers`), so that the page is written
again, not read again, when the list changes.

Flags (``:group:``, ``:unofficial:``, ``:no-index:``) take no value; MyST's
YAML form ``group: true`` (or ``false``) is understood, and so is a YAML list
for ``:codes:`` (``codes: [200, 404]``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Final

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import SubstitutionDef
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import languages, links
from .config import Settings, settings
from .dataset import StatusClass, StatusCode, StatusRegistry, quote
from .domain import INDEXED_CLASS, TABLE_CLASS
from .httpdomain import HTTPDomain
from .nodes import (
    SEPARATOR_CLASS,
    status_class_row,
    status_endpoints,
    status_row_header,
)
from .presentation import anchor, css_classes

if TYPE_CHECKING:
    from docutils.nodes import Node

logger = logging.getLogger(__name__)

#: The columns a table shows by default, in order.
COLUMNS: Final = ("code", "phrase", "description", "spec")
#: The columns shown only where ``:columns:`` asks for them.
OPTIONAL_COLUMNS: Final = ("endpoints",)
_ACCEPTED: Final = COLUMNS + OPTIONAL_COLUMNS
_WIDTHS: Final = {
    "code": 8,
    "phrase": 24,
    "description": 52,
    "spec": 16,
    "endpoints": 28,
}
#: Between the items of :codes: and :columns:, also YAML's list brackets and
#: quotes, as MyST passes ``codes: [200, "404"]`` on as text.
_SEPARATORS: Final = re.compile(r"[\s,\[\]'\"]+")
_CODE: Final = re.compile(r"[0-9]{3}", re.ASCII)
_CLASS: Final = re.compile(r"[1-5]xx", re.ASCII | re.IGNORECASE)
_RANGE: Final = re.compile(r"([0-9]{3})-([0-9]{3})", re.ASCII)
_FLAGS: Final = ("group", "unofficial", "no-index", "noindex")
#: What a flag's value may be: none in reST; YAML's booleans in MyST, which
#: passes ``group: true`` on as the text "True".
_FLAG_ON: Final = frozenset({"", "true"})
_FLAG_OFF: Final = frozenset({"false"})
_SHOWN_BY_DEFAULT: Final = frozenset(
    {"permanent", "temporary", "unused", "obsoleted", "custom"}
)


class _AnyOption(dict[str, Callable[[str], Any]]):
    """An option spec that lets unknown options through, so that we, not
    docutils, report them: with our warning type and the table still built."""

    def __missing__(self, key: str) -> Callable[[str], Any]:
        unchanged: Callable[[str], Any] = directives.unchanged
        return unchanged


class StatusTable(SphinxDirective):
    """Embed a full or filtered table of status codes."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = _AnyOption(
        {
            "codes": directives.unchanged,
            "columns": directives.unchanged,
            "group": directives.unchanged,
            "unofficial": directives.unchanged,
            "language": directives.unchanged,
            "no-index": directives.unchanged,
            "noindex": directives.unchanged,
            "name": directives.unchanged,
            "class": directives.unchanged,
        }
    )

    def run(self) -> list[Node]:
        if isinstance(self.state, SubstitutionDef):
            return self._in_substitution()
        config = settings(self.config)
        self._check_options()
        language = self._language(config)
        columns = self._columns()
        show_unofficial = "unofficial" in self.options
        codes = self._selection(config.registry, show_unofficial)
        if not codes:
            what = "the selection leaves no status codes"
            if not self.options.get("codes", "x").strip():
                what = ":codes: is empty"
            self._warn("empty", f"{what}; no table rendered")
            return []
        indexed = "no-index" not in self.options and "noindex" not in self.options
        table = self._table(codes, columns, language, config.registry, indexed)
        self.set_source_info(table)
        self.add_name(table)
        return [table]

    def _in_substitution(self) -> list[Node]:
        """A table cannot stand in a line of text: say so, and show its caption."""
        name = self.state.parent["names"][0] if self.state.parent["names"] else ""
        self._warn(
            "context",
            f"a status table cannot be a substitution (|{name}|); write the "
            "directive where the table should stand",
        )
        return [nodes.inline("", self.arguments[0] if self.arguments else name)]

    # -- options -----------------------------------------------------------------

    def _warn(self, subtype: str, message: str) -> None:
        logger.warning(
            "%s [http-status-table]",
            message,
            location=self.get_location(),
            type="httpstatus",
            subtype=subtype,
        )

    def _check_options(self) -> None:
        for name in list(self.options):
            value = self.options[name]
            if name in _FLAGS and str(value).strip().lower() in _FLAG_ON:
                self.options[name] = ""
            elif name in _FLAGS and str(value).strip().lower() in _FLAG_OFF:
                del self.options[name]
            elif name not in StatusTable.option_spec:
                known = ", ".join(
                    f":{k}:" for k in StatusTable.option_spec if k != "noindex"
                )
                self._warn("option", f"unknown option :{name}: (accepted: {known})")
                del self.options[name]
            elif name in _FLAGS and self.options[name]:
                self._warn(
                    "option",
                    f":{name}: takes no value; ignoring {self.options[name]!r}",
                )
            elif name == "class":
                names = self.options[name].split()
                if bad := [n for n in names if not nodes.make_id(n)]:
                    self._warn(
                        "option",
                        f"cannot make {', '.join(map(repr, bad))} into a class name "
                        "in :class: (accepted: names with letters or digits); "
                        "ignoring it",
                    )
                    self.options[name] = " ".join(n for n in names if n not in bad)

    def _language(self, config: Settings) -> str:
        requested = self.options.get("language")
        if requested is None:
            return config.language
        language = languages.match(requested.strip(), config.registry.languages)
        if language is None:
            available = ", ".join(config.registry.languages)
            self._warn(
                "language",
                f":language: {requested!r} has no descriptions (available: "
                f"{available}); using {config.language}",
            )
            return config.language
        return language

    def _columns(self) -> list[str]:
        requested = self.options.get("columns")
        if requested is None:
            return list(COLUMNS)
        columns: list[str] = []
        for token in filter(None, _SEPARATORS.split(requested)):
            name = token.lower()
            if name not in _ACCEPTED:
                self._warn(
                    "columns",
                    f"unknown column {quote(token, 40)} in :columns: "
                    f"(accepted: {', '.join(_ACCEPTED)})",
                )
            elif name not in columns:
                columns.append(name)
        if not columns:
            self._warn("columns", "no valid column in :columns:; showing all columns")
            return list(COLUMNS)
        if "endpoints" in columns and not self._endpoints_known():
            self._endpoints = False
        return columns

    #: Whether the endpoints column can be filled (see _endpoints_known).
    _endpoints = True

    def _endpoints_known(self) -> bool:
        """Whether this build knows which resources return which codes: it
        reads them off httpdomain's status fields as this extension renders
        them. Warns (once per directive) where it does not."""
        if isinstance(self.env.get_domain("http"), HTTPDomain):
            why = "sphinxcontrib-httpdomain, which this project does not load"
        elif not self.config.httpstatus_httpdomain:
            why = (
                "httpdomain's status fields rendered by this extension, which "
                "httpstatus_httpdomain = False turns off"
            )
        else:
            return True
        self._warn(
            "columns",
            f"the endpoints column needs {why}; it shows \N{EM DASH} in every row",
        )
        return False

    def _selection(
        self, registry: StatusRegistry, unofficial: bool
    ) -> list[StatusCode]:
        requested = self.options.get("codes")
        shown = _SHOWN_BY_DEFAULT | {"unofficial"} if unofficial else _SHOWN_BY_DEFAULT
        if requested is None:
            return [entry for entry in registry if entry.state in shown]
        chosen: set[int] = set()
        empty_ranges: list[str] = []
        tokens = list(filter(None, _SEPARATORS.split(requested)))
        for token in tokens:
            if _CODE.fullmatch(token):
                if int(token) in registry:
                    chosen.add(int(token))  # listed by name: shown even if unofficial
                else:
                    self._warn(
                        "codes",
                        f"unknown status code {token} in :codes: (accepted: "
                        "registered codes like 404, classes like 4xx, ranges like "
                        "400-417)",
                    )
            elif _CLASS.fullmatch(token):
                chosen.update(
                    e.code for e in registry.select(classes=[token]) if e.state in shown
                )
            elif (bounds := _RANGE.fullmatch(token)) is not None:
                low, high = int(bounds.group(1)), int(bounds.group(2))
                if low > high:
                    self._warn(
                        "codes", f"empty range {token} in :codes: (write {high}-{low})"
                    )
                matched = [
                    e.code
                    for e in registry
                    if low <= e.code <= high and e.state in shown
                ]
                if not matched and low <= high:
                    hidden = any(low <= e.code <= high for e in registry)
                    empty_ranges.append(
                        f"{token} (only unofficial codes: add :unofficial:)"
                        if hidden
                        else token
                    )
                chosen.update(matched)
            else:
                self._warn(
                    "codes",
                    f"cannot read {quote(token, 40)} in :codes: (accepted: codes "
                    "like 404, classes like 4xx, ranges like 400-417)",
                )
        # A range that selects nothing is worth a word only beside codes that
        # do show; an empty table gets its own single warning.
        for token in empty_ranges if chosen else ():
            self._warn("codes", f"range {token} in :codes: selects no status code")
        return [registry[code] for code in sorted(chosen)]

    # -- the table ---------------------------------------------------------------

    def _table(
        self,
        codes: list[StatusCode],
        columns: list[str],
        language: str,
        registry: StatusRegistry,
        indexed: bool,
    ) -> nodes.table:
        words = settings(self.config).words(language)
        user_classes = directives.class_option(self.options.get("class", "") or "")
        table = nodes.table(classes=[TABLE_CLASS, "colwidths-given", *user_classes])
        if self.arguments:
            title_nodes, messages = self.state.inline_text(
                self.arguments[0], self.lineno
            )
            title = nodes.title(self.arguments[0], "", *title_nodes)
            self.set_source_info(title)
            table += title
            table += messages
        group = nodes.tgroup(cols=len(columns))
        table += group
        for column in columns:
            group += nodes.colspec(colwidth=_WIDTHS[column])
        head = nodes.thead()
        group += head
        head += _row([nodes.Text(words[c]) for c in columns])
        body = nodes.tbody()
        group += body

        header = _header_column(columns)
        seen_classes: set[str] = set()
        for entry in codes:
            cls = entry.status_class
            if cls not in seen_classes and "group" in self.options:
                # Only a heading row makes a class a target: without one, a
                # class reference links where it would without a table.
                seen_classes.add(cls)
                heading = self._class_row(registry.classes[cls], columns, language)
                if indexed:
                    self._index(cls, heading)
                body += heading
            row = _row(
                [self._cell(entry, c, language, indexed, words) for c in columns],
                header,
            )
            row["classes"] += css_classes(entry)[1:]
            if indexed:
                self._index(str(entry.code), row)
            body += row
        return table

    def _index(self, key: str, row: nodes.row) -> None:
        """Give *row* the anchor of *key*, taking it from any other element
        of the document that made the same id (a section titled "HTTP Status
        404"); the domain warns about that clash once the document is read."""
        row["classes"].append(INDEXED_CLASS)
        row_id = anchor(key)
        row["ids"].append(row_id)
        document = self.state.document
        holder = document.ids.get(row_id)
        if holder is not None and INDEXED_CLASS in holder.get("classes", ()):
            # Another status table holds it: maybe in another ``only`` branch,
            # so both keep it until the output is known (see writers.py).
            return
        document.ids[row_id] = row
        if holder is not None:
            holder["ids"].remove(row_id)
            document.set_id(holder)
            for name in holder["names"]:
                if document.nameids.get(name) == row_id:
                    document.nameids[name] = holder["ids"][0]

    def _class_row(
        self, cls: StatusClass, columns: list[str], language: str
    ) -> nodes.row:
        """A class heading row: the class's name and description spanning the
        table, but for its endpoints cell, if the table has one."""
        para = nodes.paragraph()
        para += nodes.strong("", f"{cls.key} {cls.name(language)}")
        para += nodes.Text(" \N{EM DASH} " + cls.description(language))
        row = status_class_row(
            "", classes=["http-status-group", f"http-status-{cls.key}"]
        )
        if "endpoints" not in columns:
            row += _spanning(len(columns), para)
            return row
        at = columns.index("endpoints")
        endpoints = self._endpoints_cell(cls.key)
        if len(columns) == 1:
            row += status_row_header("", para, endpoints)
            return row
        # The heading takes the wider side of the endpoints cell.
        before, after = at, len(columns) - at - 1
        if before:
            row += _spanning(before, *([para] if before >= after else []))
        row += nodes.entry("", endpoints)
        if after:
            row += _spanning(after, *([para] if after > before else []))
        return row

    def _endpoints_cell(self, key: str) -> nodes.Element:
        """The content of the endpoints cell of *key*'s row."""
        if not self._endpoints:
            return nodes.paragraph("", "\N{EM DASH}")
        return status_endpoints("", key=key)

    def _cell(
        self,
        entry: StatusCode,
        column: str,
        language: str,
        indexed: bool,
        words: Mapping[str, str],
    ) -> Node:
        if column == "code":
            text = nodes.Text(str(entry.code))
            if not indexed:
                return text
            link = nodes.reference(
                "",
                "",
                text,
                refid=anchor(str(entry.code)),
                classes=["http-status-code"],
            )
            link["reftitle"] = f"{entry.code} {entry.phrase}"
            return link
        if column == "phrase":
            para: list[Node] = [nodes.Text(entry.phrase)]
            if entry.state != "permanent":
                para += [
                    # A space on screen, where the badge sets the state apart;
                    # a comma, visually hidden, for a screen reader to pause.
                    nodes.inline("", ", ", classes=[SEPARATOR_CLASS]),
                    nodes.inline(
                        "", words[entry.state], classes=["http-status-marker"]
                    ),
                ]
            return nodes.inline("", "", *para)
        if column == "description":
            return nodes.Text(entry.description(language))
        if column == "endpoints":
            return self._endpoints_cell(str(entry.code))
        # spec
        if entry.state == "unofficial":
            return nodes.Text(words["used_by"].format(software=entry.software))
        url = links.spec_url(entry) or entry.url
        if url is None:
            return nodes.Text("\N{EM DASH}")
        label = links.spec_label(entry) or url
        return nodes.reference("", label, refuri=url, internal=False)


def _row(cells: list[Node], header: int | None = None) -> nodes.row:
    """A row of *cells*; the one at index *header* is the row's header cell."""
    row = nodes.row()
    for index, cell in enumerate(cells):
        kind = status_row_header if index == header else nodes.entry
        if isinstance(cell, (status_endpoints, nodes.paragraph)):  # the endpoints
            row += kind("", cell)
        else:
            row += kind("", nodes.paragraph("", "", cell))
    return row


def _header_column(columns: list[str]) -> int | None:
    """The column whose cells name their rows: the code, else the phrase."""
    for name in ("code", "phrase"):
        if name in columns:
            return columns.index(name)
    return None


def _spanning(width: int, *content: Node) -> nodes.entry:
    """A cell *width* columns wide: the heading's cell, if it has content."""
    kind = status_row_header if content else nodes.entry
    if width > 1:
        return kind("", *content, morecols=width - 1)
    return kind("", *content)


def setup_table(app: Any) -> None:
    """Register the directive."""
    app.add_directive("http-status-table", StatusTable)
