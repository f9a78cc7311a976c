extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
show_warning_types = True
