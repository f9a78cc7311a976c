extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
