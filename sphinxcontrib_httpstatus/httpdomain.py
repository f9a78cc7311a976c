"""The ``http`` domain our role lives in: sphinxcontrib-httpdomain's, or our own.

``:http:status:`` belongs in the ``http`` domain. When
``sphinxcontrib-httpdomain`` is loaded it owns that domain and we add our role
to it; otherwise :class:`HTTPDomain`, which holds nothing but the role, stands
in. Either way the order of ``extensions`` does not matter: the role is
attached at ``config-inited``, once every extension's ``setup()`` has run.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Any

from sphinx.domains import Domain

from .domain import NoAnyXref
from .role import StatusRole

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


class HTTPDomain(NoAnyXref, Domain):
    """A minimal ``http`` domain, for projects without sphinxcontrib-httpdomain."""

    name = "http"
    label = "HTTP"

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        pass  # holds no data; Sphinx refuses parallel reads without this


def attach_role(app: Sphinx, config: Config) -> None:
    """Put a new ``:http:status:`` role (one per build) into the ``http`` domain."""
    if not app.registry.has_domain("http"):
        app.add_domain(HTTPDomain)
    app.add_role_to_domain("http", "status", StatusRole(), override=True)


def setup_httpdomain(app: Sphinx) -> None:
    """Attach the role once every extension is set up."""
    app.connect("config-inited", attach_role)
