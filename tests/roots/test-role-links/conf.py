extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
httpstatus_custom = {
    299: {"phrase": "Custom Accepted", "url": "https://example.com/codes/299"},
    298: {"phrase": "Unpublished"},
}
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
