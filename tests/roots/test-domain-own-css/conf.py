extensions = ["sphinxcontrib_httpstatus"]
html_static_path = ["_static"]
show_warning_types = True  # Sphinx 7.4 does not show them by default
