"""The ``http`` domain: where ``:http:status:`` lives, and httpdomain's status codes.

``:http:status:`` belongs in the ``http`` domain. When
``sphinxcontrib-httpdomain`` is loaded it owns that domain and we add our role
to it; otherwise :class:`HTTPDomain`, which holds nothing but the role, stands
in. Either way the order of ``extensions`` does not matter: the roles are
attached at ``config-inited``, once every extension's ``setup()`` has run.

With httpdomain loaded and ``httpstatus_httpdomain = True`` (the default), its
``statuscode`` role is replaced, in this build's domain only, by
:class:`StatusCodeRole`. That one role renders every status code httpdomain
shows: the fields ``:statuscode 404:``, ``:status 404 Not found:`` and
``:code 404:`` of its directives (Sphinx's fields call the domain's role), the
roles ``:http:statuscode:`` and bare ``:statuscode:``, and httpdomain's own
cross-reference path (its ``resolve_xref`` calls the role's
:meth:`~StatusCodeRole.result_nodes`). httpdomain's field classes, shared by
every application in the process, are not touched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from typing import TYPE_CHECKING, Any, Final

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from .config import settings
from .domain import NoAnyXref
from .nodes import DEFERRED_MESSAGE, DEFERRED_SUBTYPE, FIELD_STATUS
from .role import Rendering, StatusRole

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: OpenAPI response keys that name no status: the catch-all and extensions.
_NO_STATUS: Final = re.compile(r"default|x-\S*", re.IGNORECASE)


class HTTPDomain(NoAnyXref, Domain):
    """A minimal ``http`` domain, for projects without sphinxcontrib-httpdomain."""

    name = "http"
    label = "HTTP"

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # holds no data; Sphinx refuses parallel reads without this


class StatusCodeRole(StatusRole):
    """httpdomain's ``statuscode`` role, rendered as ``:http:status:`` renders.

    Targets as httpdomain takes them: a code, or a code and the phrase typed
    after it (``404 Not found``; any case, spacing or hyphenation, or a former
    name, renders the current phrase). OpenAPI's response keys also arrive
    here: ``default`` and extension keys (``x-...``) render as the word itself,
    ``2XX`` as the class. httpdomain's ``http_strict_mode = False`` silences
    unknown codes, as it silences httpdomain: they render as plain text.

    A field's warning is given once the document is parsed, at the field's
    own line: Sphinx calls the role with the first field of a group as the
    place, so the node carries the warning until the domain reads the
    document (:meth:`.HTTPStatusDomain.process_doc`).

    A field's reference also carries the code or class it names
    (:data:`.FIELD_STATUS`), from which the domain learns which resources
    return which codes (a status table's ``endpoints`` column). Sphinx calls
    the role for a field with the field's argument as both the raw text and
    the text, which no role in prose has (its raw text has the role's name).
    """

    _in_field = False

    def __call__(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Inliner,
        options: dict[str, Any] | None = None,
        content: Sequence[str] = (),
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self._in_field = rawtext == text
        try:
            return super().__call__(
                name, rawtext, text, lineno, inliner, options, content
            )
        finally:
            self._in_field = False

    def _node(self, rawtext: str, rendering: Rendering) -> nodes.Element:
        node = super()._node(rawtext, rendering)
        if self._in_field and rendering.status:
            node[FIELD_STATUS] = rendering.status
        return node

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if _NO_STATUS.fullmatch(self.text.strip()):
            return [nodes.Text(self.text.strip())], []
        self._deferred: list[tuple[str, str]] = []
        self._strict = _strict(self.config)
        result, messages = super().run()
        node = result[0]
        if isinstance(node, nodes.problematic) and not self._strict:
            return [nodes.Text(self.text)], []
        if self._deferred and isinstance(node, nodes.Element):
            subtype, message = self._deferred[0]
            node[DEFERRED_SUBTYPE] = subtype
            node[DEFERRED_MESSAGE] = message
        return result, messages

    def _warn(
        self, subtype: str, message: str, location: nodes.Node | None = None
    ) -> None:
        if subtype == "unknown" and not self._strict:
            return
        if location is None and self._in_field:
            self._deferred.append((subtype, message))
        else:
            super()._warn(subtype, message, location)

    def result_nodes(
        self,
        document: nodes.document,
        env: BuildEnvironment,
        node: nodes.Element,
        is_ref: bool,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """httpdomain's cross-reference path: *node* is a pending reference to
        a status code that a field made without an inliner."""
        text = node.astext().strip()
        if _NO_STATUS.fullmatch(text):
            return [nodes.Text(text)], []
        self._strict = _strict(env.config)
        rendering = self._render_text(text, settings(env.config), location=node)
        if rendering is None:
            return [nodes.Text(text)], []
        result = self._node(text, rendering)
        result.source, result.line = node.source, node.line
        return [result], []


def _strict(config: Config) -> bool:
    """httpdomain's ``http_strict_mode``: whether unknown codes are errors."""
    return bool(getattr(config, "http_strict_mode", True))


def attach_roles(app: Sphinx, config: Config) -> None:
    """Put a new ``:http:status:`` role (one per build) into the ``http``
    domain, and httpdomain's status codes through our renderer if asked."""
    if not app.registry.has_domain("http"):
        app.add_domain(HTTPDomain)
    app.add_role_to_domain("http", "status", StatusRole(), override=True)
    ours = app.registry.domains["http"] is HTTPDomain
    if config.httpstatus_httpdomain and not ours:
        app.add_role_to_domain("http", "statuscode", StatusCodeRole(), override=True)


def setup_httpdomain(app: Sphinx) -> None:
    """Attach the roles once every extension is set up, after validation."""
    app.connect("config-inited", attach_roles, priority=500)
