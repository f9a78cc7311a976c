"""sphinxcontrib-httpstatus: HTTP status codes as first-class citizens in Sphinx.

In ``conf.py``::

    extensions = ["sphinxcontrib_httpstatus"]
    httpstatus_language = None       # follow Sphinx's ``language``
    httpstatus_link = "auto"         # table row, else MDN, else the RFC section

In a document::

    Returns :http:status:`404` when the order does not exist.

    .. http-status-table:: Status codes of this API
       :codes: 200 201 4xx

renders "404 Not Found", linked to the table's row, with a tooltip explaining
the code in the reader's language. See :mod:`.extension` for the wiring and
:mod:`.dataset` for the bundled data.

Importing this package is cheap: Sphinx and the dataset are only loaded when
Sphinx calls :func:`setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"
__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point; see :func:`sphinxcontrib_httpstatus.extension.setup`."""
    from .extension import setup as _setup

    return _setup(app)
