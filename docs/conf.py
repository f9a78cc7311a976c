"""Sphinx configuration for the sphinxcontrib-httpstatus docs: the extension
documents itself, so every example on these pages is rendered by it."""

from __future__ import annotations

import sphinxcontrib_httpstatus

project = "sphinxcontrib-httpstatus"
author = "the sphinxcontrib-httpstatus developers"
copyright = "2026, " + author
release = version = sphinxcontrib_httpstatus.__version__

extensions = [
    "sphinxcontrib_httpstatus",
    "sphinxcontrib.httpdomain",
    "myst_parser",
    "sphinx.ext.autodoc",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
numfig = True
nitpicky = True

# The API page documents typed code; standard-library types are not in this
# project's inventory (the docs build offline, without intersphinx).
nitpick_ignore_regex = [
    ("py:class", r"(collections\.abc|typing|types|pathlib|dataclasses)\..*"),
    ("py:class", r"(Mapping|Iterable|Iterator|Path|State|MappingProxyType|Final)"),
    ("py:class", r"(Any|Literal\[.*\])"),
]

html_theme = "furo"
html_title = "sphinxcontrib-httpstatus"
html_static_path = ["_static"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
