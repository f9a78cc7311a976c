extensions = ["sphinxcontrib_httpstatus"]
show_warning_types = True  # Sphinx 7.4 does not show them by default
