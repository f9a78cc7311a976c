extensions = ["sphinxcontrib_httpstatus", "myst_parser"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
