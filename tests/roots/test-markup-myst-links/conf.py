extensions = ["myst_parser", "sphinxcontrib_httpstatus"]
myst_heading_anchors = 2
exclude_patterns = ["_build"]
show_warning_types = True
