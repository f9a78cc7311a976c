"""Wiring: everything the extension adds to Sphinx, in one place.

Each part registers itself: the config values (:mod:`.config`), the nodes and
their per-format handling (:mod:`.nodes`), the domain that resolves links and
attaches ``:http:status:`` to the ``http`` domain (:mod:`.domain`), the table
directive (:mod:`.table`) and the stylesheet (below).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from . import __version__
from .config import register as setup_config
from .domain import setup_domain
from .nodes import setup_nodes
from .table import setup_table

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR: Final = Path(__file__).with_name("static")
STYLESHEET: Final = "httpstatus.css"
#: Bump when the pickled domain data changes shape, so old environments are
#: discarded instead of misread.
ENV_VERSION: Final = 1


def add_stylesheet(app: Sphinx) -> None:
    """Ship the stylesheet with HTML-format builds (html, dirhtml, singlehtml, epub)."""
    if app.builder.format != "html":
        return
    static_path = app.config.html_static_path
    if str(STATIC_DIR) not in static_path:
        static_path.append(str(STATIC_DIR))
    app.add_css_file(STYLESHEET)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension with *app*; called by Sphinx."""
    setup_config(app)
    setup_nodes(app)
    setup_domain(app)
    setup_table(app)
    app.connect("builder-inited", add_stylesheet)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
