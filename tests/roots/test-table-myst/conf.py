extensions = ["myst_parser", "sphinxcontrib_httpstatus"]
show_warning_types = True
