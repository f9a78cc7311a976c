extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
httpstatus_link = "mdn"
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
