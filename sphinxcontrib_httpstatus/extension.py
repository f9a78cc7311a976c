"""Wiring: everything the extension adds to Sphinx, in one place.

In the order a build meets them: the config values and their validation
(:mod:`.config`); the ``:http:status:`` role in the ``http`` domain
(:mod:`.httpdomain`, the role itself in :mod:`.role`); the table directive
(:mod:`.table`); the ``httpstatus`` domain, which reads targets and referrers
off each document and resolves links (:mod:`.domain`); plain text for status
references in the copies Sphinx makes of titles (:mod:`.titles`); the node
visitors and per-format adaptation (:mod:`.writers`); and the stylesheet
(below).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from . import __version__
from .config import register as setup_config
from .config import settings
from .domain import setup_domain
from .httpdomain import setup_httpdomain
from .table import setup_table
from .titles import setup_titles
from .writers import setup_writers

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR: Final = Path(__file__).with_name("static")
#: Named after the package, so that it cannot overwrite a project's own
#: ``_static/httpstatus.css`` (nor be overwritten by it).
STYLESHEET: Final = "sphinxcontrib-httpstatus.css"
#: Escape and touch for the description cards (:mod:`.card`); under 2 KB.
SCRIPT: Final = "sphinxcontrib-httpstatus.js"
#: Bump when the pickled domain data changes shape, so old environments are
#: discarded instead of misread.
ENV_VERSION: Final = 4


def add_static_path(app: Sphinx, config: Config) -> None:
    """At ``config-inited``: let HTML-format builders copy the stylesheet.

    As Sphinx's own ``graphviz`` does: added this early, the entry is part of
    the configuration every build compares against, so it never shows up as a
    change, and every HTML-format builder (html, dirhtml, singlehtml, epub)
    copies it with the project's own static files. The list is replaced, not
    appended to, so a tuple or a list shared with other code is left alone.
    """
    files = [str(STATIC_DIR / STYLESHEET), str(STATIC_DIR / SCRIPT)]
    missing = [name for name in files if name not in config.html_static_path]
    if missing:
        config.html_static_path = [*config.html_static_path, *missing]


def add_script(app: Sphinx, config: Config) -> None:
    """At ``config-inited``, once the values are checked: with description
    cards, the script that adds Escape and a first tap on touch screens."""
    if settings(config).tooltips == "card":
        app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension with *app*; called by Sphinx."""
    setup_config(app)
    setup_httpdomain(app)
    setup_table(app)
    setup_domain(app)
    setup_titles(app)
    setup_writers(app)
    app.connect("config-inited", add_static_path)
    app.connect("config-inited", add_script, priority=450)
    app.add_css_file(STYLESHEET)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
