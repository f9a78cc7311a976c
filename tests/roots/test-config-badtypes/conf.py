extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Every value of the wrong type: each gets one warning and its default.
httpstatus_language = 42
httpstatus_link = None
httpstatus_format = ["{code}"]
httpstatus_tooltips = 0.5
httpstatus_custom = [(299, "Custom")]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
